import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, eventCount, subscribeAll } from './helpers.js';

// Invalid transitions are a 422 with a clear message; they change nothing and fire nothing.
describe.each(engines)('invalid transitions on %s', (engine) => {
  let ctx: TestContext;
  let rewardInReview: string;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await subscribeAll(ctx);
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 14 }, 200);
    await call(ctx, 'POST', '/v1/partners', { email: 'a@example.com', id: 'active' }, 201);
    await call(ctx, 'POST', '/v1/partners', { email: 'b@example.com', id: 'archived' }, 201);
    await call(ctx, 'POST', '/v1/partners/archived/archive', undefined, 200);
    await call(ctx, 'POST', '/v1/customers', { key: 'referred', partner: { id: 'active' } }, 201);
    // A customer with no live referring partner: its partner was deleted ("Nobody" is refused
    // on create in affiliate programs).
    await call(ctx, 'POST', '/v1/partners', { email: 'left@example.com', id: 'left' }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: 'organic', partner: { id: 'left' } }, 201);
    await call(ctx, 'DELETE', '/v1/partners/left', undefined, 200);
    const sale = await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key: 'sale', amount: 50, customer: { key: 'referred' } },
      201,
    );
    rewardInReview = sale.data.rewards[0].id;
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key: 'refunded', amount: 20, customer: { key: 'referred' } },
      201,
    );
    await call(ctx, 'DELETE', '/v1/transactions/refunded', undefined, 200);
  });
  afterAll(async () => ctx.close());

  const refused = async (
    method: 'POST' | 'PUT' | 'DELETE',
    url: string,
    body: unknown,
    message: RegExp,
    check?: () => Promise<void>,
  ) => {
    const events = await eventCount(ctx);
    const res = await call(ctx, method, url, body, 422);
    expect(res.message).toMatch(message);
    expect(res.errors).toBeTypeOf('object');
    expect(await eventCount(ctx), 'no event row was written').toBe(events);
    await check?.();
  };

  it('refuses to approve an archived partner', async () => {
    await refused(
      'POST',
      '/v1/partners/archived/approve',
      undefined,
      /archived; only a pending partner can be approved/,
      async () => {
        expect((await call(ctx, 'GET', '/v1/partners/archived', undefined, 200)).data.status).toBe(
          'archived',
        );
      },
    );
  });

  it('refuses to reject an active partner, archive twice, or restore a non-archived one', async () => {
    await refused(
      'POST',
      '/v1/partners/active/reject',
      undefined,
      /only a pending partner can be rejected/,
    );
    await refused('POST', '/v1/partners/archived/archive', undefined, /is archived/);
    await refused(
      'POST',
      '/v1/partners/active/revoke-archive',
      undefined,
      /only a archived partner/,
    );
  });

  it('refuses to pay a reward still in review, or approve a paid one', async () => {
    await refused(
      'POST',
      `/v1/rewards/${rewardInReview}/mark-paid`,
      undefined,
      /review_period; only a reward in approved/,
      async () => {
        expect(
          (await call(ctx, 'GET', `/v1/rewards/${rewardInReview}`, undefined, 200)).data.status,
        ).toBe('review_period');
      },
    );
    const sale = await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key: 'paid', amount: 10, customer: { key: 'referred' } },
      201,
    );
    const id = sale.data.rewards[0].id;
    await call(ctx, 'POST', `/v1/rewards/${id}/approve`, undefined, 200);
    await call(ctx, 'POST', `/v1/rewards/${id}/mark-paid`, undefined, 200);
    await refused('POST', `/v1/rewards/${id}/approve`, undefined, /is paid/);
    await refused('POST', `/v1/rewards/${id}/mark-paid`, undefined, /is paid/);
  });

  it('refuses to refund twice, or update a refunded transaction', async () => {
    await refused('DELETE', '/v1/transactions/refunded', undefined, /already refunded/);
    await refused('PUT', '/v1/transactions/refunded', { amount: 30 }, /already refunded/);
  });

  it('refuses a transaction for a customer with no partner, or a deleted partner', async () => {
    await refused(
      'POST',
      '/v1/transactions',
      { key: 'x1', amount: 10, customer: { key: 'organic' } },
      /no referring partner/,
      async () => {
        await call(ctx, 'GET', '/v1/transactions/x1', undefined, 404);
      },
    );
    await call(ctx, 'POST', '/v1/partners', { email: 'gone@example.com', id: 'gone' }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: 'orphan', partner: { id: 'gone' } }, 201);
    await call(ctx, 'DELETE', '/v1/partners/gone', undefined, 200);
    await refused(
      'POST',
      '/v1/transactions',
      { key: 'x2', amount: 10, customer: { key: 'orphan' } },
      /no referring partner/,
    );
  });

  it('rolls back a created customer when the transaction is refused', async () => {
    await refused(
      'POST',
      '/v1/transactions',
      { key: 'x3', amount: 10, customer: { key: 'newbie' }, options: { create_customer: true } },
      /no referring partner/,
      async () => {
        await call(ctx, 'GET', '/v1/customers/newbie', undefined, 404);
      },
    );
    await refused(
      'POST',
      '/v1/transactions',
      {
        key: 'x4',
        amount: 10,
        customer: { key: 'newbie', partner: { key: 'nope' } },
        options: { create_customer: true },
      },
      /No partner matches key "nope"/,
    );
  });

  it('refuses unknown customers and imprecise amounts', async () => {
    await refused(
      'POST',
      '/v1/transactions',
      { key: 'x5', amount: 10, customer: { key: 'who' } },
      /No customer with key "who"/,
    );
    await refused(
      'POST',
      '/v1/transactions',
      { key: 'x6', amount: 10.999, customer: { key: 'referred' } },
      /more decimal places than USD/,
    );
    await refused(
      'POST',
      '/v1/transactions',
      { key: 'x7', amount: -5, customer: { key: 'referred' } },
      /must not be negative/,
    );
    await refused(
      'POST',
      '/v1/transactions',
      { key: 'x8', amount: 'ten', customer: { key: 'referred' } },
      /must be a number/,
    );
    await refused(
      'POST',
      '/v1/partners',
      { email: 'A@example.com' },
      /email has already been taken/,
    );
    await refused(
      'POST',
      '/v1/customers',
      { key: 'referred', partner: { id: 'active' } },
      /key has already been taken/,
    );
    await refused(
      'POST',
      '/v1/customers',
      { key: 'c9', partner: { email: 'nobody@example.com' } },
      /No partner matches email/,
    );
  });

  it('answers 404 for unknown resources and 422 for malformed bodies', async () => {
    await call(ctx, 'GET', '/v1/partners/nope', undefined, 404);
    await call(ctx, 'POST', '/v1/partners/nope/approve', undefined, 404);
    await call(ctx, 'GET', '/v1/customers/nope', undefined, 404);
    await call(ctx, 'DELETE', '/v1/transactions/nope', undefined, 404);
    await call(ctx, 'POST', '/v1/rewards/nope/mark-paid', undefined, 404);
    const bad = await call(ctx, 'POST', '/v1/partners', { email: 'not-an-email' }, 422);
    expect(Object.keys(bad.errors)).toEqual(['email']);
    await call(ctx, 'POST', '/v1/partners', { email: 'k@example.com', key: 'has space' }, 422);
    await call(ctx, 'PUT', '/v1/program', { commission: { type: 'percent', value: 150 } }, 422);
    await call(ctx, 'PUT', '/v1/program', { default_currency: 'dollars' }, 422);
    await call(ctx, 'PUT', '/v1/program', { website_url: 'ftp://x' }, 422);
  });
});
