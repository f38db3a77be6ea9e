import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_FIELD_ERRORS } from '../../src/api/errors.js';
import { MAX_JSON_DEPTH, forbiddenMember, tooDeep } from '../../src/api/json-body.js';
import { SIGN_IN_BODY_LIMIT } from '../../src/dashboard/auth-routes.js';
import { withDashboard } from '../../src/dashboard/index.js';
import { getEventType } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { nestedArrays, nestedObjects, PROTOTYPE_NAMES } from './fuzz-inputs.js';

// The reproductions of issue 18, item 2, each a 500 on main on both engines: deep JSON, and
// Object.prototype names as query parameters and body members. The fuzz (fuzz.test.ts) plants
// the same shapes on every operation; these name the answers one by one.
describe.each(engines)('no input reaches a 500 on %s', (engine) => {
  let ctx: TestContext;
  const partner = getEventType('partner.created')?.sample as Record<string, unknown>;
  const json = { 'content-type': 'application/json' };
  const unauthenticated = (method: 'POST' | 'DELETE' | 'GET', url: string, payload?: string) =>
    ctx.app.inject({ method, url, headers: json, ...(payload === undefined ? {} : { payload }) });

  beforeAll(async () => {
    ctx = await createTestContext(engine, {
      extend: (deps) => withDashboard(deps, { dir: '/nonexistent' }),
    });
    await ctx.createWebhook('http://127.0.0.1:9/', { key: 'hook' });
  });
  afterAll(async () => ctx.close());

  /** How deep arrays and objects nest in a parsed value, counted without recursion. */
  function depthOf(value: unknown): number {
    let deepest = 0;
    const pending: [unknown, number][] = [[value, 1]];
    for (let item = pending.pop(); item; item = pending.pop()) {
      const [node, depth] = item;
      if (typeof node !== 'object' || node === null) continue;
      deepest = Math.max(deepest, depth);
      for (const child of Object.values(node)) pending.push([child, depth + 1]);
    }
    return deepest;
  }

  it(`accepts event data nested 32 levels, and a body nested ${MAX_JSON_DEPTH}; one more is a 400 naming the limit`, async () => {
    expect(partner).toBeDefined();
    // `data` itself is level 1 of the data: 32 levels of data are 33 of the body.
    const body = (extra: string) =>
      JSON.stringify({ event: 'partner.created', data: { ...partner, extra: '__x__' } }).replace(
        '"__x__"',
        extra,
      );

    const published = await ctx.request('POST', '/v1/events', body(nestedObjects(31)), json);
    expect(published.statusCode).toBe(201);
    const event = await ctx.request('GET', `/v1/events/${published.json().data.id}`);
    expect(event.statusCode).toBe(200);
    expect(depthOf(event.json().data.data)).toBe(32);

    // The body: 1 (body) + 1 (data) + the member's levels.
    const atLimit = body(nestedObjects(MAX_JSON_DEPTH - 2));
    expect(depthOf(JSON.parse(atLimit))).toBe(MAX_JSON_DEPTH);
    expect((await ctx.request('POST', '/v1/events', atLimit, json)).statusCode).toBe(201);

    const over = await ctx.request(
      'POST',
      '/v1/events',
      body(nestedArrays(MAX_JSON_DEPTH - 1)),
      json,
    );
    expect(over.statusCode).toBe(400);
    expect(over.json()).toEqual({
      message: `The request body is nested more than ${MAX_JSON_DEPTH} levels deep (arrays and objects).`,
    });
  });

  it('refuses a body nested 100,000 levels with that 400, on body and bodyless routes and on the unauthenticated sign-in', async () => {
    const deep = nestedArrays(100_000);
    expect(deep.length).toBe(200_000); // within the 1 MiB body limit
    const deepData = JSON.stringify({
      event: 'partner.created',
      data: { ...partner, x: 0 },
    }).replace('"x":0', `"x":${deep}`);
    const answers = [
      await ctx.request('POST', '/v1/events', deepData, json),
      await ctx.request('PUT', '/v1/webhooks/hook', `{"update":${deep}}`, json),
      await ctx.request('DELETE', '/v1/webhooks/hook', deep, json),
      await ctx.request('POST', '/v1/webhooks/hook/finish-rotation', deep, json),
      await unauthenticated('DELETE', '/auth/session', deep),
      // Sign-in bodies are capped at a few KiB: nesting past the limit within the cap is the 400.
      await unauthenticated('POST', '/auth/session', `{"api_key":${nestedArrays(MAX_JSON_DEPTH)}}`),
    ];
    for (const res of answers) {
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ message: tooDeep().message });
    }
    // 100,000 levels on the sign-in route meet its body cap first: a 413, never a 500.
    const signIn = await unauthenticated('POST', '/auth/session', `{"api_key":${deep}}`);
    expect(signIn.statusCode).toBe(413);
    expect(signIn.json()).toEqual({
      message: `A sign-in body is at most ${SIGN_IN_BODY_LIMIT} bytes.`,
    });
    // The webhook the DELETE named is still there: the body was refused before the route ran.
    expect((await ctx.request('GET', '/v1/webhooks/hook')).statusCode).toBe(200);
    // Brackets inside strings are text, not nesting.
    const text = JSON.stringify({ event: 'partner.created', data: { ...partner, note: deep } });
    expect((await ctx.request('POST', '/v1/events', text, json)).statusCode).toBe(201);
  });

  it('answers an Object.prototype name as a query parameter like any unknown one, on every list route', async () => {
    const doc = (await ctx.request('GET', '/openapi.json')).json() as {
      paths: Record<string, Record<string, { parameters?: { in: string; name: string }[] }>>;
    };
    const lists = Object.entries(doc.paths)
      .filter(([, ops]) => ops.get?.parameters?.some((p) => p.in === 'query' && p.name === 'limit'))
      .map(([path]) => path.replace(/\{[^}]+\}/g, 'fuzz'));
    expect(lists.length).toBeGreaterThanOrEqual(19);
    for (const path of lists) {
      const plain = await ctx.request('GET', `${path}?zzfuzz=1`);
      expect(plain.statusCode).toBe(422);
      expect(plain.json().message).toMatch(
        /^The zzfuzz parameter is not supported\. Supported parameters: limit, page, sort/,
      );
      for (const name of PROTOTYPE_NAMES) {
        for (const query of [`${name}=1`, `${name}=`, `${name}=1&${name}=2`]) {
          const res = await ctx.request('GET', `${path}?${query}`);
          expect(res.statusCode, `${path}?${query}`).toBe(422);
          expect(res.body).toBe(plain.body.replaceAll('zzfuzz', name));
          expect(Object.keys(res.json().errors)).toEqual([name]);
        }
      }
    }
  });

  it('passes over Object.prototype names in a body, signs in with them, and never lets a member set a prototype', async () => {
    for (const name of PROTOTYPE_NAMES.filter((n) => n !== '__proto__')) {
      for (const value of ['{}', 'null', '[]', '1', '"x"']) {
        const signIn = await unauthenticated(
          'POST',
          '/auth/session',
          `{"api_key":"${ctx.apiKey}","${name}":${value}}`,
        );
        expect(signIn.statusCode, `${name}: ${value}`).toBe(200);
        const wrong = await unauthenticated(
          'POST',
          '/auth/session',
          `{"api_key":"nope","${name}":${value}}`,
        );
        expect(wrong.statusCode).toBe(401);
        expect(Object.keys(wrong.json())).toEqual(['message', 'errors']);
        // Nested in a partial update, next to a member that does change.
        const update = await ctx.request(
          'PUT',
          '/v1/webhooks/hook',
          `{"update":{"${name}":${value},"name":"renamed ${name}"}}`,
          json,
        );
        expect(update.statusCode, `${name}: ${value}`).toBe(200);
        expect(update.json().data.name).toBe(`renamed ${name}`);
      }
    }
    for (const body of [
      `{"api_key":"${ctx.apiKey}","__proto__":{"polluted":1}}`,
      `{"api_key":"${ctx.apiKey}","x":[{"__proto__":null}]}`,
      `{"api_key":"${ctx.apiKey}","constructor":{"prototype":{"polluted":1}}}`,
    ]) {
      const res = await unauthenticated('POST', '/auth/session', body);
      expect(res.statusCode).toBe(400);
      expect(res.json()).toEqual({ message: forbiddenMember().message });
    }
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const event = await ctx.request(
      'POST',
      '/v1/events',
      JSON.stringify({ event: 'partner.created', data: partner }).replace(
        '{"id"',
        '{"__proto__":{},"id"',
      ),
      json,
    );
    expect(event.statusCode).toBe(400);
  });

  it('answers 100,000 wrong array items with a bounded list of field errors', async () => {
    const items = `[${new Array<string>(100_000).fill('1').join(',')}]`;
    for (const [url, body] of [
      ['/v1/events', `{"event":"partner.created","data":{"tags":${items}}}`],
      ['/v1/webhooks', `{"name":"n","url":"http://127.0.0.1:9/","events":${items}}`],
      ['/v1/partners', `{"email":"p@example.com","tags":${items}}`],
    ] as const) {
      const res = await ctx.request('POST', url, body, json);
      expect(res.statusCode, url).toBe(422);
      const answer = res.json() as { message: string; errors: Record<string, string[]> };
      expect(Object.keys(answer).sort()).toEqual(['errors', 'message']);
      expect(Object.keys(answer.errors).length).toBeGreaterThan(0);
      expect(Object.keys(answer.errors).length).toBeLessThanOrEqual(MAX_FIELD_ERRORS);
      expect(res.body.length).toBeLessThan(64 * 1024);
    }
    const events = await ctx.request(
      'POST',
      '/v1/events',
      `{"event":"partner.created","data":{"tags":${items}}}`,
      json,
    );
    // Every error is still counted in the message.
    expect(events.json().message).toMatch(/\(and \d{6} more errors\)$/);
  });

  it('surfaces a planted fault as the documented 500 and logs it', async () => {
    const lines: Record<string, unknown>[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _encoding, callback) {
        for (const line of chunk.toString().split('\n')) if (line) lines.push(JSON.parse(line));
        callback();
      },
    });
    const faulty = await createTestContext(engine, {
      extend: (deps) => ({
        ...deps,
        logger: pino(sink),
        plugins: [
          (app) => {
            app.get('/planted-fault', { schema: { hide: true } }, async () => {
              throw new Error('planted fault 4711');
            });
            // An error that faults again while it is being rendered (its `code` throws).
            app.get('/planted-double-fault', { schema: { hide: true } }, async () => {
              const error = new Error('planted double fault 4712');
              Object.defineProperty(error, 'code', {
                get() {
                  throw new Error('renderer fault 4713');
                },
              });
              throw error;
            });
          },
        ],
      }),
    });
    try {
      for (const [url, logged] of [
        ['/planted-fault', 'planted fault 4711'],
        ['/planted-double-fault', 'renderer fault 4713'],
      ] as const) {
        const res = await faulty.app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(500);
        expect(res.body).toBe('{"message":"Internal server error."}');
        expect(res.headers['content-type']).toMatch(/^application\/json/);
        const entry = lines.find(
          (l) => (l.err as { message?: string } | undefined)?.message === logged,
        );
        expect(entry, `log of ${url}`).toMatchObject({ level: 50, msg: 'unhandled error' });
        expect(typeof entry?.reqId).toBe('string');
        expect(String((entry?.err as { stack?: string } | undefined)?.stack)).toContain(logged);
      }
    } finally {
      await faulty.close();
    }
  });
});
