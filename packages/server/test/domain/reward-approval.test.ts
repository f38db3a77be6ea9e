import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDueRewards, startRewardSweeper } from '../../src/domain/reward-approval.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, recordedEvents, subscribeAll } from './helpers.js';

const DAY = 86_400_000;

describe.each(engines)('review-period approval job on %s', (engine) => {
  let ctx: TestContext;
  let t0: number;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await subscribeAll(ctx);
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 10 }, 200);
    await call(ctx, 'POST', '/v1/partners', { email: 'job@example.com', id: 'pj' }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: 'cj', partner: { id: 'pj' } }, 201);
    t0 = Date.now();
    for (let i = 0; i < 5; i++) {
      await call(
        ctx,
        'POST',
        '/v1/transactions',
        { key: `due${i}`, amount: 10 + i, customer: { key: 'cj' } },
        201,
      );
    }
    // One with a longer review period: not due at t0 + 11 days.
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 20 }, 200);
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key: 'later', amount: 10, customer: { key: 'cj' } },
      201,
    );
    // One refunded: cancelled, never approved.
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 1 }, 200);
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key: 'refunded', amount: 10, customer: { key: 'cj' } },
      201,
    );
    await call(ctx, 'DELETE', '/v1/transactions/refunded', undefined, 200);
  });
  afterAll(async () => ctx.close());

  it('approves due rewards in batches, each with its reward.approved event, and only once', async () => {
    const now = t0 + 11 * DAY;
    expect(await approveDueRewards(ctx.store, t0 + 9 * DAY)).toEqual({ approved: 0, more: false });
    const limited = await approveDueRewards(ctx.store, now, { batchSize: 2, maxBatches: 2 });
    expect(limited).toEqual({ approved: 4, more: true });
    const rest = await approveDueRewards(ctx.store, now, { batchSize: 2 });
    expect(rest).toEqual({ approved: 1, more: false });
    expect(await approveDueRewards(ctx.store, now)).toEqual({ approved: 0, more: false });

    const rewards = (await call(ctx, 'GET', '/v1/rewards?limit=100', undefined, 200)).data as {
      key: string;
      status: string;
      approved_at: string | null;
    }[];
    const status = Object.fromEntries(rewards.map((r) => [r.key, r.status]));
    expect(status).toEqual({
      due0: 'approved',
      due1: 'approved',
      due2: 'approved',
      due3: 'approved',
      due4: 'approved',
      later: 'review_period',
      refunded: 'cancelled',
    });
    const approvedEvents = (await recordedEvents(ctx)).filter((e) => e.type === 'reward.approved');
    expect(approvedEvents.map((e) => e.data.key).sort()).toEqual([
      'due0',
      'due1',
      'due2',
      'due3',
      'due4',
    ]);
    for (const e of approvedEvents) expect(e.deliveries).toHaveLength(1);
  });

  it('runs on an interval, each run at the clock of its time, and stops cleanly', async () => {
    let wakes = 0;
    // An injected clock: the first run sees day 15 (`later`, 20 days, not due yet), every later
    // run day 21. Only a second run can approve `later`.
    const runs: number[] = [];
    const sweeper = startRewardSweeper({
      store: ctx.store,
      intervalMs: 20,
      wakeup: { wake: () => wakes++ },
      clock: () => {
        runs.push(runs.length === 0 ? t0 + 15 * DAY : t0 + 21 * DAY);
        return runs.at(-1) as number;
      },
    });
    await expect
      .poll(() => runs.length, { timeout: 5_000, interval: 10 })
      .toBeGreaterThanOrEqual(2);
    // Waits for the run in progress.
    await sweeper.stop();
    expect(wakes).toBeGreaterThanOrEqual(1);
    expect(
      (await call(ctx, 'GET', '/v1/transactions/later', undefined, 200)).data.rewards[0].status,
    ).toBe('approved');
  });
});

describe.each(engines)('review-period approval of lead commissions on %s', (engine) => {
  let ctx: TestContext;
  afterAll(async () => ctx?.close());

  it('approves a converted lead’s reward (no transaction, no customer) when its review ends', async () => {
    ctx = await createTestContext(engine);
    await subscribeAll(ctx);
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 3 }, 200);
    await call(ctx, 'POST', '/v1/partners', { email: 'lead@example.com', id: 'pl' }, 201);
    const lead = await call(
      ctx,
      'POST',
      '/v1/leads',
      { partner: { id: 'pl' }, email: 'x@y.co' },
      201,
    );
    const t0 = Date.now();
    const converted = await call(
      ctx,
      'POST',
      '/v1/leads/convert',
      { id: lead.data.id, commission_transaction_amount: 200 },
      200,
    );
    expect(await approveDueRewards(ctx.store, t0 + 4 * DAY)).toEqual({ approved: 1, more: false });
    const reward = await call(ctx, 'GET', `/v1/rewards/${converted.data.reward}`, undefined, 200);
    expect(reward.data).toMatchObject({
      status: 'approved',
      transaction: null,
      customer: null,
      amount: 60,
    });
    const approved = (await recordedEvents(ctx)).filter((e) => e.type === 'reward.approved');
    expect(approved.map((e) => e.data.id)).toEqual([converted.data.reward]);
  });
});
