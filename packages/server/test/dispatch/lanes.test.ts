import { afterEach, describe, expect, it } from 'vitest';
import { POSTBACK_LANE, claim, postbackInFlightCap } from '../../src/deliveries/index.js';
import { POSTBACK_START_BURST } from '../../src/dispatch/postback-pacing.js';
import { engines } from '../helpers/store.js';
import { insertBacklog } from './bulk.js';
import { createHarness } from './harness.js';
import type { Harness } from './harness.js';
import { eventually, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

// The owner's reserve (issue 22, "no cost to the owner's webhooks"): partners' postbacks
// (delivery lane 1) may hold at most HOOKLINE_POSTBACK_SHARE of the in-flight capacity, so
// with every postback receiver hanging, the owner's deliveries are still claimed and delivered.

const MAX_IN_FLIGHT = 8;
const SHARE = 50;
const PARTNERS = 6;

describe.each(engines)('delivery lanes on %s', (engine) => {
  let h: Harness | undefined;
  const receivers: Receiver[] = [];
  afterEach(async () => {
    await h?.close();
    for (const r of receivers.splice(0)) await r.close();
  });

  /** Partners' postback webhooks with a backlog each, in lane 1, older than anything else. */
  async function partnersWithBacklog(url: string, rowsEach: number) {
    const ids: string[] = [];
    for (let i = 0; i < PARTNERS; i++) {
      // Not subscribed to what the owner's test publishes: only the seeded rows are theirs.
      const w = await h!.webhook(`${url}?partner=${i}`, { events: ['transaction.created'] });
      ids.push(w.id);
      await insertBacklog(h!.store.db, w, rowsEach);
    }
    // Test setup, not a transition: these rows are postbacks (the lane is fixed at enqueue by
    // the postbacks feature), and a minute older than the owner's, so they fill the head of a
    // queue ordered by due time.
    await h!.store.db
      .updateTable('deliveries')
      .set((eb) => ({ lane: POSTBACK_LANE, next_attempt_at: eb('next_attempt_at', '-', 60_000) }))
      .where('webhook_id', 'in', ids)
      .execute();
    return ids;
  }

  it("with every postback receiver hanging, the owner's deliveries are still claimed and delivered", async () => {
    h = await createHarness(engine, {
      HOOKLINE_MAX_IN_FLIGHT: String(MAX_IN_FLIGHT),
      HOOKLINE_POSTBACK_SHARE: String(SHARE),
      // Longer than the test: no postback slot is freed by a timeout while it runs.
      HOOKLINE_DELIVERY_TIMEOUT: '60s',
      HOOKLINE_LEASE: '120s',
      HOOKLINE_SHUTDOWN_TIMEOUT: '0s',
    });
    let open = 0;
    let mostOpen = 0;
    const hanging = await startReceiver(() => {
      open++;
      mostOpen = Math.max(mostOpen, open);
      return { delayMs: 3_600_000 };
    });
    const owner = await startReceiver();
    receivers.push(hanging, owner);
    await partnersWithBacklog(hanging.url, 20);
    await h.webhook(owner.url);
    const dispatcher = h.dispatcher();
    dispatcher.start();
    const cap = postbackInFlightCap(MAX_IN_FLIGHT, SHARE);
    // The postbacks take their share and hang in it.
    await eventually(() => open >= cap, 20_000);

    const ownerIds = await h.publish(30);
    dispatcher.wake();
    await eventually(async () => {
      const rows = await h!.store.db
        .selectFrom('deliveries')
        .select('status')
        .where('id', 'in', ownerIds)
        .execute();
      return rows.every((r) => r.status === 'succeeded');
    }, 30_000);
    expect(owner.received).toHaveLength(ownerIds.length);
    // Never more postbacks in flight than their share, whatever was free.
    expect(mostOpen).toBe(cap);
    expect(dispatcher.inFlight).toBe(cap);
  }, 90_000);

  it('a claim takes at most postbackLimit postbacks, and the owner rows behind them', async () => {
    h = await createHarness(engine);
    const hook = await startReceiver();
    receivers.push(hook);
    const partners = await partnersWithBacklog(hook.url, 10);
    const ownerHook = await h.webhook(`${hook.url}?owner`);
    await insertBacklog(h.store.db, ownerHook, 5);
    const result = await claim(h.store, {
      workerId: 'w_lanes',
      now: Date.now() + 1_000,
      leaseMs: 60_000,
      limit: 20,
      postbackLimit: 3,
      saturatedWebhookIds: [],
      freeSlots: () => 16,
      maxInFlightPerWebhook: 16,
    });
    const postbacks = result.claimed.filter((d) => partners.includes(d.webhookId));
    const owners = result.claimed.filter((d) => d.webhookId === ownerHook.id);
    expect(postbacks).toHaveLength(3);
    expect(postbacks.every((d) => d.lane === POSTBACK_LANE)).toBe(true);
    expect(owners).toHaveLength(5);
    expect(owners.every((d) => d.lane === 0)).toBe(true);
  });

  it('postback starts are paced: a burst at once, then HOOKLINE_POSTBACK_START_RATE per second', async () => {
    const rate = 20;
    h = await createHarness(engine, { HOOKLINE_POSTBACK_START_RATE: String(rate) });
    const hook = await startReceiver();
    receivers.push(hook);
    await partnersWithBacklog(hook.url, 10);
    const total = PARTNERS * 10;
    const dispatcher = h.dispatcher();
    dispatcher.start();
    await eventually(() => hook.received.length >= total, 30_000);
    const times = hook.received.map((r) => r.at).sort((a, b) => a - b);
    const first = times[0] ?? 0;
    // The k-th start (from 1) waits for k - burst tokens at `rate` per second; a little slack
    // for the clock's granularity. Unpaced, all 60 go out in the first claims (milliseconds).
    const late = times
      .map((at, i) => ({ k: i + 1, after: at - first }))
      .filter(({ k, after }) => after < ((k - POSTBACK_START_BURST) / rate) * 1000 - 60);
    expect(late).toEqual([]);
    expect(times.length).toBe(total);
  }, 60_000);
});
