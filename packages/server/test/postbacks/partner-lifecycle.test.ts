import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelForWebhook } from '../../src/deliveries/index.js';
import { deletePartner, transitionPartner } from '../../src/domain/partners.js';
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
// deletion's transaction; archiving and rejecting suspend the active ones (off, pending
// deliveries cancelled, with the reason), and restoring the partner to active or pending resumes
// only those (docs/partner-portal.md, "A partner's lifecycle").
// No dispatcher runs and the first attempt is due in an hour, so a delivery stays pending until
// something cancels it.

const SALE_EVENTS = ['transaction.created', 'reward.created', 'reward.approved'];

/** The deliveries module's cancel, then a failure: its writes must roll back with the rest. */
async function failingCancel(...args: Parameters<typeof cancelForWebhook>): Promise<number> {
  await cancelForWebhook(...args);
  throw new Error('planted failure');
}

describe.each(engines)("a partner's lifecycle and its postbacks on %s", (engine) => {
  let ctx: TestContext;
  let receiver: Receiver;

  /** The domain's dependencies, for calling its transitions directly. */
  const domainDeps = () => ({
    store: ctx.store,
    config: ctx.config,
    wakeup: { wake() {} },
    clock: systemClock,
  });

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
    // The cancel runs (its writes are in the transaction), then the deletion fails.
    await expect(deletePartner(domainDeps(), ctx.programId, 'dee', failingCancel)).rejects.toThrow(
      'planted failure',
    );
    expect((await call(ctx, 'GET', '/v1/partners/dee', undefined, 200)).data.deleted_at).toBeNull();
    expect((await postbackRows('dee')).map((r) => r.id)).toEqual([hook.id]);
    expect((await deliveriesOf(hook.id)).map((d) => d.status)).toEqual(['pending', 'pending']);
  });

  /** A postback as the owner's `GET /v1/postbacks` shows it. */
  const ownerView = async (postbackId: string) => {
    const all = (await call(ctx, 'GET', '/v1/postbacks', undefined, 200)).data as {
      id: string;
      is_active: boolean;
      disabled_reason: string | null;
      disabled_at: string | null;
      failing_since: string | null;
      consecutive_failures: number;
    }[];
    const found = all.find((p) => p.id === postbackId);
    if (!found) throw new Error(`postback ${postbackId} not listed`);
    return found;
  };
  const addPostback = async (id: string, url: string) =>
    (
      await call(
        ctx,
        'POST',
        `/v1/partners/${id}/postbacks`,
        { format: 'webhook', url, events: SALE_EVENTS },
        201,
      )
    ).data as { id: string };
  const setActive = (id: string, postbackId: string, isActive: boolean) =>
    call(ctx, 'PUT', `/v1/partners/${id}/postbacks/${postbackId}`, { is_active: isActive }, 200);
  /** A partner that needs approval (starts pending), with a customer and a postback. */
  const pendingPartnerWithPostback = async (id: string, url: string) => {
    await call(ctx, 'PUT', '/v1/program', { require_partner_approval: true }, 200);
    try {
      return await partnerWithPostback(id, url);
    } finally {
      await call(ctx, 'PUT', '/v1/program', { require_partner_approval: false }, 200);
    }
  };

  it('archiving suspends the active postbacks and cancels their deliveries; restoring resumes only those', async () => {
    const live = await partnerWithPostback('arc', receiver.url);
    const byOwner = await addPostback('arc', 'https://arc.example/owner-off');
    const byFailures = await addPostback('arc', 'https://arc.example/failing');
    const other = await partnerWithPostback('oth', 'https://oth.example/hook');
    await setActive('arc', byOwner.id, false);
    // Hookline disabled this one after failures (as the dispatcher's endpoint lifecycle does).
    const failedAt = Date.now() - 60_000;
    await ctx.store.db
      .updateTable('webhooks')
      .set({ is_active: 0, disabled_reason: 'failing for 3 days', disabled_at: failedAt })
      .where('id', '=', byFailures.id)
      .execute();
    // The live one is failing, so the resume has a failure record to clear.
    await ctx.store.db
      .updateTable('webhooks')
      .set({ failing_since: failedAt, consecutive_failures: 4 })
      .where('id', '=', live.id)
      .execute();
    const old = await sale('arc', 'arc-order-1');
    await sale('oth', 'oth-order-1');
    expect((await deliveriesOf(live.id)).map((d) => d.status)).toEqual(['pending', 'pending']);

    await call(ctx, 'POST', '/v1/partners/arc/archive', undefined, 200);

    expect(await ownerView(live.id)).toMatchObject({
      is_active: false,
      disabled_reason: 'partner archived',
    });
    expect((await ownerView(live.id)).disabled_at).not.toBeNull();
    const perPartner = await call(ctx, 'GET', '/v1/partners/arc/postbacks', undefined, 200);
    expect(perPartner.data).toMatchObject([
      { id: live.id, is_active: false, disabled_reason: 'partner archived' },
      { id: byOwner.id, is_active: false, disabled_reason: null },
      { id: byFailures.id, is_active: false, disabled_reason: 'failing for 3 days' },
    ]);
    for (const d of await deliveriesOf(live.id)) {
      expect(d).toMatchObject({
        status: 'cancelled',
        cancel_reason: 'partner archived',
        next_attempt_at: null,
      });
    }
    // Another partner is untouched.
    expect(await ownerView(other.id)).toMatchObject({ is_active: true, disabled_reason: null });
    expect((await deliveriesOf(other.id)).map((d) => d.status)).toEqual(['pending', 'pending']);

    // Events about the archived partner's referrals still happen, and reach none of its postbacks.
    const counts = async () =>
      (await Promise.all([live, byOwner, byFailures].map(async (p) => deliveriesOf(p.id)))).map(
        (d) => d.length,
      );
    const before = await counts();
    await call(ctx, 'POST', `/v1/rewards/${old.data.rewards[0].id}/approve`, undefined, 200);
    const later = await sale('arc', 'arc-order-2');
    expect(later.data.rewards).toEqual([]);
    expect(await counts()).toEqual(before);

    await call(ctx, 'POST', '/v1/partners/arc/revoke-archive', undefined, 200);
    expect((await call(ctx, 'GET', '/v1/partners/arc', undefined, 200)).data.status).toBe('active');
    // Only the suspended one is on again, with its failure record cleared; the owner's and
    // the failures' decisions stand.
    expect(await ownerView(live.id)).toMatchObject({
      is_active: true,
      disabled_reason: null,
      disabled_at: null,
      failing_since: null,
      consecutive_failures: 0,
    });
    expect(await ownerView(byOwner.id)).toMatchObject({ is_active: false, disabled_reason: null });
    expect(await ownerView(byFailures.id)).toMatchObject({
      is_active: false,
      disabled_reason: 'failing for 3 days',
    });
    await sale('arc', 'arc-order-3');
    const after = await deliveriesOf(live.id);
    const resumed = after.slice(before[0]);
    expect(resumed.map((d) => d.event_type).sort()).toEqual([
      'reward.created',
      'transaction.created',
    ]);
    expect(resumed.every((d) => d.status === 'pending')).toBe(true);
    expect((await counts()).slice(1)).toEqual(before.slice(1));
  });

  it('rejecting a pending partner suspends its postbacks; restored to rejected, they stay suspended', async () => {
    const hook = await pendingPartnerWithPostback('rej', 'https://rej.example/hook');
    await sale('rej', 'rej-order-1');
    const pending = await deliveriesOf(hook.id);
    expect(pending.length).toBeGreaterThan(0);
    expect(pending.every((d) => d.status === 'pending')).toBe(true);

    await call(ctx, 'POST', '/v1/partners/rej/reject', undefined, 200);
    expect(await ownerView(hook.id)).toMatchObject({
      is_active: false,
      disabled_reason: 'partner rejected',
    });
    expect(await deliveriesOf(hook.id)).toMatchObject(
      pending.map(() => ({ status: 'cancelled', cancel_reason: 'partner rejected' })),
    );

    // Archived from rejected: already suspended, it keeps the rejection as its reason.
    await call(ctx, 'POST', '/v1/partners/rej/archive', undefined, 200);
    expect(await ownerView(hook.id)).toMatchObject({
      is_active: false,
      disabled_reason: 'partner rejected',
    });
    await call(ctx, 'POST', '/v1/partners/rej/revoke-archive', undefined, 200);
    expect((await call(ctx, 'GET', '/v1/partners/rej', undefined, 200)).data.status).toBe(
      'rejected',
    );
    expect(await ownerView(hook.id)).toMatchObject({
      is_active: false,
      disabled_reason: 'partner rejected',
    });
    const count = (await deliveriesOf(hook.id)).length;
    await sale('rej', 'rej-order-2');
    expect(await deliveriesOf(hook.id)).toHaveLength(count);
  });

  it('archiving a pending partner suspends its postbacks; restored to pending, they resume', async () => {
    const hook = await pendingPartnerWithPostback('pen', 'https://pen.example/hook');
    await call(ctx, 'POST', '/v1/partners/pen/archive', undefined, 200);
    expect(await ownerView(hook.id)).toMatchObject({
      is_active: false,
      disabled_reason: 'partner archived',
    });
    await call(ctx, 'POST', '/v1/partners/pen/revoke-archive', undefined, 200);
    expect((await call(ctx, 'GET', '/v1/partners/pen', undefined, 200)).data.status).toBe(
      'pending',
    );
    expect(await ownerView(hook.id)).toMatchObject({ is_active: true, disabled_reason: null });
    // Approving a pending partner leaves its postbacks as they are (they were never suspended).
    await call(ctx, 'POST', '/v1/partners/pen/approve', undefined, 200);
    expect(await ownerView(hook.id)).toMatchObject({ is_active: true, disabled_reason: null });
  });

  it("the owner's enable overrides a suspension, and the owner's disable outlasts the restore", async () => {
    const kept = await partnerWithPostback('ovr', 'https://ovr.example/kept');
    const off = await addPostback('ovr', 'https://ovr.example/off');
    await call(ctx, 'POST', '/v1/partners/ovr/archive', undefined, 200);

    // Enabled while the partner is archived: it receives the partner's events again.
    const enabled = await setActive('ovr', kept.id, true);
    expect(enabled.data).toMatchObject({ is_active: true, disabled_reason: null });
    await sale('ovr', 'ovr-order-1');
    expect((await deliveriesOf(kept.id)).map((d) => d.event_type)).toEqual(['transaction.created']);

    // Disabled by the owner while suspended: the restore leaves it off.
    const disabled = await setActive('ovr', off.id, false);
    expect(disabled.data).toMatchObject({ is_active: false, disabled_reason: null });
    await call(ctx, 'POST', '/v1/partners/ovr/revoke-archive', undefined, 200);
    expect(await ownerView(off.id)).toMatchObject({ is_active: false, disabled_reason: null });
    expect(await ownerView(kept.id)).toMatchObject({ is_active: true, disabled_reason: null });
  });

  it("suspends in the archive's transaction: a failure leaves everything as it was", async () => {
    const hook = await partnerWithPostback('arf', 'https://arf.example/hook');
    await sale('arf', 'arf-order-1');
    await expect(
      transitionPartner(domainDeps(), ctx.programId, 'arf', 'archive', failingCancel),
    ).rejects.toThrow('planted failure');
    expect((await call(ctx, 'GET', '/v1/partners/arf', undefined, 200)).data.status).toBe('active');
    expect(await ownerView(hook.id)).toMatchObject({ is_active: true, disabled_reason: null });
    expect((await deliveriesOf(hook.id)).map((d) => d.status)).toEqual(['pending', 'pending']);
  });
});
