import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryServices } from '../../src/dispatch/delivery-services.js';
import type { DeliveryServices } from '../../src/dispatch/delivery-services.js';
import { createDispatcher } from '../../src/dispatch/dispatcher.js';
import type { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { EVENT_TYPES } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { n8nAcceptsSignature } from '../helpers/n8n-signature.js';
import { engines } from '../helpers/store.js';
import { call, expectValidData } from '../domain/helpers.js';
import { eventually, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

// Every event of the catalog, each fired by a real API action, delivered by a running
// dispatcher to a loopback receiver and accepted by the Partnero n8n trigger's own signature
// check. One program walks through the three program types; its webhook subscribes to `*`.
describe.each(engines)('all 24 events end to end on %s', (engine) => {
  let ctx: TestContext;
  let receiver: Receiver;
  let services: DeliveryServices;
  let dispatcher: Dispatcher | undefined;
  afterEach(async () => {
    await dispatcher?.stop();
    await services?.close();
    await receiver?.close();
    await ctx?.close();
  });

  it('fires, delivers and signs each event so the n8n trigger accepts it', async () => {
    ctx = await createTestContext(engine, {
      env: { HOOKLINE_POLL_INTERVAL: '100ms', HOOKLINE_RETRY_SCHEDULE: '0s,100ms,200ms' },
      extend: (deps) => ({ ...deps, wakeup: { wake: () => dispatcher?.wake() } }),
    });
    receiver = await startReceiver();
    services = createDeliveryServices({ config: ctx.config });
    dispatcher = createDispatcher({
      store: ctx.store,
      config: ctx.config,
      sender: services.sender,
      events: services.events,
    });
    dispatcher.start();
    const { signature } = await ctx.createWebhook(receiver.url);
    const post = (url: string, body: unknown, status = 201) => call(ctx, 'POST', url, body, status);

    // Affiliate (the default): partners, customers, transactions, rewards, leads, payouts.
    await call(
      ctx,
      'PUT',
      '/v1/program',
      { require_partner_approval: true, review_period_days: 0 },
      200,
    );
    const p = (await post('/v1/partners', { email: 'p@x.com', id: 'p1' })).data; // created
    await call(ctx, 'PUT', `/v1/partners/${p.id}`, { name: 'P' }, 200); // updated
    await post(`/v1/partners/${p.id}/approve`, undefined, 200); // approved
    await post('/v1/partners', { email: 'q@x.com', id: 'p2' });
    await post('/v1/partners/p2/reject', undefined, 200); // rejected
    await post('/v1/partners/p2/archive', undefined, 200); // archived
    await call(ctx, 'DELETE', '/v1/partners/p2', undefined, 200); // deleted
    await post('/v1/customers', { key: 'c1', partner: { id: 'p1' } }); // customer.created
    await call(ctx, 'PUT', '/v1/customers/c1', { name: 'C' }, 200); // customer.updated
    await post('/v1/transactions', { key: 't1', amount: 100, customer: { key: 'c1' } }); // + reward
    await call(ctx, 'PUT', '/v1/transactions/t1', { amount: 120 }, 200); // transaction.updated
    await post('/v1/transactions', { key: 't2', amount: 50, customer: { key: 'c1' } });
    await call(ctx, 'DELETE', '/v1/transactions/t2', undefined, 200); // transaction.deleted
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 30 }, 200);
    const bonus = (await post('/v1/partners/p1/reward', { amount: 25, note: 'Launch' })).data;
    expect(bonus).toMatchObject({ action: 'bonus', status: 'approved', transaction: null });
    const lead = (await post('/v1/leads', { partner: { key: p.key }, name: 'L', email: 'l@x.com' }))
      .data;
    await post('/v1/leads/convert', { id: lead.id, commission_transaction_amount: 1000 }, 200);
    const commission = (await call(ctx, 'GET', '/v1/rewards?status=review_period', undefined, 200))
      .data[0];
    await post(`/v1/rewards/${commission.id}/approve`, undefined, 200); // reward.approved
    const lead2 = (await post('/v1/leads', { partner: { id: 'p1' }, email: 'm@x.com' })).data;
    await post('/v1/leads/reject', { id: lead2.id }, 200);
    const payout = (
      await post('/v1/payout_requests', { partner: { id: 'p1' }, amount_units: 'usd' })
    ).data;
    await post(`/v1/payout_requests/${payout.id}/approve`, undefined, 200);
    await post(`/v1/payout_requests/${payout.id}/mark_as_paid`, undefined, 200); // reward.paid
    await call(ctx, 'DELETE', '/v1/customers/c1', undefined, 200); // customer.deleted

    // Refer-a-friend: referrals, balance credits and referral rewards.
    await call(ctx, 'PUT', '/v1/program', { program_type: 'refer-a-friend' }, 200);
    await post('/v1/customers', { key: 'ann' });
    await post('/v1/customers', { key: 'bob', referring_customer: { key: 'ann' } });
    await post('/v1/customers/ann/balance/credit', { amount: 10 }); // customer.credited
    await post('/v1/customers/ann/reward', { amount: 5, referred_customer: 'bob' }); // rewarded

    // Newsletter: subscribers.
    await call(ctx, 'PUT', '/v1/program', { program_type: 'newsletter' }, 200);
    const s = (await post('/v1/subscribers', { email: 's@x.com', name: 'S' })).data;
    await call(ctx, 'PUT', `/v1/subscribers/${s.id}`, { marketing_consent: true }, 200);
    await post(`/v1/subscribers/${s.id}/reward`, { name: 'Sticker pack' }, 200);
    await call(ctx, 'DELETE', `/v1/subscribers/${s.id}`, undefined, 200);

    const seen = () =>
      new Set(receiver.received.map((r) => (JSON.parse(r.body) as { event: string }).event));
    await eventually(() => EVENT_TYPES.every((t) => seen().has(t)), 20_000);
    expect([...seen()].sort()).toEqual([...EVENT_TYPES].sort());
    for (const r of receiver.received) {
      const envelope = JSON.parse(r.body) as { event: string; data: unknown; webhook_key: string };
      expect(
        n8nAcceptsSignature(Buffer.from(r.body, 'utf8'), r.headers, signature),
        envelope.event,
      ).toBe(true);
      expect(n8nAcceptsSignature(Buffer.from(r.body, 'utf8'), r.headers, 'wrong-secret')).toBe(
        false,
      );
      expectValidData(envelope.event, envelope.data);
    }
  }, 60_000);
});
