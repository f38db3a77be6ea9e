import { Webhook } from 'standardwebhooks';
import { afterEach, describe, expect, it } from 'vitest';
import { createApp } from '../../src/api/app.js';
import { createDeliveryServices } from '../../src/dispatch/delivery-services.js';
import { createWakeupHub } from '../../src/dispatch/wakeup.js';
import { createApiKey } from '../../src/programs/index.js';
import { getEventType } from '../../src/webhooks/catalog.js';
import { cancelForWebhook, deliveryBody } from '../../src/deliveries/index.js';
import { engines } from '../helpers/store.js';
import { insertBacklog } from './bulk.js';
import { createHarness } from './harness.js';
import type { Harness } from './harness.js';
import { closedPort, eventually, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

describe.each(engines)('dispatcher on %s', (engine) => {
  let h: Harness;
  const receivers: Receiver[] = [];
  const receiver = async (...args: Parameters<typeof startReceiver>) => {
    const r = await startReceiver(...args);
    receivers.push(r);
    return r;
  };
  afterEach(async () => {
    await h?.close();
    for (const r of receivers.splice(0)) await r.close();
  });

  it('delivers a 2xx once, signed, and logs the attempt', async () => {
    h = await createHarness(engine);
    const r = await receiver();
    const webhook = await h.webhook(r.url);
    const [id] = await h.publish(1);
    const d = h.dispatcher();
    d.start();
    await eventually(async () => (await h.delivery(id!)).status === 'succeeded');
    expect(r.received).toHaveLength(1);
    const got = r.received[0]!;
    expect(() =>
      new Webhook(webhook.secret).verify(got.body, got.headers as Record<string, string>),
    ).not.toThrow();
    const row = await h.store.db
      .selectFrom('deliveries')
      .selectAll()
      .where('id', '=', id!)
      .executeTakeFirstOrThrow();
    const event = await h.store.db
      .selectFrom('events')
      .select('data')
      .where('id', '=', row.event_id)
      .executeTakeFirstOrThrow();
    expect(got.body).toBe(deliveryBody(row, event.data));
    expect(await h.delivery(id!)).toMatchObject({
      attempts: 1,
      next_attempt_at: null,
      locked_until: null,
      last_status_code: 200,
      last_error: null,
    });
    expect(await h.attempts(id!)).toMatchObject([
      { number: 1, trigger: 'scheduled', succeeded: 1, response_status: 200 },
    ]);
  });

  it('retries a 500 and succeeds on the next attempt, re-sending the same bytes', async () => {
    h = await createHarness(engine);
    const r = await receiver((_req, i) => (i === 1 ? { status: 500 } : undefined));
    await h.webhook(r.url);
    const [id] = await h.publish(1);
    h.dispatcher().start();
    await eventually(async () => (await h.delivery(id!)).status === 'succeeded');
    expect(r.received).toHaveLength(2);
    expect(r.received[0]!.body).toBe(r.received[1]!.body);
    expect(r.received[0]!.headers['webhook-id']).toBe(r.received[1]!.headers['webhook-id']);
    const attempts = await h.attempts(id!);
    expect(attempts.map((a) => [a.number, a.succeeded, a.response_status, a.error_class])).toEqual([
      [1, 0, 500, 'http_status'],
      [2, 1, 200, null],
    ]);
  });

  it('walks the whole compressed schedule in order and ends failed', async () => {
    h = await createHarness(engine, { HOOKLINE_RETRY_SCHEDULE: '0s,200ms,400ms' });
    const r = await receiver(() => ({ status: 503 }));
    await h.webhook(r.url);
    const [id] = await h.publish(1);
    const d = h.dispatcher();
    d.start();
    await eventually(async () => (await h.delivery(id!)).status === 'failed', 15_000);
    const attempts = await h.attempts(id!);
    expect(attempts.map((a) => a.number)).toEqual([1, 2, 3]);
    expect(
      attempts.every((a) => a.error_class === 'http_status' && a.trigger === 'scheduled'),
    ).toBe(true);
    // Each retry waits at least its delay (the schedule is a lower bound, never early).
    expect(attempts[1]!.started_at - attempts[0]!.started_at).toBeGreaterThanOrEqual(190);
    expect(attempts[2]!.started_at - attempts[1]!.started_at).toBeGreaterThanOrEqual(390);
    expect(await h.delivery(id!)).toMatchObject({
      status: 'failed',
      attempts: 3,
      next_attempt_at: null,
      last_status_code: 503,
    });
    expect((await h.delivery(id!)).last_error).toMatch(/^http_status: HTTP 503/);
    // No fourth attempt: once stopped (in-flight attempts finished or aborted), the receiver's
    // count is final.
    await d.stop();
    expect(r.received).toHaveLength(3);
  });

  it('records timeouts, refused connections and redirects as failures with their class', async () => {
    h = await createHarness(engine, {
      HOOKLINE_RETRY_SCHEDULE: '0s',
      HOOKLINE_DELIVERY_TIMEOUT: '300ms',
      HOOKLINE_LEASE: '5s',
    });
    const slow = await receiver(() => ({ delayMs: 2_000 }));
    const redirect = await receiver(() => ({ status: 301, headers: { location: '/elsewhere' } }));
    const port = await closedPort();
    const w1 = await h.webhook(slow.url);
    void w1;
    await h.webhook(`http://127.0.0.1:${port}/hook`);
    await h.webhook(redirect.url);
    const ids = await h.publish(1);
    expect(ids).toHaveLength(3);
    h.dispatcher().start();
    await eventually(async () => {
      for (const id of ids) if ((await h.delivery(id)).status !== 'failed') return false;
      return true;
    });
    // Webhooks created in the same millisecond have no fixed order: key the result by URL.
    const byUrl: Record<string, string | null | undefined> = {};
    for (const id of ids) {
      const row = await h.store.db
        .selectFrom('deliveries')
        .select('url')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      byUrl[row.url] = (await h.attempts(id))[0]?.error_class;
    }
    expect(byUrl).toEqual({
      [slow.url]: 'timeout',
      [`http://127.0.0.1:${port}/hook`]: 'connection',
      [redirect.url]: 'http_status',
    });
    expect(redirect.received).toHaveLength(1);
    expect(redirect.received[0]!.path).toBe('/hook');
  });

  it('refuses private addresses at connect time when private networks are not allowed', async () => {
    // Created while allowed (at the store level); the sender is built with allowPrivate=false.
    h = await createHarness(engine, { HOOKLINE_RETRY_SCHEDULE: '0s' });
    const r = await receiver();
    await h.webhook(`http://localhost:${r.port}/hook`);
    await h.webhook(`http://127.0.0.1:${r.port}/hook`);
    const ids = await h.publish(1);
    const strict = createDeliveryServices({
      config: { ...h.config, allowPrivateNetworks: false },
    });
    h.dispatcher({}, strict).start();
    await eventually(async () => {
      for (const id of ids) if ((await h.delivery(id)).status !== 'failed') return false;
      return true;
    });
    for (const id of ids) {
      expect((await h.attempts(id))[0]?.error_class).toBe('ssrf_blocked');
      expect((await h.delivery(id)).last_error).toMatch(/^ssrf_blocked: Refused to connect/);
    }
    expect(r.received).toHaveLength(0);
  });

  it('does not let a slow endpoint delay a fast one', async () => {
    h = await createHarness(engine, {
      HOOKLINE_MAX_IN_FLIGHT: '8',
      HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK: '2',
      HOOKLINE_DELIVERY_TIMEOUT: '5s',
    });
    const slow = await receiver(() => ({ delayMs: 1_500 }));
    const fast = await receiver();
    const slowHook = await h.webhook(slow.url, { events: ['partner.created'] });
    const fastHook = await h.webhook(fast.url, { events: ['partner.updated'] });
    // The slow webhook's backlog is older, so it is first in due order.
    await h.publish(40, 'partner.created');
    await h.publish(40, 'partner.updated');
    const d = h.dispatcher();
    d.start();
    await eventually(() => fast.received.length === 40, 5_000);
    // Meanwhile the slow one got at most its 2 slots per 1.5 s.
    expect(slow.received.length).toBeLessThanOrEqual(4);
    void slowHook;
    void fastHook;
  });

  it('skips and cancels deliveries of a deactivated or deleted webhook; an in-flight attempt does not resurrect one', async () => {
    h = await createHarness(engine, { HOOKLINE_DELIVERY_TIMEOUT: '5s' });
    const slow = await receiver(() => ({ delayMs: 400 }));
    const inactive = await receiver();
    const webhook = await h.webhook(slow.url, { events: ['partner.created'] });
    const gone = await h.webhook(inactive.url, { events: ['partner.updated'] });
    const [inFlight] = await h.publish(1, 'partner.created');
    const [goneId] = await h.publish(1, 'partner.updated');
    // Deleted without the API (so nothing cancelled it): the dispatcher must cancel it itself.
    await h.store.db.deleteFrom('webhooks').where('id', '=', gone.id).execute();
    const d = h.dispatcher();
    d.start();
    await eventually(() => slow.received.length === 1);
    // Deactivated while its attempt is in flight (what PUT is_active=false does).
    await h.store.db
      .updateTable('webhooks')
      .set({ is_active: 0 })
      .where('id', '=', webhook.id)
      .execute();
    await cancelForWebhook(h.store.db, webhook.id, 'webhook deactivated', Date.now());
    await eventually(async () => (await h.delivery(goneId!)).status === 'cancelled');
    await eventually(async () => (await h.attempts(inFlight!)).length === 1);
    // Whatever the in-flight attempt still had to write (its result, the lifecycle's record) is
    // written once the dispatcher has stopped: the delivery is still cancelled after all of it.
    await d.stop();
    expect(await h.delivery(inFlight!)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'webhook deactivated',
    });
    expect(await h.delivery(goneId!)).toMatchObject({
      cancel_reason: 'webhook deleted',
      attempts: 0,
    });
    expect(inactive.received).toHaveLength(0);
  });

  it('wakes at once on a commit instead of waiting for the poll', async () => {
    // A minute's poll and a minute's deadline: within the 5 s below, only a wake-up can make
    // the dispatcher claim again.
    h = await createHarness(engine, {
      HOOKLINE_POLL_INTERVAL: '60s',
      HOOKLINE_DELIVERY_TIMEOUT: '60s',
      HOOKLINE_LEASE: '120s',
      HOOKLINE_SHUTDOWN_TIMEOUT: '100ms',
    });
    const held = await receiver(() => ({ delayMs: 600_000 }));
    const r = await receiver();
    await h.webhook(held.url, { events: ['partner.created'] });
    await h.webhook(r.url, { events: ['partner.updated'] });
    // The real wiring of a service: the API's commits wake the hub, the hub wakes the dispatcher.
    const hub = createWakeupHub(h.store);
    const app = await createApp({ config: h.config, store: h.store, logger: false, wakeup: hub });
    const { apiKey } = await createApiKey(h.store.db, h.programId);
    let wakeups = 0;
    hub.subscribe(() => wakeups++);
    const d = h.dispatcher();
    hub.subscribe(() => d.wake());
    try {
      // The first claim is over once the held delivery reached its receiver; the dispatcher
      // then waits (its one attempt is held, nothing else is due).
      await h.publish(1, 'partner.created');
      d.start();
      await eventually(() => held.received.length === 1);
      const published = await app.inject({
        method: 'POST',
        url: '/v1/events',
        headers: { authorization: `Bearer ${apiKey}` },
        payload: { event: 'partner.updated', data: getEventType('partner.updated')?.sample },
      });
      expect(published.statusCode, published.body).toBe(201);
      expect(wakeups).toBe(1);
      await eventually(() => r.received.length === 1, 5_000);
      const eventId = (published.json() as { data: { id: string } }).data.id;
      expect(r.received[0]!.body).toContain(eventId);
    } finally {
      await app.close();
      await hub.close();
    }
  });

  it('shuts down gracefully: in-flight attempts past the timeout are released, not lost', async () => {
    h = await createHarness(engine, {
      HOOKLINE_SHUTDOWN_TIMEOUT: '200ms',
      HOOKLINE_DELIVERY_TIMEOUT: '5s',
    });
    const slow = await receiver(() => ({ delayMs: 3_000 }));
    await h.webhook(slow.url);
    const ids = await h.publish(3);
    const d = h.dispatcher();
    d.start();
    await eventually(() => slow.received.length === 3);
    const { released } = await d.stop();
    expect(released).toBe(3);
    for (const id of ids) {
      expect(await h.delivery(id)).toMatchObject({
        status: 'pending',
        attempts: 0,
        locked_until: null,
      });
      expect(await h.attempts(id)).toHaveLength(0);
    }
  });

  it('finishes in-flight attempts within the shutdown timeout', async () => {
    h = await createHarness(engine, { HOOKLINE_SHUTDOWN_TIMEOUT: '5s' });
    const slow = await receiver(() => ({ delayMs: 300 }));
    await h.webhook(slow.url);
    const [id] = await h.publish(1);
    const d = h.dispatcher();
    d.start();
    await eventually(() => slow.received.length === 1);
    expect(await d.stop()).toEqual({ released: 0 });
    expect(await h.delivery(id!)).toMatchObject({ status: 'succeeded', attempts: 1 });
  });

  // "Exactly once" as the engine can promise it: every delivery succeeds once, and the receiver
  // gets at most one request per recorded attempt, with attempt numbers 1..k per delivery. A delivery
  // claimed twice at once would show as two attempts with the same number, or as a request no
  // attempt accounts for. A retry after a timed-out attempt (a starved event loop) is allowed:
  // it is recorded as its own failed attempt, so on a quiet machine k = 1 and 1,000 arrive.
  it('drains a backlog of 1,000 deliveries, each sent once per recorded attempt and never twice at once', async () => {
    h = await createHarness(engine, { HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK: '64' });
    const r = await receiver();
    const webhook = await h.webhook(r.url);
    const ids = await insertBacklog(h.store.db, webhook, 1_000);
    h.dispatcher().start();
    await eventually(async () => (await h.succeededCount()) === ids.length, 50_000);
    expect(new Set(r.received.map((x) => x.headers['webhook-id'])).size).toBe(1_000);
    const attempts = await h.store.db
      .selectFrom('attempts')
      .select(['delivery_id', 'number', 'succeeded'])
      .execute();
    const byDelivery = new Map<string, { number: number; succeeded: number }[]>();
    for (const a of attempts) {
      const list = byDelivery.get(a.delivery_id) ?? [];
      list.push(a);
      byDelivery.set(a.delivery_id, list);
    }
    expect(byDelivery.size).toBe(1_000);
    for (const list of byDelivery.values()) {
      const numbers = list.map((a) => a.number).sort((a, b) => a - b);
      expect(numbers).toEqual(numbers.map((_, i) => i + 1));
      expect(list.filter((a) => a.succeeded === 1)).toHaveLength(1);
    }
    // Every request the receiver got is one recorded attempt (an attempt that timed out before
    // its request arrived accounts for none).
    expect(r.received.length).toBeGreaterThanOrEqual(1_000);
    expect(r.received.length).toBeLessThanOrEqual(attempts.length);
  }, 60_000);
});
