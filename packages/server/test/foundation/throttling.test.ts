import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Api } from '../../src/api/app.js';
import { counterKeyOf, trustFunctionOf } from '../../src/api/client-address.js';
import { FailureWindows } from '../../src/api/rate-limits.js';
import { parseTrustProxy } from '../../src/config/config.js';
import type { TrustProxy } from '../../src/config/config.js';
import { SESSION_COOKIE, withDashboard } from '../../src/dashboard/index.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

describe('client addresses', () => {
  it('counts IPv6 per /64 and IPv4-mapped IPv6 as IPv4', () => {
    expect(counterKeyOf('2001:db8:1:2::1')).toBe('2001:db8:1:2::/64');
    expect(counterKeyOf('2001:0db8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
    expect(counterKeyOf('2001:db8:1:3::1')).toBe('2001:db8:1:3::/64');
    expect(counterKeyOf('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
    expect(counterKeyOf('::1')).toBe('0:0:0:0::/64');
    expect(counterKeyOf('::')).toBe('0:0:0:0::/64');
    expect(counterKeyOf('2001:db8::')).toBe('2001:db8:0:0::/64');
    expect(counterKeyOf('::ffff:203.0.113.7')).toBe('203.0.113.7');
    expect(counterKeyOf('::ffff:cb00:7107')).toBe('203.0.113.7');
    expect(counterKeyOf('203.0.113.7')).toBe('203.0.113.7');
    expect(counterKeyOf('64:ff9b::203.0.113.7')).toBe('64:ff9b:0:0::/64');
    // Garbage a proxy passed on is a key of bounded length, not an error.
    expect(counterKeyOf('x'.repeat(500))).toHaveLength(64);
  });

  it('trusts the named proxies, a hop count, and never every hop', () => {
    const trust = (setting: string) => {
      const parsed = parseTrustProxy(setting) as TrustProxy;
      const fn = trustFunctionOf(parsed);
      if (fn === false) throw new Error('expected a trust function');
      return fn;
    };
    const one = trust('true');
    expect([one('203.0.113.1', 0), one('203.0.113.1', 1)]).toEqual([true, false]);
    const two = trust('2');
    expect([two('x', 0), two('x', 1), two('x', 2)]).toEqual([true, true, false]);
    const cidrs = trust('127.0.0.1, 10.0.0.0/8, 2001:db8::/32, uniquelocal');
    expect(cidrs('127.0.0.1', 0)).toBe(true);
    expect(cidrs('::ffff:127.0.0.1', 0)).toBe(true);
    expect(cidrs('10.200.3.4', 5)).toBe(true);
    expect(cidrs('192.168.4.4', 1)).toBe(true);
    expect(cidrs('2001:db8:ffff::1', 1)).toBe(true);
    expect(cidrs('127.0.0.2', 0)).toBe(false);
    expect(cidrs('203.0.113.1', 0)).toBe(false);
    expect(cidrs('not-an-address', 1)).toBe(false);
    expect(trustFunctionOf(false)).toBe(false);
    expect(trustFunctionOf({ hops: 0 })).toBe(false);
  });

  it('keeps its counters bounded, forgetting the oldest first', () => {
    const windows = new FailureWindows({ max: 1, windowMs: 60_000 }, 1_000);
    for (let i = 0; i < 50_000; i++) windows.hit(`198.51.${i >> 8}.${i & 255}`, 0);
    expect(windows.size).toBe(1_000);
    // The newest addresses are still counted; the oldest were forgotten.
    expect(windows.hit('198.51.195.79', 1)).toBeGreaterThan(0);
    expect(windows.hit('198.51.0.0', 1)).toBe(0);
  });
});

/** A server listening on 127.0.0.1 with an injected clock, dashboard included. */
async function listening(
  engine: (typeof engines)[number],
  env: Record<string, string>,
  clock: { now: number },
  host = '127.0.0.1',
): Promise<{ ctx: TestContext; base: string }> {
  const ctx = await createTestContext(engine, {
    env: { HOOKLINE_RATE_LIMIT: 'off', ...env },
    extend: (deps) => {
      const dashboard = withDashboard({ ...deps, clock: () => clock.now }, { dir: '/nonexistent' });
      // A planted fault on an unauthenticated route: a limit must never mask it.
      const planted = (app: Api) => {
        app.post('/test/fault', async () => {
          throw Object.assign(new Error('planted fault'), { statusCode: 500 });
        });
      };
      return { ...dashboard, plugins: [...(dashboard.plugins ?? []), planted] };
    },
  });
  await ctx.app.listen({ port: 0, host });
  const port = (ctx.app.server.address() as AddressInfo).port;
  return { ctx, base: host.includes(':') ? `http://[${host}]:${port}` : `http://${host}:${port}` };
}

describe.each(engines)('throttling on real requests (%s)', (engine) => {
  describe('one address, no proxy', () => {
    const clock = { now: Date.now() };
    let ctx: TestContext;
    let base: string;
    beforeAll(async () => {
      ({ ctx, base } = await listening(
        engine,
        {
          HOOKLINE_AUTH_FAILURE_LIMIT: '10/1m',
          HOOKLINE_UNAUTHENTICATED_LIMIT: '20/1m',
          HOOKLINE_METRICS_TOKEN: 'metrics-token-0123456789',
        },
        clock,
      ));
    });
    afterAll(async () => ctx?.close());

    const get = (path: string, key: string) =>
      fetch(`${base}${path}`, { headers: { authorization: `Bearer ${key}` } });
    const signIn = (apiKey: string) =>
      fetch(`${base}/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ api_key: apiKey }),
      });

    it('serves every valid request among 100 wrong keys; the wrong ones meet 429 past the limit', async () => {
      const valid: number[] = [];
      const wrong: number[] = [];
      let retryAfter = '';
      for (let i = 0; i < 100; i++) {
        const bad = await get('/v1/webhooks', `hlk_wrong_${i}`);
        wrong.push(bad.status);
        if (bad.status === 429) retryAfter = bad.headers.get('retry-after') ?? '';
        valid.push((await get('/v1/webhooks', ctx.apiKey)).status);
      }
      expect(valid.filter((s) => s !== 200)).toEqual([]);
      expect(wrong.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(wrong.slice(10)).toEqual(Array(90).fill(429));
      expect(Number(retryAfter)).toBeGreaterThan(0);
      expect(Number(retryAfter)).toBeLessThanOrEqual(60);

      // Over every limit now, the address is still served with valid credentials...
      const other = await ctx.otherProgram();
      expect((await get('/v1/webhooks', other.apiKey)).status).toBe(200);
      const session = await signIn(ctx.apiKey);
      expect(session.status).toBe(200);
      expect(session.headers.get('cache-control')).toBe('no-store');
      const cookie = (session.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      expect((await fetch(`${base}/v1/webhooks`, { headers: { cookie } })).status).toBe(200);
      expect((await fetch(`${base}/auth/session`, { headers: { cookie } })).status).toBe(200);
      // ...its failing sign-ins and stale sessions get 429, with the error shape...
      const failing = await signIn('hlk_wrong_again');
      expect(failing.status).toBe(429);
      expect(failing.headers.get('cache-control')).toBe('no-store');
      expect(Object.keys((await failing.json()) as object)).toEqual(['message']);
      const stale = await fetch(`${base}/v1/webhooks`, {
        headers: { cookie: `${SESSION_COOKIE}=stale` },
      });
      expect(stale.status).toBe(429);
      expect(stale.headers.get('www-authenticate')).toBeNull();
      // ...and the probes answer as ever, a wrong metrics token included.
      for (const path of ['/healthz', '/readyz', '/healthz/', '/readyz?x=1']) {
        expect((await fetch(`${base}${path}`)).status, path).toBe(200);
      }
      for (let i = 0; i < 30; i++) expect((await get('/metrics', 'wrong')).status).toBe(401);
      expect((await get('/metrics', 'metrics-token-0123456789')).status).toBe(200);

      // A new window forgets the address.
      clock.now += 60_001;
      expect((await get('/v1/webhooks', 'hlk_wrong_after')).status).toBe(401);
    });

    it('limits requests without credentials in volume, never refusing a valid sign-in', async () => {
      clock.now += 120_000;
      const statuses: number[] = [];
      for (let i = 0; i < 30; i++) {
        const res = await fetch(`${base}/auth/session`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ api_key: 42 }),
        });
        statuses.push(res.status);
      }
      // 422 (invalid body, not a failed authentication) until the volume budget of 20 is spent.
      expect(statuses.slice(0, 20)).toEqual(Array(20).fill(422));
      expect(statuses.slice(20)).toEqual(Array(10).fill(429));
      const ok = await signIn(ctx.apiKey);
      expect(ok.status).toBe(200);
      const notFound = await fetch(`${base}/no-such-page`, { method: 'POST' });
      expect(notFound.status).toBe(429);
      expect(Number(notFound.headers.get('retry-after'))).toBeGreaterThan(0);
      // A server fault stays a 500, over the budget or not.
      const fault = await fetch(`${base}/test/fault`, { method: 'POST' });
      expect(fault.status).toBe(500);
      expect(await fault.json()).toEqual({ message: 'Internal server error.' });
    });

    it('counts a spent or unknown sign-in link as a failed authentication', async () => {
      clock.now += 120_000;
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const res = await fetch(`${base}/auth/link?token=guess${i}`, { redirect: 'manual' });
        statuses.push(res.status);
      }
      expect(statuses).toEqual([...Array(10).fill(303), 429, 429]);
      expect((await signIn(ctx.apiKey)).status).toBe(200);
    });

    it('refuses a sign-in body past 4 KiB before reading it', async () => {
      clock.now += 120_000;
      const res = await fetch(`${base}/auth/session`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ api_key: 'x'.repeat(800_000) }),
      });
      expect(res.status).toBe(413);
      expect(((await res.json()) as { message: string }).message).toMatch(/at most 4096 bytes/);
    });

    it('marks API and sign-in answers Cache-Control: no-store', async () => {
      clock.now += 120_000;
      const created = await fetch(`${base}/v1/api-keys`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'secret-bearing' }),
      });
      expect(created.status).toBe(201);
      expect(created.headers.get('cache-control')).toBe('no-store');
      const webhook = await fetch(`${base}/v1/webhooks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${ctx.apiKey}`, 'content-type': 'application/json' },
        body: JSON.stringify({ name: 'w', url: 'http://127.0.0.1:9/x', events: ['*'] }),
      });
      expect(webhook.status).toBe(201);
      expect(
        ((await webhook.json()) as { data: { signature: string } }).data.signature,
      ).toBeTruthy();
      expect(webhook.headers.get('cache-control')).toBe('no-store');
      for (const res of [
        await get('/v1/webhooks', ctx.apiKey),
        await get('/v1/webhooks', 'hlk_wrong'),
        await signIn('hlk_wrong'),
        await fetch(`${base}/auth/session`),
        await fetch(`${base}/auth/link?token=nope`, { redirect: 'manual' }),
      ]) {
        expect(res.headers.get('cache-control'), res.url).toBe('no-store');
      }
      // Probes keep their own caching rules.
      expect((await fetch(`${base}/healthz`)).headers.get('cache-control')).toBeNull();
    });
  });

  describe('the per-key limit', () => {
    let ctx: TestContext;
    let base: string;
    beforeAll(async () => {
      ({ ctx, base } = await listening(engine, { HOOKLINE_RATE_LIMIT: '5/1m' }, { now: 0 }));
    });
    afterAll(async () => ctx?.close());

    it('counts every authenticated request, those that fail validation included', async () => {
      const invalid = () =>
        fetch(`${base}/v1/webhooks`, {
          method: 'POST',
          headers: { authorization: `Bearer ${ctx.apiKey}`, 'content-type': 'application/json' },
          body: JSON.stringify({ url: 'not a url' }),
        });
      const statuses: number[] = [];
      for (let i = 0; i < 5; i++) statuses.push((await invalid()).status);
      expect(statuses).toEqual(Array(5).fill(422));
      const limited = await fetch(`${base}/v1/webhooks`, {
        headers: { authorization: `Bearer ${ctx.apiKey}` },
      });
      expect(limited.status).toBe(429);
      expect(limited.headers.get('cache-control')).toBe('no-store');
    });
  });

  // The test plays the proxy: it connects from 127.0.0.1 and sends the X-Forwarded-For a proxy
  // would, the client's own claims on the left and what the proxies saw on the right.
  describe.each([
    { name: 'true (one hop)', setting: 'true', proxies: [] as string[] },
    { name: 'a CIDR list', setting: '127.0.0.1, 10.0.0.0/8', proxies: ['10.1.1.1'] },
    { name: 'a hop count of 3', setting: '3', proxies: ['10.1.1.1', '10.2.2.2'] },
  ])('behind a proxy trusted as $name', ({ setting, proxies }) => {
    const clock = { now: Date.now() };
    let ctx: TestContext;
    let base: string;
    beforeAll(async () => {
      ({ ctx, base } = await listening(
        engine,
        {
          HOOKLINE_TRUST_PROXY: setting,
          HOOKLINE_AUTH_FAILURE_LIMIT: '10/1m',
          HOOKLINE_UNAUTHENTICATED_LIMIT: 'off',
        },
        clock,
      ));
    });
    afterAll(async () => ctx?.close());

    /** A request from `client` through the proxies, `claimed` being what the client sent. */
    const via = (client: string, key: string, claimed?: string) =>
      fetch(`${base}/v1/webhooks`, {
        headers: {
          authorization: `Bearer ${key}`,
          'x-forwarded-for': [...(claimed ? [claimed] : []), client, ...proxies].join(', '),
        },
      });
    const wrongFrom = async (client: string, n: number, claimed?: (i: number) => string) => {
      const statuses: number[] = [];
      for (let i = 0; i < n; i++)
        statuses.push((await via(client, `hlk_x${i}`, claimed?.(i))).status);
      return statuses;
    };

    it('a rotating X-Forwarded-For does not escape the counter', async () => {
      clock.now += 120_000;
      const statuses = await wrongFrom('203.0.113.7', 200, (i) => `198.18.${i >> 8}.${i & 255}`);
      expect(statuses.slice(0, 10)).toEqual(Array(10).fill(401));
      expect(statuses.slice(10).every((s) => s === 429)).toBe(true);
      expect((await via('203.0.113.7', ctx.apiKey, '198.18.0.1')).status).toBe(200);
    });

    it('a spoofed X-Forwarded-For charges neither the named address nor the proxy', async () => {
      clock.now += 120_000;
      // 203.0.113.8 claims to be 203.0.113.9, then the proxy's own address, then a proxy's.
      await wrongFrom(
        '203.0.113.8',
        30,
        (i) => ['203.0.113.9', '127.0.0.1', '10.3.3.3'][i % 3] ?? '',
      );
      expect((await via('203.0.113.8', 'hlk_y')).status).toBe(429);
      expect((await via('203.0.113.9', 'hlk_y')).status).toBe(401);
      const direct = await fetch(`${base}/v1/webhooks`, {
        headers: { authorization: 'Bearer hlk_y' },
      });
      expect(direct.status).toBe(401);
      expect(
        (await fetch(`${base}/healthz`, { headers: { 'x-forwarded-for': '203.0.113.8' } })).status,
      ).toBe(200);
    });

    it('counts IPv6 clients per /64, IPv4-mapped ones as IPv4', async () => {
      clock.now += 120_000;
      await wrongFrom('2001:db8:1:2::1', 5);
      await wrongFrom('2001:db8:1:2:ffff::9', 5);
      expect((await via('2001:db8:1:2:abcd::1', 'hlk_z')).status).toBe(429);
      expect((await via('2001:db8:1:3::1', 'hlk_z')).status).toBe(401);
      await wrongFrom('::ffff:192.0.2.1', 10);
      expect((await via('192.0.2.1', 'hlk_z')).status).toBe(429);
    });
  });
});

describe('over IPv6 loopback', () => {
  const clock = { now: Date.now() };
  let ctx: TestContext | undefined;
  let base = '';
  beforeAll(async () => {
    try {
      ({ ctx, base } = await listening(
        'sqlite',
        { HOOKLINE_AUTH_FAILURE_LIMIT: '3/1m' },
        clock,
        '::1',
      ));
    } catch (error) {
      // A machine without IPv6 on loopback cannot run this one; the /64 logic is tested above.
      if ((error as { code?: string }).code !== 'EADDRNOTAVAIL') throw error;
      console.warn('::1 is not available here: skipping the IPv6 loopback test');
    }
  });
  afterAll(async () => ctx?.close());

  it('counts ::1 on its own and still serves its valid key', async (test) => {
    if (!ctx) return test.skip();
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push(
        (await fetch(`${base}/v1/webhooks`, { headers: { authorization: 'Bearer hlk_no' } }))
          .status,
      );
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const valid = await fetch(`${base}/v1/webhooks`, {
      headers: { authorization: `Bearer ${ctx.apiKey}` },
    });
    expect(valid.status).toBe(200);
  });
});
