import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import pg from 'pg';
import { pendingDeliveryRow } from '../../packages/server/src/deliveries/index.js';
import { bootstrap } from '../../packages/server/src/programs/index.js';
import { migrateToLatest, openStore } from '../../packages/server/src/storage/index.js';
import type {
  DeliveriesTable,
  Engine,
  EventsTable,
  Store,
} from '../../packages/server/src/storage/index.js';
import { insertWebhook } from '../../packages/server/src/webhooks/webhook-store.js';
import { EVENT_TYPE, newId, sampleData, webhookKey } from './workload.js';

/** A webhook the benchmark created. */
export interface BenchWebhook {
  readonly id: string;
  readonly key: string;
  readonly url: string;
}

/** A throw-away database for one scenario, migrated, with a program and its API key. */
export interface BenchDatabase {
  readonly engine: Engine;
  /** DATABASE_URL for the `hookline` child processes. */
  readonly databaseUrl: string;
  readonly store: Store;
  readonly programId: string;
  readonly apiKey: string;
  /** Closes the connection and deletes the file or drops the schema. Idempotent. */
  drop(): Promise<void>;
}

const live = new Set<BenchDatabase>();
const dropping = new Set<Promise<void>>();

/** Drops every database still open, and waits for drops already under way (exiting). */
export async function dropAllDatabases(): Promise<void> {
  await Promise.allSettled([...live].map((d) => d.drop()));
  await Promise.allSettled([...dropping]);
}

/**
 * Creates a fresh database: a temp SQLite file, or a dedicated PostgreSQL schema
 * (`bench_<random>`) that {@link BenchDatabase.drop} removes with everything in it.
 */
export async function createDatabase(engine: Engine, postgresUrl: string): Promise<BenchDatabase> {
  const apiKey = `bench_${randomBytes(16).toString('hex')}`;
  let store: Store;
  let databaseUrl: string;
  let cleanup: () => Promise<void>;
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hookline-bench-'));
    const filename = join(dir, 'hookline.db');
    store = await openStore({ engine: 'sqlite', filename });
    databaseUrl = `sqlite:${filename}`;
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  } else {
    const schema = `bench_${randomBytes(6).toString('hex')}`;
    store = await openStore({ engine: 'postgres', connectionString: postgresUrl }, { schema });
    const url = new URL(postgresUrl);
    url.searchParams.set('options', `-c search_path=${schema}`);
    databaseUrl = url.toString();
    cleanup = async () => {
      const admin = new pg.Client({ connectionString: postgresUrl });
      await admin.connect();
      try {
        await admin.query(`drop schema if exists ${schema} cascade`);
      } finally {
        await admin.end();
      }
    };
  }
  let dropped: Promise<void> | undefined;
  const drop = () => {
    if (!dropped) {
      const p = (async () => {
        live.delete(db);
        // A run that timed out may still hold a query; do not let it block the drop.
        await Promise.race([
          store.close().catch(() => {}),
          new Promise((r) => setTimeout(r, 5000)),
        ]);
        await cleanup();
      })();
      dropping.add(p);
      dropped = p.finally(() => dropping.delete(p));
    }
    return dropped;
  };
  // Placeholder until bootstrap gives the program id; `drop` must work even if it fails.
  let db: BenchDatabase = { engine, databaseUrl, store, programId: '', apiKey, drop };
  live.add(db);
  try {
    await migrateToLatest(store);
    const boot = await bootstrap(store.db, { apiKey, engine });
    if (!boot.created) throw new Error('the fresh benchmark database was not empty');
    live.delete(db);
    db = { ...db, programId: boot.program.id };
    live.add(db);
    return db;
  } catch (error) {
    await drop();
    throw error;
  }
}

/** Creates one webhook per URL, subscribed to every event, all signing with `secret`. */
export async function addWebhooks(
  db: BenchDatabase,
  urls: readonly string[],
  secret: string,
): Promise<BenchWebhook[]> {
  const now = Date.now();
  const webhooks: BenchWebhook[] = [];
  for (const [i, url] of urls.entries()) {
    const row = await insertWebhook(db.store.db, {
      programId: db.programId,
      key: webhookKey(i),
      name: `bench endpoint ${i}`,
      url,
      events: ['*'],
      isActive: true,
      secret,
      now,
    });
    webhooks.push({ id: row.id, key: row.key, url: row.url });
  }
  return webhooks;
}

/**
 * Seeds `count` pending, due deliveries the way the outbox writes them (`recordEvent`): one
 * event (its payload written once) per `webhooks.length` deliveries, with the rows the
 * deliveries module's `pendingDeliveryRow` builds. Bulk inserts in batches, because a million `recordEvent` calls would take longer
 * than the drain they prepare.
 */
export async function seedDeliveries(
  db: BenchDatabase,
  webhooks: readonly BenchWebhook[],
  count: number,
): Promise<void> {
  const dataJson = JSON.stringify(sampleData());
  const eventsPerBatch = Math.max(1, Math.floor(500 / webhooks.length));
  const events = Math.ceil(count / webhooks.length);
  let remaining = count;
  const batchesPerTransaction = 20;
  for (let e = 0; e < events; ) {
    await db.store.db.transaction().execute(async (trx) => {
      for (let b = 0; b < batchesPerTransaction && e < events; b++) {
        const now = Date.now();
        const eventRows: Insertable<EventsTable>[] = [];
        const deliveryRows: Insertable<DeliveriesTable>[] = [];
        for (let k = 0; k < eventsPerBatch && e < events; k++, e++) {
          const eventId = newId('evt', now);
          eventRows.push({
            id: eventId,
            program_id: db.programId,
            type: EVENT_TYPE,
            data: dataJson,
            source: 'api',
            created_at: now,
          });
          for (const w of webhooks) {
            if (remaining === 0) break;
            remaining--;
            deliveryRows.push(
              pendingDeliveryRow({
                programId: db.programId,
                eventId,
                eventType: EVENT_TYPE,
                webhook: w,
                now,
              }),
            );
          }
        }
        await trx.insertInto('events').values(eventRows).execute();
        await trx.insertInto('deliveries').values(deliveryRows).execute();
      }
    });
  }
  if (db.engine === 'postgres') await sql`analyze`.execute(db.store.db);
}

/** How many deliveries are in each status, and how many attempts are logged. */
export async function deliveryCounts(
  db: BenchDatabase,
): Promise<{ byStatus: Record<string, number>; attempts: number }> {
  const rows = await db.store.db
    .selectFrom('deliveries')
    .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy('status')
    .execute();
  const byStatus: Record<string, number> = {};
  for (const r of rows) byStatus[r.status] = Number(r.n);
  const attempts = await db.store.db
    .selectFrom('attempts')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return { byStatus, attempts: Number(attempts.n) };
}

/** Deliveries not yet succeeded (cheap enough to poll at the end of a drain). */
export async function unfinished(db: BenchDatabase): Promise<number> {
  const row = await db.store.db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '!=', 'succeeded')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Deliveries (any status) addressed to these URLs. */
export async function deliveriesTo(db: BenchDatabase, urls: readonly string[]): Promise<number> {
  const row = await db.store.db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('url', 'in', [...urls])
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Pending deliveries addressed to these URLs. */
export async function pendingTo(db: BenchDatabase, urls: readonly string[]): Promise<number> {
  const row = await db.store.db
    .selectFrom('deliveries')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('url', 'in', [...urls])
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
