/**
 * The portal page's "Postbacks" section: a partner's own postbacks over
 * `/portal/api/postbacks` and `/portal/api/notices`. A module of its own (`/portal/postbacks.js`,
 * imported by `app.js`) because it is the page's one interactive part: a create form, and per
 * postback an edit form, a secret, test sends and a delivery log. Like the rest of the page it
 * writes every value with `textContent`; a partner's URL template is shown, never interpreted.
 */

/**
 * The events a postback can subscribe to (issue 22), in the order the form lists them. The
 * server decides which the program allows and answers 422 for the others.
 */
export const POSTBACK_EVENTS = [
  ['customer.created', 'A referral signs up'],
  ['transaction.created', 'A sale'],
  ['transaction.deleted', 'A refund'],
  ['reward.created', 'A commission is created'],
  ['reward.approved', 'A commission is approved'],
  ['reward.paid', 'A commission is paid'],
  ['lead.submitted', 'A lead is submitted'],
  ['lead.converted', 'A lead converts'],
] as const;

/** The macros of a `url` postback, with what each becomes. */
export const POSTBACK_MACROS = [
  ['{event}', 'the event name, e.g. transaction.created'],
  ['{event_id}', 'the event id (the same on every retry)'],
  ['{partner_key}', 'your partner key'],
  ['{customer_key}', "the referral's customer key"],
  ['{transaction_key}', 'the sale (order) key'],
  ['{amount}', 'the sale amount in major units, e.g. 99.50'],
  ['{currency}', 'the currency, e.g. USD'],
  ['{commission}', 'your commission in major units'],
  ['{reward_id}', 'the commission id'],
  ['{reward_status}', 'the commission status'],
  ['{created_at}', 'when the event happened, ISO 8601 UTC'],
] as const;

