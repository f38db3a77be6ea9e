import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

// Property: no input yields a 500. Random methods, paths (real routes with random segments
// and junk), headers and bodies are thrown at the API with a valid key.
describe('API robustness (property test)', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    await ctx.request('POST', '/v1/webhooks', {
      name: 'fuzz',
      url: 'https://example.com/',
      events: ['*'],
      key: 'fuzzkey',
    });
  });
  afterAll(async () => ctx.close());

  const segment = fc.oneof(
    fc.constantFrom('fuzzkey', 'partner.created', '1', '-1', '%00', '..', '%ZZ', 'a'.repeat(600)),
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
        ),
        segment,
        fc.constantFrom(
          '',
          '/test',
          '/rotate-secret',
          '/deliveries',
          '/retry',
          '/approve',
          '/reject',
          '/archive',
          '/mark-paid',
        ),
      )
      .map(([a, b, c]) => `${a}${b}${c}`),
  );
  const query = fc.oneof(
    fc.constant(''),
    fc.constantFrom(
      '?limit=0',
      '?limit=101',
      '?limit=abc',
      '?page=-1',
      '?page=1e9',
      '?limit=5&page=2',
      '?status=weird',
      '?since=yesterday',
      '?event[]=x',
    ),
    fc.string({ maxLength: 30 }).map((s) => `?${encodeURIComponent(s)}=${encodeURIComponent(s)}`),
  );
  const jsonValue = fc.jsonValue({ maxDepth: 3 });
  const body = fc.oneof(
    jsonValue.map((v) => JSON.stringify(v)),
    fc
      .record(
        {
          name: fc.oneof(fc.string(), fc.integer(), fc.constant(null)),
          url: fc.oneof(fc.webUrl(), fc.string(), fc.constant('http://[::1]/')),
          events: fc.oneof(fc.array(fc.string()), fc.constant(['*']), fc.string()),
          event: fc.oneof(fc.constantFrom('partner.created', 'reward.paid'), fc.string()),
          data: jsonValue,
          update: jsonValue,
          key: fc.oneof(fc.string(), fc.constant('fuzzkey')),
          is_active: fc.oneof(fc.boolean(), fc.string()),
        },
        { requiredKeys: [] },
      )
      .map((v) => JSON.stringify(v)),
    fc.string({ maxLength: 200 }),
    fc.constantFrom('', '{', '{"a":', 'null', '[]', '"x"', '\u0000', '{"__proto__":{"x":1}}'),
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

  it('never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE', 'PATCH') as fc.Arbitrary<
          'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH'
        >,
        path,
        query,
        body,
        contentType,
        fc.option(fc.string({ maxLength: 40 }).filter((s) => /^[\x21-\x7e]*$/.test(s))),
        async (method, p, q, b, ct, idem) => {
          const headers: Record<string, string> = {};
          if (ct) headers['content-type'] = ct;
          if (idem) headers['idempotency-key'] = idem;
          const res = await ctx.request(
            method,
            `${p}${q}`,
            method === 'GET' || method === 'DELETE' ? undefined : b,
            headers,
          );
          if (res.statusCode >= 500) {
            throw new Error(
              `${method} ${p}${q} ${ct} ${b.slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
            );
          }
          // Every error carries a message users can read.
          if (res.statusCode >= 400) expect(typeof res.json().message).toBe('string');
        },
      ),
      { numRuns: 400 },
    );
  });

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
      { numRuns: 150 },
    );
  });
});
