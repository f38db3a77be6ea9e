import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, eventCount, expectValidData, recordedEvents, subscribeAll } from './helpers.js';

describe.each(engines)('leads, partner bonuses and payout requests on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await subscribeAll(ctx);
    await call(ctx, 'POST', '/v1/partners', { email: 'ann@x.com', id: 'ann', key: 'annkey' }, 201);
    await call(ctx, 'POST', '/v1/partners', { email: 'old@x.com', id: 'old' }, 201);
    await call(ctx, 'POST', '/v1/partners/old/archive', undefined, 200);
  });
  afterAll(async () => ctx?.close());
  // Sorted: events of one change share its millisecond, and ids order them only by time.
  const typesSince = async (n: number) =>
    (await recordedEvents(ctx))
      .slice(n)
      .map((e) => e.type)
      .sort();

  it('submits, converts (commission on the amount) and rejects leads', async () => {
    const before = await eventCount(ctx);
    const lead = await call(
      ctx,
      'POST',
      '/v1/leads',
      { partner: { key: 'annkey' }, name: 'Dana', email: 'Dana@X.com' },
      201,
    );
    expect(lead.data).toMatchObject({ partner: 'ann', email: 'dana@x.com', status: 'pending' });
    expect(Number.isInteger(lead.data.id)).toBe(true);
    const converted = await call(
      ctx,
      'POST',
      '/v1/leads/convert',
      { id: lead.data.id, commission_transaction_amount: 1000 },
      200,
    );
    expect(converted.data).toMatchObject({
      status: 'converted',
      commission_transaction_amount: 1000,
      amount_units: 'USD',
    });
    const reward = await call(ctx, 'GET', `/v1/rewards/${converted.data.reward}`, undefined, 200);
    // 30 % by default, in review like any commission.
    expect(reward.data).toMatchObject({
      action: 'lead',
      amount: 300,
      status: 'review_period',
      partner: 'ann',
      customer: null,
      transaction: null,
      key: converted.data.reward,
    });
    const again = await ctx.request('POST', '/v1/leads/convert', {
      id: lead.data.id,
      commission_transaction_amount: 5,
    });
    expect(again.statusCode).toBe(422);
    expect((await ctx.request('POST', '/v1/leads/reject', { id: lead.data.id })).statusCode).toBe(
      422,
    );

    const other = await call(
      ctx,
      'POST',
      '/v1/leads',
      { partner: { id: 'ann' }, email: 'o@x.com' },
      201,
    );
    const rejected = await call(ctx, 'POST', '/v1/leads/reject', { id: other.data.id }, 200);
    expect(rejected.data).toMatchObject({ status: 'rejected', reward: null });
    expect(await typesSince(before)).toEqual([
      'lead.converted',
      'lead.rejected',
      'lead.submitted',
      'lead.submitted',
      'reward.created',
    ]);
    for (const e of (await recordedEvents(ctx)).slice(before)) expectValidData(e.type, e.data);

    const list = await call(ctx, 'GET', '/v1/leads?sort=asc&status=converted', undefined, 200);
    expect(list.data.map((l: { id: number }) => l.id)).toEqual([lead.data.id]);
    expect((await call(ctx, 'GET', `/v1/leads/${other.data.id}`, undefined, 200)).data.status).toBe(
      'rejected',
    );
    await call(ctx, 'DELETE', `/v1/leads/${other.data.id}`, undefined, 200);
    expect((await ctx.request('GET', `/v1/leads/${other.data.id}`)).statusCode).toBe(404);
    expect((await ctx.request('GET', '/v1/leads/abc')).statusCode).toBe(422);
  });

  it('refuses leads of unknown or inactive partners and bad amounts, writing nothing', async () => {
    const before = await eventCount(ctx);
    const unknown = await ctx.request('POST', '/v1/leads', {
      partner: { key: 'nope' },
      email: 'a@x.com',
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.partner[0]).toContain('key "nope"');
    const archived = await ctx.request('POST', '/v1/leads', {
      partner: { id: 'old' },
      email: 'a@x.com',
    });
    expect(archived.json().errors.partner[0]).toContain('archived');
    const lead = await call(
      ctx,
      'POST',
      '/v1/leads',
      { partner: { id: 'ann' }, email: 'z@x.com' },
      201,
    );
    for (const amount of [0, -5, 'abc', 1.234]) {
      const res = await ctx.request('POST', '/v1/leads/convert', {
        id: lead.data.id,
        commission_transaction_amount: amount,
      });
      expect(res.statusCode, String(amount)).toBe(422);
    }
    expect(await eventCount(ctx)).toBe(before + 1);
    const other = await ctx.otherProgram();
    const foreign = await ctx.request('GET', `/v1/leads/${lead.data.id}`, undefined, {
      authorization: `Bearer ${other.apiKey}`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('gives partners bonuses: approved at once, with a note and an optional date', async () => {
    const bonus = await call(
      ctx,
      'POST',
      '/v1/partners/ann/reward',
      { amount: 12.5, note: 'Launch week', date: '2026-01-02' },
      201,
    );
    expect(bonus.data).toMatchObject({
      action: 'bonus',
      status: 'approved',
      amount: 12.5,
      note: 'Launch week',
      created_at: '2026-01-02T00:00:00.000000Z',
      transaction: null,
    });
    expect((await ctx.request('POST', '/v1/partners/ann/reward', { amount: 0 })).statusCode).toBe(
      422,
    );
    expect((await ctx.request('POST', '/v1/partners/old/reward', { amount: 5 })).statusCode).toBe(
      422,
    );
    expect(
      (await ctx.request('POST', '/v1/partners/nobody/reward', { amount: 5 })).statusCode,
    ).toBe(404);
    const future = await ctx.request('POST', '/v1/partners/ann/reward', {
      amount: 5,
      date: '2999-01-01',
    });
    expect(future.json().errors.date[0]).toContain('future');
    const garbage = await ctx.request('POST', '/v1/partners/ann/reward', {
      amount: 5,
      date: 'soon',
    });
    expect(garbage.statusCode).toBe(422);
  });

  it('pays approved rewards through payout requests, reward.paid for each', async () => {
    // Ann has: the 12.50 bonus (approved) and the 300 lead reward (in review).
    const none = await ctx.request('POST', '/v1/payout_requests', {
      partner: { id: 'ann' },
      amount_units: 'eur',
    });
    expect(none.statusCode).toBe(422);
    const lead = (
      await call(ctx, 'GET', '/v1/rewards?partner=ann&status=review_period', undefined, 200)
    ).data[0];
    await call(ctx, 'POST', `/v1/rewards/${lead.id}/approve`, undefined, 200);

    const partial = await call(
      ctx,
      'POST',
      '/v1/payout_requests',
      {
        partner: { key: 'annkey' },
        amount_units: 'usd',
        reward_ids: [lead.id],
        gateway: 'paypal',
        payout_settings: { username: 'ann@pay.example' },
      },
      201,
    );
    expect(partial.data).toMatchObject({
      status: 'requested',
      amount: 300,
      amount_units: 'USD',
      gateway: 'paypal',
      rewards: [lead.id],
    });
    // A held reward is paid by its request, not by hand, and is in no other request.
    expect((await ctx.request('POST', `/v1/rewards/${lead.id}/mark-paid`)).statusCode).toBe(422);
    const taken = await ctx.request('POST', '/v1/payout_requests', {
      partner: { id: 'ann' },
      amount_units: 'USD',
      reward_ids: [lead.id],
    });
    expect(taken.statusCode).toBe(422);
    expect(
      (await ctx.request('POST', `/v1/payout_requests/${partial.data.id}/mark_as_paid`)).statusCode,
    ).toBe(422);

    // Rejecting releases the reward for the whole-balance request.
    await call(ctx, 'POST', `/v1/payout_requests/${partial.data.id}/reject`, undefined, 200);
    const whole = await call(
      ctx,
      'POST',
      '/v1/payout_requests',
      { partner: { id: 'ann' }, amount_units: 'USD' },
      201,
    );
    expect(whole.data.amount).toBe(312.5);
    expect(whole.data.rewards).toHaveLength(2);
    await call(ctx, 'POST', `/v1/payout_requests/${whole.data.id}/approve`, undefined, 200);
    const before = await eventCount(ctx);
    const paid = await call(
      ctx,
      'POST',
      `/v1/payout_requests/${whole.data.id}/mark_as_paid`,
      undefined,
      200,
    );
    expect(paid.data).toMatchObject({ status: 'finished', paid_at: expect.any(String) });
    const events = (await recordedEvents(ctx)).slice(before);
    expect(events.map((e) => e.type)).toEqual(['reward.paid', 'reward.paid']);
    for (const e of events) {
      expect(e.data).toMatchObject({ status: 'paid', payout_request: whole.data.id });
      expectValidData(e.type, e.data);
    }
    expect(
      (await ctx.request('POST', `/v1/payout_requests/${whole.data.id}/approve`)).statusCode,
    ).toBe(422);

    const search = await call(
      ctx,
      'GET',
      '/v1/payout_requests:search?status=finished&partner_key=annkey',
      undefined,
      200,
    );
    expect(search.data.map((r: { id: number }) => r.id)).toEqual([whole.data.id]);
    const list = await call(ctx, 'GET', '/v1/payout_requests?sort=asc', undefined, 200);
    expect(list.data.map((r: { status: string }) => r.status)).toEqual(['rejected', 'finished']);
    expect(
      (await call(ctx, 'GET', '/v1/payout_requests?status=resubmitted', undefined, 200)).data,
    ).toEqual([]);
  });

  it('refuses to pay a request whose reward was refunded meanwhile', async () => {
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 0 }, 200);
    await call(ctx, 'POST', '/v1/customers', { key: 'cu', partner: { id: 'ann' } }, 201);
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key: 'tx', amount: 10, customer: { key: 'cu' } },
      201,
    );
    const req = await call(
      ctx,
      'POST',
      '/v1/payout_requests',
      { partner: { id: 'ann' }, amount_units: 'USD' },
      201,
    );
    await call(ctx, 'POST', `/v1/payout_requests/${req.data.id}/approve`, undefined, 200);
    await call(ctx, 'DELETE', '/v1/transactions/tx', undefined, 200);
    const res = await ctx.request('POST', `/v1/payout_requests/${req.data.id}/mark_as_paid`);
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.status[0]).toContain('cancelled');
  });

  it('converts a lead once when conversions race, with one reward', async () => {
    const lead = await call(
      ctx,
      'POST',
      '/v1/leads',
      { partner: { id: 'ann' }, email: 'race@x.com' },
      201,
    );
    const answers = await Promise.all(
      Array.from({ length: 5 }, () =>
        ctx.request('POST', '/v1/leads/convert', {
          id: lead.data.id,
          commission_transaction_amount: 100,
        }),
      ),
    );
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 422, 422, 422, 422]);
    const rewards = (await call(ctx, 'GET', '/v1/rewards?partner=ann&limit=100', undefined, 200))
      .data;
    const forLead = rewards.filter((r: { note: string | null }) => r.note?.includes('race@x.com'));
    expect(forLead).toHaveLength(1);
  });
});