/** `GET /portal/postbacks.js`: exports `renderPostbacks(host, kit)`. */
export const PORTAL_POSTBACKS_JS = `
const EVENTS = ${JSON.stringify(POSTBACK_EVENTS)};
const MACROS = ${JSON.stringify(POSTBACK_MACROS)};

function when(iso) { return iso ? iso.replace('T', ' ').slice(0, 19) + ' UTC' : '—'; }

/** Active, failing since…, or disabled with its reason. */
export function health(p) {
  if (!p.is_active) {
    return 'Disabled' + (p.disabled_reason ? ': ' + p.disabled_reason : '') + (p.disabled_at ? ' (' + when(p.disabled_at) + ')' : '');
  }
  if (p.failing_since) {
    return 'Failing since ' + when(p.failing_since) + ' (' + p.consecutive_failures + ' failed in a row)';
  }
  return 'Active';
}

/** The postback's accessible name: its id is the one thing two postbacks never share. */
function label(p) { return 'Postback ' + p.id; }

function kind(p) { return p.format === 'url' ? 'URL, ' + p.method : 'Webhook, signed JSON'; }

/**
 * Draws the section into host and keeps it current. kit: { api, el, table } from app.js; api
 * throws an Error with status and errors (the API's field errors) on a non-2xx answer.
 */
export async function renderPostbacks(host, kit) {
  const { api, el, table } = kit;
  // What a redraw must not forget: the answer of the last test send and revealed secrets.
  const tested = new Map();
  const revealed = new Set();
  // Postbacks whose edit form is open: a redraw (another postback's test send) keeps it open.
  const editing = new Set();
  const body = el('div');
  const status = el('p', undefined, { role: 'status' });
  host.append(el('p', 'Postbacks send your own referrals\\' events to your systems: a signed JSON webhook, or a URL of your tracking platform with macros filled in.', { class: 'note' }), status, body);

  function errorBox(error) {
    const box = el('div', undefined, { class: 'error', role: 'alert' });
    box.append(el('p', error.message));
    // A field error that repeats the message (Laravel's single-error answer) is said once.
    const fields = Object.entries(error.errors || {})
      .map(([field, messages]) => [field, [].concat(messages).filter((m) => m !== error.message)])
      .filter(([, messages]) => messages.length > 0);
    if (fields.length > 0) {
      const list = el('ul');
      for (const [field, messages] of fields) list.append(el('li', field + ': ' + messages.join(' ')));
      box.append(list);
    }
    return box;
  }

  async function refresh() {
    let postbacks, notices;
    try {
      [postbacks, notices] = await Promise.all([
        api('GET', '/postbacks').then((r) => r.data),
        api('GET', '/notices').then((r) => r.data).catch(() => []),
      ]);
    } catch (error) {
      body.replaceChildren(error.status === 403 || error.status === 404
        ? el('p', 'This program does not offer postbacks.', { class: 'note' })
        : errorBox(error));
      return;
    }
    const logs = await Promise.all(postbacks.map((p) =>
      api('GET', '/postbacks/' + p.id + '/deliveries').then((r) => r.data, (error) => error)));
    draw(postbacks, notices, logs);
  }

  function draw(postbacks, notices, logs) {
    body.replaceChildren();
    if (notices.length > 0) {
      const list = el('ul', undefined, { 'aria-label': 'Postback notices', class: 'notices' });
      for (const n of notices) {
        const item = el('li', (n.created_at ? when(n.created_at) + ': ' : '') + n.message + ' ');
        if (n.url) item.append(el('code', n.url));
        list.append(item);
      }
      body.append(el('h3', 'Notices'), list);
    }
    if (postbacks.length === 0) body.append(el('p', 'No postbacks yet.', { class: 'note' }));
    else {
      body.append(table('Postbacks', [
        ['Postback', (p) => label(p)],
        ['Format', (p) => kind(p)],
        ['URL', (p) => el('code', p.url)],
        ['Events', (p) => p.events.join(', ')],
        ['Health', (p) => health(p)],
      ], postbacks));
      postbacks.forEach((p, i) => body.append(panel(p, logs[i])));
    }
    body.append(createForm());
  }

  function panel(p, log) {
    const box = el('article', undefined, { 'aria-label': label(p), class: 'postback' });
    const title = el('h3', kind(p) + ': ');
    title.append(el('code', p.url));
    box.append(title);
    box.append(el('p', health(p), { class: p.is_active && !p.failing_since ? 'note' : 'error' }));

    if (p.format === 'webhook' && p.secret) {
      const secretLabel = el('label', 'Signing secret of ' + label(p));
      const input = el('input', undefined, { readonly: '', class: 'secret', type: revealed.has(p.id) ? 'text' : 'password' });
      input.value = p.secret;
      secretLabel.append(input);
      const show = el('button', revealed.has(p.id) ? 'Hide secret' : 'Show secret', { type: 'button' });
      show.onclick = () => {
        if (revealed.has(p.id)) revealed.delete(p.id); else revealed.add(p.id);
        input.type = revealed.has(p.id) ? 'text' : 'password';
        show.textContent = revealed.has(p.id) ? 'Hide secret' : 'Show secret';
      };
      const copied = el('span', undefined, { role: 'status' });
      const copy = el('button', 'Copy secret', { type: 'button' });
      copy.onclick = async () => {
        try { await navigator.clipboard.writeText(p.secret); copied.textContent = 'Copied.'; }
        catch { input.type = 'text'; input.select(); copied.textContent = 'Select the secret and copy it.'; }
      };
      const rotate = el('button', 'Rotate secret', { type: 'button' });
      rotate.onclick = async () => {
        try {
          const rotated = (await api('POST', '/postbacks/' + p.id + '/rotate-secret')).data;
          revealed.add(p.id);
          await refresh();
          status.textContent = label(p) + ' has a new secret. The old one keeps signing' +
            (rotated.signature_switches_at ? ' until ' + when(rotated.signature_switches_at) : ' for a while') +
            ', so update your receiver before then.';
        } catch (error) { box.append(errorBox(error)); }
      };
      const row = el('div', undefined, { class: 'row' });
      row.append(show, copy, rotate, copied);
      box.append(secretLabel, row, el('p', 'Verify the Signature header (hex HMAC-SHA256 of the body) or the Standard Webhooks headers with this secret.', { class: 'note' }));
    }

    const testForm = el('form', undefined, { 'aria-label': 'Test ' + label(p), class: 'row' });
    const eventLabel = el('label', 'Test event');
    const select = el('select', undefined, { name: 'event' });
    for (const e of p.events) select.append(el('option', e, { value: e }));
    eventLabel.append(select);
    const send = el('button', 'Send test', { type: 'submit' });
    const result = el('p', tested.get(p.id) || '', { role: 'status', 'data-testid': 'test-result' });
    testForm.append(eventLabel, send);
    testForm.addEventListener('submit', async (event) => {
      event.preventDefault();
      send.disabled = true;
      result.textContent = 'Sending…';
      try {
        const answer = (await api('POST', '/postbacks/' + p.id + '/test', { event: select.value })).data;
        const a = answer.attempt || answer;
        tested.set(p.id, 'Test ' + (a.succeeded ? 'delivered' : 'failed') + ': ' +
          (a.response_status === null || a.response_status === undefined ? (a.error_message || 'no answer') : 'HTTP ' + a.response_status));
        await refresh();
      } catch (error) {
        send.disabled = false;
        result.textContent = '';
        result.append(errorBox(error));
      }
    });
    box.append(testForm, result);

    box.append(el('h4', 'Delivery log'));
    if (log instanceof Error) box.append(errorBox(log));
    else if (log.length === 0) box.append(el('p', 'Nothing sent yet.', { class: 'note' }));
    else box.append(table('Delivery log of ' + label(p), [
      ['Event', (d) => d.event],
      ['Status', (d) => d.status],
      ['Created', (d) => when(d.created_at)],
      ['Attempts', (d) => {
        const attempts = d.attempt_log || d.attempts_log || [];
        if (!Array.isArray(attempts) || attempts.length === 0) return d.next_attempt_at ? 'next at ' + when(d.next_attempt_at) : 'none yet';
        const list = el('ol', undefined, { class: 'attempts' });
        for (const a of attempts) {
          const code = a.response_status === null || a.response_status === undefined ? (a.error_class || 'no answer') : 'HTTP ' + a.response_status;
          list.append(el('li', when(a.started_at) + ' · ' + (a.succeeded ? 'succeeded' : 'failed') + ' · ' + code + (a.trigger === 'test' ? ' · test' : '')));
        }
        return list;
      }],
    ], log));

    const actions = el('div', undefined, { class: 'row' });
    // Visible words stay short; the accessible name says which postback (ids are long).
    const reload = el('button', 'Refresh log', { type: 'button', 'aria-label': 'Refresh log of ' + label(p) });
    reload.onclick = () => refresh();
    // Opening and closing the form redraws this panel only: nothing to fetch.
    const redraw = () => box.replaceWith(panel(p, log));
    const edit = el('button', 'Edit postback', { type: 'button', 'aria-label': 'Edit ' + label(p) });
    edit.hidden = editing.has(p.id);
    edit.onclick = () => { editing.add(p.id); redraw(); };
    const remove = el('button', 'Delete postback', { type: 'button', class: 'danger', 'aria-label': 'Delete ' + label(p) });
    let armed = false;
    // Two clicks rather than confirm(): the page stays usable without dialogs.
    remove.onclick = async () => {
      if (!armed) {
        armed = true;
        remove.textContent = 'Click again to delete';
        remove.setAttribute('aria-label', 'Click again to delete ' + label(p));
        return;
      }
      try {
        await api('DELETE', '/postbacks/' + p.id);
        await refresh();
        status.textContent = label(p) + ' deleted.';
      } catch (error) { box.append(errorBox(error)); }
    };
    actions.append(reload, edit, remove);
    box.append(actions);
    if (editing.has(p.id)) box.append(editForm(p, () => { editing.delete(p.id); redraw(); }));
    return box;
  }

  /**
   * The fields of a postback: its URL (a URL template for the url format), the method and the
   * macros (url format only), and the events. format is a select when the postback is new; an
   * existing postback keeps its format (the API cannot change it), given as a string.
   * read() is the request body's url, events and (url format) method.
   */
  function postbackFields(format, initial) {
    const formatOf = () => (typeof format === 'string' ? format : format.value);
    const urlLabel = el('label', 'URL');
    const url = el('input', undefined, { name: 'url', type: 'text', required: '', spellcheck: 'false', placeholder: 'https://' });
    url.value = initial ? initial.url : '';
    urlLabel.append(url);
    const methodLabel = el('label', 'Method');
    const method = el('select', undefined, { name: 'method' });
    method.append(el('option', 'GET', { value: 'GET' }), el('option', 'POST (form)', { value: 'POST' }));
    if (initial && initial.method) method.value = initial.method;
    methodLabel.append(method);
    const macros = el('details', undefined, { class: 'macros' });
    macros.append(el('summary', 'Macros you can use in the URL'));
    const macroList = el('dl');
    for (const [name, meaning] of MACROS) macroList.append(el('dt', name), el('dd', meaning));
    macros.append(macroList, el('p', 'Each value is URL-encoded; a macro the event does not have becomes empty.', { class: 'note' }));
    const sync = () => {
      const isUrl = formatOf() === 'url';
      methodLabel.hidden = !isUrl;
      macros.hidden = !isUrl;
      urlLabel.firstChild.textContent = isUrl ? 'URL template' : 'URL';
    };
    if (typeof format !== 'string') format.addEventListener('change', sync);
    sync();
    const events = el('fieldset');
    events.append(el('legend', 'Events'));
    for (const [name, meaning] of EVENTS) {
      const box = el('input', undefined, { type: 'checkbox', name: 'events', value: name });
      box.checked = Boolean(initial && initial.events.includes(name));
      const l = el('label', undefined, { class: 'check' });
      l.append(box, ' ' + name + ' ', el('span', '(' + meaning + ')', { class: 'note' }));
      events.append(l);
    }
    const read = () => {
      const body = {
        url: url.value.trim(),
        events: [...events.querySelectorAll('input:checked')].map((i) => i.value),
      };
      if (formatOf() === 'url') body.method = method.value;
      return body;
    };
    return { nodes: [urlLabel, methodLabel, macros, events], read };
  }

  /** The edit form of a postback: PUT its URL, method and events; close() when done. */
  function editForm(p, close) {
    const form = el('form', undefined, { 'aria-label': 'Edit ' + label(p), class: 'edit' });
    form.append(el('h4', 'Edit postback'));
    const fields = postbackFields(p.format, p);
    const save = el('button', 'Save changes', { type: 'submit' });
    const cancel = el('button', 'Cancel', { type: 'button' });
    cancel.onclick = close;
    const buttons = el('div', undefined, { class: 'row' });
    buttons.append(save, cancel);
    const out = el('div', undefined, { 'aria-live': 'polite' });
    form.append(...fields.nodes, buttons, out);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      out.replaceChildren();
      save.disabled = true;
      try {
        await api('PUT', '/postbacks/' + p.id, fields.read());
        editing.delete(p.id);
        await refresh();
        status.textContent = label(p) + ' saved.';
      } catch (error) {
        save.disabled = false;
        out.append(errorBox(error));
      }
    });
    return form;
  }

  function createForm() {
    const form = el('form', undefined, { 'aria-label': 'New postback' });
    form.append(el('h3', 'New postback'));
    const formatLabel = el('label', 'Format');
    const format = el('select', undefined, { name: 'format' });
    format.append(el('option', 'Webhook: signed JSON POST', { value: 'webhook' }), el('option', 'URL: a tracking URL with macros', { value: 'url' }));
    formatLabel.append(format);
    const fields = postbackFields(format);
    const out = el('div', undefined, { 'aria-live': 'polite' });
    form.append(formatLabel, ...fields.nodes, el('button', 'Create postback', { type: 'submit' }), out);
    form.addEventListener('submit', async (event) => {
      event.preventDefault();
      const body = { format: format.value, ...fields.read() };
      out.replaceChildren();
      try {
        const created = (await api('POST', '/postbacks', body)).data;
        if (created.format === 'webhook') revealed.add(created.id);
        // Said once the list shows it, so the form it replaces is gone by then.
        await refresh();
        status.textContent = label(created) + ' created.';
      } catch (error) {
        out.append(errorBox(error));
      }
    });
    return form;
  }

  await refresh();
}
`;
