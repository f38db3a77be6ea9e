import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from './helpers/context.js';
import type { TestContext } from './helpers/context.js';
import { engines } from './helpers/store.js';

describe.each(engines)('webhooks API on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => ctx.close());

  it('creates a webhook with a generated key and secret', async () => {
    const res = await ctx.request('POST', '/v1/webhooks', {
      name: 'Partner notifications',
      url: 'https://example.com/hooks',
      events: ['partner.created', 'transaction.created'],
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(body.status).toBe(1);
    expect(body.data).toMatchObject({
      name: 'Partner notifications',
      url: 'https://example.com/hooks',
      is_active: true,
      events: ['partner.created', 'transaction.created'],
    });
    expect(body.data.key).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(body.data.signature).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(body.data.created_at).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
  });

  it('lists, shows, updates (flat and {update}) and deletes', async () => {
    const created = await ctx.request('POST', '/v1/webhooks', {
      name: 'A',
      url: 'https://example.com/a',
      events: ['*'],
      key: 'custom_key-1',
      is_active: false,
    });
    expect(created.statusCode).toBe(201);
    expect(created.json().data.key).toBe('custom_key-1');

    const shown = await ctx.request('GET', '/v1/webhooks/custom_key-1');
    expect(shown.json().data.is_active).toBe(false);

    const flat = await ctx.request('PUT', '/v1/webhooks/custom_key-1', { name: 'B' });
    expect(flat.statusCode).toBe(200);
    expect(flat.json().data.name).toBe('B');

    const nested = await ctx.request('PUT', '/v1/webhooks/custom_key-1', {
      update: { is_active: true, events: ['reward.paid'] },
    });
    expect(nested.json().data).toMatchObject({
      name: 'B',
      is_active: true,
      events: ['reward.paid'],
    });

    const list = await ctx.request('GET', '/v1/webhooks?limit=1');
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.data).toHaveLength(1);
    expect(page.meta).toMatchObject({ current_page: 1, per_page: 1, from: 1, to: 1 });
    expect(page.links.next).toBe('http://hookline.test/v1/webhooks?limit=1&page=2');
    expect(page.links.prev).toBeNull();

    const deleted = await ctx.request('DELETE', '/v1/webhooks/custom_key-1');
    expect(deleted.json()).toEqual({ status: 1 });
    expect((await ctx.request('GET', '/v1/webhooks/custom_key-1')).statusCode).toBe(404);
  });

  it('rejects a duplicate key, unknown events and bad URLs with 422 field errors', async () => {
    await ctx.request('POST', '/v1/webhooks', {
      name: 'dup',
      url: 'https://example.com/',
      events: ['*'],
      key: 'dupkey',
    });
    const dup = await ctx.request('POST', '/v1/webhooks', {
      name: 'dup',
      url: 'https://example.com/',
      events: ['*'],
      key: 'dupkey',
    });
    expect(dup.statusCode).toBe(422);
    expect(dup.json().errors.key).toEqual(['The key has already been taken.']);

    const unknown = await ctx.request('POST', '/v1/webhooks', {
      name: 'x',
      url: 'https://example.com/',
      events: ['partner.created', 'order.placed'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(Object.keys(unknown.json().errors)).toEqual(['events.1']);

    const missing = await ctx.request('POST', '/v1/webhooks', { url: 'ftp://example.com/' });
    expect(missing.statusCode).toBe(422);
    expect(missing.json().errors).toHaveProperty('name');
    expect(missing.json().errors).toHaveProperty('events');

    const ftp = await ctx.request('POST', '/v1/webhooks', {
      name: 'x',
      url: 'ftp://example.com/',
      events: ['*'],
    });
    expect(ftp.statusCode).toBe(422);
    expect(ftp.json().errors.url[0]).toMatch(/http or https/);

    const long = await ctx.request('POST', '/v1/webhooks', {
      name: 'x',
      url: `https://example.com/${'a'.repeat(2048)}`,
      events: ['*'],
    });
    expect(long.statusCode).toBe(422);
  });

  it('refuses private URLs unless private networks are allowed', async () => {
    const strict = await createTestContext(engine, {
      env: { HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'false' },
    });
    try {
      for (const url of [
        'http://127.0.0.1/x',
        'http://localhost:3000/x',
        'http://10.1.2.3/',
        'http://169.254.169.254/latest/meta-data',
        'http://[::1]/',
        'http://[::ffff:192.168.0.1]/',
        'http://0x7f000001/',
        'http://2130706433/',
        'http://0177.0.0.1/',
      ]) {
        const res = await strict.request('POST', '/v1/webhooks', { name: 'x', url, events: ['*'] });
        expect(res.statusCode, url).toBe(422);
        expect(res.json().errors.url[0]).toMatch(/public addresses/);
      }
      const ok = await strict.request('POST', '/v1/webhooks', {
        name: 'x',
        url: 'https://8.8.8.8/hook',
        events: ['*'],
      });
      expect(ok.statusCode).toBe(201);
    } finally {
      await strict.close();
    }
  });

  it('isolates programs: another program gets 404s and an empty list', async () => {
    await ctx.request('POST', '/v1/webhooks', {
      name: 'mine',
      url: 'https://example.com/',
      events: ['*'],
      key: 'minekey',
    });
    const other = await ctx.otherProgram();
    const auth = { authorization: `Bearer ${other.apiKey}` };
    expect((await ctx.request('GET', '/v1/webhooks/minekey', undefined, auth)).statusCode).toBe(
      404,
    );
    expect((await ctx.request('PUT', '/v1/webhooks/minekey', { name: 'x' }, auth)).statusCode).toBe(
      404,
    );
    expect((await ctx.request('DELETE', '/v1/webhooks/minekey', undefined, auth)).statusCode).toBe(
      404,
    );
    expect((await ctx.request('GET', '/v1/webhooks', undefined, auth)).json().data).toEqual([]);
    // The same key is free in another program.
    const same = await ctx.request(
      'POST',
      '/v1/webhooks',
      { name: 'theirs', url: 'https://example.com/', events: ['*'], key: 'minekey' },
      auth,
    );
    expect(same.statusCode).toBe(201);
  });

  it('answers 401 without or with a wrong key, 400 for malformed JSON, 413, 415, 405', async () => {
    const none = await ctx.app.inject({ method: 'GET', url: '/v1/webhooks' });
    expect(none.statusCode).toBe(401);
    expect(none.json().message).toMatch(/Bearer/);
    const wrong = await ctx.request('GET', '/v1/webhooks', undefined, {
      authorization: 'Bearer nope',
    });
    expect(wrong.statusCode).toBe(401);

    const malformed = await ctx.request('POST', '/v1/webhooks', '{"name": ', {
      'content-type': 'application/json',
    });
    expect(malformed.statusCode).toBe(400);

    const big = await ctx.request(
      'POST',
      '/v1/webhooks',
      JSON.stringify({ name: 'x'.repeat(1_100_000) }),
      { 'content-type': 'application/json' },
    );
    expect(big.statusCode).toBe(413);

    const xml = await ctx.request('POST', '/v1/webhooks', '<a/>', {
      'content-type': 'application/xml',
    });
    expect(xml.statusCode).toBe(415);

    const patch = await ctx.request('PATCH', '/v1/webhooks', {});
    expect(patch.statusCode).toBe(405);
    expect(patch.headers.allow).toContain('GET');
  });
});
