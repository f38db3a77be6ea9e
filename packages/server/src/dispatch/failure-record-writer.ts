import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { saveFailureRecords } from '../webhooks/index.js';
import type { FailureRecordChange, StoredFailureRecord } from '../webhooks/index.js';

/** Writes webhooks' failure records in batches (see {@link createFailureRecordWriter}). */
export interface FailureRecordWriter {
  /** Queues a change; resolves with the record after it once its batch is written. */
  save(change: FailureRecordChange): Promise<StoredFailureRecord | undefined>;
}

/**
 * The endpoint lifecycle's group commit: the failure-record changes of one event-loop turn are
 * written together (`saveFailureRecords`, one statement per round), one batch at a time; changes
 * that arrive meanwhile form the next. A single write per attempt was a statement each: when
 * 200 partners' postbacks timed out together, 256 of them at once held every pooled PostgreSQL
 * connection, and the claims and result writes of the owner's webhooks waited 0.1 to 0.6 s
 * behind them (docs/design-measurements.md).
 *
 * @example
 * const failures = createFailureRecordWriter(store.db);
 * const record = await failures.save({ webhookId, change: 'failed', now });
 */
export function createFailureRecordWriter(db: Kysely<Database>): FailureRecordWriter {
  type Waiting = {
    change: FailureRecordChange;
    resolve: (record: StoredFailureRecord | undefined) => void;
    reject: (error: unknown) => void;
  };
  let queue: Waiting[] = [];
  let scheduled = false;
  let running = false;

  const schedule = () => {
    if (scheduled || running) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void run();
    });
  };

  async function run(): Promise<void> {
    if (running || queue.length === 0) return;
    const batch = queue;
    queue = [];
    running = true;
    try {
      const records = await saveFailureRecords(
        db,
        batch.map((w) => w.change),
      );
      for (const [i, w] of batch.entries()) w.resolve(records[i]);
    } catch (error) {
      for (const w of batch) w.reject(error);
    } finally {
      running = false;
      if (queue.length > 0) schedule();
    }
  }

  return {
    save(change) {
      return new Promise((resolve, reject) => {
        queue.push({ change, resolve, reject });
        schedule();
      });
    },
  };
}
