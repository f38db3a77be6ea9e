import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIENT_ROUTES, matchClientRoute } from '../../src/dashboard/client-routes.js';
import { withDashboard } from '../../src/dashboard/index.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

// The route list both sides read: the server serves index.html at each route, and the
// dashboard's App.tsx switches over them (its type check fails on a route without a page).

describe('the dashboard route list', () => {
  it('matches static routes exactly and one decoded segment for a parameter', () => {
    expect(matchClientRoute('/webhooks')).toEqual({ route: '/webhooks', params: {} });
    expect(matchClientRoute('/settings/api-keys')?.route).toBe('/settings/api-keys');
    expect(matchClientRoute('/webhooks/ab%20c')).toEqual({
      route: '/webhooks/:key',
      params: { key: 'ab c' },
    });
    expect(matchClientRoute('/logs/dlv_1')).toEqual({
      route: '/logs/:id',
      params: { id: 'dlv_1' },
    });
  });

  it('matches nothing else', () => {
    for (const path of [
      '/nope',
      '/webhooks/',
      '/webhooks/a/b',
      '/webhook',
      '/v1/webhooks',
      '/logs/%E0%A4%A',
    ]) {
      expect(matchClientRoute(path), path).toBeUndefined();
    }
  });

  it('matches every route it lists', () => {
    for (const route of CLIENT_ROUTES) {
      const path = route.replace(/:\w+$/, 'x');
      expect(matchClientRoute(path)?.route, route).toBe(route);
    }
  });
});

describe('the server serves the app at every route of the list', () => {
  let dir: string;
  let ctx: TestContext;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-dist-'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Hookline app</title>');
    ctx = await createTestContext('sqlite', { extend: (deps) => withDashboard(deps, { dir }) });
  });
  afterAll(async () => {
    await ctx?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(CLIENT_ROUTES.map((route) => route.replace(/:\w+$/, 'x')))('%s', async (url) => {
    const res = await ctx.app.inject({ method: 'GET', url });
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('Hookline app');
  });

  it('keeps the API 404 for a path outside the list', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Hookline app');
  });
});
