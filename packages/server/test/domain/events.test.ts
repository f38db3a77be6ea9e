import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approveDueRewards } from '../../src/domain/reward-approval.js';
import { EVENT_TYPES } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, eventCount, expectValidData, recordedEvents, subscribeAll } from './helpers.js';

const TIMESTAMP = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

describe.each(engines)('partner-program events on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await subscribeAll(ctx);
    await call(
      ctx,
      'PUT',
      '/v1/program',
      { website_url: 'https://acme.test', review_period_days: 30, require_partner_approval: true },
      200,
    );
  });
  afterAll(async () => ctx.close());

  it('fires each of the 15 catalog events from its documented action, with the API resource as data', async () => {
    // Each step: the call, and the events it must fire, the first carrying the response data.
    const steps: { fired: string[]; data?: unknown }[] = [];
    const step = async (
      method: 'POST' | 'PUT' | 'DELETE',
      url: string,
      body: unknown,
      status: number,
      fired: string[],
    ) => {
      const before = await eventCount(ctx);
      const res = await call(ctx, method, url, body, status);
      const events = (await recordedEvents(ctx)).slice(before);
      expect(events.map((e) => e.type).sort(), `${method} ${url}`).toEqual([...fired].sort());
      // The event carries the resource exactly as the API returned it.
      if (res.data) expect(events.find((e) => e.type === fired[0])?.data).toEqual(res.data);
      steps.push({ fired, data: res.data });
      return res;
    };

    const p1 = await step(
      'POST',
      '/v1/partners',
      { email: 'ann@example.com', name: 'Ann', id: 'p1' },
      201,
      ['partner.created'],
    );
    expect(p1.data).toMatchObject({ status: 'pending', approved: false });
    await step('PUT', '/v1/partners/p1', { update: { surname: 'Lee' } }, 200, ['partner.updated']);
    const approved = await step('POST', '/v1/partners/p1/approve', undefined, 200, [
      'partner.approved',
    ]);
    expect(approved.data).toMatchObject({ status: 'active', approved: true });
    await call(ctx, 'POST', '/v1/partners', { email: 'bob@example.com', id: 'p2' }, 201);
    const rejected = await step('POST', '/v1/partners/p2/reject', undefined, 200, [
      'partner.rejected',
    ]);
    expect(rejected.data).toMatchObject({ status: 'rejected', approved: false });
    await call(ctx, 'POST', '/v1/partners', { email: 'cy@example.com', id: 'p3' }, 201);
    const archived = await step('POST', '/v1/partners/p3/archive', undefined, 200, [
      'partner.archived',
    ]);
    expect(archived.data.status).toBe('archived');
    await step('DELETE', '/v1/partners/p3', undefined, 200, ['partner.deleted']);

    await step('POST', '/v1/customers', { key: 'c1', partner: { id: 'p1' } }, 201, [
      'customer.created',
    ]);
    await step('PUT', '/v1/customers/c1', { name: 'Dee' }, 200, ['customer.updated']);

    const sale = await step(
      'POST',
      '/v1/transactions',
      { key: 't1', amount: 100, customer: { key: 'c1' } },
      201,
      ['transaction.created', 'reward.created'],
    );
    const rewardId = sale.data.rewards[0].id;
    expect(sale.data.rewards[0]).toMatchObject({ status: 'review_period', amount: 30 });
    await step('POST', `/v1/rewards/${rewardId}/approve`, undefined, 200, ['reward.approved']);
    await step('POST', `/v1/rewards/${rewardId}/mark-paid`, undefined, 200, ['reward.paid']);
    await step('PUT', '/v1/transactions/t1', { amount: 200 }, 200, [
      'transaction.updated',
      'reward.created',
    ]);
    await step('DELETE', '/v1/transactions/t1', undefined, 200, [
      'transaction.deleted',
      'reward.created',
    ]);
    await step('DELETE', '/v1/customers/c1', undefined, 200, ['customer.deleted']);

    const events = await recordedEvents(ctx);
    // The seed catalog's events; leads, refer-a-friend and newsletter events are fired in
    // test/dispatch/all-events-parity2.test.ts.
    const seed = EVENT_TYPES.filter(
      (t) =>
        !/^(lead|subscriber)\./.test(t) && t !== 'customer.credited' && t !== 'customer.rewarded',
    );
    expect(new Set(events.map((e) => e.type))).toEqual(new Set(seed));
    for (const event of events) {
      expect(event.source).toBe('resource');
      expectValidData(event.type, event.data);
      // One pending delivery per subscribed webhook, its body the envelope built once.
      expect(event.deliveries).toHaveLength(1);
      const [delivery] = event.deliveries;
      expect(delivery?.status).toBe('pending');
      expect(delivery?.webhook_key).toBe('allhook');
      expect(delivery?.body).toEqual({
        id: event.id,
        event: event.type,
        url: 'https://receiver.example.com/hooks',
        webhook_key: 'allhook',
        created_at: expect.stringMatching(TIMESTAMP),
        data: event.data,
      });
    }
    // The last states carry deleted_at.
    const deleted = events.filter((e) => e.type.endsWith('.deleted'));
    for (const e of deleted) expect(e.data.deleted_at).toMatch(TIMESTAMP);
  });

  it('fires reward.approved from the review-period job', async () => {
    await call(ctx, 'POST', '/v1/partners', { email: 'job@example.com', id: 'pj' }, 201);
    await call(ctx, 'POST', '/v1/partners/pj/approve', undefined, 200);
    const sale = await call(
      ctx,
      'POST',
      '/v1/transactions',
      {
        key: 'tj',
        amount: 10,
        customer: { key: 'cj', partner: { id: 'pj' } },
        options: { create_customer: true },
      },
      201,
    );
    const before = await eventCount(ctx);
    const result = await approveDueRewards(ctx.store, Date.now() + 31 * 86_400_000);
    expect(result).toEqual({ approved: 1, more: false });
    const events = (await recordedEvents(ctx)).slice(before);
    expect(events.map((e) => e.type)).toEqual(['reward.approved']);
    expect(events[0]?.data).toMatchObject({ id: sale.data.rewards[0].id, status: 'approved' });
    expectValidData('reward.approved', events[0]?.data);
    expect(events[0]?.deliveries).toHaveLength(1);
  });

  it('wakes the dispatcher after each committed change', async () => {
    const before = ctx.wakeups.count;
    await call(ctx, 'POST', '/v1/partners', { email: 'wake@example.com' }, 201);
    expect(ctx.wakeups.count).toBe(before + 1);
  });
});
