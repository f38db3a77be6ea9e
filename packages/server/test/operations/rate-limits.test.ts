import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseRateLimit } from '../../src/config/config.js';
import { withDashboard } from '../../src/dashboard/index.js';
import { FailureWindows } from '../../src/api/rate-limits.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

describe('rate limit settings', () => {
  it('parses N/duration and off, and explains a bad value', () => {
    expect(parseRateLimit('100/1s')).toEqual({ max: 100, windowMs: 1000 });
    expect(parseRateLimit('10 / 1m')).toEqual({ max: 10, windowMs: 60_000 });
    expect(parseRateLimit('off')).toBeNull();
    expect(parseRateLimit('100')).toMatch(/count per duration/);
    expect(parseRateLimit('0/1s')).toMatch(/count per duration/);
  });

  it('forgets the oldest address first when it tracks too many', () => {
    const windows = new FailureWindows({ max: 1, windowMs: 60_000 }, 2);
    windows.hit('a', 0);
    windows.hit('b', 0);
    windows.hit('c', 0);
    expect(windows.size).toBe(2);
    // `a` was forgotten: its next failure is its first again.
    expect(windows.hit('a', 1)).toBe(0);
    expect(windows.hit('c', 1)).toBe(59_999);
    expect(windows.hit('c', 61_000)).toBe(0);
  });
});

// Real requests over TCP from 127.0.0.1 to a listening server.
describe('rate limits on real requests', () => {
  let ctx: TestContext;
  let base: string;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite', {
      env: { HOOKLINE_RATE_LIMIT: '5/1m', HOOKLINE_AUTH_FAILURE_LIMIT: '3/1m' },
      extend: (deps) => withDashboard(deps, { dir: '/nonexistent' }),
    });
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  });
  afterAll(async () => ctx?.close());

  const get = (path: string, key: string) =>
    fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } });

  it('limits the API per key with 429 and Retry-After; another key keeps its own budget', async () => {
    const other = (await ctx.request('POST', '/v1/api-keys', { name: 'other' })).json().data
      .key as string;
    // The create above was the first of the five.
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) statuses.push((await get('/v1/webhooks', ctx.apiKey)).status);
    expect(statuses).toEqual([200, 200, 200, 200, 429]);
    const limited = await get('/v1/webhooks', ctx.apiKey);
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(((await limited.json()) as { message: string }).message).toMatch(/at most 5 per minute/);
    expect((await get('/v1/webhooks', other)).status).toBe(200);
  });

  it('limits failed authentications per address, sign-ins included, never valid keys', async () => {
    const wrong = [
      await get('/v1/webhooks', 'hlk_wrong_1'),
      await fetch(`${base}/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ api_key: 'hlk_wrong_2' }),
      }),
      await get('/v1/webhooks', 'hlk_wrong_3'),
    ];
    expect(wrong.map((r) => r.status)).toEqual([401, 401, 401]);
    const blocked = await get('/v1/webhooks', 'hlk_wrong_4');
    expect(blocked.status).toBe(429);
    expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(50);
    expect(((await blocked.json()) as { message: string }).message).toMatch(
      /Too many failed authentications/,
    );
    // Only failing attempts wait: a right key from the same address is served.
    const other = await ctx.otherProgram();
    expect((await get('/v1/webhooks', other.apiKey)).status).toBe(200);
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
  });
});
