import type { Kysely, Selectable } from 'kysely';
import type { AttemptsTable, Database, DeliveriesTable } from '../storage/index.js';
import { deliveryBody, eventDataOf } from './body.js';

/** A delivery row as stored. */
export type DeliveryRow = Selectable<DeliveriesTable>;
/** An attempt row as stored. */
export type AttemptRow = Selectable<AttemptsTable>;

/** Columns of a delivery summary (everything but the body). */
export const DELIVERY_SUMMARY_COLUMNS = [
  'id',
  'event_id',
  'event_type',
  'webhook_key',
  'url',
  'status',
  'attempts',
  'next_attempt_at',
  'last_status_code',
  'last_error',
  'last_attempt_at',
  'cancel_reason',
  'created_at',
  'updated_at',
  'completed_at',
] as const;

/** A delivery summary row. */
export type DeliverySummaryRow = Pick<DeliveryRow, (typeof DELIVERY_SUMMARY_COLUMNS)[number]>;

/**
 * The summaries of one event's deliveries to the owner's webhooks, oldest first: the query
 * behind every publish response, so it must stay on the (event_id, id) index (see
 * test/foundation/query-plans). Partners' postbacks (lane 1) are theirs, not the owner's log.
 */
export function eventDeliveriesQuery(db: Kysely<Database>, programId: string, eventId: string) {
  return db
    .selectFrom('deliveries')
    .select(DELIVERY_SUMMARY_COLUMNS)
    .where('program_id', '=', programId)
    .where('event_id', '=', eventId)
    .where('lane', '=', 0)
    .orderBy('id');
}

/** Filters and paging of {@link listDeliveries}. */
export interface DeliveryListQuery {
  readonly programId: string;
  /** A live webhook by id (index `deliveries_webhook_id`), or a deleted one by its old key. */
  readonly webhook?: { readonly id: string } | { readonly key: string } | undefined;
  readonly status?: string | undefined;
  readonly eventType?: string | undefined;
  /** Id bounds of a creation-time window (ids start with their creation time). */
  readonly fromId?: string | undefined;
  readonly toId?: string | undefined;
  /** `desc` (newest first, the default) or `asc`. */
  readonly sort?: 'asc' | 'desc' | undefined;
  /**
   * Only this lane: `0` the owner's webhooks (the owner's log leaves partners' postbacks out),
   * `1` postbacks. Default every lane.
   */
  readonly lane?: 0 | 1 | undefined;
  readonly limit: number;
  readonly offset: number;
}

/** A page of delivery summaries, by id (= creation order), through the `(…, id)` indexes. */
export function listDeliveries(db: Kysely<Database>, q: DeliveryListQuery) {
  let query = db
    .selectFrom('deliveries')
    .select(DELIVERY_SUMMARY_COLUMNS)
    .where('program_id', '=', q.programId)
    .orderBy('id', q.sort ?? 'desc')
    .limit(q.limit)
    .offset(q.offset);
  const webhook = q.webhook;
  if (webhook && 'id' in webhook) query = query.where('webhook_id', '=', webhook.id);
  if (webhook && 'key' in webhook) query = query.where('webhook_key', '=', webhook.key);
  if (q.status !== undefined) query = query.where('status', '=', q.status);
  if (q.eventType !== undefined) query = query.where('event_type', '=', q.eventType);
  if (q.fromId !== undefined) query = query.where('id', '>=', q.fromId);
  if (q.toId !== undefined) query = query.where('id', '<', q.toId);
  if (q.lane !== undefined) query = query.where('lane', '=', q.lane);
  return query.execute();
}

/**
 * A delivery of a program with its exact body and every attempt, oldest first; `undefined`
 * if not found.
 */
export async function findDelivery(
  db: Kysely<Database>,
  programId: string,
  id: string,
  /** Only a delivery of this lane (the owner's log: `0`). Default any. */
  lane?: 0 | 1,
): Promise<{ delivery: DeliveryRow; body: string; attempts: AttemptRow[] } | undefined> {
  let query = db
    .selectFrom('deliveries')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id);
  if (lane !== undefined) query = query.where('lane', '=', lane);
  const delivery = await query.executeTakeFirst();
  if (!delivery) return undefined;
  const attempts = await db
    .selectFrom('attempts')
    .selectAll()
    .where('delivery_id', '=', delivery.id)
    .orderBy('id')
    .execute();
  const data = await eventDataOf(db, [delivery.event_id]);
  return {
    delivery,
    body: deliveryBody(delivery, data.get(delivery.event_id) ?? 'null'),
    attempts,
  };
}
