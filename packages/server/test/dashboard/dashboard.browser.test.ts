import { createHmac } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { pino } from 'pino';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startService } from '../../src/service.js';
import type { RunningService } from '../../src/service.js';
import { bearerFetch } from '../helpers/api-fetch.js';
import { describeInBrowser, launchChromium } from '../helpers/chromium.js';

// Real headless Chromium (Debian's), a real Hookline service on loopback with its dispatcher,
// and a real receiver. `npm test` builds the dashboard before running vitest.
const API_KEY = 'hlk_browserTestKey0123456789abcdefghij';
const SCREENSHOTS = process.env.HOOKLINE_SCREENSHOTS
  ? resolve(import.meta.dirname, '../../../../docs/screenshots')
  : undefined;

/** A receiver on loopback whose answer the test switches between success and failure. */
interface Receiver {
  url: string;
  mode: 'ok' | 'fail';
  received: { headers: IncomingHttpHeaders; body: string }[];
  server: Server;
}

async function startReceiver(): Promise<Receiver> {
  const receiver = { mode: 'ok', received: [] } as unknown as Receiver;
  receiver.server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      receiver.received.push({
        headers: req.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      if (receiver.mode === 'ok') {
        res.writeHead(200, { 'content-type': 'application/json' }).end('{"received":true}');
      } else {
        res
          .writeHead(500, { 'content-type': 'text/plain' })
          .end('receiver is down for maintenance');
      }
    });
  });
  await new Promise<void>((r) => receiver.server.listen(0, '127.0.0.1', r));
  receiver.url = `http://127.0.0.1:${(receiver.server.address() as AddressInfo).port}/hooks`;
  return receiver;
}

