import type { Store } from '../storage/index.js';
import { recordEvent } from './outbox.js';
import type { RecordedEvent } from './outbox.js';

/** One event to publish (`POST /v1/events` without an `Idempotency-Key`). */
export interface PublishInput {
  readonly programId: string;
  readonly type: string;
  readonly data: unknown;
  readonly now: number;
  readonly firstAttemptDelayMs: number;
}

/** Records published events, as cheaply as the engine allows. */
export interface Publisher {
  /** Resolves once the event and its deliveries are committed. */
  publish(input: PublishInput): Promise<RecordedEvent>;
}

/** Most publishes committed in one SQLite transaction. */
const MAX_GROUP = 256;

/**
 * Creates the publisher of an app.
 *
 * - **PostgreSQL**: the outbox write is one statement (event and deliveries in one CTE), atomic
 *   on its own: one round trip, no `BEGIN`/`COMMIT`.
 * - **SQLite**: group commit. SQLite has one writer and a commit is the expensive part (the WAL
 *   write), so the publishes that arrive while one transaction commits are written together in
 *   the next one. A failing group is retried one publish per transaction, so one bad publish
 *   fails alone.
 */
export function createPublisher(store: Store): Publisher {
  if (store.engine === 'postgres') {
    return { publish: (input) => recordEvent(store.db, { ...input, source: 'api' }) };
  }
  type Waiting = {
    input: PublishInput;
    resolve: (recorded: RecordedEvent) => void;
    reject: (error: unknown) => void;
  };
  let queue: Waiting[] = [];
  let running = false;

  const writeAll = (group: readonly Waiting[]) =>
    store.db.transaction().execute(async (trx) => {
      const recorded: RecordedEvent[] = [];
      for (const w of group) recorded.push(await recordEvent(trx, { ...w.input, source: 'api' }));
      return recorded;
    });

  async function drain(): Promise<void> {
    running = true;
    while (queue.length > 0) {
      const group = queue.slice(0, MAX_GROUP);
      queue = queue.slice(group.length);
      try {
        const recorded = await writeAll(group);
        for (const [i, w] of group.entries()) w.resolve(recorded[i] as RecordedEvent);
      } catch {
        for (const w of group) {
          await writeAll([w]).then(
            ([recorded]) => w.resolve(recorded as RecordedEvent),
            (error: unknown) => w.reject(error),
          );
        }
      }
    }
    running = false;
  }

  return {
    publish(input) {
      return new Promise<RecordedEvent>((resolve, reject) => {
        queue.push({ input, resolve, reject });
        // The first publish of an idle publisher waits one turn of the event loop, so the
        // requests already parsed join it; later ones join the next group while this commits.
        if (!running) {
          running = true;
          setImmediate(() => void drain());
        }
      });
    },
  };
}
