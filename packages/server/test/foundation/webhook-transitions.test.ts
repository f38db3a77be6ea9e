import { afterEach, describe, expect, it } from 'vitest';
import { cancelForWebhook } from '../../src/deliveries/index.js';
import { getEventType } from '../../src/webhooks/catalog.js';
import {
  deactivateAndCancel,
  disableWebhook,
  findWebhook,
  stopListenersOfApiKey,
} from '../../src/webhooks/index.js';
import type { CancelPendingDeliveries } from '../../src/webhooks/index.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

// "Deactivate, then cancel the deliveries" is one transition in one transaction
// (webhooks/deactivate.ts), used by the webhook PUT, the dispatcher's auto-disable, listener
// stop and API-key revocation.
describe.each(engines)('webhook transitions on %s', (engine) => {
  let t: TestContext;
  afterEach(async () => t?.close());

  /** A webhook with `n` pending deliveries. */
  async function webhookWithPending(n: number) {
    const hook = await t.createWebhook('https://hooks.example.test/in', {
      events: ['partner.created'],
    });
    for (let i = 0; i < n; i++) {
      const res = await t.request('POST', '/v1/events', {
        event: 'partner.created',
        data: { ...getEventType('partner.created')!.sample, id: `partner_${i}` },
      });
      expect(res.statusCode).toBeLessThan(300);
    }
    return (await findWebhook(t.store.db, t.programId, hook.key))!;
  }

  const statuses = async (webhookId: string) =>
    (
      await t.store.db
        .selectFrom('deliveries')
        .select('status')
        .where('webhook_id', '=', webhookId)
        .execute()
    ).map((d) => d.status);

  it('leaves the webhook active and its deliveries pending when cancelling fails', async () => {
    t = await createTestContext(engine);
    const row = await webhookWithPending(2);
    const failing: CancelPendingDeliveries = async (db, id, reason, now) => {
      await cancelForWebhook(db, id, reason, now);
      throw new Error('planted failure after the cancel');
    };
    await expect(
      disableWebhook(t.store.db, row.id, 'The endpoint answered 410 Gone.', Date.now(), failing),
    ).rejects.toThrow('planted failure');
    // Rolled back as one: neither the deactivation nor the cancel happened.
    const after = (await findWebhook(t.store.db, t.programId, row.key))!;
    expect(after).toMatchObject({ is_active: 1, disabled_reason: null });
    expect(await statuses(row.id)).toEqual(['pending', 'pending']);

    expect(
      await disableWebhook(
        t.store.db,
        row.id,
        'The endpoint answered 410 Gone.',
        Date.now(),
        cancelForWebhook,
      ),
    ).toBe(true);
    expect(await statuses(row.id)).toEqual(['cancelled', 'cancelled']);
  });

  it("runs inside a caller's transaction and rolls back with it", async () => {
    t = await createTestContext(engine);
    const row = await webhookWithPending(1);
    await expect(
      t.store.db.transaction().execute(async (trx) => {
        const how = { cancelReason: 'webhook deactivated', cancel: cancelForWebhook };
        expect(await deactivateAndCancel(trx, row.id, how, Date.now())).toBe(true);
        throw new Error('caller rolls back');
      }),
    ).rejects.toThrow('caller rolls back');
    expect((await findWebhook(t.store.db, t.programId, row.key))!.is_active).toBe(1);
    expect(await statuses(row.id)).toEqual(['pending']);
  });

  it('a user turning a webhook off through PUT cancels its queue in the same change', async () => {
    t = await createTestContext(engine);
    const row = await webhookWithPending(2);
    const off = await t.request('PUT', `/v1/webhooks/${row.key}`, { is_active: false });
    expect(off.statusCode).toBe(200);
    expect(off.json().data).toMatchObject({ is_active: false, disabled_reason: null });
    const reasons = await t.store.db
      .selectFrom('deliveries')
      .select(['status', 'cancel_reason'])
      .where('webhook_id', '=', row.id)
      .execute();
    expect(reasons).toEqual([
      { status: 'cancelled', cancel_reason: 'webhook deactivated' },
      { status: 'cancelled', cancel_reason: 'webhook deactivated' },
    ]);
    // Turning it off again is no error (the transition finds it off).
    const again = await t.request('PUT', `/v1/webhooks/${row.key}`, { is_active: false });
    expect(again.statusCode).toBe(200);
  });

  it('stops only the active listeners of the revoked key', async () => {
    t = await createTestContext(engine);
    const mine = await t.request('POST', '/v1/listeners', { device: 'laptop' });
    expect(mine.statusCode).toBe(201);
    const keyId = (
      await t.store.db
        .selectFrom('webhooks')
        .select('api_key_id')
        .where('id', '=', mine.json().data.id)
        .executeTakeFirstOrThrow()
    ).api_key_id as string;
    const endpoint = await webhookWithPending(1);
    const stopped = await stopListenersOfApiKey(
      t.store.db,
      t.programId,
      keyId,
      'API key revoked',
      Date.now(),
      cancelForWebhook,
    );
    expect(stopped).toBe(1);
    const listed = (await t.request('GET', '/v1/listeners')).json().data;
    expect(listed).toMatchObject([{ is_active: false, disabled_reason: 'API key revoked' }]);
    expect((await findWebhook(t.store.db, t.programId, endpoint.key))!.is_active).toBe(1);
    expect(await statuses(endpoint.id)).toEqual(['pending']);
  });
});