describeInBrowser('dashboard in Chromium', () => {
  let dir: string;
  let service: RunningService;
  let receiver: Receiver;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const consoleErrors: string[] = [];
  let secret = '';

  const bearer = (method: string, path: string, body?: unknown) =>
    bearerFetch(service.url, API_KEY, method, path, body);
  const shot = async (name: string, target: Page = page) => {
    if (!SCREENSHOTS) return;
    mkdirSync(SCREENSHOTS, { recursive: true });
    await target.screenshot({ path: join(SCREENSHOTS, `${name}.png`), fullPage: true });
  };
  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });
  const watch = (p: Page) => {
    p.on('console', (m) => {
      if (m.type() === 'error') consoleErrors.push(`${p.url()}: ${m.text()}`);
    });
    p.on('pageerror', (e) => consoleErrors.push(`${p.url()}: ${e.message}`));
  };

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-dashboard-'));
    receiver = await startReceiver();
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'hookline.db')}`,
      HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
      HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
      // One attempt, so a failing delivery is `failed` at once.
      HOOKLINE_RETRY_SCHEDULE: '0s',
      HOOKLINE_POLL_INTERVAL: '100ms',
    });
    service = await startService(config, pino({ level: 'silent' }));
    browser = await launchChromium();
    context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: service.url });
    page = await context.newPage();
    watch(page);
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    // Only what was started: a promise on a receiver never started would never settle.
    if (receiver) await new Promise((r) => receiver.server.close(r));
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with the API key; the key never reaches browser storage', async () => {
    await page.goto(`${service.url}/`);
    await expect
      .poll(() => page.getByRole('heading', { name: 'Sign in to Hookline' }).isVisible())
      .toBe(true);
    await shot('sign-in');
    await page.getByLabel('API key').fill(API_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
    await page.getByText('No deliveries in the last 24 hours').waitFor();

    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === 'hookline_session');
    expect(session?.httpOnly).toBe(true);
    expect(session?.sameSite).toBe('Strict');
    // DOM globals as text: the server's tsconfig has no DOM types.
    const storage = (await page.evaluate(
      '({ local: JSON.stringify({ ...localStorage }), session: JSON.stringify({ ...sessionStorage }), cookie: document.cookie })',
    )) as { local: string; session: string; cookie: string };
    expect(JSON.stringify(storage)).not.toContain(API_KEY);
    expect(storage.cookie).not.toContain('hookline_session');
  });

  it('adds a webhook and copies its signing secret', async () => {
    await nav('Webhooks').click();
    await page.getByText('No webhooks yet').waitFor();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    const form = page.locator('form');
    // Submitting empty explains what is missing, without a request.
    await form.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByText('Enter the URL that should receive the events.').waitFor();
    await page.getByLabel('Name').fill('Local receiver');
    await page.getByLabel('Endpoint URL').fill(receiver.url);
    await page.getByLabel('Select all partner events').check();
    await page.getByLabel('transaction.created').check();
    await shot('webhook-add');
    await form.getByRole('button', { name: 'Add webhook' }).click();

    await page.getByText('Webhook “Local receiver” created').waitFor();
    secret = await page.getByTestId('signing-secret').inputValue();
    expect(secret).toMatch(/^[A-Za-z0-9]{32}$/);
    await page.getByRole('button', { name: 'Copy secret' }).click();
    await page.getByRole('button', { name: 'Copied' }).waitFor();
    expect(await page.evaluate('navigator.clipboard.readText()')).toBe(secret);

    const list = await bearer('GET', '/v1/webhooks');
    const hooks = list.json.data as unknown as {
      key: string;
      signature: string;
      events: string[];
    }[];
    expect(hooks).toHaveLength(1);
    expect(hooks[0]!.signature).toBe(secret);
    expect(hooks[0]!.events).toContain('partner.approved');
    expect(hooks[0]!.events).toContain('transaction.created');
    await page.getByRole('row', { name: /Local receiver/ }).waitFor();
  });

  it('sends a test event to the receiver and shows the attempt inline and in the logs', async () => {
    await page.getByRole('link', { name: 'Send a test event' }).click();
    await page.getByRole('heading', { name: 'Local receiver' }).waitFor();
    await page.getByLabel('Event type').selectOption('partner.created');
    await page.getByText('Sample payload (data)').click();
    await page.getByText('"john.doe@example.com"').waitFor();
    await page.getByRole('button', { name: 'Send test event' }).click();
    const result = page.getByTestId('attempt-result');
    await result.getByText('HTTP 200').waitFor();
    await expect.poll(() => result.textContent()).toContain('{"received":true}');
    await shot('webhook-test');

    // The receiver got it, signed with the secret the dashboard showed.
    expect(receiver.received).toHaveLength(1);
    const got = receiver.received[0]!;
    expect(got.headers.signature).toBe(createHmac('sha256', secret).update(got.body).digest('hex'));
    expect(JSON.parse(got.body).event).toBe('partner.created');

    await result.getByRole('link', { name: 'See it in the logs →' }).click();
    const attempt = page.getByTestId('attempt').first();
    await attempt.getByText('HTTP 200').first().waitFor();
    await attempt.getByText('webhook-signature').waitFor();
    await attempt.getByText('"received": true').waitFor();

    // The webhook list now rates the endpoint from that attempt.
    await nav('Webhooks').click();
    const row = page.getByRole('row', { name: /Local receiver/ });
    await row.getByText('Healthy').waitFor();
    await expect.poll(() => row.textContent()).toContain('100%');
    await shot('webhooks');
  });

  it('shows a failed delivery without a reload, and redelivers it', async () => {
    await nav('Logs').click();
    await page.getByTestId('delivery-row').first().waitFor();
    const rowsBefore = await page.getByTestId('delivery-row').count();

    receiver.mode = 'fail';
    const published = await bearer('POST', '/v1/events', {
      event: 'transaction.created',
      data: transactionSample(),
    });
    expect(published.status).toBeLessThan(300);
    // The log polls; the new delivery appears and turns failed without a reload.
    await expect
      .poll(() => page.locator('[data-testid="delivery-row"][data-status="failed"]').count(), {
        timeout: 15_000,
      })
      .toBe(1);
    expect(await page.getByTestId('delivery-row').count()).toBe(rowsBefore + 1);

    await page.getByLabel('Status').selectOption('failed');
    await expect.poll(() => page.getByTestId('delivery-row').count()).toBe(1);
    await shot('logs');
    await page.getByTestId('delivery-row').getByRole('link').first().click();
    await page.getByTestId('attempt').first().getByText('HTTP 500').first().waitFor();
    await page.getByText('receiver is down for maintenance').waitFor();
    await shot('delivery-failed');

    receiver.mode = 'ok';
    await page.getByRole('button', { name: 'Redeliver now' }).click();
    await page.getByText(/Redelivered: HTTP 200/).waitFor();
    await expect.poll(() => page.locator('.page-head .badge').textContent()).toBe('Succeeded');
    await expect.poll(() => page.getByTestId('attempt').count()).toBe(2);
    await shot('delivery');
  });

  it('retries all failed deliveries since a time, in bulk', async () => {
    receiver.mode = 'fail';
    await bearer('POST', '/v1/events', {
      event: 'transaction.created',
      data: transactionSample('tx_2'),
    });
    await bearer('POST', '/v1/events', {
      event: 'transaction.created',
      data: transactionSample('tx_3'),
    });
    await nav('Logs').click();
    await page.getByLabel('Status').selectOption('failed');
    await expect.poll(() => page.getByTestId('delivery-row').count(), { timeout: 15_000 }).toBe(2);
    receiver.mode = 'ok';
    await page.getByText('Retry all failed deliveries since…').click();
    await page.getByRole('button', { name: 'Retry all failed' }).click();
    await page.getByText('Queued 2 failed deliveries for another attempt.').waitFor();
    await expect
      .poll(async () => (await bearer('GET', '/v1/deliveries?status=failed')).json.data, {
        timeout: 15_000,
      })
      .toHaveLength(0);
    await page.getByText('No deliveries match these filters').waitFor({ timeout: 10_000 });
  });

  it('draws the overview charts', async () => {
    await nav('Overview').click();
    await page.getByRole('img', { name: /Deliveries per hour over the last 24 hours/ }).waitFor();
    await page.getByRole('img', { name: /latency percentiles per webhook/i }).waitFor();
    await shot('overview');
    await page.getByRole('button', { name: 'Last 7 days' }).click();
    await page.getByRole('img', { name: /last 7 days/ }).waitFor();
  });

  it('approves a pending partner, which fires partner.approved', async () => {
    const settings = await bearer('PUT', '/v1/program', { require_partner_approval: true });
    expect(settings.status).toBe(200);
    const created = await bearer('POST', '/v1/partners', {
      email: 'ada@example.com',
      name: 'Ada',
      surname: 'Lovelace',
    });
    expect(created.status).toBe(201);
    await nav('Partners').click();
    await page.getByRole('button', { name: 'Approve Ada Lovelace' }).waitFor();
    await shot('partners');
    await page.getByRole('button', { name: 'Approve Ada Lovelace' }).click();
    await page.getByText('Partner approved.').waitFor();
    await expect
      .poll(async () => {
        const list = await bearer('GET', '/v1/deliveries?event=partner.approved');
        return (list.json.data as unknown as unknown[]).length;
      })
      .toBe(1);
    // Search matches the API's exact email filter.
    await page.getByLabel('Email').fill('nobody@example.com');
    await page.getByRole('button', { name: 'Search' }).click();
    await page.getByText('No partners match').waitFor();
  });

  it('edits the program settings, which persist, and explains a refused value', async () => {
    // The settings section groups General and Webhooks under "Program settings".
    const section = page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('list', { name: 'Program settings' });
    await section.getByRole('link', { name: 'Webhooks', exact: true }).waitFor();
    await section.getByRole('link', { name: 'General', exact: true }).click();
    await page.getByRole('heading', { name: 'Program settings', level: 1 }).waitFor();
    const website = page.getByLabel('Website URL');
    await website.waitFor();
    // Loaded from the API: the previous step turned partner approval on.
    expect(await page.getByLabel('New partners need approval').isChecked()).toBe(true);
    expect(await page.getByLabel('Review period (days)').inputValue()).toBe('30');

    await website.fill('https://acme.test/join');
    await page.getByText('https://acme.test/join?aff=annlee').waitFor();
    await page.getByLabel('Commission value').fill('25');
    await page.getByRole('button', { name: 'Add override' }).click();
    // The new row takes the focus, so typing goes straight into it.
    await page.keyboard.type('lifetime');
    await page.getByLabel('Type', { exact: true }).selectOption('fixed');
    await page.getByLabel('Value (USD)').fill('50');
    await page.getByRole('button', { name: 'Save settings' }).click();
    await page.getByText('Settings saved.').waitFor();
    await shot('settings');

    const program = (await bearer('GET', '/v1/program')).json.data;
    expect(program.website_url).toBe('https://acme.test/join');
    expect(program.commission).toEqual({
      type: 'percent',
      value: 25,
      overrides: [{ product_type: 'lifetime', type: 'fixed', value: 50 }],
    });
    expect(program.review_period_days).toBe(30);
    expect(program.require_partner_approval).toBe(true);

    // A value the API refuses: its message appears beside the field, which takes the focus.
    const review = page.getByLabel('Review period (days)');
    await review.fill('-5');
    const refused = page.waitForResponse(
      (r) => r.url().endsWith('/v1/program') && r.request().method() === 'PUT',
    );
    await review.press('Enter');
    expect((await refused).status()).toBe(422);
    await page
      .locator('.field-error', { hasText: /review_period_days must be at least 0/ })
      .waitFor();
    // Chromium logs every 4xx response as a console error; this one is expected, and only once.
    const expected422 = /\/settings: Failed to load resource: .* 422/;
    await expect.poll(() => consoleErrors.filter((e) => expected422.test(e)).length).toBe(1);
    consoleErrors.splice(
      consoleErrors.findIndex((e) => expected422.test(e)),
      1,
    );
    await page.getByRole('alert').waitFor();
    expect(await review.getAttribute('aria-invalid')).toBe('true');
    expect(await page.evaluate('document.activeElement?.name')).toBe('review_period_days');
    expect((await bearer('GET', '/v1/program')).json.data.review_period_days).toBe(30);
    await page.getByRole('button', { name: 'Discard changes' }).click();
    expect(await review.inputValue()).toBe('30');
    expect(await page.locator('.field-error').count()).toBe(0);
  });

  it('works on a phone-sized screen', async () => {
    const phone = await context.newPage();
    watch(phone);
    await phone.setViewportSize({ width: 390, height: 844 });
    try {
      await phone.goto(`${service.url}/webhooks`);
      await phone.getByRole('link', { name: 'Local receiver' }).waitFor();
      // The tab row scrolls sideways to keep the current page's tab on screen.
      const tab = phone
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Webhooks', exact: true });
      await expect
        .poll(async () => {
          const box = await tab.boundingBox();
          return box !== null && box.x >= 0 && box.x + box.width <= 390;
        })
        .toBe(true);
      await shot('mobile-webhooks', phone);
      const overflow = (await phone.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      expect(overflow).toBeLessThanOrEqual(0);
      // Served as the app on a direct load, and fits the screen too.
      await phone.goto(`${service.url}/settings`);
      await phone.getByLabel('Website URL').waitFor();
      expect(await phone.getByLabel('Website URL').inputValue()).toBe('https://acme.test/join');
      const settingsOverflow = (await phone.evaluate(
        'document.documentElement.scrollWidth - document.documentElement.clientWidth',
      )) as number;
      expect(settingsOverflow).toBeLessThanOrEqual(0);
    } finally {
      await phone.close();
    }
  });

  it('signs out, and the one-time link signs in once', async () => {
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to Hookline' }).waitFor();
    expect((await context.cookies()).find((c) => c.name === 'hookline_session')).toBeUndefined();

    const { issueSignInUrl } = await import('../../src/dashboard/index.js');
    const link = await issueSignInUrl(service.store.db, service.url);
    const fresh = await browser.newContext();
    const p = await fresh.newPage();
    watch(p);
    await p.goto(link!.url);
    await p.getByRole('heading', { name: 'Overview' }).waitFor();
    expect(new URL(p.url()).pathname).toBe('/');
    await fresh.close();

    const again = await browser.newContext();
    const q = await again.newPage();
    watch(q);
    await q.goto(link!.url);
    await q.getByText('That sign-in link has expired or was already used.').waitFor();
    await again.close();
  });

  it('logged no console errors', () => {
    expect(consoleErrors).toEqual([]);
  });
});

function transactionSample(key = 'tx_1') {
  return {
    key,
    action: 'sale',
    amount: 99.5,
    amount_units: 'usd',
    partner: 'partner_123',
    customer: 'customer_123',
    credit: false,
    is_currency: true,
    product_id: null,
    product_type: null,
    rewards: [],
    created_at: '2026-05-07T10:30:00.000000Z',
    updated_at: '2026-05-07T10:30:00.000000Z',
    deleted_at: null,
  };
}
