import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { storageErrorOf } from '../../src/api/storage-errors.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

const json = { 'content-type': 'application/json' };

// What real clients send (Partnero's n8n node, PHP and Python SDKs, curl with a shared header
// list), accepted as Laravel accepts it, on both engines.
describe.each(engines)('real clients (%s)', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => ctx.close());

  describe('a bodyless request with a JSON Content-Type', () => {
    it('is an empty body: routes that take none proceed', async () => {
      const { key } = await ctx.createWebhook('https://example.com/a');
      const rotated = await ctx.request(
        'POST',
        `/v1/webhooks/${key}/rotate-secret`,
        undefined,
        json,
      );
      expect(rotated.statusCode, rotated.body).toBe(200);
      const partner = await ctx.request('POST', '/v1/partners', { email: 'ann@example.com' });
      expect(partner.statusCode, partner.body).toBe(201);
      const id = partner.json().data.id as string;
      for (const action of ['archive', 'revoke-archive']) {
        const res = await ctx.request('POST', `/v1/partners/${id}/${action}`, undefined, json);
        expect(res.statusCode, `${action}: ${res.body}`).toBe(200);
      }
      const deleted = await ctx.request('DELETE', `/v1/webhooks/${key}`, undefined, json);
      expect(deleted.statusCode, deleted.body).toBe(200);
      const withLength = await ctx.request('DELETE', `/v1/partners/${id}`, '', {
        ...json,
        'content-length': '0',
      });
      expect(withLength.statusCode, withLength.body).toBe(200);
    });

    it('gives the normal field errors where a body is needed', async () => {
      const res = await ctx.request('POST', '/v1/webhooks', undefined, json);
      expect(res.statusCode).toBe(422);
      expect(res.json().errors.name).toEqual(['The name field is required.']);
      expect(res.json().errors.events).toEqual(['The events field is required.']);
    });

    it('still answers malformed JSON with a 400', async () => {
      const res = await ctx.request('POST', '/v1/webhooks', '{"name":', json);
      expect(res.statusCode).toBe(400);
      expect(res.json().message).toBe('Malformed JSON in the request body.');
    });
  });

  describe('query strings', () => {
    beforeAll(async () => {
      for (let i = 0; i < 5; i++) await ctx.createWebhook(`https://example.com/q${i}`);
    });

    it('take the last value of a repeated parameter', async () => {
      const res = await ctx.request(
        'GET',
        '/v1/webhooks?limit=1&sort=asc&page=2&limit=2&sort=desc',
      );
      expect(res.statusCode, res.body).toBe(200);
      const page = res.json();
      expect(page.meta.per_page).toBe(2);
      expect(page.meta.current_page).toBe(2);
      expect(page.links.next).toBe('http://hookline.test/v1/webhooks?limit=2&sort=desc&page=3');
    });

    it('let a client that re-appends its query to links.next walk every page (n8n)', async () => {
      const all = await ctx.request('GET', '/v1/webhooks?limit=100');
      const expected = (all.json().data as { key: string }[]).map((w) => w.key).reverse();
      const own = 'limit=2&sort=desc';
      let url: string | null = `/v1/webhooks?${own}`;
      const seen: string[] = [];
      for (let guard = 0; url !== null && guard < 20; guard++) {
        const res = await ctx.request('GET', url);
        expect(res.statusCode, res.body).toBe(200);
        const page = res.json();
        seen.push(...(page.data as { key: string }[]).map((w) => w.key));
        const next = page.links.next as string | null;
        url = next === null ? null : `${next.replace('http://hookline.test', '')}&${own}`;
      }
      expect(seen).toEqual(expected);
    });

    it('sort every list', async () => {
      const asc = (await ctx.request('GET', '/v1/webhooks?sort=asc&limit=100')).json().data;
      const desc = (await ctx.request('GET', '/v1/webhooks?sort=desc&limit=100')).json().data;
      expect(desc).toEqual([...asc].reverse());
      const bad = await ctx.request('GET', '/v1/webhooks?sort=sideways');
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors.sort).toEqual(['The sort must be one of "asc", "desc".']);
    });

    it('answer an unknown parameter on any list with a 422 naming it', async () => {
      const { key } = await ctx.createWebhook('https://example.com/u');
      for (const list of [
        '/v1/webhooks',
        '/v1/partners',
        '/v1/customers',
        '/v1/transactions',
        '/v1/rewards',
        '/v1/deliveries',
        '/v1/events',
        `/v1/webhooks/${key}/deliveries`,
      ]) {
        const res = await ctx.request('GET', `${list}?limit=5&statuss=failed`);
        expect(res.statusCode, `${list}: ${res.body}`).toBe(422);
        expect(res.json().message).toMatch(
          /^The statuss parameter is not supported\. Supported parameters: limit, page, sort/,
        );
        expect(Object.keys(res.json().errors)).toEqual(['statuss']);
      }
    });

    it('read an empty value as absent and explain bad numbers', async () => {
      const empty = await ctx.request('GET', '/v1/webhooks?limit=&page=&sort=');
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json().meta.per_page).toBe(10);
      const nan = await ctx.request('GET', '/v1/webhooks?limit=abc');
      expect(nan.json().message).toBe('The limit must be a number.');
      const fraction = await ctx.request('GET', '/v1/webhooks?limit=1.5');
      expect(fraction.json().message).toBe('The limit must be an integer.');
    });
  });

  describe('"" in a field', () => {
    it('is null: an optional field is not given, a required one is missing', async () => {
      const created = await ctx.request('POST', '/v1/webhooks', {
        name: 'n',
        url: 'https://example.com/e',
        events: ['*'],
        key: '',
        is_active: '',
      });
      expect(created.statusCode, created.body).toBe(201);
      const webhook = created.json().data;
      expect(webhook.key).toMatch(/^[A-Za-z0-9]{12}$/);
      expect(webhook.is_active).toBe(true);

      const updated = await ctx.request('PUT', `/v1/webhooks/${webhook.key}`, {
        update: { name: '', url: null, is_active: false },
      });
      expect(updated.statusCode, updated.body).toBe(200);
      expect(updated.json().data).toMatchObject({
        name: 'n',
        url: 'https://example.com/e',
        is_active: false,
      });

      const missing = await ctx.request('POST', '/v1/webhooks', {
        name: '',
        url: 'https://example.com/e',
        events: ['*'],
      });
      expect(missing.statusCode).toBe(422);
      expect(missing.json().errors).toEqual({ name: ['The name field is required.'] });
    });
  });

  describe('published event data', () => {
    it('is delivered verbatim: its "" stay ""', async () => {
      const type = (await ctx.request('GET', '/v1/event-types/partner.created')).json().data;
      const data = { ...type.sample, surname: '' };
      const res = await ctx.request('POST', '/v1/events', { event: 'partner.created', data });
      expect(res.statusCode, res.body).toBe(201);
      const id = res.json().data.id as string;
      const stored = await ctx.request('GET', `/v1/events/${id}`);
      expect(stored.json().data.data.surname).toBe('');
    });
  });

  describe('values PostgreSQL cannot store', () => {
    it('are a 422 naming the field, in the path, the query and the body', async () => {
      const cases: [string, string, unknown, string][] = [
        ['GET', '/v1/webhooks/a%00b', undefined, 'key'],
        ['GET', '/v1/partners/a%00b', undefined, 'id'],
        ['GET', '/v1/events?event=a%00', undefined, 'event'],
        [
          'POST',
          '/v1/webhooks',
          { name: 'a\u0000b', url: 'https://example.com/', events: ['*'] },
          'name',
        ],
        ['POST', '/v1/partners', { email: 'nul@example.com', name: 'a\u0000' }, 'name'],
        [
          'POST',
          '/v1/webhooks',
          '{"name":"\\ud800","url":"https://example.com/","events":["*"]}',
          'name',
        ],
        [
          'POST',
          '/v1/transactions',
          { key: 't1', amount: 1e300, customer: { key: 'c' } },
          'amount',
        ],
        ['PUT', '/v1/webhooks/x', { update: { events: ['a\u0000'] } }, 'update.events.0'],
      ];
      for (const [method, url, body, field] of cases) {
        const res = await ctx.request(method as 'GET', url, body, json);
        expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(422);
        expect(Object.keys(res.json().errors), `${method} ${url}`).toEqual([field]);
      }
    });
  });

  describe("a GET or DELETE's JSON body (Laravel's input: json + query)", () => {
    const json = { 'content-type': 'application/json' };
    const partner = async (key: string, email: string) => {
      const res = await ctx.request('POST', '/v1/partners', { key, email });
      expect(res.statusCode, res.body).toBe(201);
      return res.json().data as { id: string; key: string };
    };

    it('is input merged with the query, the body winning', async () => {
      const ann = await partner('gb-ann', 'gb-ann@example.com');
      const bob = await partner('gb-bob', 'gb-bob@example.com');
      const byBody = await ctx.request('GET', '/v1/partners', '{"key":"gb-ann"}', json);
      expect(byBody.json().data.map((p: { id: string }) => p.id)).toEqual([ann.id]);
      // Both name `key`: the body's wins; the query's `limit` still applies.
      const both = await ctx.request(
        'GET',
        '/v1/partners?key=gb-ann&limit=7',
        '{"key":"gb-bob"}',
        json,
      );
      expect(both.json().data.map((p: { id: string }) => p.id)).toEqual([bob.id]);
      expect(both.json().meta.per_page).toBe(7);
      // A nested object is the bracketed parameter (`partner[key]`), as PHP parses both alike.
      await ctx.request('POST', '/v1/customers', { key: 'gb-cust', partner: { key: 'gb-ann' } });
      const nested = await ctx.request(
        'GET',
        '/v1/customers',
        '{"partner":{"key":"gb-bob"}}',
        json,
      );
      expect(nested.statusCode, nested.body).toBe(200);
      expect(nested.json().data).toEqual([]);
      const flat = await ctx.request('GET', '/v1/customers?partner[key]=gb-ann');
      expect(flat.json().data.map((c: { key: string }) => c.key)).toEqual(['gb-cust']);
      const overrides = await ctx.request(
        'GET',
        '/v1/customers?partner[key]=gb-ann',
        '{"partner":{"key":"gb-bob"}}',
        json,
      );
      expect(overrides.json().data).toEqual([]);
    });

    it('follows the query rules: unknown names are a 422, "" is null, [] is nothing', async () => {
      const unknown = await ctx.request('GET', '/v1/partners', '{"colour":"red"}', json);
      expect(unknown.statusCode).toBe(422);
      expect(Object.keys(unknown.json().errors)).toEqual(['colour']);
      const empty = await ctx.request('GET', '/v1/partners', '{"key":"","limit":""}', json);
      expect(empty.statusCode, empty.body).toBe(200);
      expect(empty.json().meta.per_page).toBe(10);
      expect((await ctx.request('GET', '/v1/partners', '[]', json)).statusCode).toBe(200);
      expect((await ctx.request('GET', '/v1/partners', '', json)).statusCode).toBe(200);
      const list = await ctx.request('GET', '/v1/partners', '["key"]', json);
      expect(list.statusCode).toBe(422);
      expect(Object.keys(list.json().errors)).toEqual(['body']);
      const deep = `${'{"a":'.repeat(70)}1${'}'.repeat(70)}`;
      expect((await ctx.request('GET', '/v1/partners', deep, json)).statusCode).toBe(400);
      const proto = await ctx.request('GET', '/v1/partners', '{"__proto__":{"x":1}}', json);
      expect(proto.statusCode).toBe(400);
    });

    it('names what DELETE removes, and a form body on a GET is ignored', async () => {
      await partner('gb-gone', 'gb-gone@example.com');
      const del = await ctx.request(
        'DELETE',
        '/v1/partners',
        '{"email":"gb-gone@example.com"}',
        json,
      );
      expect(del.statusCode, del.body).toBe(200);
      const left = await ctx.request('GET', '/v1/partners?key=gb-gone');
      expect(left.json().data).toEqual([]);
      const form = await ctx.request('GET', '/v1/partners?limit=3', 'key=gb-ann', {
        'content-type': 'application/x-www-form-urlencoded',
      });
      expect(form.statusCode, form.body).toBe(200);
      expect(form.json().meta.per_page).toBe(3);
    });
  });

  describe('answers', () => {
    it('are typed exactly application/json, errors included (the PHP SDK decodes only that)', async () => {
      for (const [method, url, body] of [
        ['GET', '/v1/test', undefined],
        ['GET', '/v1/partners', undefined],
        ['GET', '/v1/partners?colour=red', undefined],
        ['GET', '/v1/nowhere', undefined],
        ['POST', '/v1/partners', {}],
        ['GET', '/healthz', undefined],
      ] as const) {
        const res = await ctx.request(method, url, body);
        expect(res.headers['content-type'], `${method} ${url} ${res.statusCode}`).toBe(
          'application/json',
        );
      }
      const unauthenticated = await ctx.request('GET', '/v1/partners', undefined, {
        authorization: 'Bearer nope',
      });
      expect(unauthenticated.statusCode).toBe(401);
      expect(unauthenticated.headers['content-type']).toBe('application/json');
    });
  });

  it.runIf(engine === 'postgres')(
    'maps a PostgreSQL data exception the hooks missed to a message (the 422 backstop)',
    async () => {
      const error = await sql`select ${'2147483648'}::int4`
        .execute(ctx.store.db)
        .catch((e: unknown) => e);
      expect(storageErrorOf(error)).toMatch(/outside what the database can store/);
      const other = await sql`select * from no_such_table`
        .execute(ctx.store.db)
        .catch((e: unknown) => e);
      expect(storageErrorOf(other)).toBeUndefined();
    },
  );
});
