import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forbiddenMember, tooDeep } from '../../src/api/json-body.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { signInPartner } from '../helpers/portal.js';
import { engines } from '../helpers/store.js';
import { call } from '../domain/helpers.js';
import { startReceiver } from '../dispatch/receiver.js';
import type { Receiver } from '../dispatch/receiver.js';
import {
  BODY_VARIANTS,
  INVALID_UTF8_SEGMENTS,
  mutations,
  nestedArrays,
  nestedObjects,
  PATH_VARIANTS,
  PLAIN_NAME,
  plantedBodies,
  plantedQueries,
  QUERY_VARIANTS,
} from '../foundation/fuzz-inputs.js';

// The planted-shapes sweep (foundation/fuzz.test.ts) reaches /portal/api/* only without a
// partner session, where every request stops at the 401. Here the same hostile shapes go to the
// partner's postback routes with a valid portal cookie and CSRF token, so they get past the
// session guard into validation, the handlers and the database, on both engines. A request
// refused as unauthenticated would make the sweep vacuous, so a 401 or 403 is a failure too.

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

interface Answer {
  readonly status: number;
  readonly body: string;
}

const json = (message: string, errors?: Record<string, string[]>) =>
  JSON.stringify(errors ? { message, errors } : { message });

const EXACT = {
  tooDeep: { status: 400, body: json(tooDeep().message) },
  forbiddenMember: { status: 400, body: json(forbiddenMember().message) },
  loneSurrogate: {
    status: 422,
    body: json(`The ${PLAIN_NAME} must be valid Unicode text.`, {
      [PLAIN_NAME]: [`The ${PLAIN_NAME} must be valid Unicode text.`],
    }),
  },
  malformedUrl: { status: 400, body: json('Malformed request URL.') },
  tooLarge: { status: 413, body: json('The request body is larger than 1 MiB.') },
} as const;

/** Own property names of the built-in prototypes a JSON or query parser could pollute. */
function prototypeSnapshot(): Record<string, string[]> {
  return {
    Object: Object.getOwnPropertyNames(Object.prototype).sort(),
    Array: Object.getOwnPropertyNames(Array.prototype).sort(),
    Function: Object.getOwnPropertyNames(Function.prototype).sort(),
    String: Object.getOwnPropertyNames(String.prototype).sort(),
  };
}

