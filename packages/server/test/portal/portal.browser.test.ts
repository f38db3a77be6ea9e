import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startService } from '../../src/service.js';
import type { RunningService } from '../../src/service.js';
import { bearerFetch } from '../helpers/api-fetch.js';
import { describeInBrowser, launchChromium } from '../helpers/chromium.js';

// The partner portal in real headless Chromium against a real service: a sign-in URL from
// POST /v1/partners:sign-in-url → the portal → referral links, transactions → a payout request.
const API_KEY = 'hlk_portalBrowserKey0123456789abcdefgh';
describeInBrowser('partner portal in Chromium', () => {
  let dir: string;
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const bearer = (method: string, path: string, body?: unknown) =>
    bearerFetch(service.url, API_KEY, method, path, body);

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-portal-'));
    service = await startService(
      loadConfig({
        PORT: '0',
        HOST: '127.0.0.1',
        DATABASE_URL: `sqlite:${join(dir, 'hookline.db')}`,
        HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
        HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
      }),
      pino({ level: 'silent' }),
    );
    browser = await launchChromium();
    page = await (await browser.newContext({ viewport: { width: 1280, height: 900 } })).newPage();
    page.on('pageerror', (e) => errors.push(e.message));

    expect(
      (
        await bearer('PUT', '/v1/program', {
          review_period_days: 0,
          website_url: 'https://shop.test',
        })
      ).status,
    ).toBe(200);
    for (const id of ['ann', 'bob']) {
      expect(
        (
          await bearer('POST', '/v1/partners', {
            id,
            email: `${id}@partners.test`,
            key: `${id}key`,
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await bearer('POST', '/v1/customers', {
            key: `${id}-buyer`,
            email: `${id}.buyer@mail.test`,
            partner: { id },
          })
        ).status,
      ).toBe(201);
      expect(
        (
          await bearer('POST', '/v1/transactions', {
            key: `${id}-order-1`,
            amount: 200,
            customer: { key: `${id}-buyer` },
          })
        ).status,
      ).toBe(201);
    }
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('signs in with a sign-in URL, shows links and sales, and requests a payout', async () => {
    const signIn = await bearer('POST', '/v1/partners:sign-in-url', {
      key: 'annkey',
      expires_in: 120,
    });
    expect(signIn.status).toBe(200);
    // The URL is under HOOKLINE_PUBLIC_URL; this service listens on a port chosen at start.
    const url = new URL(signIn.json.data.url as string);
    page.setDefaultTimeout(5000);
    await page.goto(`${service.url}${url.pathname}${url.search}`);
    await page.getByRole('heading', { name: 'Referral links' }).waitFor();
    expect(page.url()).toBe(`${service.url}/portal`);
    await page.getByText('Signed in as ann@partners.test (active)').waitFor();

    const links = page.getByRole('list', { name: 'Referral links' });
    expect(await links.textContent()).toContain('https://shop.test?aff=annkey');

    const sales = page.getByRole('table', { name: 'Transactions' });
    expect(await sales.textContent()).toContain('ann-order-1');
    expect(await sales.textContent()).toContain('60.00 USD');
    expect(await page.locator('body').textContent()).not.toContain('bob');
    // Masked by default.
    expect(await page.getByRole('table', { name: 'Referrals' }).textContent()).toContain(
      'a********@m***.test',
    );

    await page.getByLabel('Payout method').fill('paypal');
    await page
      .getByRole('textbox', { name: /Payout details/ })
      .fill('paypal_email: ann@paypal.test');
    await page.getByRole('button', { name: 'Save payout details' }).click();
    await page.getByText('Saved.').waitFor();

    await page.getByRole('button', { name: 'Request payout in USD' }).click();
    const payouts = page.getByRole('table', { name: 'Payouts' });
    await payouts.waitFor();
    expect(await payouts.textContent()).toContain('60.00 USD');
    expect(await payouts.textContent()).toContain('requested');

    const owner = await bearer('GET', '/v1/payout_requests?partner_id=ann');
    expect(owner.json.data).toHaveLength(1);
    expect(owner.json.data[0]).toMatchObject({
      status: 'requested',
      gateway: 'paypal',
      payout_settings: { paypal_email: 'ann@paypal.test' },
    });

    // The URL was spent: opening it again lands on the sign-in form with a message.
    await page.context().clearCookies();
    await page.goto(`${service.url}${url.pathname}${url.search}`);
    await page.getByRole('alert').waitFor();
    expect(await page.getByRole('alert').textContent()).toMatch(/already used or has expired/);
    expect(errors).toEqual([]);
  });
});
