import { verify } from '@hookline/receiver';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startService } from '../../src/service.js';
import type { RunningService } from '../../src/service.js';
import { startReceiver } from '../dispatch/receiver.js';
import type { Received, Receiver } from '../dispatch/receiver.js';
import { bearerFetch } from '../helpers/api-fetch.js';
import { describeInBrowser, launchChromium } from '../helpers/chromium.js';
import { engines, openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

// Issue 22's "Done when", end to end on each engine: a real service with its dispatcher, real
// loopback receivers, real Chromium. A partner signs in through a sign-in URL, creates a `url`
// and a `webhook` postback in the portal and test-sends both; a sale recorded through /v1 reaches
// both (macros filled and encoded, signature valid); another partner's sale reaches neither;
// the owner sees both on the dashboard and disables one, which the next sale then skips; the
// partner edits the url postback (a refused edit shown inline first), which then sends to its
// new URL with its new method and events.
const API_KEY = 'hlk_postbackBrowserKey0123456789abcdef';
// Keys with what a URL must encode: & = + % and a non-ASCII letter (keys refuse / ? # and spaces).
const CUSTOMER_KEY = 'ann+buyer&co=1';
const SALE_KEY = 'A&B=1+2%3é';

// biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
type Json = any;

describeInBrowser('partner postbacks in Chromium', () => {
  describe.each(engines)('on %s', (engine) => {
    let store: TestStore;
    let service: RunningService;
    let browser: Browser;
    let urlReceiver: Receiver;
    let webhookReceiver: Receiver;
    let bobReceiver: Receiver;
    let editedReceiver: Receiver;
    const errors: string[] = [];
    let portal: Page;
    let urlPostback: Json;
    let webhookPostback: Json;
    let secret = '';

    const bearer = (method: string, path: string, body?: unknown) =>
      bearerFetch(service.url, API_KEY, method, path, body);
    const created = async (path: string, body: unknown) => {
      const res = await bearer('POST', path, body);
      expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBe(201);
      return res.json.data;
    };
    const watch = (p: Page) => {
      p.on('pageerror', (e) => errors.push(`${p.url()}: ${e.message}`));
      p.on('console', (m) => {
        if (m.type() === 'error') errors.push(`${p.url()}: ${m.text()}`);
      });
    };
    /** The query of a `url` postback's request, decoded (values as the receiver reads them). */
    const queryOf = (r: Received) => Object.fromEntries(new URL(r.path, 'http://x').searchParams);
    const sales = (receiver: Receiver, key: string) =>
      receiver.received.filter((r) =>
        r.method === 'GET'
          ? queryOf(r).t === key
          : r.body !== '' && JSON.parse(r.body).data?.key === key,
      );
    /** Every delivery of a postback (owner API), to see what was enqueued for it at all. */
    const deliveriesOf = async (p: Json) =>
      (await bearer('GET', `/v1/partners/${p.partner.id}/postbacks/${p.id}/deliveries`)).json
        .data as Json[];

    beforeAll(async () => {
      [urlReceiver, webhookReceiver, bobReceiver, editedReceiver] = await Promise.all([
        startReceiver(),
        startReceiver(),
        startReceiver(),
        startReceiver(),
      ]);
      store = await openTestStore(engine);
      service = await startService(
        loadConfig({
          PORT: '0',
          HOST: '127.0.0.1',
          DATABASE_URL: store.databaseUrl,
          // Receivers are http on loopback: development settings.
          HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
          HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
          HOOKLINE_RETRY_SCHEDULE: '0s',
          HOOKLINE_POLL_INTERVAL: '100ms',
        }),
        pino({ level: 'silent' }),
      );
      browser = await launchChromium();
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], {
        origin: service.url,
      });
      portal = await context.newPage();
      portal.setDefaultTimeout(10_000);
      watch(portal);

      expect(
        (
          await bearer('PUT', '/v1/program', {
            review_period_days: 0,
            website_url: 'https://shop.test',
          })
        ).status,
      ).toBe(200);
      for (const id of ['ann', 'bob']) {
        await created('/v1/partners', { id, email: `${id}@partners.test`, key: `${id}key` });
      }
      await created('/v1/customers', {
        key: CUSTOMER_KEY,
        email: 'c@mail.test',
        partner: { id: 'ann' },
      });
      await created('/v1/customers', {
        key: 'bob-buyer',
        email: 'b@mail.test',
        partner: { id: 'bob' },
      });
      // Bob's own postback, made by the owner: Bob's sale must visibly go somewhere, so that
      // "Ann's receivers got nothing of it" is not true merely because nothing was sent.
      await created('/v1/partners/bob/postbacks', {
        format: 'webhook',
        url: bobReceiver.url,
        events: ['transaction.created'],
      });
    });

    afterAll(async () => {
      await browser?.close();
      await service?.stop();
      await store?.close();
      await Promise.all(
        [urlReceiver, webhookReceiver, bobReceiver, editedReceiver].map((r) => r?.close()),
      );
    });

    it('signs in with a sign-in URL and creates a url and a webhook postback', async () => {
      const signIn = await bearer('POST', '/v1/partners:sign-in-url', { key: 'annkey' });
      expect(signIn.status).toBe(200);
      const url = new URL(signIn.json.data.url as string);
      await portal.goto(`${service.url}${url.pathname}${url.search}`);
      await portal.getByRole('heading', { name: 'Postbacks' }).waitFor();
      await portal.getByText('No postbacks yet.').waitFor();

      const form = portal.getByRole('form', { name: 'New postback' });
      // An unknown macro is refused with a 422 whose message the form shows.
      await form.getByLabel('Format').selectOption('url');
      await form.getByLabel('URL template').fill(`${urlReceiver.url}?x={nope}`);
      await form.getByLabel('transaction.created').check();
      const refused = portal.waitForResponse(
        (r) => r.url().endsWith('/portal/api/postbacks') && r.request().method() === 'POST',
      );
      await form.getByRole('button', { name: 'Create postback' }).click();
      expect((await refused).status()).toBe(422);
      await form.getByRole('alert').getByText(/nope/).waitFor();
      // Chromium logs every 4xx as a console error; this one was asked for.
      await expect.poll(() => errors.filter((e) => /422/.test(e)).length).toBe(1);
      errors.splice(
        errors.findIndex((e) => /422/.test(e)),
        1,
      );

      await form.getByText('Macros you can use in the URL').click();
      await form.getByText('{transaction_key}', { exact: true }).waitFor();
      const template =
        `${urlReceiver.url}?e={event}&id={event_id}&p={partner_key}&c={customer_key}` +
        '&t={transaction_key}&amt={amount}&cur={currency}&com={commission}&at={created_at}';
      await form.getByLabel('URL template').fill(template);
      await form.getByLabel('Method').selectOption('GET');
      await form.getByRole('button', { name: 'Create postback' }).click();
      await portal.getByText(/^Postback \S+ created\.$/).waitFor();

      await form.getByLabel('Format').selectOption('webhook');
      await form.getByLabel('URL', { exact: true }).fill(webhookReceiver.url);
      await form.getByLabel('transaction.created').check();
      await form.getByRole('button', { name: 'Create postback' }).click();
      await expect.poll(() => portal.getByRole('article').count()).toBe(2);

      const mine = (await bearer('GET', '/v1/partners/ann/postbacks')).json.data as Json[];
      expect(mine).toHaveLength(2);
      urlPostback = mine.find((p) => p.format === 'url');
      webhookPostback = mine.find((p) => p.format === 'webhook');
      expect(urlPostback).toMatchObject({
        method: 'GET',
        url: template,
        events: ['transaction.created'],
      });
      expect(webhookPostback).toMatchObject({
        url: webhookReceiver.url,
        events: ['transaction.created'],
      });

      // The new webhook postback's secret is shown, and copies.
      const panel = portal.getByRole('article', { name: `Postback ${webhookPostback.id}` });
      secret = await panel.getByLabel(/Signing secret/).inputValue();
      expect(secret).toBe(webhookPostback.secret);
      await panel.getByRole('button', { name: 'Copy secret' }).click();
      await panel.getByText('Copied.').waitFor();
      expect(await portal.evaluate('navigator.clipboard.readText()')).toBe(secret);
      // Health in the list.
      const list = portal.getByRole('table', { name: 'Postbacks' });
      expect(await list.textContent()).toContain('Active');
    });

    it('test-sends each postback and shows the delivery in its log', async () => {
      for (const p of [urlPostback, webhookPostback]) {
        const panel = portal.getByRole('article', { name: `Postback ${p.id}` });
        await panel.getByRole('button', { name: 'Send test' }).click();
        await panel.getByText('Test delivered: HTTP 200').waitFor();
        const log = panel.getByRole('table', { name: `Delivery log of Postback ${p.id}` });
        await log.waitFor();
        await expect.poll(() => log.textContent()).toContain('HTTP 200');
        expect(await log.textContent()).toContain('transaction.created');
      }
      expect(urlReceiver.received).toHaveLength(1);
      expect(queryOf(urlReceiver.received[0]!)).toMatchObject({
        e: 'transaction.created',
        p: 'annkey',
      });
      expect(webhookReceiver.received).toHaveLength(1);
      const test = webhookReceiver.received[0]!;
      expect(JSON.parse(verify(test.body, test.headers, secret).body).event).toBe(
        'transaction.created',
      );
    });

    it("delivers a sale to both, macros filled and encoded, signed; Bob's sale to neither", async () => {
      await created('/v1/transactions', {
        key: SALE_KEY,
        amount: 99.5,
        customer: { key: CUSTOMER_KEY },
      });
      await expect.poll(() => sales(urlReceiver, SALE_KEY).length, { timeout: 15_000 }).toBe(1);
      await expect.poll(() => sales(webhookReceiver, SALE_KEY).length, { timeout: 15_000 }).toBe(1);

      const got = sales(urlReceiver, SALE_KEY)[0]!;
      expect(got.method).toBe('GET');
      const q = queryOf(got);
      expect(q).toMatchObject({
        e: 'transaction.created',
        p: 'annkey',
        c: CUSTOMER_KEY,
        t: SALE_KEY,
        amt: '99.50',
        cur: 'USD',
        com: '29.85',
      });
      expect(q.id).toMatch(/^evt_/);
      expect(q.at).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$/);
      // Value by value: the raw request carries each value percent-encoded, so `&`, `=` and `+`
      // in a key did not split or rename a parameter.
      expect(got.path).toContain(`&t=${encodeURIComponent(SALE_KEY)}&`);
      expect(got.path).toContain(`&c=${encodeURIComponent(CUSTOMER_KEY)}&`);

      const hook = sales(webhookReceiver, SALE_KEY)[0]!;
      const event = JSON.parse(verify(hook.body, hook.headers, secret).body);
      expect(event).toMatchObject({ event: 'transaction.created', data: { key: SALE_KEY } });
      expect(event.id).toBe(q.id);
      // Signed with this postback's secret, not another: a wrong secret is refused.
      expect(() => verify(hook.body, hook.headers, 'x'.repeat(32))).toThrow();

      // Bob's sale: it reaches Bob's postback, and nothing of it reaches Ann's.
      const before = [urlReceiver.received.length, webhookReceiver.received.length];
      await created('/v1/transactions', {
        key: 'bob-order-1',
        amount: 50,
        customer: { key: 'bob-buyer' },
      });
      await expect
        .poll(() => sales(bobReceiver, 'bob-order-1').length, { timeout: 15_000 })
        .toBe(1);
      const bobEvent = JSON.parse(sales(bobReceiver, 'bob-order-1')[0]!.body).id as string;
      // The deliveries are enqueued with the event, in its transaction: none was for Ann's.
      for (const p of [urlPostback, webhookPostback]) {
        const deliveries = await deliveriesOf(p);
        expect(deliveries.length).toBeGreaterThan(0);
        expect(deliveries.map((d) => d.event_id)).not.toContain(bobEvent);
      }
      expect([urlReceiver.received.length, webhookReceiver.received.length]).toEqual(before);
      expect(JSON.stringify(urlReceiver.received.concat(webhookReceiver.received))).not.toContain(
        'bob',
      );

      // The portal's log shows the sale with its attempt.
      const panel = portal.getByRole('article', { name: `Postback ${urlPostback.id}` });
      await panel
        .getByRole('button', { name: `Refresh log of Postback ${urlPostback.id}` })
        .click();
      const log = panel.getByRole('table', { name: `Delivery log of Postback ${urlPostback.id}` });
      await expect.poll(async () => (await log.getByRole('row').count()) - 1).toBe(2);
    });

    it('lists both on the owner dashboard, which disables one; the next sale skips it', async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      const page = await context.newPage();
      page.setDefaultTimeout(10_000);
      watch(page);
      try {
        await page.goto(`${service.url}/`);
        await page.getByLabel('API key').fill(API_KEY);
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('heading', { name: 'Overview' }).waitFor();
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Postbacks', exact: true })
          .click();
        await page.getByRole('heading', { name: 'Postbacks', level: 1 }).waitFor();
        const rows = page.getByTestId('postback-row');
        await expect.poll(() => rows.count()).toBe(3);
        const annRows = rows.filter({ hasText: 'annkey' });
        expect(await annRows.count()).toBe(2);
        const urlRow = annRows.filter({ hasText: 'URL (GET)' });
        expect(await urlRow.textContent()).toContain('Active');
        const hookRow = rows.filter({ hasText: webhookReceiver.url });
        expect(await hookRow.textContent()).toContain('annkey');

        await hookRow.getByRole('button', { name: /^Disable postback/ }).click();
        await page.getByText(/^Postback \S+ of \S+ disabled\.$/).waitFor();
        await hookRow.getByRole('button', { name: /^Enable postback/ }).waitFor();
        expect(await hookRow.textContent()).toContain('Disabled');
        const after = (await bearer('GET', '/v1/partners/ann/postbacks')).json.data as Json[];
        expect(after.find((p) => p.id === webhookPostback.id)?.is_active).toBe(false);
        expect(after.find((p) => p.id === urlPostback.id)?.is_active).toBe(true);
      } finally {
        await context.close();
      }

      const hooksBefore = webhookReceiver.received.length;
      const deliveriesBefore = (await deliveriesOf(webhookPostback)).length;
      await created('/v1/transactions', {
        key: 'ann-order-2',
        amount: 10,
        customer: { key: CUSTOMER_KEY },
      });
      await expect
        .poll(() => sales(urlReceiver, 'ann-order-2').length, { timeout: 15_000 })
        .toBe(1);
      // Nothing was even enqueued for the disabled one (enqueued in the sale's transaction).
      expect(await deliveriesOf(webhookPostback)).toHaveLength(deliveriesBefore);
      expect(webhookReceiver.received).toHaveLength(hooksBefore);
    });

    it('edits the url postback: a refused edit is shown inline, a saved one takes effect', async () => {
      const panel = portal.getByRole('article', { name: `Postback ${urlPostback.id}` });
      await panel.getByRole('button', { name: `Edit Postback ${urlPostback.id}` }).click();
      const form = panel.getByRole('form', { name: `Edit Postback ${urlPostback.id}` });
      // The form starts from the postback as it is.
      expect(await form.getByLabel('URL template').inputValue()).toBe(urlPostback.url);
      expect(await form.getByLabel('Method').inputValue()).toBe('GET');
      expect(await form.getByLabel('transaction.created').isChecked()).toBe(true);
      expect(await form.getByLabel('reward.created').isChecked()).toBe(false);

      // An unknown macro: the API's 422, shown in the form, and nothing changed.
      await form.getByLabel('URL template').fill(`${editedReceiver.url}?x={nope}`);
      const refused = portal.waitForResponse(
        (r) =>
          r.url().endsWith(`/portal/api/postbacks/${urlPostback.id}`) &&
          r.request().method() === 'PUT',
      );
      await form.getByRole('button', { name: 'Save changes' }).click();
      const answer = await refused;
      expect(answer.status()).toBe(422);
      // Sent with the session's CSRF token, as every other form's request.
      const csrf = await portal.evaluate(() =>
        fetch('/portal/api/me')
          .then((r) => r.json() as Promise<{ data: { csrf_token: string } }>)
          .then((j) => j.data.csrf_token),
      );
      expect(answer.request().headers()['x-csrf-token']).toBe(csrf);
      await form.getByRole('alert').getByText(/nope/).waitFor();
      await expect.poll(() => errors.filter((e) => /422/.test(e)).length).toBe(1);
      errors.splice(
        errors.findIndex((e) => /422/.test(e)),
        1,
      );
      const unchanged = await bearer('GET', `/v1/partners/ann/postbacks/${urlPostback.id}`);
      expect(unchanged.json.data.url).toBe(urlPostback.url);

      const template = `${editedReceiver.url}?ev={event}&t={transaction_key}&p={partner_key}`;
      await form.getByLabel('URL template').fill(template);
      await form.getByLabel('Method').selectOption('POST');
      await form.getByLabel('transaction.created').uncheck();
      await form.getByLabel('reward.created').check();
      await form.getByRole('button', { name: 'Save changes' }).click();
      await portal.getByText(`Postback ${urlPostback.id} saved.`).waitFor();
      // Saved, the form closes and the panel shows the new URL.
      expect(await panel.getByRole('form').count()).toBe(1); // the test form only
      expect(await panel.getByRole('heading', { level: 3 }).textContent()).toContain(template);

      const saved = (await bearer('GET', `/v1/partners/ann/postbacks/${urlPostback.id}`)).json.data;
      expect(saved).toMatchObject({ url: template, method: 'POST', events: ['reward.created'] });
      urlPostback = saved;

      // A test send goes to the new URL, with the new method and the new event.
      const before = urlReceiver.received.length;
      expect(await panel.getByLabel('Test event').inputValue()).toBe('reward.created');
      await panel.getByRole('button', { name: 'Send test' }).click();
      await panel.getByText('Test delivered: HTTP 200').waitFor();
      expect(editedReceiver.received).toHaveLength(1);
      const sent = editedReceiver.received[0]!;
      expect(sent.method).toBe('POST');
      expect(queryOf(sent)).toMatchObject({ ev: 'reward.created', p: 'annkey' });
      expect(new URLSearchParams(sent.body).get('event')).toBe('reward.created');
      expect(urlReceiver.received).toHaveLength(before);

      // And a sale: its reward reaches the new URL; the sale itself (no longer followed) does not.
      await created('/v1/transactions', {
        key: 'ann-order-3',
        amount: 20,
        customer: { key: CUSTOMER_KEY },
      });
      await expect
        .poll(() => editedReceiver.received.filter((r) => queryOf(r).t === 'ann-order-3').length, {
          timeout: 15_000,
        })
        .toBe(1);
      const reward = editedReceiver.received.find((r) => queryOf(r).t === 'ann-order-3')!;
      expect(queryOf(reward).ev).toBe('reward.created');
      expect(urlReceiver.received).toHaveLength(before);
    });

    it('shows the partner the disabled postback, rotates its secret, and deletes the other', async () => {
      const hook = portal.getByRole('article', { name: `Postback ${webhookPostback.id}` });
      await hook
        .getByRole('button', { name: `Refresh log of Postback ${webhookPostback.id}` })
        .click();
      await hook.getByText(/^Disabled/).waitFor();

      await hook.getByRole('button', { name: 'Rotate secret' }).click();
      await portal.getByText(/has a new secret/).waitFor();
      const rotated = await hook.getByLabel(/Signing secret/).inputValue();
      expect(rotated).toMatch(/^[A-Za-z0-9]{32}$/);
      expect(rotated).not.toBe(secret);
      const after = (await bearer('GET', `/v1/partners/ann/postbacks/${webhookPostback.id}`)).json;
      expect(after.data.secret).toBe(rotated);

      const remove = portal.getByRole('button', { name: `Delete Postback ${urlPostback.id}` });
      await remove.click();
      // The first click only arms the button.
      expect((await bearer('GET', '/v1/partners/ann/postbacks')).json.data).toHaveLength(2);
      await portal
        .getByRole('button', { name: `Click again to delete Postback ${urlPostback.id}` })
        .click();
      await portal.getByText(`Postback ${urlPostback.id} deleted.`).waitFor();
      expect(await portal.getByRole('article').count()).toBe(1);
      const left = (await bearer('GET', '/v1/partners/ann/postbacks')).json.data as Json[];
      expect(left.map((p) => p.id)).toEqual([webhookPostback.id]);
    });

    it('logged no browser errors', () => {
      expect(errors).toEqual([]);
    });
  });
});
