import { afterEach, describe, expect, it } from 'vitest';
import { engines } from '../helpers/store.js';
import { createHarness } from './harness.js';
import type { Harness } from './harness.js';
import { eventually, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

describe.each(engines)('webhooks sharing one host and port (%s)', (engine) => {
  let h: Harness;
  let receiver: Receiver;
  afterEach(async () => {
    await receiver?.close();
    await h?.close();
  });

  it('a webhook that never answers holds only its own connections', async () => {
    h = await createHarness(engine, {
      HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK: '4',
      // Longer than the test: the slow webhook's attempts stay in flight throughout.
      HOOKLINE_DELIVERY_TIMEOUT: '60s',
      HOOKLINE_LEASE: '120s',
    });
    // One origin. `/hook?slow` holds every answer; `/hook?fast` answers at once.
    receiver = await startReceiver((r) =>
      r.path.endsWith('?slow') ? { delayMs: 600_000 } : undefined,
    );
    const slow = await h.webhook(`${receiver.url}?slow`, { events: ['partner.created'] });
    const fast = await h.webhook(`${receiver.url}?fast`, { events: ['partner.created'] });
    const other = await h.webhook(`${receiver.url}?other`, { events: ['partner.created'] });
    const ids = await h.publish(50);
    expect(ids).toHaveLength(150);
    h.dispatcher().start();

    const seen = (suffix: string) => receiver.received.filter((r) => r.path.endsWith(suffix));
    // With one pool per origin (as many connections as the per-webhook cap), the slow
    // webhook's 4 held requests took every connection and the healthy ones got none.
    await eventually(() => seen('?fast').length >= 50 && seen('?other').length >= 50, 20_000);
    // The outcome, not just the count: every delivery of both healthy webhooks succeeded (a
    // row count without its status held for any outcome).
    const tally = async () => {
      const rows = await h.store.db
        .selectFrom('deliveries')
        .select(['webhook_id', 'status'])
        .where('webhook_id', 'in', [fast.id, other.id])
        .execute();
      const byWebhook: Record<string, Record<string, number>> = { fast: {}, other: {} };
      for (const r of rows) {
        const counts = byWebhook[r.webhook_id === fast.id ? 'fast' : 'other'] as Record<
          string,
          number
        >;
        counts[r.status] = (counts[r.status] ?? 0) + 1;
      }
      return byWebhook;
    };
    await eventually(async () => {
      const t = await tally();
      return !t.fast?.pending && !t.other?.pending;
    });
    expect(await tally()).toEqual({ fast: { succeeded: 50 }, other: { succeeded: 50 } });
    // Meanwhile the slow webhook had exactly its cap in flight, none answered.
    const slowSeen = seen('?slow');
    expect(slowSeen).toHaveLength(4);
    const slowSucceeded = await h.store.db
      .selectFrom('deliveries')
      .select('id')
      .where('webhook_id', '=', slow.id)
      .where('status', '=', 'succeeded')
      .execute();
    expect(slowSucceeded).toHaveLength(0);
    // Keep-alive reuse stays: 50 sequential-ish requests to the healthy webhook did not need
    // 50 connections (at most its cap of 4).
    const fastSockets = new Set(seen('?fast').map((r) => r.remotePort));
    expect(fastSockets.size).toBeLessThanOrEqual(4);
  }, 40_000);
});
