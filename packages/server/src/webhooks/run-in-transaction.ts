import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';

/**
 * Runs `work` in the caller's transaction when `db` is one, else in a new one: a transition that
 * must be atomic (deactivate and cancel) is then atomic on its own and also composes into a
 * larger one (revoking an API key), since Kysely cannot nest transactions.
 */
export function inTransaction<T>(
  db: Kysely<Database>,
  work: (trx: Kysely<Database>) => Promise<T>,
): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}