describe.each(engines)(
  'portal postback routes with a valid partner session on %s (fuzz)',
  (engine) => {
    let ctx: TestContext;
    let receiver: Receiver;
    let base: string;
    let cookie: string;
    let csrf: string;
    /** Alpha's webhook-format postback (test sends, rotations, reads). */
    let hookId: string;
    /** Alpha's url-format postback (updates). */
    let urlId: string;
    /** Bravo's postback, as the owner saw it before the sweep. */
    let bravo: Record<string, unknown>;
    const before = prototypeSnapshot();

    const tally = {
      requests: 0,
      fivexx: [] as string[],
      unauthenticated: [] as string[],
      badErrors: [] as string[],
      mismatches: [] as string[],
      /** Statuses per route, to show each route was reached past the guard. */
      statuses: new Map<string, number[]>(),
    };

    beforeAll(async () => {
      ctx = await createTestContext(engine);
      receiver = await startReceiver();
      base = receiver.url.replace(/\/hook$/, '');
      // Room for the creates the sweep's valid-shaped mutations make, so odd values that pass the
      // schema reach the insert instead of stopping at the per-partner cap.
      await call(ctx, 'PUT', '/v1/program/portal', { max_postbacks_per_partner: 100 }, 200);
      for (const id of ['alpha', 'bravo']) {
        await call(
          ctx,
          'POST',
          '/v1/partners',
          { id, key: `${id}key`, email: `${id}@p.test` },
          201,
        );
      }
      hookId = (
        await call(
          ctx,
          'POST',
          '/v1/partners/alpha/postbacks',
          { format: 'webhook', url: receiver.url, events: ['transaction.created'] },
          201,
        )
      ).data.id;
      urlId = (
        await call(
          ctx,
          'POST',
          '/v1/partners/alpha/postbacks',
          { format: 'url', url: `${base}/u?e={event}`, events: ['reward.created'] },
          201,
        )
      ).data.id;
      const bravoId = (
        await call(
          ctx,
          'POST',
          '/v1/partners/bravo/postbacks',
          { format: 'webhook', url: `${base}/bravo`, events: ['transaction.created'] },
          201,
        )
      ).data.id;
      bravo = (await call(ctx, 'GET', `/v1/partners/bravo/postbacks/${bravoId}`, undefined, 200))
        .data;

      cookie = await signInPartner(ctx, 'alpha');
      expect(cookie).toMatch(/^hookline_portal=.+/);
      const me = await ctx.app.inject({
        method: 'GET',
        url: '/portal/api/me',
        headers: { cookie },
      });
      expect(me.statusCode, me.body).toBe(200);
      csrf = me.json().data.csrf_token as string;
      expect(csrf.length).toBeGreaterThan(10);
    }, 30_000);

    afterAll(async () => {
      await receiver?.close();
      await ctx?.close();
    });

    /** One request as the signed-in partner; every answer is checked and tallied. */
    async function send(
      route: string,
      method: Method,
      url: string,
      payload?: string | Buffer,
    ): Promise<Answer> {
      const headers: Record<string, string> = { cookie, 'x-csrf-token': csrf };
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const res = await ctx.app.inject({
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      tally.requests++;
      const statuses = tally.statuses.get(route) ?? [];
      statuses.push(res.statusCode);
      tally.statuses.set(route, statuses);
      const what = `${method} ${url.slice(0, 120)} ${String(payload ?? '').slice(0, 80)}`;
      if (res.statusCode >= 500) tally.fivexx.push(`${what} → ${res.statusCode} ${res.body}`);
      if (res.statusCode === 401 || res.statusCode === 403) {
        tally.unauthenticated.push(`${what} → ${res.statusCode} ${res.body}`);
      }
      if (res.statusCode >= 400) {
        const problem = errorShapeProblem(String(res.headers['content-type']), res.body);
        if (problem) tally.badErrors.push(`${what} → ${res.statusCode}: ${problem}`);
      }
      return { status: res.statusCode, body: res.body };
    }

    /** Why an error answer is not `{message, errors?}` JSON, or undefined when it is. */
    function errorShapeProblem(contentType: string, body: string): string | undefined {
      if (!/^application\/json/.test(contentType)) return `content type ${contentType}`;
      let parsed: unknown;
      try {
        parsed = JSON.parse(body);
      } catch {
        return `not JSON: ${body.slice(0, 120)}`;
      }
      if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
        return `not an object: ${body.slice(0, 120)}`;
      }
      const record = parsed as Record<string, unknown>;
      if (typeof record.message !== 'string' || record.message === '') return 'no message';
      if (!Object.keys(record).every((k) => k === 'message' || k === 'errors')) {
        return `other members: ${Object.keys(record).join(', ')}`;
      }
      if (record.errors !== undefined) {
        const errors = record.errors as Record<string, unknown>;
        const ok =
          typeof errors === 'object' &&
          errors !== null &&
          Object.values(errors).every(
            (v) => Array.isArray(v) && v.every((m) => typeof m === 'string'),
          );
        if (!ok) return `errors is not {field: string[]}: ${body.slice(0, 120)}`;
      }
      return undefined;
    }

    function expectSame(what: string, got: Answer, want: Answer): void {
      // 2xx bodies carry ids and times; errors must match to the byte.
      if (got.status !== want.status || (want.status >= 400 && got.body !== want.body)) {
        tally.mismatches.push(
          `${what}: ${got.status} ${got.body.slice(0, 160)} ≠ ${want.status} ${want.body.slice(0, 160)}`,
        );
      }
    }

    /** A postback made for one request that consumes it (a DELETE). */
    async function sacrificial(): Promise<string> {
      const res = await send(
        'POST /postbacks',
        'POST',
        '/portal/api/postbacks',
        JSON.stringify({
          format: 'url',
          url: `${base}/s?e={event}`,
          events: ['reward.created'],
          is_active: false,
        }),
      );
      expect(res.status, res.body).toBe(201);
      return (JSON.parse(res.body) as { data: { id: string } }).data.id;
    }

    it('answers every hostile body, query and path without a 5xx, an auth refusal or a bare error', async () => {
      const P = '/portal/api/postbacks';
      const createBaseline = {
        format: 'url',
        url: `${base}/m?e={event}&t={transaction_key}`,
        method: 'GET',
        events: ['reward.created', 'transaction.created'],
        is_active: false,
      };
      const updateBaseline = {
        url: `${base}/u2?e={event}`,
        method: 'POST',
        events: ['reward.created'],
        is_active: true,
      };
      const bodyRoutes: { route: string; method: Method; url: string; baseline: unknown }[] = [
        { route: 'POST /postbacks', method: 'POST', url: P, baseline: createBaseline },
        {
          route: 'PUT /postbacks/{id}',
          method: 'PUT',
          url: `${P}/${urlId}`,
          baseline: updateBaseline,
        },
        {
          route: 'POST /postbacks/{id}/test',
          method: 'POST',
          url: `${P}/${hookId}/test`,
          baseline: { event: 'transaction.created' },
        },
        {
          route: 'POST /postbacks/{id}/rotate-secret',
          method: 'POST',
          url: `${P}/${hookId}/rotate-secret`,
          baseline: { grace_period_seconds: 10 },
        },
      ];

      // 1. Odd values in every body field, one at a time (a third of the create and update
      // mutations, all of the small ones: every variant still meets every field).
      for (const { route, method, url, baseline } of bodyRoutes) {
        const all = [...mutations(baseline, BODY_VARIANTS)];
        const picked = all.length > 40 ? all.filter((_, i) => i % 3 === 0) : all;
        for (const body of picked) await send(route, method, url, body);
        // The valid baseline itself, so each route shows a 2xx under this session.
        await send(route, method, url, JSON.stringify(baseline));
      }

      // 2. The planted shapes, each answered exactly as the parser's refusal, or exactly like the
      // same body with an ordinary member name.
      const planted = plantedBodies();
      for (const { route, method, url } of bodyRoutes) {
        const references = new Map<string, Promise<Answer>>();
        const reference = (payload: string) => {
          let answer = references.get(payload);
          if (!answer) {
            answer = send(route, method, url, payload);
            references.set(payload, answer);
          }
          return answer;
        };
        for (const shape of planted) {
          const got = await send(route, method, url, shape.body);
          let want: Answer;
          if (shape.answer === 'too-deep') want = EXACT.tooDeep;
          else if (shape.answer === 'forbidden-member') want = EXACT.forbiddenMember;
          else if (shape.answer === 'lone-surrogate') want = EXACT.loneSurrogate;
          else {
            const like = await reference(shape.like as string);
            want = { ...like, body: like.body.replaceAll(PLAIN_NAME, shape.name ?? PLAIN_NAME) };
          }
          expectSame(`${route} ${shape.label}`, got, want);
        }
      }

      // 3. Prototype pollution attempts inside otherwise valid bodies, and in query strings.
      // Written as text: a `__proto__` key in an object literal sets its prototype instead.
      for (const text of [
        `{"format":"url","url":"${base}/p","events":["reward.created"],"__proto__":{"polluted":true}}`,
        `{"url":"${base}/p","events":[{"__proto__":{"polluted":true}}]}`,
        `{"constructor":{"prototype":{"polluted":true}},"url":"${base}/p"}`,
        `{"\\u005f_proto__":{"polluted":true}}`,
      ]) {
        for (const { route, method, url } of bodyRoutes) {
          expectSame(
            `${route} ${text}`,
            await send(route, method, url, text),
            EXACT.forbiddenMember,
          );
        }
      }
      for (const q of [
        '?__proto__[polluted]=1',
        '?__proto__.polluted=1',
        '?constructor[prototype][polluted]=1',
        '?constructor.prototype.polluted=1&__proto__=1',
      ]) {
        await send('GET /postbacks', 'GET', `${P}${q}`);
        await send('GET /notices', 'GET', `/portal/api/notices${q}`);
      }

      // 4. Raw bytes that are not UTF-8, deep nesting past any stack, and a body past the limit.
      const invalidUtf8 = Buffer.from([0xff, 0xfe, 0xfd, 0xc0, 0x80, 0xed, 0xa0, 0x80]);
      const utf8InValue = Buffer.concat([
        Buffer.from(`{"format":"url","url":"${base}/b`),
        Buffer.from([0xff, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
        Buffer.from('?e={event}","events":["reward.created"],"is_active":false}'),
      ]);
      const twoMiB = JSON.stringify({ ...createBaseline, pad: 'x'.repeat(2 * 1024 * 1024) });
      for (const { route, method, url } of bodyRoutes) {
        const raw = await send(route, method, url, invalidUtf8);
        expect(raw.status, `${route} raw invalid UTF-8: ${raw.body}`).toBe(400);
        await send(route, method, url, utf8InValue);
        expectSame(
          `${route} objects 10,000 deep`,
          await send(route, method, url, nestedObjects(10_000)),
          EXACT.tooDeep,
        );
        expectSame(
          `${route} arrays 10,000 deep`,
          await send(route, method, url, nestedArrays(10_000)),
          EXACT.tooDeep,
        );
        expectSame(`${route} 2 MiB`, await send(route, method, url, twoMiB), EXACT.tooLarge);
      }
      // A GET's JSON body is input too (merged into the query).
      expectSame(
        'GET /postbacks 10,000 deep',
        await send('GET /postbacks', 'GET', P, nestedObjects(10_000)),
        EXACT.tooDeep,
      );
      expectSame(
        'GET /postbacks 2 MiB',
        await send('GET /postbacks', 'GET', P, twoMiB),
        EXACT.tooLarge,
      );
      expectSame(
        'GET /postbacks __proto__',
        await send('GET /postbacks', 'GET', P, '{"__proto__":{"polluted":1}}'),
        EXACT.forbiddenMember,
      );

      // 5. Odd path parameters on every route with one, and invalid UTF-8 in them.
      const pathRoutes: { route: string; method: Method; suffix: string; body?: string }[] = [
        { route: 'GET /postbacks/{id}', method: 'GET', suffix: '' },
        { route: 'GET /postbacks/{id}/deliveries', method: 'GET', suffix: '/deliveries' },
        { route: 'DELETE /postbacks/{id}', method: 'DELETE', suffix: '' },
        { route: 'PUT /postbacks/{id}', method: 'PUT', suffix: '', body: '{"is_active":true}' },
        { route: 'POST /postbacks/{id}/test', method: 'POST', suffix: '/test', body: '{}' },
        {
          route: 'POST /postbacks/{id}/rotate-secret',
          method: 'POST',
          suffix: '/rotate-secret',
          body: '{}',
        },
      ];
      for (const { route, method, suffix, body } of pathRoutes) {
        for (const segment of PATH_VARIANTS) {
          const res = await send(route, method, `${P}/${segment}${suffix}`, body);
          // None of these names a postback of this partner.
          if (res.status < 400) tally.mismatches.push(`${route} ${segment}: ${res.status}`);
        }
        for (const segment of INVALID_UTF8_SEGMENTS) {
          const target = `${P}/${segment}${suffix}`;
          expectSame(
            `${method} ${target}`,
            await send(route, method, target, body),
            EXACT.malformedUrl,
          );
        }
      }

      // 6. Odd and planted query strings on the reads; planted ones answered like ordinary names.
      const queryRoutes: { route: string; url: string }[] = [
        { route: 'GET /postbacks', url: P },
        { route: 'GET /postbacks/{id}', url: `${P}/${hookId}` },
        { route: 'GET /postbacks/{id}/deliveries', url: `${P}/${hookId}/deliveries` },
        { route: 'GET /notices', url: '/portal/api/notices' },
      ];
      const queries = plantedQueries();
      for (const { route, url } of queryRoutes) {
        for (const query of QUERY_VARIANTS) await send(route, 'GET', `${url}${query}`);
        const references = new Map<string, Answer>();
        for (const { query, like, name } of queries) {
          const got = await send(route, 'GET', `${url}${query}`);
          let want = references.get(like);
          if (!want) {
            want = await send(route, 'GET', `${url}${like}`);
            references.set(like, want);
          }
          expectSame(`GET ${url}${query}`, got, {
            status: want.status,
            body: want.body.replaceAll(PLAIN_NAME, name),
          });
        }
      }
      // DELETE consumes its postback: each odd query gets a fresh one, which must then be gone
      // (a 204) or still there (a refusal), never half-deleted.
      for (const query of [
        ...QUERY_VARIANTS,
        ...queries.filter((_, i) => i % 3 === 0).map((q) => q.query),
      ]) {
        const id = await sacrificial();
        const res = await send('DELETE /postbacks/{id}', 'DELETE', `${P}/${id}${query}`);
        const after = await send('GET /postbacks/{id}', 'GET', `${P}/${id}`);
        const expected = res.status === 204 ? 404 : 200;
        if (after.status !== expected) {
          tally.mismatches.push(`DELETE ${id}${query}: ${res.status}, then GET ${after.status}`);
        }
      }

      console.info(`portal postback fuzz on ${engine}: ${tally.requests} requests`);
      expect(tally.fivexx).toEqual([]);
      expect(tally.unauthenticated).toEqual([]);
      expect(tally.badErrors).toEqual([]);
      expect(tally.mismatches).toEqual([]);
      // Each route answered at least one request with a success: the session carried the sweep
      // past the guard into the handlers.
      for (const route of [
        'POST /postbacks',
        'PUT /postbacks/{id}',
        'POST /postbacks/{id}/test',
        'POST /postbacks/{id}/rotate-secret',
        'GET /postbacks',
        'GET /postbacks/{id}',
        'GET /postbacks/{id}/deliveries',
        'DELETE /postbacks/{id}',
        'GET /notices',
      ]) {
        const statuses = tally.statuses.get(route) ?? [];
        expect(
          statuses.some((s) => s >= 200 && s < 300),
          `${route}: ${statuses.join(',')}`,
        ).toBe(true);
      }
      expect(tally.requests).toBeGreaterThan(400);
      expect(tally.requests).toBeLessThan(1_000);
      // The test sends went out through the real path to the loopback receiver.
      expect(receiver.received.some((r) => r.path === '/hook')).toBe(true);
    }, 120_000);

    it('leaves no prototype polluted, the other partner untouched, and the service healthy', async () => {
      expect(prototypeSnapshot()).toEqual(before);
      const probe = {} as Record<string, unknown>;
      for (const name of ['polluted', 'x', 'a', 'prototype', PLAIN_NAME]) {
        expect(probe[name], name).toBeUndefined();
        expect(([] as unknown as Record<string, unknown>)[name], name).toBeUndefined();
      }

      expect((await ctx.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
      const me = await ctx.app.inject({
        method: 'GET',
        url: '/portal/api/me',
        headers: { cookie },
      });
      expect(me.statusCode, me.body).toBe(200);
      expect(me.json().data.csrf_token).toBe(csrf);

      const created = await send(
        'POST /postbacks',
        'POST',
        '/portal/api/postbacks',
        JSON.stringify({
          format: 'webhook',
          url: `${base}/after`,
          events: ['transaction.created'],
        }),
      );
      expect(created.status, created.body).toBe(201);
      const id = (JSON.parse(created.body) as { data: { id: string } }).data.id;
      const listed = await send('GET /postbacks', 'GET', '/portal/api/postbacks');
      expect(listed.status).toBe(200);
      const rows = (JSON.parse(listed.body) as { data: { id: string; partner: { id: string } }[] })
        .data;
      expect(rows.map((r) => r.id)).toContain(id);
      expect(rows.map((r) => r.id)).toContain(hookId);
      expect(rows.every((r) => r.partner.id === 'alpha')).toBe(true);
      expect((await send('GET /postbacks/{id}', 'GET', `/portal/api/postbacks/${id}`)).status).toBe(
        200,
      );

      // Nothing the sweep sent as alpha reached bravo's postback.
      const now = (
        await call(ctx, 'GET', `/v1/partners/bravo/postbacks/${bravo.id as string}`, undefined, 200)
      ).data;
      expect(now).toEqual(bravo);
      expect(
        (await call(ctx, 'GET', '/v1/partners/bravo/postbacks', undefined, 200)).data,
      ).toHaveLength(1);
    });
  },
);
