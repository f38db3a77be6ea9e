import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelForWebhook } from '../../src/deliveries/index.js';
import { deletePartner } from '../../src/domain/partners.js';
import { systemClock } from '../../src/util/time.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { signInPartner } from '../helpers/portal.js';
import { engines } from '../helpers/store.js';
import { call } from '../domain/helpers.js';
import { startReceiver } from '../dispatch/receiver.js';
import type { Receiver } from '../dispatch/receiver.js';

// What a partner's lifecycle does to its postbacks, on both engines, through the real API.
// Deleting the partner deletes its postbacks and cancels their pending deliveries in the
// deletion's transaction; archiving and rejecting keep them, and they keep receiving the events
// about the partner's referrals (docs/partner-portal.md, "A partner's lifecycle").
// No dispatcher runs and the first attempt is due in an hour, so a delivery stays pending until
// something cancels it.

const SALE_EVENTS = ['transaction.created', 'reward.created', 'reward.approved'];

describe.each(engines)("a partner's lifecycle and its postbacks on %s", (engine) => {
  let ctx: TestContext;
  let receiver: Receiver;

  const deliveriesOf = (webhookId: string) =>
    ctx.store.db
      .selectFrom('deliveries')
      .select(['id', 'event_type', 'status', 'cancel_reason', 'next_attempt_at', 'completed_at'])
      .where('webhook_id', '=', webhookId)
      .orderBy('id')
      .execute();
  const postbackRows = (partnerId: string) =>
    ctx.store.db
      .selectFrom('webhooks')
      .select('id')
      .where('program_id', '=', ctx.programId)
      .where('partner_id', '=', partnerId)
      .where('kind', '=', 'postback')
      .execute();
  /** A partner, one referred customer of it, and a postback of it following `events`. */
  const partnerWithPostback = async (id: string, url: string, events = SALE_EVENTS) => {
    await call(ctx, 'POST', '/v1/partners', { id, key: `${id}key`, email: `${id}@p.test` }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: `${id}-buyer`, partner: { id } }, 201);
    return (
      await call(
        ctx,
        'POST',
        `/v1/partners/${id}/postbacks`,
        { format: 'webhook', url, events },
        201,
      )
    ).data as { id: string };
  };
  const sale = (id: string, key: string) =>
    call(
      ctx,
      'POST',
      '/v1/transactions',
      { key, amount: 100, customer: { key: `${id}-buyer` } },
      201,
    );

  beforeAll(async () => {
    ctx = await createTestContext(engine, { env: { HOOKLINE_RETRY_SCHEDULE: '1h' } });
    receiver = await startReceiver();
    await call(
      ctx,
      'PUT',
      '/v1/program',
      { review_period_days: 30, postback_allow_http: true },
      200,
    );
  });

  afterAll(async () => {
    await receiver?.close();
    await ctx?.close();
  });

  it('deleting a partner deletes its postbacks and cancels their pending deliveries', async () => {
    const annHook = await partnerWithPostback('ann', receiver.url);
    const annUrl = (
      await call(
        ctx,
        'POST',
        '/v1/partners/ann/postbacks',
        {
          format: 'url',
          url: 'https://track.example/cb?t={transaction_key}',
          events: ['transaction.created'],
        },
        201,
      )
    ).data as { id: string };
    const bobHook = await partnerWithPostback('bob', 'https://bob.example/hook');

    // One delivery of Ann's that is already final (a test send, answered 200): it stays as it is.
    const test = await call(ctx, 'POST', `/v1/partners/ann/postbacks/${annHook.id}/test`, {}, 200);
    expect(test.data.attempt.succeeded).toBe(true);
    const ann = await sale('ann', 'ann-order-1');
    await sale('bob', 'bob-order-1');

    const before = await deliveriesOf(annHook.id);
    expect(before.map((d) => d.status).sort()).toEqual(['pending', 'pending', 'succeeded']);
    for (const d of before.filter((d) => d.status === 'pending')) {
      expect(Number(d.next_attempt_at)).toBeGreaterThan(Date.now());
    }
    expect((await deliveriesOf(annUrl.id)).map((d) => d.status)).toEqual(['pending']);

    const wakeups = ctx.wakeups.count;
    await call(ctx, 'DELETE', '/v1/partners/ann', undefined, 200);
    // partner.deleted was recorded in the same commit (it woke the dispatcher once).
    expect(ctx.wakeups.count).toBe(wakeups + 1);

    // Gone from the database and from every API that listed them.
    expect(await postbackRows('ann')).toEqual([]);
    const all = (await call(ctx, 'GET', '/v1/postbacks', undefined, 200)).data as {
      id: string;
    }[];
    expect(all.map((p) => p.id)).toEqual([bobHook.id]);
    expect((await ctx.request('GET', '/v1/partners/ann/postbacks')).statusCode).toBe(404);

    // Their pending deliveries are cancelled, saying why; the test send is left as it was.
    const after = [...(await deliveriesOf(annHook.id)), ...(await deliveriesOf(annUrl.id))];
    const succeeded = after.filter((d) => d.status === 'succeeded');
    expect(succeeded).toHaveLength(1);
    const cancelled = after.filter((d) => d.status !== 'succeeded');
    expect(cancelled).toHaveLength(3);
    for (const d of cancelled) {
      expect(d).toMatchObject({
        status: 'cancelled',
        cancel_reason: 'partner deleted',
        next_attempt_at: null,
      });
      expect(d.completed_at).not.toBeNull();
    }

    // Another partner's postback and its pending delivery are untouched.
    expect((await postbackRows('bob')).map((r) => r.id)).toEqual([bobHook.id]);
    expect((await deliveriesOf(bobHook.id)).map((d) => d.status)).toEqual(['pending', 'pending']);

    // Events about the deleted partner still happen (its reward approved later); they reach no
    // postback now.
    const rewardId = ann.data.rewards[0].id as string;
    await call(ctx, 'POST', `/v1/rewards/${rewardId}/approve`, undefined, 200);
    const lateDeliveries = await ctx.store.db
      .selectFrom('deliveries')
      .select('id')
      .where('program_id', '=', ctx.programId)
      .where('event_type', '=', 'reward.approved')
      .execute();
    expect(lateDeliveries).toEqual([]);

    // A new partner with the same email and key inherits nothing.
    const again = await call(
      ctx,
      'POST',
      '/v1/partners',
      { email: 'ann@p.test', key: 'annkey' },
      201,
    );
    expect(again.data.id).not.toBe('ann');
    const mine = await call(ctx, 'GET', `/v1/partners/${again.data.id}/postbacks`, undefined, 200);
    expect(mine.data).toEqual([]);
    expect((await call(ctx, 'GET', '/v1/partners/annkey/postbacks', undefined, 200)).data).toEqual(
      [],
    );
    const cookie = await signInPartner(ctx, again.data.id);
    const portal = await ctx.app.inject({
      method: 'GET',
      url: '/portal/api/postbacks',
      headers: { cookie },
    });
    expect(portal.statusCode).toBe(200);
    expect(portal.json().data).toEqual([]);
  });

  it('deleting by query (DELETE /v1/partners?key=) deletes the postbacks too', async () => {
    const hook = await partnerWithPostback('cy', 'https://cy.example/hook');
    await sale('cy', 'cy-order-1');
    await call(ctx, 'DELETE', '/v1/partners?key=cykey', undefined, 200);
    expect(await postbackRows('cy')).toEqual([]);
    const cancelled = { status: 'cancelled', cancel_reason: 'partner deleted' };
    expect(await deliveriesOf(hook.id)).toMatchObject([cancelled, cancelled]);
  });

  it("cancels and deletes in the deletion's transaction: a failure leaves everything as it was", async () => {
    const hook = await partnerWithPostback('dee', 'https://dee.example/hook');
    await sale('dee', 'dee-order-1');
    const deps = {
      store: ctx.store,
      config: ctx.config,
      wakeup: { wake() {} },
      clock: systemClock,
    };
    // The cancel runs (its writes are in the transaction), then the deletion fails.
    const failing = async (...args: Parameters<typeof cancelForWebhook>) => {
      await cancelForWebhook(...args);
      throw new Error('planted failure');
    };
    await expect(deletePartner(deps, ctx.programId, 'dee', failing)).rejects.toThrow(
      'planted failure',
    );
    expect((await call(ctx, 'GET', '/v1/partners/dee', undefined, 200)).data.deleted_at).toBeNull();
    expect((await postbackRows('dee')).map((r) => r.id)).toEqual([hook.id]);
    expect((await deliveriesOf(hook.id)).map((d) => d.status)).toEqual(['pending', 'pending']);
  });

  it('archiving or rejecting keeps the postbacks, which still receive referrals’ events', async () => {
    const arc = await partnerWithPostback('arc', 'https://arc.example/hook');
    const old = await sale('arc', 'arc-order-1');
    await call(ctx, 'POST', '/v1/partners/arc/archive', undefined, 200);

    await call(ctx, 'PUT', '/v1/program', { require_partner_approval: true }, 200);
    const rej = await partnerWithPostback('rej', 'https://rej.example/hook');
    await call(ctx, 'PUT', '/v1/program', { require_partner_approval: false }, 200);
    await call(ctx, 'POST', '/v1/partners/rej/reject', undefined, 200);

    for (const [id, postback] of [
      ['arc', arc],
      ['rej', rej],
    ] as const) {
      const before = await deliveriesOf(postback.id);
      // The partner's referrals still buy: the sale is recorded (without a commission) and its
      // event reaches the partner's postback, which is kept, active, with nothing cancelled.
      const later = await sale(id, `${id}-order-2`);
      expect(later.data.rewards).toEqual([]);
      const listed = await call(ctx, 'GET', `/v1/partners/${id}/postbacks`, undefined, 200);
      expect(listed.data).toMatchObject([{ id: postback.id, is_active: true }]);
      const after = await deliveriesOf(postback.id);
      expect(after.slice(before.length)).toMatchObject([
        { event_type: 'transaction.created', status: 'pending' },
      ]);
      expect(after.filter((d) => d.status === 'cancelled')).toEqual([]);
    }
    // An archived partner's reward from before, approved now, reaches its postback too.
    await call(ctx, 'POST', `/v1/rewards/${old.data.rewards[0].id}/approve`, undefined, 200);
    expect((await deliveriesOf(arc.id)).map((d) => d.event_type)).toContain('reward.approved');
  });
});
