import type { Kysely } from 'kysely';
import { enqueue } from '../deliveries/index.js';
import type { Database } from '../storage/index.js';
import { newId } from '../util/ids.js';

/** Where events come from: the publishing API, a partner-program change, or a test send. */
export type EventSource = 'api' | 'resource' | 'test';

/** What {@link recordEvent} wrote. */
export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly createdAt: number;
  /** Ids of the pending deliveries created, one per subscribed active webhook. */
  readonly deliveryIds: readonly string[];
}

/**
 * The outbox: records an event and, through the deliveries module's `enqueue`, one pending
 * delivery per active webhook of the program subscribed to its type, **inside the caller's
 * transaction**, so that the change that caused the event, the event and its deliveries commit
 * together or not at all.
 *
 * After the transaction commits, call {@link DeliveryWakeup.wake} so the dispatcher starts at
 * once instead of at its next poll.
 */
export async function recordEvent(
  trx: Kysely<Database>,
  input: {
    programId: string;
    type: string;
    data: unknown;
    source: EventSource;
    now?: number;
    /** Delay before the first attempt (the retry schedule's first entry). Default 0. */
    firstAttemptDelayMs?: number;
    /** Only this webhook (a test send); by default every subscribed one. */
    onlyWebhookId?: string;
  },
): Promise<RecordedEvent> {
  const now = input.now ?? Date.now();
  const eventId = newId('evt', now);
  await trx
    .insertInto('events')
    .values({
      id: eventId,
      program_id: input.programId,
      type: input.type,
      data: JSON.stringify(input.data),
      source: input.source,
      created_at: now,
    })
    .execute();
  const deliveryIds = await enqueue(
    trx,
    { programId: input.programId, id: eventId, type: input.type, data: input.data, createdAt: now },
    {
      dueAt: now + (input.firstAttemptDelayMs ?? 0),
      ...(input.onlyWebhookId !== undefined ? { onlyWebhookId: input.onlyWebhookId } : {}),
      test: input.source === 'test',
    },
  );
  return { id: eventId, type: input.type, createdAt: now, deliveryIds };
}

/**
 * Wakes the dispatcher after a commit that created deliveries. In one process this is an
 * in-memory signal; on PostgreSQL the wake-up hub also sends `NOTIFY` so that workers in other
 * processes wake too.
 */
export interface DeliveryWakeup {
  wake(): void;
}

/** A wake-up that does nothing, for tools that only write (the CLI's migrate, tests). */
export const noWakeup: DeliveryWakeup = { wake() {} };
