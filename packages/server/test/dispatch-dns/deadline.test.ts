import { afterEach, describe, expect, it } from 'vitest';
import { attemptNow } from '../../src/dispatch/attempt-now.js';
import { recordEvent } from '../../src/outbox/outbox.js';
import { createProgram } from '../../src/programs/index.js';
import { getEventType } from '../../src/webhooks/catalog.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import { createHarness } from '../dispatch/harness.js';
import type { Harness } from '../dispatch/harness.js';
import { eventually, startReceiver } from '../dispatch/receiver.js';
import type { Receiver } from '../dispatch/receiver.js';
import { engines } from '../helpers/store.js';
import { startDnsServer } from './dns-server.js';
import type { DnsServer } from './dns-server.js';

const WEBHOOKS_ON_DEAD_NAMES = 60;

describe.each(engines)('the delivery deadline covers DNS (%s)', (engine) => {
  let h: Harness;
  let dns: DnsServer;
  let receiver: Receiver;
  afterEach(async () => {
    await h?.close();
    await receiver?.close();
    await dns?.close();
  });

  it("names that never resolve fail as DNS errors within the deadline and do not hold up another program's sends", async () => {
    const silent: Record<string, 'silent'> = {};
    for (let i = 0; i < WEBHOOKS_ON_DEAD_NAMES; i++) silent[`dead-${i}.example.test`] = 'silent';
    dns = await startDnsServer({
      ...silent,
      'healthy.example.test': { a: ['127.0.0.1'], ttl: 60 },
    });
    receiver = await startReceiver();
    h = await createHarness(engine, {
      HOOKLINE_DNS_SERVERS: dns.address,
      HOOKLINE_DELIVERY_TIMEOUT: '1s',
      HOOKLINE_RETRY_SCHEDULE: '0s',
    });
    // Program A (the harness's): 60 webhooks on names whose DNS server never answers.
    for (let i = 0; i < WEBHOOKS_ON_DEAD_NAMES; i++) {
      await h.webhook(`http://dead-${i}.example.test:${receiver.port}/hook`, {
        events: ['partner.created'],
      });
    }
    // Program B: one webhook on a name that resolves (through the same resolver).
    const b = await createProgram(h.store.db, { name: 'Program B' });
    const bWebhook = await insertWebhook(h.store.db, {
      programId: b.id,
      name: 'b',
      url: `http://healthy.example.test:${receiver.port}/hook`,
      events: ['partner.created'],
      isActive: true,
      now: Date.now(),
    });
    const aDeliveries = await h.publish(1);
    expect(aDeliveries).toHaveLength(WEBHOOKS_ON_DEAD_NAMES);
    h.dispatcher().start();
    // While A's lookups hang, B publishes and test-sends.
    const sample = getEventType('partner.created')?.sample ?? {};
    const bEvent = await h.store.db
      .transaction()
      .execute((trx) =>
        recordEvent(trx, { programId: b.id, type: 'partner.created', data: sample, source: 'api' }),
      );
    // B's test send: its own test delivery, attempted in the caller's request.
    const testEvent = await h.store.db.transaction().execute((trx) =>
      recordEvent(trx, {
        programId: b.id,
        type: 'partner.created',
        data: sample,
        source: 'test',
        onlyWebhookId: bWebhook.id,
      }),
    );
    const sent = await attemptNow({
      store: h.store,
      sender: h.services.sender,
      events: h.services.events,
      programId: b.id,
      deliveryId: testEvent.deliveryIds[0]!,
      trigger: 'test',
      leaseMs: 30_000,
      clock: Date.now,
    });
    expect(sent.refused).toBeUndefined();
    if (sent.refused === undefined) expect(sent.attempt.succeeded).toBe(1);

    await eventually(async () => {
      const rows = await h.store.db
        .selectFrom('deliveries')
        .select('status')
        .where('id', 'in', aDeliveries)
        .where('status', '=', 'failed')
        .execute();
      return rows.length === WEBHOOKS_ON_DEAD_NAMES;
    }, 30_000);
    const attempts = await h.store.db
      .selectFrom('attempts')
      .select(['error_class', 'error_message', 'duration_ms'])
      .where('delivery_id', 'in', aDeliveries)
      .execute();
    expect(attempts).toHaveLength(WEBHOOKS_ON_DEAD_NAMES);
    for (const a of attempts) {
      expect(a.error_class).toBe('dns');
      expect(a.error_message).toMatch(/DNS lookup of dead-\d+\.example\.test/);
      // The deadline (1 s) bounds the attempt, lookup included (50 ms deadline tick, and a
      // generous margin for a loaded machine: before, such attempts lasted up to 55 s).
      expect(a.duration_ms).toBeLessThan(3_000);
    }
    // B's scheduled delivery went through as well, through the same resolver.
    await eventually(async () => (await h.delivery(bEvent.deliveryIds[0]!)).status === 'succeeded');
    expect(
      receiver.received.filter((r) => r.headers.host?.startsWith('healthy.example.test')),
    ).toHaveLength(2);
  }, 60_000);
});
