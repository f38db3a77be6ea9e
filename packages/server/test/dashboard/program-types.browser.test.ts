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

// The program-type pages (leads, payout requests) and the webhook form's event list, in real
// headless Chromium against a real service, like dashboard.browser.test.ts.
const API_KEY = 'hlk_programTypesKey0123456789abcdefgh';

describeInBrowser('program-type pages in Chromium', () => {
  let dir: string;
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  const bearer = (method: string, path: string, body?: unknown) =>
    bearerFetch(service.url, API_KEY, method, path, body);
  const nav = (name: string) =>
    page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name, exact: true });

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-program-types-'));
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
    page = await (await browser.newContext({ viewport: { width: 1280, height: 860 } })).newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${service.url}/`);
    await page.getByLabel('API key').fill(API_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('converts a lead with its deal value, which fires lead.converted', async () => {
    await bearer('POST', '/v1/partners', { email: 'ann@example.com', id: 'ann' });
    const lead = await bearer('POST', '/v1/leads', {
      partner: { id: 'ann' },
      name: 'Dana',
      email: 'dana@example.com',
    });
    expect(lead.status).toBe(201);
    await nav('Leads').click();
    await page.getByRole('button', { name: 'Convert lead dana@example.com' }).click();
    await page.getByLabel('Deal value').fill('1200');
    await page.getByRole('button', { name: 'Convert', exact: true }).click();
    await page.getByText(`Lead ${lead.json.data.id} converted.`).waitFor();
    const shown = await bearer('GET', `/v1/leads/${lead.json.data.id}`);
    expect(shown.json.data).toMatchObject({
      status: 'converted',
      commission_transaction_amount: 1200,
    });
    const events = await bearer('GET', '/v1/events?event=lead.converted');
    expect(events.json.data).toHaveLength(1);
  });

  it('approves and pays a payout request; its rewards become paid', async () => {
    await bearer('POST', '/v1/partners/ann/reward', { amount: 40 });
    const payout = await bearer('POST', '/v1/payout_requests', {
      partner: { id: 'ann' },
      amount_units: 'USD',
    });
    expect(payout.status).toBe(201);
    const id = payout.json.data.id;
    await nav('Payouts').click();
    await page.getByRole('button', { name: `Approve payout request ${id}` }).click();
    await page.getByRole('button', { name: `Mark paid payout request ${id}` }).click();
    await page.getByText(`Payout request ${id}: mark paid done.`).waitFor();
    const rewards = await bearer('GET', '/v1/rewards?status=paid');
    expect(rewards.json.data.map((r: { payout_request: number }) => r.payout_request)).toEqual([
      id,
    ]);
  });

  it("offers in the webhook form only the program type's events", async () => {
    await nav('Webhooks').click();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByText('The program type is affiliate', { exact: false }).waitFor();
    expect(await page.getByLabel('lead.submitted').count()).toBe(1);
    expect(await page.getByLabel('subscriber.created').count()).toBe(0);
    expect((await bearer('PUT', '/v1/program', { program_type: 'newsletter' })).status).toBe(200);
    await page.reload();
    await page.getByRole('button', { name: 'Add webhook' }).click();
    await page.getByText('The program type is newsletter', { exact: false }).waitFor();
    expect(await page.getByLabel('subscriber.created').count()).toBe(1);
    expect(await page.getByLabel('partner.created').count()).toBe(0);
    await nav('Leads').click();
    await page.getByText('leads exist in affiliate programs', { exact: false }).waitFor();
    expect(errors).toEqual([]);
  });
});
