import type { Kysely } from 'kysely';
import { enqueue } from '../deliveries/index.js';
import type { DeliverySummaryRow } from '../deliveries/index.js';
import type { Database } from '../storage/index.js';
import { newId } from '../util/ids.js';

/** Where events come from: the publishing API, a partner-program change, or a test send. */
export type EventSource = 'api' | 'resource' | 'test';

/** What {@link recordEvent} wrote. */
export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly source: EventSource;
  readonly createdAt: number;
  /** The `data` JSON as stored (written once; every delivery body is built from it). */
  readonly dataJson: string;
  /** Ids of the pending deliveries created, one per subscribed active webhook. */
  readonly deliveryIds: readonly string[];
  /** Their summaries as written, oldest first (the publish response needs no read back). */
  readonly deliveries: readonly DeliverySummaryRow[];
}

/**
 * The outbox: records an event and one pending delivery per active webhook of the program
 * subscribed to its type (the deliveries module's `enqueue`), **inside the caller's
 * transaction** (or as one statement on PostgreSQL), so that the change that caused the event,
 * the event and its deliveries commit together or not at all.
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
  const event = {
    id: newId('evt', now),
    program_id: input.programId,
    type: input.type,
    data: JSON.stringify(input.data),
    source: input.source,
    created_at: now,
  };
  const deliveries = await enqueue(trx, event, {
    dueAt: now + (input.firstAttemptDelayMs ?? 0),
    ...(input.onlyWebhookId !== undefined ? { onlyWebhookId: input.onlyWebhookId } : {}),
    test: input.source === 'test',
  });
  return {
    id: event.id,
    type: input.type,
    source: input.source,
    createdAt: now,
    dataJson: event.data,
    deliveryIds: deliveries.map((d) => d.id),
    deliveries,
  };
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
