import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventType } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call } from './helpers.js';

/**
 * "Create if missing" and "create once" under concurrency: every round fires N requests at
 * once through the app (PostgreSQL: a pool of 5 connections, so they really overlap) and
 * checks the outcome exactly: which answers, how many rows, how many events. Many rounds,
 * because a lost race shows only when the interleaving is unlucky (the create_customer race
 * failed 3 of 8 runs of one round on PostgreSQL before the fix).
 */
const ROUNDS = 20;
const N = 6;

describe.each(engines)('create races on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(ctx, 'POST', '/v1/partners', { email: 'racer@example.com', id: 'racer' }, 201);
  });
  afterAll(async () => ctx?.close());

  const eventsOfType = async (type: string) =>
    (
      await ctx.store.db
        .selectFrom('events')
        .select('data')
        .where('program_id', '=', ctx.programId)
        .where('type', '=', type)
        .execute()
    ).map((e) => JSON.parse(e.data) as Record<string, unknown>);

  const customersWithKey = (key: string) =>
    ctx.store.db
      .selectFrom('customers')
      .select(['id', 'key'])
      .where('program_id', '=', ctx.programId)
      .where('key', '=', key)
      .execute();

  const all = <T>(make: (i: number) => Promise<T>) =>
    Promise.all(Array.from({ length: N }, (_, i) => make(i)));

  it(`sales with create_customer for one new customer all succeed (${ROUNDS} rounds of ${N})`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const key = `sale_customer_${round}`;
      const sales = await all((i) =>
        ctx.request('POST', '/v1/transactions', {
          key: `sale_${round}_${i}`,
          amount: 10,
          customer: { key, partner: { id: 'racer' } },
          options: { create_customer: true },
        }),
      );
      expect(
        sales.map((r) => r.statusCode),
        `round ${round}: ${sales.map((r) => r.body).join(' | ')}`,
      ).toEqual(Array(N).fill(201));
      const rows = await customersWithKey(key);
      expect(rows).toHaveLength(1);
      // Every sale names the one customer (the losers read the winner's row).
      const owners = await ctx.store.db
        .selectFrom('transactions')
        .select('customer_id')
        .where('program_id', '=', ctx.programId)
        .where('key', 'like', `sale_${round}_%`)
        .execute();
      expect(owners.map((t) => t.customer_id)).toEqual(Array(N).fill(rows[0]?.id));
      const created = (await eventsOfType('customer.created')).filter((d) => d.key === key);
      expect(created, `round ${round}`).toHaveLength(1);
    }
    expect(await eventsOfType('transaction.created')).toHaveLength(ROUNDS * N);
  });

  it(`sales naming a new customer by email only create it once (${ROUNDS} rounds of ${N})`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const email = `buyer${round}@example.com`;
      const sales = await all((i) =>
        ctx.request('POST', '/v1/transactions', {
          key: `mail_${round}_${i}`,
          amount: 10,
          customer: { email, partner: { id: 'racer' } },
          options: { create_customer: true },
        }),
      );
      expect(
        sales.map((r) => r.statusCode),
        `round ${round}: ${sales.map((r) => r.body).join(' | ')}`,
      ).toEqual(Array(N).fill(201));
      expect(await customersWithKey(email)).toHaveLength(1);
      const created = (await eventsOfType('customer.created')).filter((d) => d.key === email);
      expect(created).toHaveLength(1);
    }
  });

  it(`POST /customers for one key: one 201, the rest a 422 (${ROUNDS} rounds of ${N})`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const key = `direct_${round}`;
      const answers = await all(() =>
        ctx.request('POST', '/v1/customers', { key, partner: { id: 'racer' } }),
      );
      const codes = answers.map((r) => r.statusCode).sort();
      expect(codes, `round ${round}: ${answers.map((r) => r.body).join(' | ')}`).toEqual([
        201,
        ...Array(N - 1).fill(422),
      ]);
      for (const refused of answers.filter((r) => r.statusCode === 422)) {
        expect(refused.json().errors.key).toEqual(['The key has already been taken.']);
      }
      expect(await customersWithKey(key)).toHaveLength(1);
      const created = (await eventsOfType('customer.created')).filter((d) => d.key === key);
      expect(created).toHaveLength(1);
    }
  });

  it(`partners and links claiming one referral key: exactly one wins (${ROUNDS} rounds of ${N})`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const key = `refkey${round}`;
      // Half create a partner with the key, half add it as a link of "racer": two tables, one
      // namespace.
      const answers = await all((i) =>
        i % 2 === 0
          ? ctx.request('POST', '/v1/partners', { email: `p${round}_${i}@example.com`, key })
          : ctx.request('POST', '/v1/partner_referral_links', { partner: { id: 'racer' }, key }),
      );
      const codes = answers.map((r) => r.statusCode).sort();
      expect(codes, `round ${round}: ${answers.map((r) => r.body).join(' | ')}`).toEqual([
        201,
        ...Array(N - 1).fill(422),
      ]);
      const partners = await ctx.store.db
        .selectFrom('partners')
        .select('id')
        .where('program_id', '=', ctx.programId)
        .where('key', '=', key)
        .execute();
      const links = await ctx.store.db
        .selectFrom('referral_links')
        .select('id')
        .where('program_id', '=', ctx.programId)
        .where('key', '=', key)
        .execute();
      expect(partners.length + links.length).toBe(1);
    }
  });

  it(`one Idempotency-Key: every request answers the one event (${ROUNDS} rounds of ${N})`, async () => {
    const body = { event: 'partner.created', data: getEventType('partner.created')?.sample };
    for (let round = 0; round < ROUNDS; round++) {
      const before = (await eventsOfType('partner.created')).length;
      const answers = await all(() =>
        ctx.request('POST', '/v1/events', body, { 'idempotency-key': `order-${round}` }),
      );
      expect(
        answers.map((r) => r.statusCode),
        `round ${round}: ${answers.map((r) => r.body).join(' | ')}`,
      ).toEqual(Array(N).fill(201));
      expect(new Set(answers.map((r) => r.json().data.id)).size).toBe(1);
      expect(answers.filter((r) => r.headers['idempotent-replayed'] === 'true')).toHaveLength(
        N - 1,
      );
      expect((await eventsOfType('partner.created')).length).toBe(before + 1);
    }
  });
});

