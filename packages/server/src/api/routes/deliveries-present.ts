import type { AttemptRow, DeliveryRow, DeliverySummaryRow } from '../../deliveries/index.js';
import { formatNullableTimestamp, formatTimestamp } from '../../util/time.js';
import { visibleUrl } from '../../webhooks/postbacks-target.js';
import type { Attempt, DeliveryDetail, DeliverySummary } from './delivery-schemas.js';

/**
 * Serialisers of the delivery log, beside the routes that answer with them (deliveries,
 * events, webhook actions). Their return types are the response schemas' inferred types.
 */

/** A delivery as the API shows it in lists (no body, no attempts). */
export function presentDeliverySummary(row: DeliverySummaryRow): DeliverySummary {
  return {
    id: row.id,
    event_id: row.event_id,
    event: row.event_type,
    webhook_key: row.webhook_key,
    // A partner postback's delivery keeps its target in `url`; people see the URL it went to.
    url: visibleUrl(row.url),
    status: row.status as DeliverySummary['status'],
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

/**
 * An attempt as the API shows it: what was sent (headers; the body is the delivery's), what
 * came back (status, headers, the first 16 KiB of the body) and why it failed.
 */
export function presentAttempt(row: AttemptRow): Attempt {
  return {
    id: row.id,
    delivery_id: row.delivery_id,
    number: row.number,
    trigger: row.trigger as Attempt['trigger'],
    started_at: formatTimestamp(row.started_at),
    duration_ms: row.duration_ms,
    succeeded: row.succeeded === 1,
    request_headers: JSON.parse(row.request_headers) as Record<string, string>,
    response_status: row.response_status,
    response_headers:
      row.response_headers === null
        ? null
        : (JSON.parse(row.response_headers) as Record<string, string>),
    response_body: row.response_body,
    error_class: row.error_class,
    error_message: row.error_message,
  };
}

/**
 * A delivery with its body (the exact request body of every attempt) and every attempt, oldest
 * first, in `attempt_log` (`GET /v1/deliveries/{id}`).
 */
export function presentDeliveryDetail(
  row: DeliveryRow,
  body: string,
  attempts: readonly AttemptRow[],
): DeliveryDetail {
  return {
    ...presentDeliverySummary(row),
    body,
    attempt_log: attempts.map(presentAttempt),
  };
}
