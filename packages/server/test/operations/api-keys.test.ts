import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDashboard } from '../../src/dashboard/index.js';
import { engines } from '../helpers/store.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

function sessionPair(headers: Record<string, unknown>): string {
  const raw = headers['set-cookie'];
  const lines = Array.isArray(raw) ? raw.map(String) : [String(raw)];
  return (lines.find((l) => l.startsWith('hookline_session=')) ?? '').split(';')[0] ?? '';
}

describe.each(engines)('API keys on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine, {
      extend: (deps) => withDashboard(deps, { dir: '/nonexistent' }),
    });
  });
  afterAll(async () => ctx?.close());

  it('creates a key shown once, lists keys by label and prefix, never the key', async () => {
    const created = await ctx.request('POST', '/v1/api-keys', { name: 'zapier' });
    expect(created.statusCode).toBe(201);
    const key = created.json().data;
    expect(key.key).toMatch(/^hlk_[A-Za-z0-9]{40}$/);
    expect(key).toMatchObject({ name: 'zapier', prefix: key.key.slice(0, 8), is_active: true });

    // The new key works, and using it is recorded.
    const used = await ctx.request('GET', '/v1/webhooks', undefined, {
      authorization: `Bearer ${key.key}`,
    });
    expect(used.statusCode).toBe(200);

    const list = await ctx.request('GET', '/v1/api-keys');
    expect(list.statusCode).toBe(200);
    expect(list.body).not.toContain(key.key);
    expect(list.body).not.toContain(ctx.apiKey);
    const listed = list.json().data as { id: string; name: string; last_used_at: string | null }[];
    expect(listed.map((k) => k.name)).toEqual(['zapier', 'default']);
    expect(listed[0]?.last_used_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('revokes a key at once: its requests and its dashboard sessions are refused', async () => {
    const created = (await ctx.request('POST', '/v1/api-keys', { name: 'laptop' })).json().data;
    const bearer = { authorization: `Bearer ${created.key}` };
    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/auth/session',
      payload: { api_key: created.key },
    });
    expect(signIn.statusCode).toBe(200);
    const cookie = sessionPair(signIn.headers);
    const viaSession = () =>
      ctx.app.inject({ method: 'GET', url: '/v1/webhooks', headers: { cookie } });
    expect((await viaSession()).statusCode).toBe(200);

    const revoked = await ctx.request('DELETE', `/v1/api-keys/${created.id}`);
    expect(revoked.statusCode).toBe(200);
    expect(revoked.json().data).toMatchObject({ id: created.id, is_active: false });
    expect(revoked.json().data.revoked_at).toMatch(/^\d{4}-/);

    expect((await ctx.request('GET', '/v1/webhooks', undefined, bearer)).statusCode).toBe(401);
    expect((await viaSession()).statusCode).toBe(401);
    const rows = await ctx.store.db
      .selectFrom('sessions')
      .select('id')
      .where('api_key_id', '=', created.id)
      .execute();
    expect(rows).toEqual([]);

    // Revoking twice keeps the first revocation time.
    const again = await ctx.request('DELETE', `/v1/api-keys/${created.id}`);
    expect(again.json().data.revoked_at).toBe(revoked.json().data.revoked_at);
  });

  it("cannot see or revoke another program's keys (404)", async () => {
    const other = await ctx.otherProgram();
    const otherKeys = await ctx.app.inject({
      method: 'GET',
      url: '/v1/api-keys',
      headers: { authorization: `Bearer ${other.apiKey}` },
    });
    const otherKeyId = otherKeys.json().data[0].id as string;
    expect((await ctx.request('GET', `/v1/api-keys/${otherKeyId}`)).statusCode).toBe(404);
    expect((await ctx.request('DELETE', `/v1/api-keys/${otherKeyId}`)).statusCode).toBe(404);
    const still = await ctx.app.inject({
      method: 'GET',
      url: '/v1/webhooks',
      headers: { authorization: `Bearer ${other.apiKey}` },
    });
    expect(still.statusCode).toBe(200);
  });

  it('refuses a key without a label with a field error', async () => {
    const res = await ctx.request('POST', '/v1/api-keys', {});
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.name).toBeDefined();
  });
});
