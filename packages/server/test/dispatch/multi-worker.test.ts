import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryServices } from '../../src/dispatch/delivery-services.js';
import type { DeliveryServices } from '../../src/dispatch/delivery-services.js';
import { createDispatcher } from '../../src/dispatch/dispatcher.js';
import type { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { createWakeupHub, wakeupChannel } from '../../src/dispatch/wakeup.js';
import { openStore } from '../../src/storage/index.js';
import type { Store } from '../../src/storage/index.js';
import { engines } from '../helpers/store.js';
import { insertBacklog } from './bulk.js';
import { createHarness } from './harness.js';
import type { Harness } from './harness.js';
import { eventually, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

describe.skipIf(!engines.includes('postgres'))('several workers on one PostgreSQL schema', () => {
  let h: Harness;
  let receiver: Receiver;
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await receiver?.close();
    await h?.close();
  });

  /** A second "process": its own pool on the same schema, its own sender and dispatcher. */
  const worker = async (
    schema: string,
  ): Promise<{ store: Store; services: DeliveryServices; dispatcher: Dispatcher }> => {
    const store = await openStore(h.store.target, { schema, poolSize: 4 });
    const services = createDeliveryServices({ config: h.config });
    const dispatcher = createDispatcher({
      store,
      config: h.config,
      sender: services.sender,
      events: services.events,
      claimBatch: 20,
    });
    cleanups.push(async () => {
      await dispatcher.stop();
      await services.close();
      await store.close();
    });
    return { store, services, dispatcher };
  };
  /** Two workers on one schema, not started, with the deliveries each one claimed. */
  const twoWorkers = async (schema: string) => {
    const a = await worker(schema);
    const b = await worker(schema);
    const claimed = { a: 0, b: 0 };
    a.services.events.on('dispatcher:claimed', (e) => (claimed.a += e.count));
    b.services.events.on('dispatcher:claimed', (e) => (claimed.b += e.count));
    return { a, b, claimed };
  };

  it('two dispatchers share the backlog with no delivery sent twice', async () => {
    h = await createHarness('postgres', {
      HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK: '32',
      HOOKLINE_DELIVERY_TIMEOUT: '5s',
    });
    const perId = new Map<string, number>();
    receiver = await startReceiver((r) => {
      const id = String(r.headers['webhook-id']);
      perId.set(id, (perId.get(id) ?? 0) + 1);
      // A little latency so both workers hold leases at the same time.
      return { delayMs: 2 };
    });
    const webhook = await h.webhook(receiver.url);
    const ids = await insertBacklog(h.store.db, webhook, 1_000);
    const { a, b, claimed } = await twoWorkers(h.store.postgres!.schema);
    a.dispatcher.start();
    b.dispatcher.start();
    await eventually(async () => (await h.succeededCount()) === ids.length, 45_000);
    expect(perId.size).toBe(ids.length);
    // No delivery was claimed twice: every attempt has its own number within its delivery (two
    // workers holding one delivery would both have sent attempt 1), and every request the
    // receiver saw is a logged attempt (a retry after a timeout under load is legitimate).
    const attempts = await h.store.db
      .selectFrom('attempts')
      .select(['delivery_id', 'number'])
      .execute();
    const keys = new Set(attempts.map((a) => `${a.delivery_id}#${a.number}`));
    expect(keys.size).toBe(attempts.length);
    const sent = [...perId.values()].reduce((a, b) => a + b, 0);
    expect(sent).toBe(attempts.length);
    expect(claimed.a + claimed.b).toBe(attempts.length);
    expect(claimed.a).toBeGreaterThan(0);
    expect(claimed.b).toBeGreaterThan(0);
  }, 60_000);

  // A worker whose claim finds a webhook's cap held by another worker takes nothing, and the
  // other worker's finished attempts wake only that worker. Without a look of its own soon
  // after, the idle worker waited for its poll: here, once the holder stops, the rest of the
  // backlog waited a minute (the first test's second worker sent nothing about one run in
  // seven for the same reason).
  it("an idle worker kept off a webhook by another worker's cap claims again without its poll", async () => {
    h = await createHarness('postgres', {
      HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK: '4',
      HOOKLINE_POLL_INTERVAL: '60s',
    });
    receiver = await startReceiver(() => ({ delayMs: 300 }));
    const webhook = await h.webhook(receiver.url);
    const ids = await insertBacklog(h.store.db, webhook, 20);
    const { a, b, claimed } = await twoWorkers(h.store.postgres!.schema);
    a.dispatcher.start();
    await eventually(() => claimed.a >= 4);
    // b's first claim finds the webhook's whole cap held by a, and takes nothing.
    b.dispatcher.start();
    // a stops claiming and finishes its four attempts; nothing tells b.
    await a.dispatcher.stop();
    expect(claimed.a).toBe(4);
    await eventually(async () => (await h.succeededCount()) === ids.length, 10_000);
    expect(claimed.b).toBe(ids.length - 4);
  }, 30_000);

  it('LISTEN/NOTIFY wakes a worker in another process, on a channel named after the schema', async () => {
    // A minute's poll and deadline: within the 5 s below only a notification makes the worker
    // claim again.
    h = await createHarness('postgres', {
      HOOKLINE_POLL_INTERVAL: '60s',
      HOOKLINE_DELIVERY_TIMEOUT: '60s',
      HOOKLINE_LEASE: '120s',
      HOOKLINE_SHUTDOWN_TIMEOUT: '100ms',
    });
    receiver = await startReceiver((r) =>
      r.path.endsWith('?held') ? { delayMs: 600_000 } : undefined,
    );
    await h.webhook(`${receiver.url}?held`, { events: ['partner.created'] });
    await h.webhook(receiver.url, { events: ['partner.updated'] });
    const schema = h.store.postgres!.schema;
    expect(wakeupChannel(schema)).toContain(schema);
    const w = await worker(schema);
    const listening = createWakeupHub(w.store);
    listening.subscribe(() => w.dispatcher.wake());
    await listening.listen();
    cleanups.push(() => listening.close());
    // The worker's first claims are over once the held delivery reached the receiver; it then
    // waits (its one attempt is held, nothing else is due).
    await h.publish(1, 'partner.created');
    w.dispatcher.start();
    await eventually(() => receiver.received.length === 1);
    // The "API process": its own hub on its own pool.
    const api = createWakeupHub(h.store);
    cleanups.push(() => api.close());
    const [id] = await h.publish(1, 'partner.updated');
    api.wake();
    await eventually(async () => (await h.delivery(id!)).status === 'succeeded', 5_000);
  });
});
