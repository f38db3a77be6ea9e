import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, recordedEvents, subscribeAll } from './helpers.js';

describe.each(engines)('purchases in a refer-a-friend program on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(ctx, 'PUT', '/v1/program', { program_type: 'refer-a-friend' }, 200);
    await subscribeAll(ctx);
  });
  afterAll(async () => ctx?.close());

  it('records a referred friend’s purchase without a partner or commission, firing transaction.created', async () => {
    await call(ctx, 'POST', '/v1/customers', { key: 'alice', email: 'alice@x.test' }, 201);
    await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'bob', email: 'bob@x.test', referring_customer: { key: 'alice' } },
      201,
    );
    const sale = await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key: 'order-1', amount: 40, customer: { key: 'bob' } },
      201,
    );
    expect(sale.data).toMatchObject({
      key: 'order-1',
      customer: 'bob',
      partner: null,
      rewards: [],
    });
    const events = (await recordedEvents(ctx)).map((e) => e.type);
    expect(events).toContain('transaction.created');
    expect(events).not.toContain('reward.created');
  });

  it('still refuses, in an affiliate program, a sale of a customer no partner referred', async () => {
    const other = await ctx.otherProgram();
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/v1/customers',
      headers: { authorization: `Bearer ${other.apiKey}` },
      payload: { key: 'carol', email: 'carol@x.test' },
    });
    // Such a customer is refused on create ("Nobody" as its partner), and so is its sale with
    // the customer created along.
    expect(res.statusCode).toBe(422);
    const sale = await ctx.app.inject({
      method: 'POST',
      url: '/v1/transactions',
      headers: { authorization: `Bearer ${other.apiKey}` },
      payload: {
        key: 'order-2',
        amount: 10,
        customer: { key: 'carol' },
        options: { create_customer: true },
      },
    });
    expect(sale.statusCode).toBe(422);
    expect(sale.json().message).toMatch(/no referring partner/);
  });
});
