import type { Kysely } from 'kysely';
import type { Insertable } from 'kysely';
import type { Database, DeliveriesTable } from '../storage/index.js';
import { buildEnvelopeBody } from '../webhooks/envelope.js';
import { newId } from '../util/ids.js';
import { ALL_EVENTS } from '../webhooks/catalog.js';
import { wildcardCovers } from '../domain/program-types.js';

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
 * The outbox: records an event and one pending delivery per active webhook of the program
 * subscribed to its type, **inside the caller's transaction**, so that the change that caused
 * the event, the event and its deliveries commit together or not at all. Each delivery's body
 * is built here, once, and never rebuilt.
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
    /** Only this webhook (a test send, a listener); by default every subscribed one. */
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

  let query = trx
    .selectFrom('webhooks')
    .select(['id', 'key', 'url', 'events'])
    .where('program_id', '=', input.programId)
    .where('is_active', '=', 1);
  if (input.onlyWebhookId !== undefined) query = query.where('id', '=', input.onlyWebhookId);
  const webhooks = await query.orderBy('id').execute();

  // `*` means every event of the program's type (issue 12); asked only when a `*` webhook exists.
  let wildcard: boolean | undefined;
  const subscribed: typeof webhooks = [];
  for (const w of webhooks) {
    const events = JSON.parse(w.events) as string[];
    if (input.onlyWebhookId !== undefined || events.includes(input.type)) subscribed.push(w);
    else if (events.includes(ALL_EVENTS)) {
      wildcard ??= await wildcardCovers(trx, input.programId, input.type);
      if (wildcard) subscribed.push(w);
    }
  }
  const deliveries = subscribed.map((w) =>
    pendingDeliveryRow({
      programId: input.programId,
      eventId,
      eventType: input.type,
      webhook: w,
      data: input.data,
      now,
      dueAt: now + (input.firstAttemptDelayMs ?? 0),
    }),
  );
  // Chunked so a program with many webhooks stays under SQLite's bound-parameter limit.
  for (let i = 0; i < deliveries.length; i += 50) {
    await trx
      .insertInto('deliveries')
      .values(deliveries.slice(i, i + 50))
      .execute();
  }
  return {
    id: eventId,
    type: input.type,
    createdAt: now,
    deliveryIds: deliveries.map((d) => d.id),
  };
}

/**
 * Wakes the dispatcher after a commit that created deliveries. In one process this is an
 * in-memory signal; on PostgreSQL the dispatcher module also sends `NOTIFY` so that workers in
 * other processes wake too.
 */
export interface DeliveryWakeup {
  wake(): void;
}

/** A wake-up that does nothing, for tools that only write (the CLI's migrate, tests). */
export const noWakeup: DeliveryWakeup = { wake() {} };

/**
 * The row of a new pending delivery of an event to a webhook, with its body built (the only
 * place a delivery body is built). Exported for tools that seed deliveries in bulk (benchmarks,
 * tests) so that they write exactly what the outbox writes.
 */
export function pendingDeliveryRow(input: {
  programId: string;
  eventId: string;
  eventType: string;
  webhook: { id: string; key: string; url: string };
  data: unknown;
  now: number;
  /** When the first attempt is due. Default `now`. */
  dueAt?: number;
}): Insertable<DeliveriesTable> {
  const { webhook, now } = input;
  return {
    id: newId('dlv', now),
    program_id: input.programId,
    event_id: input.eventId,
    event_type: input.eventType,
    webhook_id: webhook.id,
    webhook_key: webhook.key,
    url: webhook.url,
    body: buildEnvelopeBody({
      eventId: input.eventId,
      event: input.eventType,
      url: webhook.url,
      webhookKey: webhook.key,
      createdAt: now,
      data: input.data,
    }),
    status: 'pending',
    attempts: 0,
    next_attempt_at: input.dueAt ?? now,
    locked_until: null,
    locked_by: null,
    last_status_code: null,
    last_error: null,
    last_attempt_at: null,
    cancel_reason: null,
    created_at: now,
    updated_at: now,
    completed_at: null,
  };
}
