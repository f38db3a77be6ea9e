import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, expectValidData, recordedEvents, subscribeAll } from './helpers.js';

describe.each(engines)('newsletter subscribers on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(
      ctx,
      'PUT',
      '/v1/program',
      { program_type: 'newsletter', website_url: 'https://news.test' },
      200,
    );
    await subscribeAll(ctx);
  });
  afterAll(async () => ctx?.close());

  it('creates, refers, updates, rewards and deletes subscribers, firing subscriber.*', async () => {
    const ross = await call(
      ctx,
      'POST',
      '/v1/subscribers',
      {
        email: 'Ross@X.com',
        name: 'Ross',
        tos: true,
        marketing_consent: true,
        status: 'active',
        approved: true,
        key: 'ross',
      },
      201,
    );
    expect(ross.data).toMatchObject({
      email: 'ross@x.com',
      is_referred: false,
      share_link: 'https://news.test?aff=ross',
      reward: [],
      deleted_at: null,
    });
    const rachel = await call(
      ctx,
      'POST',
      '/v1/subscribers',
      { id: 'esp_42', email: 'rachel@x.com', referral: { email: 'ross@x.com' } },
      201,
    );
    expect(rachel.data).toMatchObject({
      id: 'esp_42',
      is_referred: true,
      referring_subscriber: ross.data.id,
      tos: null,
    });
    expect(
      (await call(ctx, 'GET', `/v1/subscribers/${ross.data.id}?id=${ross.data.id}`, undefined, 200))
        .data.referrals_count,
    ).toBe(1);
    expect((await ctx.request('POST', '/v1/subscribers', { email: 'ross@x.com' })).statusCode).toBe(
      422,
    );
    expect(
      (
        await ctx.request('POST', '/v1/subscribers', {
          email: 'a@x.com',
          referral: { id: 'ghost' },
        })
      ).statusCode,
    ).toBe(422);

    // Partnero's PHP SDK: PUT /subscribers with {update, id}; status "Suspended" as shown.
    const updated = await call(
      ctx,
      'PUT',
      '/v1/subscribers',
      { id: 'esp_42', update: { status: 'Suspended' } },
      200,
    );
    expect(updated.data.status).toBe('suspended');
    await call(ctx, 'PUT', '/v1/subscribers/esp_42', { update: { status: 'suspended' } }, 200); // no change
    const rewarded = await call(
      ctx,
      'POST',
      `/v1/subscribers/${ross.data.id}/reward`,
      { name: '1 referral', fulfillment_type: 'generic_coupon', fulfillment_value: 'THANKS' },
      200,
    );
    expect(rewarded.data.reward).toMatchObject([
      { name: '1 referral', fulfillment_value: 'THANKS' },
    ]);
    expect(
      (await ctx.request('POST', '/v1/subscribers/esp_42/reward', { name: 'x' })).statusCode,
    ).toBe(422);
    // The path takes the email too, on every operation (the same subscriber: the same 422).
    const byEmail = await ctx.request('POST', '/v1/subscribers/rachel@x.com/reward', { name: 'x' });
    expect(byEmail.statusCode).toBe(422);
    expect(byEmail.body).toBe(
      (await ctx.request('POST', '/v1/subscribers/esp_42/reward', { name: 'x' })).body,
    );
    expect(
      (await ctx.request('POST', '/v1/subscribers/nobody@x.com/reward', { name: 'x' })).statusCode,
    ).toBe(404);

    const newest = await call(ctx, 'GET', '/v1/subscribers?sort=desc', undefined, 200);
    const oldest = await call(ctx, 'GET', '/v1/subscribers', undefined, 200);
    const ids = (page: { data: { id: string }[] }) => page.data.map((x) => x.id);
    expect(ids(oldest).sort()).toEqual(['esp_42', ross.data.id].sort());
    expect(ids(newest)).toEqual(ids(oldest).reverse());
    const referred = await call(
      ctx,
      'GET',
      '/v1/subscribers?refer_status=referred',
      undefined,
      200,
    );
    expect(referred.data.map((s: { id: string }) => s.id)).toEqual(['esp_42']);
    const search = await call(
      ctx,
      'GET',
      '/v1/subscribers:search?email=rachel@x.com',
      undefined,
      200,
    );
    expect(search.data).toHaveLength(1);

    await call(ctx, 'DELETE', '/v1/subscribers?email=rachel@x.com', undefined, 200);
    expect((await ctx.request('GET', '/v1/subscribers/esp_42')).statusCode).toBe(404);
    await call(ctx, 'DELETE', `/v1/subscribers/${ross.data.id}`, undefined, 200);
    const events = await recordedEvents(ctx);
    // Sorted: events of separate requests may share a millisecond, and ids order them only by time.
    expect(events.map((e) => e.type).sort()).toEqual([
      'subscriber.created',
      'subscriber.created',
      'subscriber.deleted',
      'subscriber.deleted',
      'subscriber.rewarded',
      'subscriber.updated',
    ]);
    for (const e of events) {
      expectValidData(e.type, e.data);
      expect(e.deliveries).toHaveLength(1);
    }
    const deleted = events.filter((e) => e.type === 'subscriber.deleted').map((e) => e.data);
    expect(deleted).toContainEqual(
      expect.objectContaining({ id: ross.data.id, deleted_at: expect.any(String) }),
    );
  });
});

