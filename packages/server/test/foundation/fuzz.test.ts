import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SIGN_IN_BODY_LIMIT } from '../../src/dashboard/auth-routes.js';
import { withDashboard } from '../../src/dashboard/index.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { forbiddenMember, tooDeep } from '../../src/api/json-body.js';
import {
  BASELINE_BODIES,
  BODY_VARIANTS,
  INVALID_UTF8_SEGMENTS,
  mutations,
  PATH_VARIANTS,
  PLAIN_NAME,
  plantedBodies,
  plantedQueries,
  PROTOTYPE_NAMES,
  QUERY_VARIANTS,
} from './fuzz-inputs.js';

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH';

// Property: no input yields a 5xx, on either engine. A systematic sweep of every route in
// /openapi.json with odd path parameters, query strings and body values (NUL, lone surrogates,
// "", out-of-range numbers and dates, bodyless JSON), then random requests. Sized for 2 cores.
describe.each(engines)('API robustness on %s (property test)', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    // With the dashboard's routes (session auth, stats), so every route of `serve` is swept.
    ctx = await createTestContext(engine, {
      extend: (deps) => withDashboard(deps, { dir: '/nonexistent' }),
    });
    // Deliveries of test sends go to a closed loopback port: refused at once, no outside traffic.
    const setup: [string, string, unknown][] = [
      [
        'POST',
        '/v1/webhooks',
        { name: 'fuzz', url: 'http://127.0.0.1:9/', events: ['*'], key: 'fuzzkey' },
      ],
      ['POST', '/v1/partners', { email: 'fuzz@example.com', id: 'fuzzpartner', key: 'fuzzpk' }],
      ['POST', '/v1/customers', { key: 'fuzzcust', partner: { key: 'fuzzpk' } }],
      ['POST', '/v1/transactions', { key: 'fuzztx', amount: 10, customer: { key: 'fuzzcust' } }],
    ];
    for (const [method, url, body] of setup) {
      const res = await ctx.request(method as Method, url, body);
      if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    }
  });
  afterAll(async () => ctx.close());

  async function check(method: Method, url: string, body?: string, ct = 'application/json') {
    const res = await ctx.request(method, url, body, ct ? { 'content-type': ct } : {});
    if (res.statusCode >= 500) {
      throw new Error(
        `${method} ${url} ${body?.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
      );
    }
    if (res.statusCode >= 400) expect(typeof res.json().message).toBe('string');
    return res;
  }

  /** Every documented route, with `{param}` left in the path. */
  async function routes(): Promise<[Method, string][]> {
    return (await operations()).map(({ method, path }) => [method, path]);
  }

  /** Every documented operation, and whether it is public (`security: []`). */
  async function operations(): Promise<{ method: Method; path: string; isPublic: boolean }[]> {
    const doc = (await ctx.request('GET', '/openapi.json')).json() as {
      paths: Record<string, Record<string, { security?: unknown[] }>>;
    };
    const out: { method: Method; path: string; isPublic: boolean }[] = [];
    for (const [path, ops] of Object.entries(doc.paths)) {
      // The listener stream is a long-lived SSE response; its 404s are covered by random paths.
      if (path.endsWith('/stream')) continue;
      for (const [method, op] of Object.entries(ops)) {
        const isPublic = Array.isArray(op.security) && op.security.length === 0;
        out.push({ method: method.toUpperCase() as Method, path, isPublic });
      }
    }
    return out;
  }

  it('never answers 5xx to odd path parameters, query strings or bodyless JSON, on any route', async () => {
    const all = await routes();
    expect(all.length).toBeGreaterThan(40);
    for (const [method, template] of all) {
      for (const segment of PATH_VARIANTS) {
        await check(method, template.replace(/\{[^}]+\}/g, segment));
      }
      const real = template
        .replace(
          '{key}',
          template.startsWith('/v1/customers')
            ? 'fuzzcust'
            : template.startsWith('/v1/transactions')
              ? 'fuzztx'
              : 'fuzzkey',
        )
        .replace('{id}', 'fuzzpartner')
        .replace('{name}', 'partner.created');
      for (const query of QUERY_VARIANTS) await check(method, `${real}${query}`);
      if (method !== 'GET') {
        await check(method, real, '');
        await check(method, real, 'null');
        await check(method, real, '""');
      }
    }
  }, 180_000);

  it('never answers 5xx to odd values in any body field', async () => {
    let sent = 0;
    for (const [route, baseline] of Object.entries(BASELINE_BODIES)) {
      const [method, url] = route.split(' ') as [Method, string];
      for (const body of mutations(baseline, BODY_VARIANTS)) {
        await check(method, url, body);
        sent++;
      }
    }
    expect(sent).toBeGreaterThan(500);
  }, 180_000);

  // The shapes that gave 124 × 500 per engine on main: deep nesting, Object.prototype names in
  // query and body, huge arrays, duplicate keys, invalid UTF-8, lone surrogates. Each is planted
  // on every operation, with and without credentials, and must be answered exactly as the
  // parser's documented refusal, or exactly like the same request with an ordinary name.
  it('answers every planted shape exactly, on every operation, with and without credentials', async () => {
    const ops = await operations();
    const bodies = plantedBodies();
    const queries = plantedQueries();
    const tally = { requests: 0, fivexx: [] as string[], mismatches: [] as string[] };
    const answers = {
      'too-deep': { status: 400, body: JSON.stringify({ message: tooDeep().message }) },
      'forbidden-member': {
        status: 400,
        body: JSON.stringify({ message: forbiddenMember().message }),
      },
      'lone-surrogate': {
        status: 422,
        body: JSON.stringify({
          message: `The ${PLAIN_NAME} must be valid Unicode text.`,
          errors: { [PLAIN_NAME]: [`The ${PLAIN_NAME} must be valid Unicode text.`] },
        }),
      },
    };
    // The sign-in route caps its body far below 1 MiB; a planted body past the cap is refused
    // by size before it is parsed.
    const signInTooLarge = {
      status: 413,
      body: JSON.stringify({ message: `A sign-in body is at most ${SIGN_IN_BODY_LIMIT} bytes.` }),
    };
    const malformedUrl = {
      status: 400,
      body: JSON.stringify({ message: 'Malformed request URL.' }),
    };
    const send = async (
      method: Method,
      url: string,
      authorization: string | undefined,
      payload?: string | Buffer,
    ) => {
      const headers: Record<string, string> = {};
      if (authorization) headers.authorization = authorization;
      if (payload !== undefined) headers['content-type'] = 'application/json';
      const res = await ctx.app.inject({
        method,
        url,
        headers,
        ...(payload === undefined ? {} : { payload }),
      });
      tally.requests++;
      if (
        res.statusCode >= 400 &&
        !/^application\/json/.test(String(res.headers['content-type']))
      ) {
        tally.mismatches.push(`${method} ${url}: error without a JSON content type`);
      }
      if (res.statusCode >= 500)
        tally.fivexx.push(`${method} ${url} → ${res.statusCode} ${res.body.slice(0, 120)}`);
      return { status: res.statusCode, body: res.body };
    };
    const expectSame = (
      what: string,
      got: { status: number; body: string },
      want: { status: number; body: string },
    ) => {
      // 2xx bodies carry ids and times; errors must match to the byte.
      if (got.status !== want.status || (want.status >= 400 && got.body !== want.body)) {
        tally.mismatches.push(
          `${what}: ${got.status} ${got.body.slice(0, 160)} ≠ ${want.status} ${want.body.slice(0, 160)}`,
        );
      }
      if (got.status >= 400) {
        const parsed = JSON.parse(got.body) as Record<string, unknown>;
        if (
          typeof parsed.message !== 'string' ||
          !Object.keys(parsed).every((k) => k === 'message' || k === 'errors')
        ) {
          tally.mismatches.push(`${what}: not the error shape: ${got.body.slice(0, 160)}`);
        }
      }
    };
    const credentials: [string, string | undefined][] = [
      ['with a key', `Bearer ${ctx.apiKey}`],
      ['without credentials', undefined],
    ];
    for (const { method, path, isPublic } of ops) {
      // Unknown ids (valid in every parameter's format): a 404 after validation, and no fixture
      // of the other tests is deleted.
      const url = path.replace(/\{[^}]+\}/g, '999999');
      for (const [who, authorization] of credentials) {
        const what = `${method} ${url} ${who}`;
        // Without credentials a /v1 route answers 401 before reading query or body.
        // An API key is no partner credential: the portal's API refuses it like no credential.
        const portalApi = path.startsWith('/portal/api/');
        const refused =
          (!authorization || portalApi) && !isPublic ? await send(method, url, undefined) : null;
        // One reference answer per distinct reference request (many shapes share one).
        const references = new Map<string, Promise<{ status: number; body: string }>>();
        const reference = (target: string, payload?: string) => {
          const key = `${target} ${payload ?? ''}`;
          let answer = references.get(key);
          if (!answer) {
            answer = send(method, target, authorization, payload);
            references.set(key, answer);
          }
          return answer;
        };
        // Invalid UTF-8 in a path parameter: the router refuses it, before credentials.
        if (path.includes('{')) {
          for (const segment of INVALID_UTF8_SEGMENTS) {
            const target = path.replace(/\{[^}]+\}/, segment).replace(/\{[^}]+\}/g, '999999');
            const got = await send(method, target, authorization);
            expectSame(`${method} ${target} ${who}`, got, malformedUrl);
          }
        }
        // A refused request is refused before anything is read: a sample of the shapes shows it.
        const sample = <T>(all: T[]) => (refused ? all.filter((_, i) => i % 4 === 0) : all);
        for (const { query, like, name } of sample(queries)) {
          const got = await send(method, `${url}${query}`, authorization);
          const want = refused ?? (await reference(`${url}${like}`));
          expectSame(`${what} ${query}`, got, {
            status: want.status,
            body: want.body.replaceAll(PLAIN_NAME, name),
          });
        }
        for (const planted of sample(bodies)) {
          const got = await send(method, url, authorization, planted.body);
          let want: { status: number; body: string };
          if (refused) want = refused;
          else if (
            method === 'POST' &&
            (url === '/auth/session' || url.startsWith('/portal/auth/')) &&
            Buffer.byteLength(planted.body) > SIGN_IN_BODY_LIMIT
          )
            want = signInTooLarge;
          // A GET's JSON body is input (Laravel's rule), refused or read like any other.
          else if (planted.answer) want = answers[planted.answer];
          else {
            const like = await reference(url, planted.like);
            want = { ...like, body: like.body.replaceAll(PLAIN_NAME, planted.name ?? PLAIN_NAME) };
          }
          expectSame(`${what} ${planted.label}`, got, want);
        }
      }
    }
    // Signing in with a valid key is answered 200 whatever prototype-named member rides along.
    for (const planted of bodies.filter((b) => b.name)) {
      const body = (planted.body as string).replace(/^\{/, `{"api_key":"${ctx.apiKey}",`);
      const got = await send('POST', '/auth/session', undefined, body);
      expectSame(`sign-in ${planted.label}`, got, { status: 200, body: '' });
    }
    console.info(
      `planted shapes on ${engine}: ${tally.requests} requests, ${tally.fivexx.length} × 5xx`,
    );
    expect(tally.fivexx).toEqual([]);
    expect(tally.mismatches).toEqual([]);
    expect(tally.requests).toBeGreaterThan(5_000);
  }, 600_000);

  const segment = fc.oneof(
    fc.constantFrom('fuzzkey', 'fuzzpartner', 'fuzztx', 'partner.created', ...PATH_VARIANTS),
    fc.string({ maxLength: 20 }).map(encodeURIComponent),
  );
  const path = fc.oneof(
    fc.constantFrom(
      '/v1/webhooks',
      '/v1/events',
      '/v1/event-types',
      '/healthz',
      '/readyz',
      '/openapi.json',
      '/v1/program',
      '/v1/partners',
      '/v1/customers',
      '/v1/transactions',
      '/v1/rewards',
      '/v1/deliveries',
      '/v1/deliveries/retry',
      '/v1/listeners',
    ),
    fc
      .tuple(
        fc.constantFrom(
          '/v1/webhooks/',
          '/v1/events/',
          '/v1/event-types/',
          '/v1/deliveries/',
          '/v1/partners/',
          '/v1/customers/',
          '/v1/transactions/',
          '/v1/rewards/',
          '/v1/listeners/',
        ),
        segment,
        fc.constantFrom(
          '',
          '/test',
          '/rotate-secret',
          '/finish-rotation',
          '/deliveries',
          '/retry',
          '/approve',
          '/reject',
          '/archive',
          '/revoke-archive',
          '/mark-paid',
          '/responses',
        ),
      )
      .map(([a, b, c]) => `${a}${b}${c}`),
  );
  const param = fc.constantFrom(
    'limit',
    'page',
    'sort',
    'status',
    'event',
    'since',
    'until',
    'webhook',
    'key',
    'email',
    'foo',
    'event[]',
    ...PROTOTYPE_NAMES,
  );
  const value = fc.oneof(
    fc.constantFrom(
      '',
      '1',
      '0',
      '100',
      '101',
      'abc',
      'asc',
      'desc',
      '%00',
      '1e9',
      '-1',
      'failed',
      '2026-01-01',
      '%2B275760-09-13T00:00:00Z',
    ),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  );
  const query = fc.oneof(
    fc.constant(''),
    fc.constantFrom(...QUERY_VARIANTS),
    // Repeated and unknown parameters, as n8n and PHP clients send them.
    fc
      .array(fc.tuple(param, value), { maxLength: 6 })
      .map((pairs) => `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}`),
  );
  const jsonValue = fc.jsonValue({ maxDepth: 3 });
  const odd = fc.oneof(
    fc.constantFrom('', '\u0000', 'a\u0000b', '\ud800', 1e300, 2147483648, -1, null, [], {}),
    fc.string(),
    fc.integer(),
  );
  const body = fc.oneof(
    jsonValue.map((v) => JSON.stringify(v)),
    fc
      .record(
        {
          name: odd,
          url: fc.oneof(fc.webUrl(), fc.string(), fc.constant('http://[::1]/'), odd),
          events: fc.oneof(fc.array(fc.string()), fc.constant(['*']), odd),
          event: fc.oneof(fc.constantFrom('partner.created', 'reward.paid'), odd),
          data: jsonValue,
          update: fc.oneof(
            jsonValue,
            fc.record({ name: odd, email: odd, amount: odd }, { requiredKeys: [] }),
          ),
          key: fc.oneof(fc.constant('fuzzkey'), odd),
          email: fc.oneof(fc.emailAddress(), odd),
          amount: fc.oneof(fc.double(), odd),
          is_active: fc.oneof(fc.boolean(), odd),
          grace_period_seconds: odd,
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    // Members named after Object.prototype, at the top and one level down.
    fc
      .dictionary(
        fc.constantFrom(...PROTOTYPE_NAMES.filter((n) => n !== '__proto__'), 'name', 'update'),
        fc.oneof(odd, fc.dictionary(fc.constantFrom(...PROTOTYPE_NAMES, 'name'), odd)),
      )
      .map((v) => JSON.stringify(v)),
    fc.constantFrom(
      '',
      '{',
      '{"a":',
      'null',
      '[]',
      '"x"',
      '\u0000',
      '{"__proto__":{"x":1}}',
      '{"name":"\\ud800"}',
    ),
  );
  const contentType = fc.constantFrom(
    'application/json',
    'application/json; charset=utf-8',
    'text/plain',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    '',
    'application/json; charset=latin1',
  );

  it('never answers 5xx to random requests', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH') as fc.Arbitrary<Method>,
        path,
        query,
        body,
        contentType,
        fc.option(fc.string({ maxLength: 40 }).filter((s) => /^[\x21-\x7e]*$/.test(s))),
        fc.boolean(),
        async (method, p, q, b, ct, idem, bodyless) => {
          const headers: Record<string, string> = {};
          if (ct) headers['content-type'] = ct;
          if (idem) headers['idempotency-key'] = idem;
          const res = await ctx.request(method, `${p}${q}`, bodyless ? undefined : b, headers);
          if (res.statusCode >= 500) {
            throw new Error(
              `${method} ${p}${q} ${ct} ${b.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
            );
          }
          // Every error carries a message users can read.
          if (res.statusCode >= 400) expect(typeof res.json().message).toBe('string');
        },
      ),
      { numRuns: 300 },
    );
  }, 180_000);

  it('never answers 5xx to odd authorization headers', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ maxLength: 300 }).filter((s) => /^[\x20-\x7e]*$/.test(s)),
        async (auth) => {
          const res = await ctx.app.inject({
            method: 'GET',
            url: '/v1/webhooks',
            headers: { authorization: auth },
          });
          expect([200, 401]).toContain(res.statusCode);
        },
      ),
      { numRuns: 100 },
    );
  }, 180_000);
});
