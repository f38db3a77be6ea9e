import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDashboard } from '../../src/dashboard/index.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

describe('security headers on every dashboard response', () => {
  let dir: string;
  let ctx: TestContext;
  beforeAll(async () => {
    // A stand-in build with the same layout as packages/dashboard/dist.
    dir = mkdtempSync(join(tmpdir(), 'hookline-dist-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Hookline</title>');
    writeFileSync(join(dir, 'assets', 'app-1234.js'), 'console.log(1)');
    writeFileSync(join(dir, 'favicon.svg'), '<svg xmlns="http://www.w3.org/2000/svg"/>');
    ctx = await createTestContext('sqlite', { extend: (deps) => withDashboard(deps, { dir }) });
  });
  afterAll(async () => {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(['/', '/webhooks', '/index.html', '/assets/app-1234.js', '/favicon.svg'])(
    '%s cannot be framed and is not sniffed',
    async (url) => {
      const res = await ctx.app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    },
  );

  it('caches hashed assets for a year and revalidates the rest', async () => {
    const asset = await ctx.app.inject({ method: 'GET', url: '/assets/app-1234.js' });
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    const index = await ctx.app.inject({ method: 'GET', url: '/index.html' });
    expect(index.headers['cache-control']).toBe('no-cache');
  });
});
