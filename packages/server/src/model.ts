/**
 * The words of Hookline, defined once and used everywhere:
 *
 * - **program**: a tenant. Owns API keys, webhooks, events and the partner-program resources.
 * - **API key**: a bearer credential that belongs to one program; stored only as a hash.
 * - **event type**: one of the names of the catalog (`EVENT_TYPES` in webhooks/catalog.ts),
 *   e.g. `transaction.created`, with a JSON Schema for its `data` and a sample.
 * - **event**: one occurrence of an event type in a program, with an id (`evt_...`) that stays
 *   the same for every webhook and every retry. Receivers deduplicate on it.
 * - **webhook**: a subscription of a program: a URL, the event types it wants, and a signing
 *   **secret** (the `signature` field, Partnero's name for it). Addressed by its `key`.
 * - **delivery**: one event going to one webhook. Its body (the **envelope**) is built once
 *   and re-sent byte for byte. Status `pending | succeeded | failed | cancelled`.
 * - **attempt**: one HTTP exchange of a delivery, with its trigger (`scheduled`, `manual`,
 *   `test`), outcome and timings. Every attempt is logged.
 * - **outbox**: the rule that a change, its event and its deliveries commit together.
 */

/** Lifecycle of a delivery. */
export const DELIVERY_STATUSES = ['pending', 'succeeded', 'failed', 'cancelled'] as const;
/** One of {@link DELIVERY_STATUSES}. */
export type DeliveryStatus = (typeof DELIVERY_STATUSES)[number];

/** What started an attempt. */
export const ATTEMPT_TRIGGERS = ['scheduled', 'manual', 'test'] as const;
/** One of {@link ATTEMPT_TRIGGERS}. */
export type AttemptTrigger = (typeof ATTEMPT_TRIGGERS)[number];

/** Why an attempt failed, when it did. `http_status` is a non-2xx answer (3xx included). */
export const ERROR_CLASSES = [
  'timeout',
  'connection',
  'dns',
  'tls',
  'ssrf_blocked',
  'http_status',
] as const;
/** One of {@link ERROR_CLASSES}. */
export type ErrorClass = (typeof ERROR_CLASSES)[number];
