import SqliteDatabase from 'better-sqlite3';
import { type CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  beginManualAttempt,
  cancelByIds,
  cancelForWebhook,
  claim,
  createAttemptRecorder,
  findDelivery,
  listDeliveries,
  release,
  renewLeases,
  requeueFailed,
} from '../../src/deliveries/index.js';
import { recordEvent } from '../../src/outbox/outbox.js';
import { createProgram } from '../../src/programs/index.js';
import type { Database, Store } from '../../src/storage/index.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import { openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

// Every statement the deliveries module runs against `deliveries`, captured while the
// transitions and reads run, must reach its rows through an index: none may scan the table.
// (SQLite plans without statistics; test/foundation/query-plans.test.ts pins the hottest ones
// to a specific index.) The indexes are exactly those these plans use, plus the dashboard's
// `deliveries_program_created` (its hourly chart).
describe('SQLite plans of every deliveries statement', () => {
  let store: TestStore;
  let raw: SqliteDatabase.Database;
  const captured: CompiledQuery[] = [];
  let logged: Store;

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    raw = new SqliteDatabase(store.databaseUrl.slice('sqlite:'.length));
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: raw }),
      log: (event) => {
        if (event.level === 'query') captured.push(event.query);
      },
    });
    logged = { db, engine: 'sqlite', close: () => db.destroy() };
  });
  afterAll(async () => {
    await logged.close();
    await store.close();
  });

  it('uses an index for each one', async () => {
    const { db } = logged;
    const now = Date.now();
    const program = await createProgram(db, { name: 'plans' });
    const webhook = await insertWebhook(db, {
      programId: program.id,
      name: 'plans',
      url: 'https://example.com/hook',
      events: ['*'],
      isActive: true,
      now,
    });
    const publish = () =>
      db.transaction().execute((trx) =>
        recordEvent(trx, {
          programId: program.id,
          type: 'partner.created',
          data: {},
          source: 'api',
        }),
      );
    // The head of the queue belongs to a webhook at its cap, so the claim also takes the
    // fairness path (the loose index scan and a per-webhook due scan) to lease the other's.
    await publish();
    const other = await insertWebhook(db, {
      programId: program.id,
      name: 'other',
      url: 'https://example.com/other',
      events: ['partner.created'],
      isActive: true,
      now,
    });
    await new Promise((r) => setTimeout(r, 5));
    const second = await publish();
    const id = second.deliveryIds[0] as string;
    const claimed = await claim(logged, {
      workerId: 'w_plans',
      now: Date.now() + 60_000,
      leaseMs: 1_000,
      limit: 1,
      saturatedWebhookIds: [],
      freeSlots: (webhookId) => (webhookId === webhook.id ? 0 : 16),
      lapsedFirst: true,
    });
    const leased = claimed.claimed[0];
    expect(leased?.webhookId).toBe(other.id);
    const recorder = createAttemptRecorder(logged, 'w_plans');
    await recorder.record({
      attemptId: `att_plans${now}`,
      deliveryId: leased?.id as string,
      programId: program.id,
      webhookId: other.id,
      number: 1,
      trigger: 'scheduled',
      outcome: {
        startedAt: now,
        durationMs: 1,
        requestHeaders: {},
        responseStatus: 500,
        responseHeaders: {},
        responseBody: '',
        succeeded: false,
        errorClass: 'http_status',
        errorMessage: 'HTTP 500',
        aborted: false,
      },
      status: 'pending',
      nextAttemptAt: now + 60_000,
      finishedAt: now,
    });
    await renewLeases(logged, 'w_plans', [id], now, 1_000);
    await release(logged, 'w_plans', [id], now);
    await beginManualAttempt(logged, { programId: program.id, deliveryId: id, now, leaseMs: 1 });
    await listDeliveries(db, { programId: program.id, limit: 10, offset: 0 });
    await listDeliveries(db, {
      programId: program.id,
      webhook: { id: webhook.id },
      sort: 'asc',
      limit: 10,
      offset: 0,
    });
    await findDelivery(db, program.id, id);
    await cancelByIds(db, [id], 'plans', now);
    await cancelForWebhook(db, webhook.id, 'plans', now);
    await requeueFailed(db, { programId: program.id, status: 'cancelled' }, now);

    const statements = captured.filter(
      (q) => /\bdeliveries\b/.test(q.sql) && !/^\s*insert\b/i.test(q.sql),
    );
    expect(statements.length).toBeGreaterThan(8);
    const scans: string[] = [];
    for (const q of statements) {
      const plan = raw
        .prepare(`explain query plan ${q.sql}`)
        .all(...(q.parameters as unknown[]))
        .map((row) => (row as { detail: string }).detail);
      for (const line of plan) {
        if (/^SCAN deliveries\b/.test(line)) scans.push(`${line}  ←  ${q.sql.slice(0, 120)}`);
      }
    }
    expect(scans).toEqual([]);
  });

  it('reads an owner event’s webhooks without the partners’ postbacks (webhooks_partner)', async () => {
    const { db } = logged;
    const program = await createProgram(db, { name: 'postbacks plans' });
    const now = Date.now();
    await insertWebhook(db, {
      programId: program.id,
      name: 'owner',
      url: 'https://example.com/owner',
      events: ['partner.created'],
      isActive: true,
      now,
    });
    for (let i = 0; i < 3; i++) {
      await insertWebhook(db, {
        programId: program.id,
        name: `postback ${i}`,
        url: `https://example.com/postback/${i}`,
        events: ['transaction.created'],
        isActive: true,
        kind: 'postback',
        postback: { partnerId: `prt_plans${i}`, format: 'webhook', method: null },
        now,
      });
    }
    const from = captured.length;
    const { deliveryIds } = await db.transaction().execute((trx) =>
      recordEvent(trx, {
        programId: program.id,
        type: 'partner.created',
        data: {},
        source: 'api',
      }),
    );
    expect(deliveryIds).toHaveLength(1);
    const reads = captured.slice(from).filter((q) => /\bfrom webhooks\b/.test(q.sql));
    expect(reads).toHaveLength(1);
    const read = reads[0] as CompiledQuery;
    const plan = raw
      .prepare(`explain query plan ${read.sql}`)
      .all(...(read.parameters as unknown[]))
      .map((row) => (row as { detail: string }).detail);
    // Both columns of the index: the owner's webhooks only, not every postback of the program.
    expect(plan.join('\n')).toContain(
      'SEARCH webhooks USING INDEX webhooks_partner (program_id=? AND partner_id=?)',
    );
    const rows = raw.prepare(read.sql).all(...(read.parameters as unknown[]));
    expect(rows).toHaveLength(1);
  });
});
