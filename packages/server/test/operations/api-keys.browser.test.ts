import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pino } from 'pino';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startService } from '../../src/service.js';
import type { RunningService } from '../../src/service.js';
import { describeInBrowser, launchChromium } from '../helpers/chromium.js';

// Real headless Chromium (Debian's) against a real service: the API keys page and the
// retention note of the logs page. `npm test` builds the dashboard before vitest runs.
const API_KEY = 'hlk_keysBrowserTest0123456789abcdefghij';

describeInBrowser('API keys page in Chromium', () => {
  let dir: string;
  let service: RunningService;
  let browser: Browser;
  let page: Page;
  const errors: string[] = [];

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-keys-ui-'));
    const config = loadConfig({
      PORT: '0',
      HOST: '127.0.0.1',
      DATABASE_URL: `sqlite:${join(dir, 'hookline.db')}`,
      HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
      HOOKLINE_RETENTION: '14d',
    });
    service = await startService(config, pino({ level: 'silent' }));
    browser = await launchChromium();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: service.url });
    page = await context.newPage();
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${service.url}/sign-in`);
    await page.getByLabel('API key').fill(API_KEY);
    await page.getByRole('button', { name: 'Sign in' }).click();
    await page.getByRole('heading', { name: 'Overview' }).waitFor();
  });

  afterAll(async () => {
    await browser?.close();
    await service?.stop();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('creates a key shown once, and revokes it so that the API refuses it', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: 'API keys', exact: true })
      .click();
    await page.getByRole('heading', { name: 'API keys' }).waitFor();
    await page.getByLabel('Label').fill('n8n production');
    await page.getByRole('button', { name: 'Create key' }).click();
    const shown = page.locator('.secret code');
    await shown.waitFor();
    const key = (await shown.textContent()) ?? '';
    expect(key).toMatch(/^hlk_[A-Za-z0-9]{40}$/);
    const call = (k: string) =>
      fetch(`${service.url}/v1/webhooks`, { headers: { authorization: `Bearer ${k}` } });
    expect((await call(key)).status).toBe(200);

    await page.getByRole('button', { name: 'Done' }).click();
    const row = page.getByRole('row', { name: /n8n production/ });
    await expect.poll(() => row.getByText(key.slice(0, 8)).isVisible()).toBe(true);
    expect(await page.content()).not.toContain(key);

    await row.getByRole('button', { name: 'Revoke' }).click();
    await page.getByRole('button', { name: 'Revoke key' }).click();
    await expect.poll(() => row.getByText('Revoked').isVisible()).toBe(true);
    expect((await call(key)).status).toBe(401);
    // The key this browser signed in with still works.
    expect((await call(API_KEY)).status).toBe(200);
  });

  it('tells how long logs are kept', async () => {
    await page.goto(`${service.url}/logs`);
    await expect
      .poll(() => page.getByText('Deliveries and their attempts are kept for 14 days.').isVisible())
      .toBe(true);
    expect(errors).toEqual([]);
  });
});