describe.each(engines)('refer-a-friend customers on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(ctx, 'PUT', '/v1/program', { program_type: 'refer-a-friend' }, 200);
    await subscribeAll(ctx);
  });
  afterAll(async () => ctx?.close());

  it('records referring_customer, credits balances and rewards referrals', async () => {
    await call(ctx, 'POST', '/v1/customers', { key: 'ann', email: 'ann@x.com' }, 201);
    const bob = await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'bob', referring_customer: { key: 'ann' } },
      201,
    );
    expect(bob.data).toMatchObject({
      key: 'bob',
      partner: null,
      referring_customer: { key: 'ann' },
    });
    // Partnero: `id` wins over `key`.
    const cid = await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'cid', referring_customer: { id: 'bob', key: 'ann' } },
      201,
    );
    expect(cid.data.referring_customer).toEqual({ key: 'bob' });
    const unknown = await ctx.request('POST', '/v1/customers', {
      key: 'x',
      referring_customer: { key: 'ghost' },
    });
    expect(unknown.statusCode).toBe(422);
    const referrals = await call(ctx, 'GET', '/v1/customers/ann/referrals', undefined, 200);
    expect(referrals.data.map((c: { key: string }) => c.key)).toEqual(['bob']);

    const credit = await call(
      ctx,
      'POST',
      '/v1/customers/ann/balance/credit',
      { amount: 10, amount_units: 'usd', is_currency: true },
      201,
    );
    expect(credit.data).toMatchObject({
      customer: 'ann',
      type: 'credit',
      amount: 10,
      amount_units: 'USD',
      balance: [{ amount: 10, amount_units: 'USD', is_currency: true }],
    });
    const reward = await call(
      ctx,
      'POST',
      '/v1/customers/ann/reward',
      { amount: 2.5, referred_customer: 'bob', note: 'first order' },
      201,
    );
    expect(reward.data).toMatchObject({
      type: 'reward',
      referred_customer: 'bob',
      balance: [{ amount: 12.5 }],
    });
    const points = await call(
      ctx,
      'POST',
      '/v1/customers/ann/balance/credit',
      { amount: 100, is_currency: false },
      201,
    );
    expect(points.data.balance).toEqual([
      { amount: 12.5, amount_units: 'USD', is_currency: true },
      { amount: 100, amount_units: 'points', is_currency: false },
    ]);
    const notReferred = await ctx.request('POST', '/v1/customers/ann/reward', {
      amount: 1,
      referred_customer: 'cid',
    });
    expect(notReferred.json().errors.referred_customer[0]).toContain('was not referred by "ann"');
    for (const bad of [{ amount: 0 }, { amount: 'x' }, { amount: 1, amount_units: 'dollars' }]) {
      expect((await ctx.request('POST', '/v1/customers/ann/balance/credit', bad)).statusCode).toBe(
        422,
      );
    }
    expect(
      (await ctx.request('POST', '/v1/customers/zed/balance/credit', { amount: 1 })).statusCode,
    ).toBe(404);
    expect(
      (await call(ctx, 'GET', '/v1/customers/ann/balance', undefined, 200)).data.balance,
    ).toHaveLength(2);
    expect(
      (await call(ctx, 'GET', '/v1/customers/ann/balance/entries', undefined, 200)).data,
    ).toHaveLength(3);

    // Renaming the referrer keeps its referrals pointing at it.
    await call(ctx, 'PUT', '/v1/customers/ann', { update: { key: 'anne' } }, 200);
    expect(
      (await call(ctx, 'GET', '/v1/customers/bob', undefined, 200)).data.referring_customer,
    ).toEqual({ key: 'anne' });

    const events = await recordedEvents(ctx);
    expect(
      events
        .filter((e) => e.type === 'customer.credited' || e.type === 'customer.rewarded')
        .map((e) => e.type)
        .sort(),
    ).toEqual(['customer.credited', 'customer.credited', 'customer.rewarded']);
    for (const e of events) expectValidData(e.type, e.data);
  });
});
