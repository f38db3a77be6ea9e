import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call } from './helpers.js';

// Property: no input to the program-type resources yields a 5xx, on either engine, whatever
// the program's type. Paths are the real routes with real and junk ids; bodies mix the fields
// these routes read with random JSON.
describe.each(engines)('program-type routes robustness on %s', (engine) => {
  let ctx: TestContext;
  let leadId = 0;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(ctx, 'POST', '/v1/partners', { email: 'f@x.com', id: 'fp', key: 'fk' }, 201);
    leadId = (
      await call(ctx, 'POST', '/v1/leads', { partner: { id: 'fp' }, email: 'l@x.com' }, 201)
    ).data.id;
    await call(ctx, 'POST', '/v1/partners/fp/reward', { amount: 5 }, 201);
  });
  afterAll(async () => ctx?.close());

  const id = fc.oneof(
    fc.constantFrom(
      'fp',
      'fk',
      '1',
      '0',
      '-1',
      '1e3',
      '%00',
      'a'.repeat(300),
      '99999999999999999999',
    ),
    fc.constant('LEAD'),
    fc.string({ maxLength: 12 }).map(encodeURIComponent),
  );
  const path = fc
    .tuple(
      fc.constantFrom(
        '/v1/leads',
        '/v1/leads/',
        '/v1/leads/convert',
        '/v1/leads/reject',
        '/v1/payout_requests',
        '/v1/payout_requests:search',
        '/v1/payout_requests/',
        '/v1/partners/',
        '/v1/subscribers',
        '/v1/subscribers:search',
        '/v1/subscribers/',
        '/v1/customers/',
        '/v1/program/events',
      ),
      id,
      fc.constantFrom(
        '',
        '/approve',
        '/mark_as_paid',
        '/reject',
        '/reward',
        '/balance',
        '/balance/credit',
        '/balance/entries',
        '/referrals',
      ),
    )
    .map(([a, b, c]) => (a.endsWith('/') ? `${a}${b === 'LEAD' ? leadId : b}${c}` : a));
  const query = fc.constantFrom(
    '',
    '?limit=0',
    '?sort=up',
    '?status=finished',
    '?refer_status=x',
    '?id=&email=',
    '?partner_key=fk&amount_units=usd',
  );
  const amount = fc.oneof(
    fc.double(),
    fc.integer(),
    fc.string({ maxLength: 8 }),
    fc.constant(null),
    fc.constant(1e300),
  );
  const body = fc.oneof(
    fc.jsonValue({ maxDepth: 3 }),
    fc.record(
      {
        id: fc.oneof(fc.integer(), fc.string({ maxLength: 6 }), fc.constant(leadId)),
        partner: fc.oneof(
          fc.record({ id: fc.constantFrom('fp', 'zz') }),
          fc.record({ key: fc.string() }),
          fc.string(),
        ),
        email: fc.oneof(fc.emailAddress(), fc.string()),
        name: fc.oneof(fc.string(), fc.constant(null)),
        amount,
        commission_transaction_amount: amount,
        amount_units: fc.oneof(
          fc.constantFrom('usd', 'JPY', 'points', ''),
          fc.string({ maxLength: 5 }),
        ),
        is_currency: fc.oneof(fc.boolean(), fc.string()),
        reward_ids: fc.oneof(
          fc.array(fc.oneof(fc.integer(), fc.string({ maxLength: 5 }))),
          fc.string(),
        ),
        date: fc.oneof(fc.string({ maxLength: 12 }), fc.constant('2020-01-01')),
        referral: fc.oneof(fc.record({ email: fc.string() }), fc.jsonValue()),
        referring_customer: fc.jsonValue(),
        update: fc.jsonValue(),
        status: fc.string({ maxLength: 10 }),
      },
      { requiredKeys: [] },
    ),
  );

  it('never answers 5xx', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom('affiliate', 'refer-a-friend', 'newsletter'),
        fc.constantFrom('GET', 'POST', 'PUT', 'DELETE') as fc.Arbitrary<
          'GET' | 'POST' | 'PUT' | 'DELETE'
        >,
        path,
        query,
        body,
        async (type, method, p, q, b) => {
          await ctx.request('PUT', '/v1/program', { program_type: type });
          const res = await ctx.request(
            method,
            `${p}${q}`,
            method === 'GET' || method === 'DELETE' ? undefined : JSON.stringify(b),
            method === 'GET' || method === 'DELETE' ? {} : { 'content-type': 'application/json' },
          );
          if (res.statusCode >= 500) {
            throw new Error(
              `${method} ${p}${q} ${JSON.stringify(b).slice(0, 200)} → ${res.statusCode} ${res.body.slice(0, 300)}`,
            );
          }
          if (res.statusCode >= 400) expect(typeof res.json().message).toBe('string');
        },
      ),
      { numRuns: 250 },
    );
  });
});
