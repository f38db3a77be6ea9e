import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookAttemptsSince } from '../../src/dashboard/stats-routes.js';
import { POSTBACK_LANE, claim, eventDeliveriesQuery } from '../../src/deliveries/index.js';
import { createProgram } from '../../src/programs/index.js';
import type { Database } from '../../src/storage/index.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import { insertBacklog } from '../dispatch/bulk.js';
import { openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

// SQLite plans without statistics, so an index that merely matches `program_id` and the ORDER
// BY can beat a far more selective one and turn a lookup into a scan of the whole program.
// PostgreSQL plans from statistics and is not checked here. These are the queries on paths
// whose cost must not grow with the size of the log.
describe('SQLite query plans of hot lookups', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('sqlite');
  });
  afterAll(async () => store.close());

  const planOf = async (query: { compile(): CompiledQuery }) => {
    const compiled = query.compile();
    const result = await store.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return result.rows.map((row) => row.detail).join(' | ');
  };

  it("reads an event's deliveries (every publish response) through (event_id, id)", async () => {
    const plan = await planOf(eventDeliveriesQuery(store.db, 'prog', 'evt'));
    expect(plan).toContain('USING INDEX deliveries_event_id (event_id=?)');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('reads one day of attempts of one webhook (dashboard health) through its index', async () => {
    const plan = await planOf(webhookAttemptsSince(store.db, 'wh', 0));
    expect(plan).toContain('attempts_webhook_started (webhook_id=? AND started_at>?)');
  });
});

// The claim reads each lane's due rows through an index that leads with the lane, so the
// owner's rows are found without reading past partners' postback backlogs (issue 22), and the
// fairness path lists one lane's webhooks only.
describe('SQLite plans of the claim, per lane', () => {
  let store: TestStore;
  let raw: SqliteDatabase.Database;
  let db: Kysely<Database>;
  const captured: CompiledQuery[] = [];
  beforeAll(async () => {
    store = await openTestStore('sqlite');
    raw = new SqliteDatabase(store.databaseUrl.slice('sqlite:'.length));
    db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: raw }),
      log: (event) => {
        if (event.level === 'query') captured.push(event.query);
      },
    });
  });
  afterAll(async () => {
    await db.destroy();
    await store.close();
  });

  it('scans each lane through deliveries_lane_due and deliveries_lane_webhook_due', async () => {
    const now = Date.now();
    const program = await createProgram(db, { name: 'lane plans' });
    const hook = (name: string) =>
      insertWebhook(db, {
        programId: program.id,
        name,
        url: `https://example.com/${name}`,
        events: ['*'],
        isActive: true,
        now,
      });
    const partner = await hook('partner');
    const owner = await hook('owner');
    const other = await hook('other');
    await insertBacklog(db, partner, 5);
    await insertBacklog(db, owner, 5);
    await insertBacklog(db, other, 5);
    await db
      .updateTable('deliveries')
      .set({ lane: POSTBACK_LANE })
      .where('webhook_id', '=', partner.id)
      .execute();
    captured.length = 0;
    // The owner's head is full of `owner` rows at its cap: the owner lane's fairness path runs.
    await claim(
      { db, engine: 'sqlite', close: () => db.destroy() },
      {
        workerId: 'w_plans',
        now: now + 60_000,
        leaseMs: 1_000,
        limit: 3,
        postbackLimit: 2,
        saturatedWebhookIds: [],
        freeSlots: (id) => (id === owner.id ? 0 : 16),
      },
    );
    const plans = captured
      .filter((q) => /\bfrom deliveries\b/.test(q.sql) && /\blane = \d/.test(q.sql))
      .map((q) =>
        raw
          .prepare(`explain query plan ${q.sql}`)
          .all(...(q.parameters as unknown[]))
          .map((row) => (row as { detail: string }).detail)
          .join(' | '),
      );
    // Both heads, the loose scan and one webhook's due rows.
    expect(plans.length).toBeGreaterThanOrEqual(4);
    const heads = plans.filter((p) => p.includes('deliveries_lane_due'));
    expect(heads).toHaveLength(2);
    for (const p of heads)
      expect(p).toContain('deliveries_lane_due (lane=? AND next_attempt_at<?)');
    const byWebhook = plans.filter((p) => p.includes('deliveries_lane_webhook_due'));
    expect(
      byWebhook.some((p) => p.includes('(lane=? AND webhook_id=? AND next_attempt_at<?)')),
    ).toBe(true);
    for (const p of plans) expect(p).not.toMatch(/SCAN d\b|SCAN deliveries\b/);
  });
});
