import { sql } from 'kysely';
import { purgeDeliveriesOfEvents } from '../deliveries/index.js';
import { deleteEvents, expiredEventIds, purgeIdempotencyKeys } from '../outbox/purge.js';
import { IDEMPOTENCY_WINDOW_MS } from '../outbox/idempotency-window.js';
import type { Store } from '../storage/index.js';

/** What one {@link purgeBatch} deleted. */
export interface PurgeCounts {
  events: number;
  deliveries: number;
  attempts: number;
  idempotencyKeys: number;
  sessions: number;
  signInLinks: number;
}

const NOTHING: PurgeCounts = {
  events: 0,
  deliveries: 0,
  attempts: 0,
  idempotencyKeys: 0,
  sessions: 0,
  signInLinks: 0,
};

/** Options of {@link purgeBatch}. */
export interface PurgeOptions {
  /** The current time (epoch ms); injected so a soak run can simulate months. */
  readonly now: number;
  /** Events (with their deliveries and attempts) older than this are deleted. */
  readonly retentionMs: number;
  /** Most events (and idempotency keys) per transaction. */
  readonly batchSize: number;
}

/**
 * One batch of the retention purge, in one short transaction: up to `batchSize` events older
 * than the window whose deliveries are all final, with those deliveries and their attempts;
 * up to `batchSize` expired idempotency keys; expired dashboard sessions and sign-in links.
 * A pending delivery is never deleted (nor its event). Small batches keep each write lock
 * short, so deliveries keep flowing while months of history go.
 *
 * @returns the counts; a full batch of events or keys means there may be more
 */
export async function purgeBatch(store: Store, options: PurgeOptions): Promise<PurgeCounts> {
  const cutoff = options.now - options.retentionMs;
  return store.db.transaction().execute(async (trx) => {
    if (store.engine === 'postgres') {
      // Several worker processes run the job; one purges at a time per schema, the others
      // skip the batch instead of deleting the same rows twice.
      const lock = await sql<{
        locked: boolean;
      }>`select pg_try_advisory_xact_lock(hashtext(current_schema() || ':retention')) as locked`.execute(
        trx,
      );
      if (!lock.rows[0]?.locked) return { ...NOTHING };
    }
    const ids = await expiredEventIds(trx, cutoff, options.batchSize);
    const { deliveries, attempts } = await purgeDeliveriesOfEvents(trx, ids);
    const events = await deleteEvents(trx, ids);
    const idempotencyKeys = await purgeIdempotencyKeys(
      trx,
      options.now - IDEMPOTENCY_WINDOW_MS,
      options.batchSize,
    );
    const sessions = await trx
      .deleteFrom('sessions')
      .where('expires_at', '<=', options.now)
      .executeTakeFirst();
    const links = await trx
      .deleteFrom('sign_in_links')
      .where('expires_at', '<=', options.now)
      .executeTakeFirst();
    return {
      events,
      deliveries,
      attempts,
      idempotencyKeys,
      sessions: Number(sessions.numDeletedRows),
      signInLinks: Number(links.numDeletedRows),
    };
  });
}

/**
 * Gives freed pages back to the file system: SQLite's incremental vacuum, at most `maxPages`
 * pages per call, in transactions of {@link PAGES_PER_TRANSACTION} so the write lock is held
 * for a few milliseconds at a time. A no-op on PostgreSQL, whose autovacuum marks deleted rows'
 * space for reuse by later inserts (so the tables stop growing at the window's size), and on
 * SQLite databases created before auto_vacuum was set (their free pages are reused the same
 * way; see docs/operations.md).
 *
 * @returns the pages released
 */
export async function releaseFreePages(store: Store, maxPages = 4096): Promise<number> {
  if (store.engine !== 'sqlite') return 0;
  const mode = await sql<{ auto_vacuum: number }>`pragma auto_vacuum`.execute(store.db);
  if (Number(mode.rows[0]?.auto_vacuum) !== 2) return 0;
  const free = await freelistCount(store);
  const target = Math.min(free, Math.max(0, Math.floor(maxPages)));
  for (let done = 0; done < target; done += PAGES_PER_TRANSACTION) {
    const pages = Math.min(PAGES_PER_TRANSACTION, target - done);
    await store.db.transaction().execute(async (trx) => {
      // One page per statement: through Kysely's driver (better-sqlite3's `run()`, one step)
      // `incremental_vacuum(N)` frees a single page whatever N is.
      for (let i = 0; i < pages; i++) await sql`pragma incremental_vacuum(1)`.execute(trx);
    });
  }
  return free - (await freelistCount(store));
}

/** Pages of a transaction of {@link releaseFreePages}: ~0.2 ms each on this kind of machine. */
const PAGES_PER_TRANSACTION = 128;

async function freelistCount(store: Store): Promise<number> {
  const { rows } = await sql<{ freelist_count: number }>`pragma freelist_count`.execute(store.db);
  return Number(rows[0]?.freelist_count ?? 0);
}
