import { afterEach, describe, expect, it } from 'vitest';
import { claim } from '../../src/deliveries/index.js';
import type { ClaimResult } from '../../src/deliveries/index.js';
import type { WebhookRow } from '../../src/webhooks/webhook-store.js';
import { engines } from '../helpers/store.js';
import { insertBacklog } from './bulk.js';
import { createHarness } from './harness.js';
import type { Harness } from './harness.js';

// The claim's fairness, pinned through its public function and what it returns, whatever its
// SQL: a webhook at its cap (here, or on PostgreSQL through other workers' leases) does not hide
// the others' due rows, and no claim takes more of a webhook than its free slots.

const LEASE_MS = 60_000;

/** Claimed deliveries per webhook name. */
function perWebhook(result: ClaimResult, names: Map<string, string>): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const d of result.claimed) {
    const name = names.get(d.webhookId) ?? d.webhookId;
    counts[name] = (counts[name] ?? 0) + 1;
  }
  return counts;
}

describe.each(engines)('claim fairness on %s', (engine) => {
  let h: Harness;
  afterEach(async () => h?.close());

  /**
   * Webhook `slow` with the oldest backlog (it fills the head of the due queue) and `a`, `b`,
   * `c` with newer backlogs.
   */
  async function backlogs(slowRows: number, otherRows: number) {
    h = await createHarness(engine);
    const names = new Map<string, string>();
    const hooks: Record<string, WebhookRow> = {};
    for (const name of ['slow', 'a', 'b', 'c']) {
      const w = await h.webhook(`http://127.0.0.1:9/${name}`);
      hooks[name] = w;
      names.set(w.id, name);
      await insertBacklog(h.store.db, w, name === 'slow' ? slowRows : otherRows);
    }
    // Test setup, not a transition: the slow webhook's rows are a minute older than the rest,
    // so the head of the queue is all of them.
    await h.store.db
      .updateTable('deliveries')
      .set((eb) => ({ next_attempt_at: eb('next_attempt_at', '-', 60_000) }))
      .where('webhook_id', '=', hooks.slow!.id)
      .execute();
    return { names, hooks, now: Date.now() + 1_000 };
  }

  it('a webhook at its cap, with the oldest backlog, does not hide the others: the claim is filled from them', async () => {
    const { names, hooks, now } = await backlogs(50, 10);
    const result = await claim(h.store, {
      workerId: 'w_me',
      now,
      leaseMs: LEASE_MS,
      limit: 8,
      saturatedWebhookIds: [hooks.slow!.id],
      freeSlots: (id) => (id === hooks.slow!.id ? 0 : 16),
      maxInFlightPerWebhook: 16,
    });
    const counts = perWebhook(result, names);
    expect(counts.slow).toBeUndefined();
    expect(result.claimed).toHaveLength(8);
    expect(Object.keys(counts).every((n) => ['a', 'b', 'c'].includes(n))).toBe(true);
  });

  it('behind a webhook at its cap, every other webhook with due rows gets them, whatever its place in the list', async () => {
    // Six webhooks with two due rows each behind `slow`, and a claim with room for 16: their
    // free slots (16 each) add up to far more than the room, their due rows (12) to less. The
    // room once went out by free slots in webhook id order, so the first webhook's 16 slots
    // used all of it and the other five waited (seconds, behind a timing-out endpoint).
    h = await createHarness(engine);
    const names = new Map<string, string>();
    const slow = await h.webhook('http://127.0.0.1:9/slow');
    names.set(slow.id, 'slow');
    await insertBacklog(h.store.db, slow, 40);
    await h.store.db
      .updateTable('deliveries')
      .set((eb) => ({ next_attempt_at: eb('next_attempt_at', '-', 60_000) }))
      .where('webhook_id', '=', slow.id)
      .execute();
    for (let i = 1; i <= 6; i++) {
      const w = await h.webhook(`http://127.0.0.1:9/w${i}`);
      names.set(w.id, `w${i}`);
      await insertBacklog(h.store.db, w, 2);
    }
    const result = await claim(h.store, {
      workerId: 'w_me',
      now: Date.now() + 1_000,
      leaseMs: LEASE_MS,
      limit: 16,
      saturatedWebhookIds: [slow.id],
      freeSlots: (id) => (id === slow.id ? 0 : 16),
      maxInFlightPerWebhook: 16,
    });
    expect(perWebhook(result, names)).toEqual({ w1: 2, w2: 2, w3: 2, w4: 2, w5: 2, w6: 2 });
  });

  it('takes at most the free slots of each webhook, and all of them', async () => {
    const { names, now } = await backlogs(10, 10);
    const result = await claim(h.store, {
      workerId: 'w_me',
      now,
      leaseMs: LEASE_MS,
      limit: 100,
      saturatedWebhookIds: [],
      freeSlots: () => 3,
      maxInFlightPerWebhook: 3,
    });
    expect(perWebhook(result, names)).toEqual({ slow: 3, a: 3, b: 3, c: 3 });
    // What this worker leased counts against the cap at its next claim (on PostgreSQL, through
    // the leases; on SQLite, through the free slots the dispatcher passes): nothing more of any.
    const again = await claim(h.store, {
      workerId: 'w_me',
      now: now + 1,
      leaseMs: LEASE_MS,
      limit: 100,
      saturatedWebhookIds: engine === 'postgres' ? [] : [...names.keys()],
      freeSlots: () => (engine === 'postgres' ? 3 : 0),
      maxInFlightPerWebhook: 3,
    });
    expect(again.claimed).toHaveLength(0);
  });

  it.runIf(engine === 'postgres')(
    "a webhook held at its cap by another worker's leases does not hide the healthy ones",
    async () => {
      const { names, now } = await backlogs(50, 10);
      // More than this claim's limit: the head's rows of `slow` (8) fit in what this worker alone
      // would allow it (16), so only the other worker's leases make it full.
      const cap = 16;
      const other = await claim(h.store, {
        workerId: 'w_other',
        now,
        leaseMs: LEASE_MS,
        limit: cap,
        saturatedWebhookIds: [],
        freeSlots: () => cap,
        maxInFlightPerWebhook: cap,
      });
      expect(perWebhook(other, names)).toEqual({ slow: cap });
      // This worker holds nothing and knows nothing of the other's leases: only the database
      // can tell it that `slow` is full.
      const mine = await claim(h.store, {
        workerId: 'w_me',
        now: now + 1,
        leaseMs: LEASE_MS,
        limit: 8,
        saturatedWebhookIds: [],
        freeSlots: () => cap,
        maxInFlightPerWebhook: cap,
      });
      const counts = perWebhook(mine, names);
      expect(counts.slow).toBeUndefined();
      expect(mine.claimed).toHaveLength(8);
      for (const n of Object.values(counts)) expect(n).toBeLessThanOrEqual(cap);
    },
  );
});
