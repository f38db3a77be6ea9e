import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import { recordEvent } from '../outbox/outbox.js';
import type { DeliveryWakeup } from '../outbox/outbox.js';
import type { Store } from '../storage/index.js';
import type { Database } from '../storage/index.js';
import type { Clock } from '../util/time.js';
import type { EventType } from '../webhooks/catalog.js';

/** What the partner-program services need: the API's resolved deps satisfy it. */
export interface DomainDeps {
  readonly store: Store;
  readonly config: Pick<Config, 'retrySchedule'>;
  readonly wakeup: DeliveryWakeup;
  readonly clock: Clock;
}

/** One change in progress: its transaction, its time, and how it fires events. */
export interface Change {
  readonly trx: Kysely<Database>;
  readonly programId: string;
  readonly now: number;
  /** Records the event and its deliveries in this change's transaction. */
  emit(type: EventType, data: unknown): Promise<void>;
}

/**
 * Runs `work` as one transaction: the resource rows, their events and the events' deliveries
 * commit together or not at all (the outbox rule). After the commit, wakes the dispatcher if
 * anything was emitted. A thrown error rolls everything back, so a refused transition writes
 * no row and fires no event.
 */
export async function commitChange<T>(
  deps: DomainDeps,
  programId: string,
  work: (change: Change) => Promise<T>,
): Promise<T> {
  const now = deps.clock();
  let emitted = 0;
  const result = await deps.store.db.transaction().execute((trx) =>
    work({
      trx,
      programId,
      now,
      async emit(type, data) {
        await recordEvent(trx, {
          programId,
          type,
          data,
          source: 'resource',
          now,
          firstAttemptDelayMs: deps.config.retrySchedule[0] ?? 0,
        });
        emitted++;
      },
    }),
  );
  if (emitted > 0) deps.wakeup.wake();
  return result;
}