describe.each(engines)('program settings races on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => ctx?.close());

  it(`concurrent updates of different settings all stick (${ROUNDS} rounds)`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const updates = [
        { name: `Program ${round}` },
        { website_url: `https://shop${round}.example.com` },
        { default_currency: round % 2 === 0 ? 'EUR' : 'GBP' },
        { review_period_days: round + 1 },
        { require_partner_approval: round % 2 === 0 },
        { commission: { type: 'percent', value: round + 1 } },
      ];
      const answers = await Promise.all(updates.map((u) => ctx.request('PUT', '/v1/program', u)));
      expect(
        answers.map((a) => a.statusCode),
        answers.map((a) => a.body).join(' | '),
      ).toEqual(Array(updates.length).fill(200));
      const program = (await call(ctx, 'GET', '/v1/program', undefined, 200)).data;
      expect(program, `round ${round}`).toMatchObject({
        ...Object.assign({}, ...updates.slice(0, 5)),
        commission: { type: 'percent', value: round + 1 },
      });
    }
  });
});

describe.each(engines)('subscriber races on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(ctx, 'PUT', '/v1/program', { program_type: 'newsletter' }, 200);
  });
  afterAll(async () => ctx?.close());

  it(`one email subscribing N times at once: one 201, the rest a 422 (${ROUNDS} rounds of ${N})`, async () => {
    for (let round = 0; round < ROUNDS; round++) {
      const email = `reader${round}@example.com`;
      const answers = await Promise.all(
        Array.from({ length: N }, () => ctx.request('POST', '/v1/subscribers', { email })),
      );
      const codes = answers.map((r) => r.statusCode).sort();
      expect(codes, `round ${round}: ${answers.map((r) => r.body).join(' | ')}`).toEqual([
        201,
        ...Array(N - 1).fill(422),
      ]);
      const rows = await ctx.store.db
        .selectFrom('subscribers')
        .select('id')
        .where('program_id', '=', ctx.programId)
        .where('email', '=', email)
        .execute();
      expect(rows).toHaveLength(1);
      const created = await ctx.store.db
        .selectFrom('events')
        .select('data')
        .where('program_id', '=', ctx.programId)
        .where('type', '=', 'subscriber.created')
        .execute();
      expect(created.filter((e) => JSON.parse(e.data).email === email)).toHaveLength(1);
    }
  });
});
