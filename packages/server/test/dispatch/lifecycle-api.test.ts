import { afterEach, describe, expect, it } from 'vitest';
import { cancelForWebhook } from '../../src/deliveries/index.js';
import { getEventType } from '../../src/webhooks/catalog.js';
import { disableWebhook, findWebhook, saveFailureRecord } from '../../src/webhooks/index.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

describe.each(engines)('webhook lifecycle API (%s)', (engine) => {
  let t: TestContext;
  afterEach(async () => {
    await t?.close();
  });

  it('marks a webhook operational, shows why one was disabled, re-enables it and retries what failed', async () => {
    t = await createTestContext(engine);
    const hook = await t.createWebhook('https://hooks.example.test/in', {
      events: ['partner.created'],
    });
    const ops = await t.createWebhook('https://ops.example.test/in', {
      events: ['customer.created'],
    });
    const marked = await t.request('PUT', `/v1/webhooks/${ops.key}/operational`, {
      operational: true,
    });
    expect(marked.statusCode).toBe(200);
    expect(marked.json().data).toMatchObject({ key: ops.key, operational: true });
    expect(
      (await t.request('PUT', `/v1/webhooks/${ops.key}/operational`, { operational: 'yes' }))
        .statusCode,
    ).toBe(422);
    expect(
      (await t.request('PUT', '/v1/webhooks/nope/operational', { operational: true })).statusCode,
    ).toBe(404);

    for (let i = 0; i < 3; i++) {
      const res = await t.request('POST', '/v1/events', {
        event: 'partner.created',
        data: { ...getEventType('partner.created')!.sample, id: `partner_${i}` },
      });
      expect(res.statusCode).toBeLessThan(300);
    }
    // Hookline disables it (as the dispatcher does on 410 or after failing too long).
    const row = (await findWebhook(t.store.db, t.programId, hook.key))!;
    const now = Date.now();
    await saveFailureRecord(t.store.db, row.id, 'failed', now);
    const disable = (reason: string) =>
      disableWebhook(t.store.db, row.id, reason, now, cancelForWebhook);
    expect(await disable('The endpoint answered 410 Gone.')).toBe(true);
    // Only the call that turned it off cancelled; a second one finds it off and does nothing.
    expect(await disable('again')).toBe(false);
    const cancelled = await t.store.db
      .selectFrom('deliveries')
      .select(['status', 'cancel_reason'])
      .where('webhook_id', '=', row.id)
      .execute();
    expect(cancelled).toEqual(
      Array.from({ length: 3 }, () => ({ status: 'cancelled', cancel_reason: 'webhook disabled' })),
    );

    const shown = (await t.request('GET', `/v1/webhooks/${hook.key}`)).json().data;
    expect(shown).toMatchObject({
      is_active: false,
      operational: false,
      disabled_reason: 'The endpoint answered 410 Gone.',
    });
    expect(shown.disabled_at).toEqual(expect.any(String));
    expect(shown.failing_since).toEqual(expect.any(String));

    const enabled = await t.request('POST', `/v1/webhooks/${hook.key}/enable`, {
      retry_failed: true,
    });
    expect(enabled.statusCode).toBe(200);
    expect(enabled.json().data).toMatchObject({
      queued: 3,
      webhook: {
        is_active: true,
        disabled_reason: null,
        disabled_at: null,
        consecutive_failures: 0,
      },
    });
    const pending = await t.store.db
      .selectFrom('deliveries')
      .select('status')
      .where('webhook_id', '=', row.id)
      .execute();
    expect(pending.map((d) => d.status)).toEqual(['pending', 'pending', 'pending']);
    // Without retry_failed nothing is queued; an empty body is accepted.
    const again = await t.request('POST', `/v1/webhooks/${hook.key}/enable`);
    expect(again.statusCode).toBe(200);
    expect(again.json().data.queued).toBe(0);
  });
});
