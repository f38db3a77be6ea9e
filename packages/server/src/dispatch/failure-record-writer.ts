import type { Kysely } from 'kysely';
import { createGroupCommit } from '../storage/index.js';
import type { Database } from '../storage/index.js';
import { saveFailureRecords } from '../webhooks/index.js';
import type { FailureRecordChange, StoredFailureRecord } from '../webhooks/index.js';

/** Writes webhooks' failure records in batches (see {@link createFailureRecordWriter}). */
export interface FailureRecordWriter {
  /** Queues a change; resolves with the record after it once its batch is written. */
  save(change: FailureRecordChange): Promise<StoredFailureRecord | undefined>;
}

/**
 * The endpoint lifecycle's group commit (storage/group-commit.ts): the failure-record changes of
 * one event-loop turn are written together (`saveFailureRecords`, one statement per round), one
 * batch at a time; changes that arrive meanwhile form the next. A single write per attempt was
 * a statement each: when 200 partners' postbacks timed out together, 256 of them at once held
 * every pooled PostgreSQL connection, and the claims and result writes of the owner's webhooks waited 0.1 to 0.6 s
 * behind them (docs/design-measurements.md).
 *
 * @example
 * const failures = createFailureRecordWriter(store.db);
 * const record = await failures.save({ webhookId, change: 'failed', now });
 */
export function createFailureRecordWriter(db: Kysely<Database>): FailureRecordWriter {
  const batches = createGroupCommit<FailureRecordChange, StoredFailureRecord | undefined>(
    (changes) => saveFailureRecords(db, changes),
  );
  return { save: (change) => batches.add(change) };
}
