/**
 * The deliveries module: the only writer of the `deliveries` table (and of the attempt log),
 * like graphile-worker's `complete_job`/`fail_job` or pg-boss's plans. Every change of a
 * delivery's state is one of these named transitions:
 *
 * | transition | from → to | caller |
 * |---|---|---|
 * | {@link enqueue} | ∅ → pending | the outbox (`outbox/outbox.ts`) |
 * | {@link claim} | pending (due) → pending (leased) | dispatcher |
 * | {@link createAttemptRecorder} | leased → succeeded / pending (next retry) / failed | dispatcher (group commit) |
 * | {@link beginManualAttempt} + {@link finishManualAttempt} | any → leased by `api_…` → result | manual retry, test send |
 * | {@link renewLeases} | leased → leased (lease restarted) | dispatcher, before an attempt whose lease aged |
 * | {@link release} | leased → pending (due now) | dispatcher shutdown |
 * | {@link cancelForWebhook}, {@link cancelByIds} | pending → cancelled | webhook routes, listeners, claim |
 * | {@link requeueFailed} | failed / cancelled → pending (due now) | bulk retry |
 * | `enqueue(…, { test: true })` | ∅ → pending, never due | test send |
 * | {@link purgeDeliveriesOfEvents} | final → deleted | retention job |
 * | {@link claim} (paused webhook) | pending (due) → pending (due at `paused_until`) | dispatcher: a receiver's `Retry-After` |
 *
 * **Not due until.** A delivery is due when `status = 'pending' and next_attempt_at <= now`;
 * `next_attempt_at = null` means no attempt is scheduled (final, or a test delivery whose one
 * attempt belongs to its request). Whoever makes an attempt holds a lease (`locked_by`, a
 * worker `w_…` or a request `api_…`; `locked_until`) taken only when no lease is live, and a
 * scheduled delivery's `next_attempt_at` moves to the lease end, so it is not due while held
 * and due again if the holder dies. Only the holder writes the result.
 *
 * **How long a lease lasts.** A scheduled attempt's lease is the longest the attempt can take:
 * the delivery timeout (a hard deadline that covers DNS, connect, headers and body) plus a
 * margin, and the dispatcher starts an attempt only while its lease still covers that whole
 * deadline (else it renews the lease first). So a worker killed with `-9` gives its deliveries
 * back a few seconds after its last claim, and a live worker's attempt is never claimed twice
 * while it runs. (A manual attempt's lease is `HOOKLINE_LEASE`.)
 *
 * **Events.** {@link emitAttemptOutcome} is the one rule for `delivery:*` events.
 */
export { deliveryBody, eventDataOf } from './body.js';
export type { BodyFields } from './body.js';
export { cancelByIds, cancelForWebhook } from './cancel.js';
export { claim, release, renewLeases } from './claim.js';
export type { ClaimOptions, ClaimResult, ClaimedDelivery } from './claim.js';
export { enqueue, pendingDeliveryRow } from './enqueue.js';
export type { EnqueueOptions } from './enqueue.js';
export { DeliveryFeed, emitAttemptOutcome } from './feed.js';
export type { AttemptNotice, DeliveryFeedMap } from './feed.js';
export { LANES, OWNER_LANE, POSTBACK_LANE, postbackInFlightCap } from './lanes.js';
export { beginManualAttempt, finishManualAttempt } from './manual.js';
export type { ManualAttempt, ManualAttemptRefusal, ManualAttemptResult } from './manual.js';
export type { AttemptOutcome } from './outcome.js';
export {
  DELIVERY_SUMMARY_COLUMNS,
  eventDeliveriesQuery,
  findDelivery,
  listDeliveries,
} from './queries.js';
export type { AttemptRow, DeliveryListQuery, DeliveryRow, DeliverySummaryRow } from './queries.js';
export { createAttemptRecorder, lastErrorOf } from './record.js';
export type { AttemptRecorder, AttemptResult } from './record.js';
export { purgeDeliveriesOfEvents } from './purge.js';
export { requeueFailed } from './requeue.js';
export type { RequeueFilter } from './requeue.js';
export {
  FREE_THROTTLES,
  manualResultStatus,
  nextDeliveryState,
  nextDeliveryStateAfter,
} from './retry-policy.js';
export type { ManualResultStatus, NextDeliveryState } from './retry-policy.js';
