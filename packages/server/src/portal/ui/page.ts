/**
 * The portal's page: one HTML document, one stylesheet and one script, no build step and no
 * framework. The portal is six read-only views, two forms and the postbacks section
 * (`postbacks.ts`, its own module) over `/portal/api`, which plain DOM code covers; a separate Vite workspace would add a build to every install for little.
 * The script writes every value with `textContent` (never HTML), so data cannot inject markup.
 */

/** `GET /portal`. */
export const PORTAL_HTML = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<title>Partner portal</title>
<link rel="icon" href="data:,">
<link rel="stylesheet" href="/portal/app.css">
<script type="module" src="/portal/app.js"></script>
</head>
<body>
<header><h1 id="title">Partner portal</h1><p id="who"></p>
<button id="sign-out" type="button" hidden>Sign out</button></header>
<main id="main" aria-live="polite"><p>Loading…</p></main>
</body>
</html>
`;

/** `GET /portal/app.css`. */
export const PORTAL_CSS = `
body{font-family:system-ui,sans-serif;max-width:64rem;margin:0 auto;padding:1rem;color:#1b1f24}
header{display:flex;gap:1rem;align-items:baseline;flex-wrap:wrap;border-bottom:1px solid #d0d7de;margin-bottom:1rem}
header h1{font-size:1.4rem;margin:.5rem 0}
#sign-out{margin-left:auto}
section{margin:1.5rem 0}
h2{font-size:1.1rem}
table{border-collapse:collapse;width:100%;font-size:.9rem}
th,td{text-align:left;padding:.35rem .5rem;border-bottom:1px solid #eaeef2}
.error{color:#b42318}
.note{color:#57606a}
form{display:grid;gap:.5rem;max-width:30rem}
label{display:grid;gap:.2rem}
code{background:#f6f8fa;padding:.1rem .3rem;border-radius:3px}
.postback{border:1px solid #d0d7de;border-radius:6px;padding:.5rem 1rem;margin:1rem 0}
.postback h3{margin:.3rem 0;font-size:1rem}
.postback h4{margin:.8rem 0 .3rem;font-size:.95rem}
.row{display:flex;gap:.5rem;align-items:end;flex-wrap:wrap;max-width:none;margin:.4rem 0}
.secret{font-family:ui-monospace,monospace;width:22rem;max-width:100%}
.attempts{margin:0;padding-left:1.2rem}
fieldset{border:1px solid #d0d7de;border-radius:6px}
label.check{display:block}
.macros dl{display:grid;grid-template-columns:auto 1fr;gap:.1rem .8rem;margin:.4rem 0}
.macros dd{margin:0}
[hidden]{display:none!important}
button.danger{color:#b42318}
`;

/** `GET /portal/app.js`. */
export const PORTAL_JS = `
import { renderPostbacks } from './postbacks.js';

const main = document.getElementById('main');
let csrf = '';

function el(tag, text, attrs) {
  const node = document.createElement(tag);
  if (text !== undefined && text !== null) node.textContent = String(text);
  for (const [k, v] of Object.entries(attrs || {})) node.setAttribute(k, v);
  return node;
}

async function api(method, path, body) {
  const headers = { accept: 'application/json' };
  if (method !== 'GET') headers['x-csrf-token'] = csrf;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const res = await fetch('/portal/api' + path, {
    method, headers, credentials: 'same-origin',
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const json = res.status === 204 ? null : await res.json().catch(() => null);
  if (!res.ok) {
    const error = new Error((json && json.message) || 'Request failed (' + res.status + ')');
    error.status = res.status;
    error.errors = (json && json.errors) || {};
    throw error;
  }
  return json;
}

function section(title) {
  const s = el('section');
  s.append(el('h2', title));
  main.append(s);
  return s;
}

function table(caption, columns, rows) {
  const t = el('table', undefined, { 'aria-label': caption });
  const head = el('tr');
  for (const c of columns) head.append(el('th', c[0], { scope: 'col' }));
  const thead = el('thead');
  thead.append(head);
  t.append(thead);
  const body = el('tbody');
  for (const row of rows) {
    const tr = el('tr');
    for (const c of columns) {
      const v = c[1](row);
      const td = el('td');
      if (v instanceof Node) td.append(v); else td.textContent = v === null || v === undefined ? '—' : String(v);
      tr.append(td);
    }
    body.append(tr);
  }
  t.append(body);
  return t;
}

function money(amount, units) { return amount.toFixed(2) + ' ' + units; }

function signedOut(message) {
  main.replaceChildren();
  const s = section('Sign in');
  if (message) s.append(el('p', message, { class: 'error', role: 'alert' }));
  s.append(el('p', 'Open the sign-in link the program gave you, or get one by e-mail.', { class: 'note' }));
  const form = el('form');
  const label = el('label', 'E-mail address');
  const input = el('input', undefined, { type: 'email', name: 'email', required: '', autocomplete: 'email' });
  label.append(input);
  form.append(label, el('button', 'E-mail me a sign-in link', { type: 'submit' }));
  const out = el('p', undefined, { role: 'status' });
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const res = await fetch('/portal/auth/email-link', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: input.value }),
    });
    const json = await res.json().catch(() => ({}));
    out.textContent = json.message || 'Request failed.';
  });
  s.append(form, out);

  const pw = el('form', undefined, { 'aria-label': 'Password sign-in' });
  const pwEmail = el('input', undefined, { type: 'email', name: 'email', required: '', autocomplete: 'username' });
  const pwSecret = el('input', undefined, { type: 'password', name: 'password', required: '', autocomplete: 'current-password' });
  const emailLabel = el('label', 'Partner e-mail');
  emailLabel.append(pwEmail);
  const secretLabel = el('label', 'Password');
  secretLabel.append(pwSecret);
  const pwOut = el('p', undefined, { role: 'status' });
  pw.append(el('p', 'Or, if the program allows passwords:', { class: 'note' }), emailLabel, secretLabel,
    el('button', 'Sign in with password', { type: 'submit' }), pwOut);
  pw.addEventListener('submit', async (event) => {
    event.preventDefault();
    const res = await fetch('/portal/auth/password', {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: pwEmail.value, password: pwSecret.value }),
    });
    if (res.status === 204) { await render(); return; }
    const json = await res.json().catch(() => ({}));
    pwOut.textContent = json.message || 'Sign-in failed.';
  });
  s.append(pw);
}

async function render() {
  let me;
  try {
    me = (await api('GET', '/me')).data;
  } catch (error) {
    const invalid = new URLSearchParams(location.search).get('link') === 'invalid';
    signedOut(invalid ? 'That sign-in link is not valid: it was already used or has expired.' : error.status === 401 ? undefined : error.message);
    return;
  }
  csrf = me.csrf_token;
  if (location.search) history.replaceState(null, '', location.pathname);
  document.getElementById('title').textContent = me.program.name + ' partner portal';
  const name = [me.partner.name, me.partner.surname].filter(Boolean).join(' ') || me.partner.email;
  document.getElementById('who').textContent = 'Signed in as ' + name + ' (' + me.partner.status + ')';
  const signOut = document.getElementById('sign-out');
  signOut.hidden = false;
  signOut.onclick = async () => {
    await fetch('/portal/auth/session', { method: 'DELETE', headers: { 'x-csrf-token': csrf } }).catch(() => {});
    location.assign('/portal');
  };

  const [links, referrals, transactions, rewards, balance, payouts, details] = await Promise.all(
    ['/referral-links', '/referrals', '/transactions', '/rewards', '/balance', '/payouts', '/payout-details']
      .map((p) => api('GET', p).then((r) => r.data)),
  );
  main.replaceChildren();

  const linkSection = section('Referral links');
  const list = el('ul', undefined, { 'aria-label': 'Referral links' });
  for (const l of links) {
    const item = el('li');
    item.append(el('code', l.url || l.key));
    if (l.default) item.append(' ', el('span', '(main)', { class: 'note' }));
    list.append(item);
  }
  linkSection.append(list);

  const balanceSection = section('Balance');
  if (balance.length === 0) balanceSection.append(el('p', 'No commissions yet.', { class: 'note' }));
  balanceSection.append(table('Balance', [
    ['Currency', (b) => b.amount_units],
    ['In review', (b) => money(b.in_review, b.amount_units)],
    ['Available', (b) => money(b.available, b.amount_units)],
    ['In payout', (b) => money(b.in_payout, b.amount_units)],
    ['Paid', (b) => money(b.paid, b.amount_units)],
    ['', (b) => {
      if (b.available <= 0) return '';
      const button = el('button', 'Request payout in ' + b.amount_units, { type: 'button' });
      button.onclick = async () => {
        try { await api('POST', '/payouts', { amount_units: b.amount_units }); await render(); }
        catch (error) { alertBox(balanceSection, error.message); }
      };
      return button;
    }],
  ], balance));

  const detailSection = section('Payout details');
  const form = el('form', undefined, { 'aria-label': 'Payout details' });
  const gatewayLabel = el('label', 'Payout method');
  const gateway = el('input', undefined, { name: 'gateway', placeholder: 'paypal, bank_transfer…' });
  gateway.value = details.gateway || '';
  gatewayLabel.append(gateway);
  const settingsLabel = el('label', 'Payout details (one "field: value" a line)');
  const settings = el('textarea', undefined, { name: 'payout_settings', rows: '3' });
  settings.value = Object.entries(details.payout_settings).map(([k, v]) => k + ': ' + v).join('\\n');
  settingsLabel.append(settings);
  const saved = el('p', undefined, { role: 'status' });
  form.append(gatewayLabel, settingsLabel, el('button', 'Save payout details', { type: 'submit' }), saved);
  const readDetails = () => {
    const payout_settings = {};
    for (const line of settings.value.split('\\n')) {
      const at = line.indexOf(':');
      if (at > 0) payout_settings[line.slice(0, at).trim()] = line.slice(at + 1).trim();
    }
    return { gateway: gateway.value.trim() || null, payout_settings };
  };
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    try { await api('PUT', '/payout-details', readDetails()); saved.textContent = 'Saved.'; }
    catch (error) { saved.textContent = error.message; }
  });
  detailSection.append(form);

  const payoutSection = section('Payouts');
  if (payouts.length === 0) payoutSection.append(el('p', 'No payout requests yet.', { class: 'note' }));
  else payoutSection.append(table('Payouts', [
    ['Request', (p) => '#' + p.id],
    ['Amount', (p) => money(p.amount, p.amount_units)],
    ['Status', (p) => p.status.replace('_', ' ')],
    ['Method', (p) => p.gateway],
    ['Requested', (p) => p.created_at.slice(0, 10)],
    ['', (p) => {
      if (p.status !== 'resubmit_requested') return '';
      const button = el('button', 'Resubmit request #' + p.id, { type: 'button' });
      button.onclick = async () => {
        try { await api('POST', '/payouts/' + p.id + '/resubmit', readDetails()); await render(); }
        catch (error) { alertBox(payoutSection, error.message); }
      };
      return button;
    }],
  ], payouts));

  section('Transactions').append(transactions.length === 0 ? el('p', 'No sales yet.', { class: 'note' }) : table('Transactions', [
    ['Date', (t) => t.created_at.slice(0, 10)],
    ['Order', (t) => t.key],
    ['Amount', (t) => money(t.amount, t.amount_units)],
    ['Status', (t) => t.status],
    ['Commission', (t) => t.commission ? money(t.commission.amount, t.commission.amount_units) : null],
    ['Commission status', (t) => t.commission ? t.commission.status.replace('_', ' ') : null],
  ], transactions));

  section('Commissions').append(rewards.length === 0 ? el('p', 'No commissions yet.', { class: 'note' }) : table('Commissions', [
    ['Date', (r) => r.created_at.slice(0, 10)],
    ['Kind', (r) => r.action],
    ['Amount', (r) => money(r.amount, r.amount_units)],
    ['Status', (r) => r.status.replace('_', ' ')],
    ['Payout', (r) => r.payout_request === null ? null : '#' + r.payout_request],
  ], rewards));

  const referralSection = section('Referrals');
  if (me.customer_pii === 'masked') referralSection.append(el('p', 'Names and e-mail addresses are partly hidden by the program.', { class: 'note' }));
  referralSection.append(referrals.length === 0 ? el('p', 'No referrals yet.', { class: 'note' }) : table('Referrals', [
    ['Since', (c) => c.created_at.slice(0, 10)],
    ['Name', (c) => c.name],
    ['E-mail', (c) => c.email],
    ['Status', (c) => c.status],
  ], referrals));

  await renderPostbacks(section('Postbacks'), { api, el, table });
}

function alertBox(parent, message) {
  const p = el('p', message, { class: 'error', role: 'alert' });
  parent.append(p);
}

render();
`;
