import type { Selectable } from 'kysely';
import type { DeliveriesTable } from '../storage/index.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';

/** A delivery row as stored. */
export type DeliveryRow = Selectable<DeliveriesTable>;

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

/** A delivery as the API shows it in lists (no body, no attempts). */
export function presentDeliverySummary(
  row: Pick<DeliveryRow, (typeof DELIVERY_SUMMARY_COLUMNS)[number]>,
) {
  return {
    id: row.id,
    event_id: row.event_id,
    event: row.event_type,
    webhook_key: row.webhook_key,
    url: row.url,
    status: row.status,
    attempts: row.attempts,
    next_attempt_at: formatNullableTimestamp(row.next_attempt_at),
    last_status_code: row.last_status_code,
    last_error: row.last_error,
    last_attempt_at: formatNullableTimestamp(row.last_attempt_at),
    cancel_reason: row.cancel_reason,
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    completed_at: formatNullableTimestamp(row.completed_at),
  };
}
