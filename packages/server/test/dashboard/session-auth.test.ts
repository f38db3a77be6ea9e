import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDashboard } from '../../src/dashboard/index.js';
import { createSignInLink } from '../../src/dashboard/sessions.js';
import { engines } from '../helpers/store.js';
import { createTestContext } from '../helpers/context.js';
import { startReceiver } from '../dispatch/receiver.js';
import type { Receiver } from '../dispatch/receiver.js';
import type { TestContext } from '../helpers/context.js';

/** `name=value` of the session cookie in a response, and the whole Set-Cookie line. */
function sessionCookie(headers: Record<string, unknown>): { pair: string; line: string } {
  const raw = headers['set-cookie'];
  const lines = Array.isArray(raw) ? raw.map(String) : [String(raw)];
  const line = lines.find((l) => l.startsWith('hookline_session=')) ?? '';
  return { pair: line.split(';')[0] ?? '', line };
}

describe.each(engines)('dashboard sessions on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine, {
      extend: (deps) => withDashboard(deps, { dir: '/nonexistent' }),
    });
  });
  afterAll(async () => ctx?.close());

  const anon = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    ctx.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });

  it('exchanges an API key for an HttpOnly SameSite=Strict cookie and a CSRF token', async () => {
    const res = await anon('POST', '/auth/session', { api_key: ctx.apiKey });
    expect(res.statusCode).toBe(200);
    const { line } = sessionCookie(res.headers);
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\//);
    expect(line).not.toMatch(/Secure/); // publicUrl is http in tests
    expect(line).not.toContain(ctx.apiKey);
    const body = res.json();
    expect(body.csrf_token).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(body.program.id).toBe(ctx.programId);
    expect(JSON.stringify(body)).not.toContain(ctx.apiKey);
  });

  it('refuses a wrong key with a field error', async () => {
    const res = await anon('POST', '/auth/session', { api_key: 'hlk_wrong' });
    expect(res.statusCode).toBe(401);
    expect(res.json().errors.api_key).toBeDefined();
    expect(res.headers['set-cookie']).toBeUndefined();
  });

  it('authenticates /v1 with the cookie; writes need the CSRF token', async () => {
    const signIn = await anon('POST', '/auth/session', { api_key: ctx.apiKey });
    const { pair } = sessionCookie(signIn.headers);
    const csrf = signIn.json().csrf_token as string;

    expect((await anon('GET', '/v1/webhooks', undefined, { cookie: pair })).statusCode).toBe(200);
    const who = await anon('GET', '/auth/session', undefined, { cookie: pair });
    expect(who.json().csrf_token).toBe(csrf);

    const hook = { name: 'h', url: 'http://127.0.0.1:9/x', events: ['*'] };
    const noToken = await anon('POST', '/v1/webhooks', hook, { cookie: pair });
    expect(noToken.statusCode).toBe(403);
    const badToken = await anon('POST', '/v1/webhooks', hook, {
      cookie: pair,
      'x-csrf-token': `${csrf}x`,
    });
    expect(badToken.statusCode).toBe(403);
    const good = await anon('POST', '/v1/webhooks', hook, { cookie: pair, 'x-csrf-token': csrf });
    expect(good.statusCode).toBe(201);

    // Sign-out needs the token too, then the cookie no longer works.
    expect((await anon('DELETE', '/auth/session', undefined, { cookie: pair })).statusCode).toBe(
      403,
    );
    expect(
      (await anon('DELETE', '/auth/session', undefined, { cookie: pair, 'x-csrf-token': csrf }))
        .statusCode,
    ).toBe(204);
    expect((await anon('GET', '/v1/webhooks', undefined, { cookie: pair })).statusCode).toBe(401);
    expect((await anon('GET', '/auth/session', undefined, { cookie: pair })).statusCode).toBe(401);
  });

  it('rejects forged and revoked sessions', async () => {
    expect(
      (await anon('GET', '/v1/webhooks', undefined, { cookie: 'hookline_session=forged' }))
        .statusCode,
    ).toBe(401);
    const signIn = await anon('POST', '/auth/session', { api_key: ctx.apiKey });
    const { pair } = sessionCookie(signIn.headers);
    const stored = await ctx.store.db.selectFrom('sessions').select('id').execute();
    // Only hashes are stored.
    expect(stored.some((s) => pair.endsWith(s.id))).toBe(false);
    const other = await ctx.otherProgram();
    const otherSignIn = await anon('POST', '/auth/session', { api_key: other.apiKey });
    const otherPair = sessionCookie(otherSignIn.headers).pair;
    await ctx.store.db
      .updateTable('api_keys')
      .set({ revoked_at: Date.now() })
      .where('program_id', '=', other.programId)
      .execute();
    expect((await anon('GET', '/v1/webhooks', undefined, { cookie: otherPair })).statusCode).toBe(
      401,
    );
    expect((await anon('GET', '/v1/webhooks', undefined, { cookie: pair })).statusCode).toBe(200);
  });

  it('signs in once with a one-time link', async () => {
    const { token } = await createSignInLink(ctx.store.db, ctx.programId, Date.now());
    const first = await anon('GET', `/auth/link?token=${token}`);
    expect(first.statusCode).toBe(303);
    expect(first.headers.location).toBe('/');
    const { pair } = sessionCookie(first.headers);
    expect((await anon('GET', '/v1/webhooks', undefined, { cookie: pair })).statusCode).toBe(200);
    const again = await anon('GET', `/auth/link?token=${token}`);
    expect(again.statusCode).toBe(303);
    expect(again.headers.location).toBe('/sign-in?link=invalid');
    expect(again.headers['set-cookie']).toBeUndefined();

    const expired = await createSignInLink(ctx.store.db, ctx.programId, Date.now() - 3_600_000);
    expect((await anon('GET', `/auth/link?token=${expired.token}`)).headers.location).toBe(
      '/sign-in?link=invalid',
    );
  });

  it('serves stats for the dashboard', async () => {
    const created = await ctx.request('POST', '/v1/webhooks', {
      name: 'stats',
      url: 'http://127.0.0.1:9/s',
      events: ['*'],
    });
    expect(created.statusCode).toBe(201);
    const publish = await ctx.request('POST', '/v1/events', {
      event: 'partner.created',
      data: samplePartner(),
    });
    expect(publish.statusCode).toBeLessThan(300);
    const hooks = await ctx.request('GET', '/v1/stats/webhooks');
    expect(hooks.statusCode).toBe(200);
    const entry = hooks
      .json()
      .data.find((w: { webhook_key: string }) => w.webhook_key === created.json().data.key);
    expect(entry.last_delivery.event).toBe('partner.created');
    expect(entry.success_rate_24h).toBeNull();
    expect(entry.health).toBe('idle');

    for (const range of ['24h', '7d']) {
      const res = await ctx.request('GET', `/v1/stats/overview?range=${range}`);
      expect(res.statusCode).toBe(200);
      const data = res.json().data;
      expect(data.hours).toHaveLength(range === '24h' ? 24 : 168);
      expect(data.totals.retrying).toBeGreaterThanOrEqual(1);
      const last = data.hours[data.hours.length - 1];
      expect(last.retrying).toBeGreaterThanOrEqual(1);
    }
    expect((await ctx.request('GET', '/v1/stats/overview?range=1y')).statusCode).toBe(422);
  });

  const receivers: Receiver[] = [];
  afterAll(async () => {
    for (const r of receivers) await r.close();
  });
  const createWebhook = (url: string, extra?: Record<string, unknown>) =>
    ctx.createWebhook(url, extra);

  it("stats: each webhook's health follows its attempts (healthy, degraded, failing, disabled)", async () => {
    const ok = await startReceiver();
    const failing = await startReceiver(() => ({ status: 500, body: 'nope' }));
    receivers.push(ok, failing);
    const good = await createWebhook(ok.url);
    const bad = await createWebhook(failing.url);
    const off = await createWebhook(ok.url, { is_active: false });
    const testSend = async (key: string) =>
      expect(
        (await ctx.request('POST', `/v1/webhooks/${key}/test`, { event: 'partner.created' }))
          .statusCode,
      ).toBe(200);
    await testSend(good.key);
    await testSend(bad.key);
    const healthOf = async () => {
      const res = await ctx.request('GET', '/v1/stats/webhooks');
      expect(res.statusCode).toBe(200);
      const byKey = new Map(
        (res.json().data as { webhook_key: string }[]).map((w) => [w.webhook_key, w]),
      );
      return (key: string) => byKey.get(key) as Record<string, unknown>;
    };
    let of = await healthOf();
    expect(of(good.key)).toMatchObject({ health: 'healthy', consecutive_failures: 0 });
    expect(of(bad.key)).toMatchObject({
      health: 'failing',
      consecutive_failures: 1,
      success_rate_24h: 0,
    });
    expect(of(off.key)).toMatchObject({ health: 'disabled', attempts_24h: 0 });

    // The endpoint recovers: its last attempt succeeded but 1 of 2 is below 95%.
    const fixed = await ctx.request('PUT', `/v1/webhooks/${bad.key}`, { url: ok.url });
    expect(fixed.statusCode).toBe(200);
    await testSend(bad.key);
    of = await healthOf();
    expect(of(bad.key)).toMatchObject({
      health: 'degraded',
      consecutive_failures: 0,
      attempts_24h: 2,
      success_rate_24h: 0.5,
    });
  });
  it('explains how to build the dashboard when it is missing', async () => {
    const res = await anon('GET', '/');
    expect(res.statusCode).toBe(503);
    expect(res.body).toContain('npm run build');
    expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
    expect((await anon('GET', '/v1/nope')).statusCode).toBe(404);
  });
});

function samplePartner() {
  return {
    id: 'partner_1',
    key: 'ref_1',
    email: 'p@example.com',
    name: 'P',
    surname: 'Q',
    status: 'active',
    approved: true,
    tags: [],
    referral_link: 'https://acme.test?aff=ref_1',
    referral_links: ['https://acme.test?aff=ref_1'],
    referrals_count: 0,
    created_at: '2026-05-07T10:30:00.000000Z',
    updated_at: '2026-05-07T10:30:00.000000Z',
    deleted_at: null,
  };
}
