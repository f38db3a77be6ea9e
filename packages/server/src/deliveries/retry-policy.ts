/**
 * What happens to a delivery after an attempt, as a pure function of the outcome, the attempt
 * number, the schedule and the clock. No I/O here: the dispatcher, the manual-retry path and
 * the tests all share it.
 */

/** The state a delivery moves to after a scheduled attempt. */
export type NextDeliveryState =
  | { readonly status: 'succeeded' }
  | { readonly status: 'pending'; readonly nextAttemptAt: number }
  | { readonly status: 'failed' };

/**
 * Decides the next state of a delivery after a **scheduled** attempt.
 *
 * `schedule[i]` is the delay before attempt `i + 1` (so `schedule[0]` is the delay of the first
 * attempt, usually 0) and `schedule.length` is the number of attempts. After a failed attempt
 * `n`, the next one is due `schedule[n]` ms later; after the last one the delivery is `failed`.
 *
 * @param attemptNumber - 1-based number of the attempt that just finished
 * @example
 * nextDeliveryState({ succeeded: false, attemptNumber: 1, schedule: [0, 60_000], now: 0 })
 * // { status: 'pending', nextAttemptAt: 60_000 }
 */
export function nextDeliveryState(input: {
  readonly succeeded: boolean;
  readonly attemptNumber: number;
  readonly schedule: readonly number[];
  readonly now: number;
}): NextDeliveryState {
  if (input.succeeded) return { status: 'succeeded' };
  const delay = input.schedule[input.attemptNumber];
  if (delay === undefined || input.attemptNumber < 1) return { status: 'failed' };
  return { status: 'pending', nextAttemptAt: input.now + delay };
}

/** The status a delivery keeps after a manual attempt (`POST /v1/deliveries/{id}/retry`). */
export type ManualResultStatus = 'succeeded' | 'pending' | 'failed' | 'cancelled';

/**
 * Decides the status after a **manual** attempt: a success always makes the delivery
 * `succeeded`; a failure never makes it worse than it was and does not move its schedule (a
 * pending delivery keeps its next scheduled attempt, a failed one stays failed, a succeeded one
 * stays succeeded, since it was delivered once already).
 *
 * @example manualResultStatus('failed', true) // 'succeeded'
 */
export function manualResultStatus(
  current: ManualResultStatus,
  succeeded: boolean,
): ManualResultStatus {
  return succeeded ? 'succeeded' : current;
}

/**
 * Throttled attempts (429/503 with `Retry-After`) that do not use up the retry budget, per
 * delivery. With `Retry-After` bounded by `HOOKLINE_RETRY_AFTER_MAX` (1 h), a receiver that
 * throttles forever delays a delivery by at most about a day before its attempts count again.
 */
export const FREE_THROTTLES = 24;

/**
 * Decides the next state of a delivery after a **scheduled** attempt, honouring what the
 * receiver asked (see dispatch/receiver-signals.ts):
 * - 410 Gone (`gone`): `failed` at once (its webhook is being disabled);
 * - throttled (`throttleUntil` set): `pending`, due at `throttleUntil`. While `throttleIsFree` (fewer than {@link FREE_THROTTLES} so far)
 *   the attempt does not use the retry budget: a receiver that asks to wait is not failing, and
 *   a burst that meets a rate limit must not lose events (what Standard Webhooks' "429
 *   throttles" implies). After that it counts like any failure, so nothing stays pending forever;
 * - otherwise {@link nextDeliveryState}.
 *
 * @param attemptNumber - 1-based number of this attempt within the retry budget (throttled
 *   attempts that were free not counted)
 * @example
 * nextDeliveryStateAfter({ succeeded: false, attemptNumber: 5, schedule: [0, 1, 1, 1, 1],
 *   now: 0, throttleUntil: 30_000, throttleIsFree: true, gone: false })
 * // { status: 'pending', nextAttemptAt: 30_000 }
 */
export function nextDeliveryStateAfter(input: {
  readonly succeeded: boolean;
  readonly attemptNumber: number;
  readonly schedule: readonly number[];
  readonly now: number;
  readonly throttleUntil: number | null;
  readonly throttleIsFree: boolean;
  readonly gone: boolean;
}): NextDeliveryState {
  if (input.succeeded) return { status: 'succeeded' };
  if (input.gone) return { status: 'failed' };
  if (input.throttleUntil !== null && input.throttleIsFree) {
    return { status: 'pending', nextAttemptAt: Math.max(input.throttleUntil, input.now) };
  }
  const next = nextDeliveryState(input);
  if (next.status !== 'pending' || input.throttleUntil === null) return next;
  return { status: 'pending', nextAttemptAt: Math.max(next.nextAttemptAt, input.throttleUntil) };
}
