import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createFailureRecordWriter } from '../../src/dispatch/failure-record-writer.js';
import { createProgram } from '../../src/programs/index.js';
import { saveFailureRecords } from '../../src/webhooks/index.js';
import type { FailureRecordChange, StoredFailureRecord } from '../../src/webhooks/index.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import { engines, openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

const KINDS = ['reset', 'failed', 'exhausted'] as const;

/** A small deterministic generator (mulberry32): the same sequences on every run and engine. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe.each(engines)('failure records written in batches (%s)', (engine) => {
  let store: TestStore;
  let programId: string;
  beforeAll(async () => {
    store = await openTestStore(engine);
    programId = (await createProgram(store.db, { name: 'failure records' })).id;
  });
  afterAll(async () => {
    await store?.close();
  });

  const webhook = async (name: string, isActive = true) =>
    (
      await insertWebhook(store.db, {
        programId,
        name,
        url: `https://example.com/${name}`,
        events: ['partner.created'],
        isActive,
        now: Date.now(),
      })
    ).id;
  const stored = (id: string) =>
    store.db
      .selectFrom('webhooks')
      .select(['failing_since', 'consecutive_failures', 'disabled_at'])
      .where('id', '=', id)
      .executeTakeFirstOrThrow()
      .then((r) => ({
        failingSince: r.failing_since === null ? null : Number(r.failing_since),
        consecutiveFailures: Number(r.consecutive_failures),
        disabledAt: r.disabled_at === null ? null : Number(r.disabled_at),
      }));

  it('gives every change the record after it, a webhook’s changes in their order, in one call', async () => {
    const a = await webhook('a');
    const b = await webhook('b');
    const off = await webhook('off', false);
    const records = await saveFailureRecords(store.db, [
      { webhookId: a, change: 'failed', now: 1_000 },
      { webhookId: b, change: 'exhausted', now: 1_001 },
      { webhookId: a, change: 'exhausted', now: 1_002 },
      { webhookId: a, change: 'exhausted', now: 1_003 },
      { webhookId: off, change: 'failed', now: 1_004 },
      { webhookId: b, change: 'reset', now: 1_005 },
      { webhookId: 'wh_unknown', change: 'exhausted', now: 1_006 },
    ]);
    expect(records).toEqual([
      { failingSince: 1_000, consecutiveFailures: 0 },
      { failingSince: 1_001, consecutiveFailures: 1 },
      { failingSince: 1_000, consecutiveFailures: 1 },
      { failingSince: 1_000, consecutiveFailures: 2 },
      undefined,
      { failingSince: null, consecutiveFailures: 0 },
      undefined,
    ]);
    expect(await stored(a)).toEqual({
      failingSince: 1_000,
      consecutiveFailures: 2,
      disabledAt: null,
    });
    expect(await stored(b)).toEqual({
      failingSince: null,
      consecutiveFailures: 0,
      disabledAt: null,
    });
    expect(await stored(off)).toEqual({
      failingSince: null,
      consecutiveFailures: 0,
      disabledAt: null,
    });
  });

  it('starts a new record for a webhook re-enabled after Hookline disabled it', async () => {
    const id = await webhook('re-enabled');
    await store.db
      .updateTable('webhooks')
      .set({ failing_since: 10, consecutive_failures: 7, disabled_at: 20, disabled_reason: 'x' })
      .where('id', '=', id)
      .execute();
    const [record] = await saveFailureRecords(store.db, [
      { webhookId: id, change: 'exhausted', now: 3_000 },
    ]);
    expect(record).toEqual({ failingSince: 3_000, consecutiveFailures: 1 });
    expect(await stored(id)).toEqual({
      failingSince: 3_000,
      consecutiveFailures: 1,
      disabledAt: null,
    });
  });

  it('writes random batches exactly as the same changes one at a time', async () => {
    const next = random(22);
    const batched = await Promise.all([0, 1, 2, 3].map((i) => webhook(`batched ${i}`)));
    const single = await Promise.all([0, 1, 2, 3].map((i) => webhook(`single ${i}`)));
    for (let round = 0; round < 25; round++) {
      const picks = Array.from({ length: 1 + Math.floor(next() * 8) }, (_, i) => ({
        index: Math.floor(next() * 4),
        change: KINDS[Math.floor(next() * 3)] as FailureRecordChange['change'],
        now: round * 100 + i,
      }));
      const together = await saveFailureRecords(
        store.db,
        picks.map((p) => ({ webhookId: batched[p.index] as string, change: p.change, now: p.now })),
      );
      const oneByOne: (StoredFailureRecord | undefined)[] = [];
      for (const p of picks) {
        const [record] = await saveFailureRecords(store.db, [
          { webhookId: single[p.index] as string, change: p.change, now: p.now },
        ]);
        oneByOne.push(record);
      }
      expect(together).toEqual(oneByOne);
      for (let i = 0; i < 4; i++) {
        expect(await stored(batched[i] as string)).toEqual(await stored(single[i] as string));
      }
    }
  });

  it('writes two workers’ batches over the same webhooks at once, in opposite orders, without a deadlock', async () => {
    const ids = await Promise.all(Array.from({ length: 40 }, (_, i) => webhook(`both ${i}`)));
    const reversed = [...ids].reverse();
    for (let round = 0; round < 10; round++) {
      const change = round % 2 === 0 ? ('failed' as const) : ('reset' as const);
      const [forward, backward] = await Promise.all([
        saveFailureRecords(
          store.db,
          ids.map((webhookId) => ({ webhookId, change, now: 7_000 + round })),
        ),
        saveFailureRecords(
          store.db,
          reversed.map((webhookId) => ({ webhookId, change, now: 7_000 + round })),
        ),
      ]);
      expect(forward).toHaveLength(40);
      expect(backward).toHaveLength(40);
    }
  });

  it('gathers the changes of one event-loop turn into one write (the dispatcher’s writer)', async () => {
    const ids = await Promise.all(Array.from({ length: 30 }, (_, i) => webhook(`turn ${i}`)));
    let statements = 0;
    const counted = store.db.withPlugin({
      transformQuery: (args) => {
        statements++;
        return args.node;
      },
      transformResult: async (args) => args.result,
    });
    const writer = createFailureRecordWriter(counted);
    const records = await Promise.all(
      ids.flatMap((webhookId) => [
        writer.save({ webhookId, change: 'failed', now: 5_000 }),
        writer.save({ webhookId, change: 'exhausted', now: 5_001 }),
      ]),
    );
    expect(records).toEqual(
      ids.flatMap(() => [
        { failingSince: 5_000, consecutiveFailures: 0 },
        { failingSince: 5_000, consecutiveFailures: 1 },
      ]),
    );
    // Sixty changes, each webhook twice: two rounds, not sixty statements. A round is one
    // update (on PostgreSQL after the statement that locks its rows in id order).
    expect(statements).toBe(engine === 'postgres' ? 4 : 2);
  });
});
