import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDueRewards } from '../../src/domain/reward-approval.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, recordedEvents, subscribeAll } from './helpers.js';

describe.each(engines)('a whole partner program on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await subscribeAll(ctx);
  });
  afterAll(async () => ctx.close());

  it('sign-up, approval, referral, sale, commission, approval, payout, refund', async () => {
    const program = await call(ctx, 'GET', '/v1/program', undefined, 200);
    expect(program.data).toMatchObject({
      website_url: null,
      default_currency: 'USD',
      commission: { type: 'percent', value: 30, overrides: [] },
      review_period_days: 30,
      require_partner_approval: false,
    });
    await call(
      ctx,
      'PUT',
      '/v1/program',
      {
        name: 'Acme partners',
        website_url: 'https://acme.test/?utm=partners',
        require_partner_approval: true,
        commission: {
          type: 'percent',
          value: 30,
          overrides: [{ product_type: 'lifetime', type: 'fixed', value: 50 }],
        },
      },
      200,
    );

    // A partner signs up and waits for review.
    const signup = await call(
      ctx,
      'POST',
      '/v1/partners',
      {
        email: 'Ann.Lee@Example.com',
        name: 'Ann',
        surname: 'Lee',
        key: 'annlee',
        tags: ['blog', 'blog', 'eu'],
      },
      201,
    );
    const partnerId = signup.data.id;
    expect(signup.data).toMatchObject({
      key: 'annlee',
      email: 'ann.lee@example.com',
      status: 'pending',
      approved: false,
      tags: [{ value: 'blog' }, { value: 'eu' }],
      referral_link: 'https://acme.test/?utm=partners&aff=annlee',
      referral_links: ['https://acme.test/?utm=partners&aff=annlee'],
      referrals_count: 0,
      deleted_at: null,
    });
    const approved = await call(ctx, 'POST', `/v1/partners/${partnerId}/approve`, undefined, 200);
    expect(approved.data).toMatchObject({ status: 'active', approved: true });

    // A referred customer buys: the customer is created with the sale.
    const sale = await call(
      ctx,
      'POST',
      '/v1/transactions',
      {
        key: 'order_1001',
        amount: 99.99,
        product_id: 'pro',
        product_type: 'monthly',
        customer: {
          key: 'user_42',
          email: 'buyer@example.com',
          name: 'Bo',
          partner: { key: 'annlee' },
        },
        options: { create_customer: true },
      },
      201,
    );
    expect(sale.data).toMatchObject({
      key: 'order_1001',
      action: 'sale',
      amount: 99.99,
      amount_units: 'USD',
      partner: partnerId,
      customer: 'user_42',
      product_id: 'pro',
      product_type: 'monthly',
      deleted_at: null,
    });
    // 30 % of 99.99 = 29.997, rounded half-up to the cent.
    const [reward] = sale.data.rewards;
    expect(reward).toMatchObject({
      key: 'order_1001',
      transaction: 'order_1001',
      action: 'sale',
      status: 'review_period',
      partner: partnerId,
      customer: 'user_42',
      amount: 30,
      amount_units: 'USD',
      product_type_data: { product_id: 'pro', product_type: 'monthly' },
      approved_at: null,
      paid_at: null,
    });
    const customer = await call(ctx, 'GET', '/v1/customers/user_42', undefined, 200);
    expect(customer.data).toMatchObject({
      partner: partnerId,
      email: 'buyer@example.com',
      status: 'active',
    });
    expect(
      (await call(ctx, 'GET', `/v1/partners/${partnerId}`, undefined, 200)).data.referrals_count,
    ).toBe(1);

    // A per-product override: a fixed 50.00 on a lifetime plan.
    const lifetime = await call(
      ctx,
      'POST',
      '/v1/transactions',
      {
        key: 'order_1002',
        amount: '499.00',
        product_type: 'lifetime',
        customer: { email: 'buyer@example.com' },
      },
      201,
    );
    expect(lifetime.data.rewards[0].amount).toBe(50);

    // The review period ends: the job approves; then the program pays.
    const early = await approveDueRewards(ctx.store, Date.now() + 29 * 86_400_000);
    expect(early.approved).toBe(0);
    const due = await approveDueRewards(ctx.store, Date.now() + 30 * 86_400_000 + 60_000);
    expect(due.approved).toBe(2);
    const ready = await call(ctx, 'GET', `/v1/rewards/${reward.id}`, undefined, 200);
    expect(ready.data.status).toBe('approved');
    expect(ready.data.approved_at).not.toBeNull();
    const paid = await call(ctx, 'POST', `/v1/rewards/${reward.id}/mark-paid`, undefined, 200);
    expect(paid.data).toMatchObject({ status: 'paid' });
    expect(paid.data.paid_at).not.toBeNull();

    const byStatus = await call(
      ctx,
      'GET',
      `/v1/rewards?partner=${partnerId}&status=paid`,
      undefined,
      200,
    );
    expect(byStatus.data.map((r: { id: string }) => r.id)).toEqual([reward.id]);

    // The customer gets a refund: the paid commission is clawed back, the unpaid one cancelled.
    await call(ctx, 'DELETE', '/v1/transactions/order_1001', undefined, 200);
    await call(ctx, 'DELETE', '/v1/transactions/order_1002', undefined, 200);
    const refunded = await call(ctx, 'GET', '/v1/transactions/order_1001', undefined, 200);
    expect(refunded.data.deleted_at).not.toBeNull();
    expect(
      refunded.data.rewards.map((r: { action: string; status: string; amount: number }) => [
        r.action,
        r.status,
        r.amount,
      ]),
    ).toEqual([
      ['sale', 'paid', 30],
      ['refund', 'approved', -30],
    ]);
    const other = await call(ctx, 'GET', '/v1/transactions/order_1002', undefined, 200);
    expect(other.data.rewards).toMatchObject([{ status: 'cancelled', amount: 50 }]);
    expect(other.data.rewards[0].deleted_at).not.toBeNull();

    // Net earnings of the partner over everything not cancelled: exactly zero.
    const all = await call(
      ctx,
      'GET',
      `/v1/rewards?partner=${partnerId}&limit=100`,
      undefined,
      200,
    );
    const net = all.data
      .filter((r: { status: string }) => r.status !== 'cancelled')
      .reduce((sum: number, r: { amount: number }) => sum + Math.round(r.amount * 100), 0);
    expect(net).toBe(0);

    const types = (await recordedEvents(ctx)).map((e) => e.type);
    expect(types.filter((t) => t === 'reward.approved')).toHaveLength(2);
    expect(types).toContain('transaction.deleted');
  });

  it('adjusts the unpaid reward when a transaction amount changes', async () => {
    await call(
      ctx,
      'PUT',
      '/v1/program',
      { review_period_days: 0, require_partner_approval: false },
      200,
    );
    await call(ctx, 'POST', '/v1/partners', { email: 'upd@example.com', id: 'upd' }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: 'upd_c', partner: { id: 'upd' } }, 201);
    const sale = await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key: 'upd_t', amount: 10, customer: { key: 'upd_c' } },
      201,
    );
    expect(sale.data.rewards).toMatchObject([{ status: 'approved', amount: 3 }]);
    const updated = await call(
      ctx,
      'PUT',
      '/v1/transactions/upd_t',
      { update: { amount: 20.5 } },
      200,
    );
    expect(updated.data.amount).toBe(20.5);
    // 30 % of 20.50 = 6.15; adjusted in place since nothing was paid yet.
    expect(updated.data.rewards).toMatchObject([{ status: 'approved', amount: 6.15 }]);
    await call(ctx, 'POST', `/v1/rewards/${sale.data.rewards[0].id}/mark-paid`, undefined, 200);
    const lowered = await call(ctx, 'PUT', '/v1/transactions/upd_t', { amount: 10 }, 200);
    expect(
      lowered.data.rewards.map((r: { action: string; amount: number }) => [r.action, r.amount]),
    ).toEqual([
      ['sale', 6.15],
      ['adjustment', -3.15],
    ]);
    // Unchanged update: no event, same resource.
    const same = await call(ctx, 'PUT', '/v1/transactions/upd_t', { amount: 10 }, 200);
    expect(same.data).toEqual(lowered.data);
  });
});
