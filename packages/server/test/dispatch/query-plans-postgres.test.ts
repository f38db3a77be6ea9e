import { Kysely, PostgresDialect } from 'kysely';
import type { CompiledQuery } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelByIds } from '../../src/deliveries/cancel.js';
import { claim, createAttemptRecorder, release, renewLeases } from '../../src/deliveries/index.js';
import type { Database, Store } from '../../src/storage/index.js';
import { newId } from '../../src/util/ids.js';
import { engines } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';
import { insertBacklog } from './bulk.js';
import { createHarness } from './harness.js';
import type { Harness } from './harness.js';

// PostgreSQL plans each statement when it runs, from statistics that a new table does not have
// yet and that a growing backlog outdates. The claim's fairness path must read the webhooks of a
// lane and their due rows through `deliveries_lane_webhook_due` whatever the estimates: read
// through a head index, each step of the loose scan aggregated the lane's whole due range and
// each webhook's due rows were filtered out of it, so every claim behind a timing-out webhook
// cost O(backlog) (a 90x p99 in the fairness bench, docs/design-measurements.md). Checked here
// on a table never analyzed, with a backlog at the head, as in the bench. This small table does
// not reproduce the bench's wrong plan (the literal-lane statements plan well here too): the
// test pins the plan that must hold, and the bench's EXPLAIN ANALYZE is the evidence of the cause.
describe.runIf(engines.includes('postgres'))('PostgreSQL plans of the claim', () => {
  let h: Harness;
  let store: TestStore;
  let pool: pg.Pool;
  let logged: Store;
  const captured: CompiledQuery[] = [];

  beforeAll(async () => {
    h = await createHarness('postgres');
    store = h.store as TestStore;
    pool = new pg.Pool({ connectionString: store.databaseUrl, max: 2 });
    const db = new Kysely<Database>({
      dialect: new PostgresDialect({ pool }),
      log: (event) => {
        if (event.level === 'query') captured.push(event.query);
      },
    });
    logged = { db, engine: 'postgres', close: () => db.destroy() };
  });
  afterAll(async () => {
    await logged?.close();
    await h?.close();
  });

  /**
   * The plans PostgreSQL would choose for a captured statement, as text: one made for its values,
   * and the generic one. The store runs repeated statements prepared (storage/statement-names.ts),
   * and after five executions the server may keep a generic plan, made without the values (its
   * `plan_cache_mode`): both must read through the right index.
   */
  const explain = async (q: CompiledQuery): Promise<string[]> => {
    const text = (plan: pg.QueryResult) =>
      plan.rows.map((r: Record<string, string>) => r['QUERY PLAN']).join('\n');
    const custom = await pool.query(`explain ${q.sql}`, q.parameters as unknown[]);
    const client = await pool.connect();
    try {
      await client.query(`prepare generic_check as ${q.sql}`);
      await client.query('set plan_cache_mode = force_generic_plan');
      const args = q.parameters.map((v) => sqlLiteral(client, v));
      const generic = await client.query(
        `explain execute generic_check${args.length > 0 ? `(${args.join(', ')})` : ''}`,
      );
      expect(text(generic)).toMatch(/\$\d/);
      return [text(custom), text(generic)];
    } finally {
      await client.query('deallocate all');
      await client.query('reset plan_cache_mode');
      client.release();
    }
  };
  /** Each statement reads `deliveries` through its primary key, never a pending-rows index. */
  const expectReadByPrimaryKey = async (queries: readonly CompiledQuery[]) => {
    for (const q of queries) {
      for (const text of await explain(q)) {
        expect(text).toMatch(/deliveries_pkey/);
        expect(text).not.toMatch(/deliveries_\w*_due|deliveries_leased|Seq Scan on deliveries/);
      }
    }
  };
  const countWithStatus = async (status: string, ids: readonly string[]) => {
    const row = await h.store.db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('status', '=', status)
      .where('id', 'in', ids)
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };

  it('reads the fairness path through deliveries_lane_webhook_due and the head through its lane index', async () => {
    const slow = await h.webhook('http://127.0.0.1:9/slow');
    await insertBacklog(h.store.db, slow, 3_000);
    await h.store.db
      .updateTable('deliveries')
      .set((eb) => ({ next_attempt_at: eb('next_attempt_at', '-', 60_000) }))
      .where('webhook_id', '=', slow.id)
      .execute();
    for (let i = 0; i < 5; i++) {
      await insertBacklog(h.store.db, await h.webhook(`http://127.0.0.1:9/w${i}`), 3);
    }
    captured.length = 0;
    const result = await claim(logged, {
      workerId: 'w_plans',
      now: Date.now() + 1_000,
      leaseMs: 60_000,
      limit: 16,
      postbackLimit: 8,
      saturatedWebhookIds: [slow.id],
      freeSlots: (id) => (id === slow.id ? 0 : 16),
      maxInFlightPerWebhook: 16,
    });
    expect(result.claimed).toHaveLength(15);

    const plans: { sql: string; plan: string }[] = [];
    for (const q of captured) {
      if (!/\bfrom deliveries\b/.test(q.sql) || /^\s*update\b/i.test(q.sql)) continue;
      for (const plan of await explain(q)) plans.push({ sql: q.sql, plan });
    }
    const fairness = plans.filter((p) => /with recursive|cross join lateral/.test(p.sql));
    // The loose scan and the due rows of the listed webhooks, each planned both ways.
    expect(fairness).toHaveLength(4);
    for (const p of fairness) {
      expect(p.plan).toContain('deliveries_lane_webhook_due');
      expect(p.plan).not.toMatch(/deliveries_(owner|postback|lane)_due\b/);
      expect(p.plan).not.toMatch(/Seq Scan on deliveries/);
    }
    const heads = plans.filter((p) => /d\.lane = 0/.test(p.sql));
    expect(heads.length).toBeGreaterThanOrEqual(2);
    for (const p of heads) {
      expect(p.plan).toContain('deliveries_owner_due');
      expect(p.plan).not.toMatch(/Sort\b/);
    }
  });

  // The cross-worker cap counts each claimed webhook's leases in every claim. Leased rows sit at
  // their lease end among the scheduled retries in `deliveries_lane_webhook_due`; counted there
  // (`lane in (...)`, `next_attempt_at > now`), the planner kept only the lane and the time as
  // index conditions and read every webhook's leased and scheduled rows (512 per claim beside
  // 200 partners' timing-out postbacks in the bench; this test's table got the same plan). The
  // count must read `deliveries_in_flight` by webhook: that webhook's rows in flight only.
  it("counts a webhook's leases in its own range, not every webhook's scheduled rows", async () => {
    const partners = [];
    for (let i = 0; i < 4; i++) partners.push(await h.webhook(`http://127.0.0.1:9/partner${i}`));
    const now = Date.now() + 1_000;
    for (const [i, partner] of partners.entries()) {
      await insertBacklog(h.store.db, partner, 500);
      // Two partners' rows leased (a lease ends at `next_attempt_at`), two's scheduled
      // retries; none due.
      await h.store.db
        .updateTable('deliveries')
        .set({ next_attempt_at: now + 30_000 + i, locked_until: i < 2 ? now + 30_000 + i : null })
        .where('webhook_id', '=', partner.id)
        .execute();
    }
    for (let i = 0; i < 3; i++) {
      await insertBacklog(h.store.db, await h.webhook(`http://127.0.0.1:9/owner${i}`), 4);
    }
    captured.length = 0;
    const result = await claim(logged, {
      workerId: 'w_count',
      now,
      leaseMs: 60_000,
      limit: 12,
      saturatedWebhookIds: [],
      freeSlots: () => 16,
      maxInFlightPerWebhook: 16,
    });
    // Earlier tests' due rows may come first; a full claim is what counts here.
    expect(result.claimed).toHaveLength(12);
    const counts = captured.filter(
      (q) => /count\(\*\) as n from deliveries/.test(q.sql) && /locked_until/.test(q.sql),
    );
    expect(counts.length).toBeGreaterThanOrEqual(1);
    for (const q of counts) {
      for (const plan of await explain(q)) {
        expect(plan).toMatch(/Index Scan using deliveries_in_flight on deliveries/);
        // The webhook bounds the index range: no filter over other webhooks' rows.
        expect(plan).toMatch(/Index Cond: \(webhook_id = /);
        expect(plan).not.toMatch(/Filter: [^\n]*webhook_id/);
        expect(plan).not.toMatch(/deliveries_leased|Seq Scan on deliveries|deliveries_\w*_due\b/);
      }
    }
  });

  // The result batch joins its rows to `deliveries` by id, and the claim's lease takes its
  // chosen ids; both guard with `status = 'pending'`. With statistics from before a backlog grew
  // the planner expects one pending row and reads all of them through a partial index whose
  // predicate that guard proves: in the postbacks bench each batch of the owner's results read
  // the partners' 9,000 pending rows through `deliveries_lane_webhook_due` (22 ms for 7 rows).
  // Built here as there: a table of delivered rows, analyzed with nothing pending, then a
  // backlog. Both statements must read `deliveries` through its primary key.
  it('writes a result batch through the primary key, whatever the pending backlog', async () => {
    const fast = await h.webhook('http://127.0.0.1:9/fast');
    const old = await h.webhook('http://127.0.0.1:9/old');
    await insertBacklog(h.store.db, old, 30_000);
    await h.store.db
      .updateTable('deliveries')
      .set({ status: 'succeeded', completed_at: Date.now() })
      .where('status', '=', 'pending')
      .execute();
    await pool.query('analyze deliveries');
    await insertBacklog(h.store.db, fast, 800);
    for (let i = 0; i < 20; i++)
      await insertBacklog(h.store.db, await h.webhook(`http://127.0.0.1:9/backlog${i}`), 450);
    // Batches below and above the planner's guess of 100 rows for the JSON.
    for (const size of [7, 60, 150]) {
      const now = Date.now() + 1_000;
      captured.length = 0;
      const leased = await claim(logged, {
        workerId: 'w_batch',
        now,
        leaseMs: 60_000,
        limit: size,
        saturatedWebhookIds: [],
        freeSlots: () => size,
      });
      expect(leased.claimed).toHaveLength(size);
      const leases = captured.filter((q) => /^\s*update deliveries\s+set locked_until/.test(q.sql));
      const recorder = createAttemptRecorder(logged, 'w_batch');
      await Promise.all(
        leased.claimed.map((d) =>
          recorder.record({
            attemptId: newId('att', now),
            deliveryId: d.id,
            programId: d.programId,
            webhookId: d.webhookId,
            number: 1,
            trigger: 'scheduled',
            outcome: {
              startedAt: now,
              durationMs: 3,
              requestHeaders: {},
              responseStatus: 200,
              responseHeaders: {},
              responseBody: 'ok',
              succeeded: true,
              errorClass: null,
              errorMessage: null,
              aborted: false,
            },
            status: 'succeeded',
            nextAttemptAt: null,
            finishedAt: now + 3,
          }),
        ),
      );
      const batches = captured.filter((q) => /update deliveries set\s+status/.test(q.sql));
      expect(leases).toHaveLength(1);
      expect(batches).toHaveLength(1);
      await expectReadByPrimaryKey([...leases, ...batches]);
      expect(
        await countWithStatus(
          'succeeded',
          leased.claimed.map((d) => d.id),
        ),
      ).toBe(size);
    }

    // The other statements that reach deliveries by id behind the same guard: a renewal, a
    // release and a cancel.
    const now = Date.now() + 1_000;
    const held = await claim(h.store, {
      workerId: 'w_batch',
      now,
      leaseMs: 60_000,
      limit: 60,
      saturatedWebhookIds: [],
      freeSlots: () => 60,
    });
    const ids = held.claimed.map((d) => d.id);
    expect(ids).toHaveLength(60);
    captured.length = 0;
    expect((await renewLeases(logged, 'w_batch', ids.slice(0, 30), now, 60_000)).size).toBe(30);
    expect(await release(logged, 'w_batch', ids.slice(30, 45), now)).toBe(15);
    await logged.db.transaction().execute((trx) => cancelByIds(trx, ids.slice(45), 'test', now));
    const byId = captured.filter((q) => /^update "deliveries"/.test(q.sql));
    expect(byId).toHaveLength(3);
    await expectReadByPrimaryKey(byId);
    expect(await countWithStatus('cancelled', ids.slice(45))).toBe(15);
  });
});

/** A parameter as an SQL literal, for `execute` of a statement prepared with `prepare`. */
function sqlLiteral(client: pg.PoolClient, value: unknown): string {
  if (value === null || value === undefined) return 'null';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) {
    const items = value.map((v) => `"${String(v).replace(/["\\]/g, '\\$&')}"`);
    return client.escapeLiteral(`{${items.join(',')}}`);
  }
  return client.escapeLiteral(String(value));
}
