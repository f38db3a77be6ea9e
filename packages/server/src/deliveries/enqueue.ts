import type { Insertable, Kysely } from 'kysely';
import type { Database, DeliveriesTable } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { ALL_EVENTS } from '../webhooks/catalog.js';
import { buildEnvelopeBody } from '../webhooks/envelope.js';

/** The event a delivery fans out from, as the outbox recorded it. */
export interface EnqueuedEvent {
  readonly programId: string;
  readonly id: string;
  readonly type: string;
  readonly data: unknown;
  readonly createdAt: number;
}

/** Options of {@link enqueue}. */
export interface EnqueueOptions {
  /** When the first attempt is due. Default the event's `createdAt`. */
  readonly dueAt?: number;
  /** Only this webhook (a test send); by default every subscribed active one. */
  readonly onlyWebhookId?: string;
  /**
   * A test delivery: no scheduled attempt (`next_attempt_at = null`), so the dispatcher never
   * takes it; the request that created it makes its one attempt.
   */
  readonly test?: boolean;
}

/**
 * Transition `∅ → pending`: one delivery of an event per active webhook of its program
 * subscribed to its type, **inside the caller's transaction** (the outbox: the change, the
 * event and its deliveries commit together). The URL, the webhook key and the envelope's
 * `created_at` are fixed here, so the body is the same bytes on every retry.
 *
 * @returns the ids of the deliveries created, oldest webhook first
 */
export async function enqueue(
  trx: Kysely<Database>,
  event: EnqueuedEvent,
  options: EnqueueOptions = {},
): Promise<string[]> {
  let query = trx
    .selectFrom('webhooks')
    .select(['id', 'key', 'url', 'events'])
    .where('program_id', '=', event.programId)
    .where('is_active', '=', 1);
  if (options.onlyWebhookId !== undefined) query = query.where('id', '=', options.onlyWebhookId);
  const webhooks = await query.orderBy('id').execute();
  const rows = webhooks
    .filter((w) => {
      if (options.onlyWebhookId !== undefined) return true;
      const events = JSON.parse(w.events) as string[];
      return events.includes(ALL_EVENTS) || events.includes(event.type);
    })
    .map((w) => {
      const row = pendingDeliveryRow({
        programId: event.programId,
        eventId: event.id,
        eventType: event.type,
        webhook: w,
        data: event.data,
        now: event.createdAt,
        dueAt: options.dueAt ?? event.createdAt,
      });
      return options.test ? { ...row, next_attempt_at: null } : row;
    });
  // Chunked so a program with many webhooks stays under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 50) {
    await trx
      .insertInto('deliveries')
      .values(rows.slice(i, i + 50))
      .execute();
  }
  return rows.map((r) => r.id);
}

/**
 * The row of a new pending delivery of an event to a webhook. Exported for tools that seed
 * deliveries in bulk (benchmarks, tests) so that they write exactly what {@link enqueue} writes.
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
  };
}
