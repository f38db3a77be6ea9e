/**
 * Endpoint lifecycle as pure functions of a webhook's failure record, an attempt's verdict and
 * the clock (no I/O; the writes are in webhooks/endpoint-state.ts, the wiring in
 * lifecycle-recorder.ts). A webhook that keeps failing is disabled with a reason, as Svix
 * (5 days of continuous failure) and Dub (20 failures in a row) do, and its owner is warned
 * before and told after.
 */

/** What one scheduled attempt means for its webhook's health. */
export type AttemptVerdict =
  /** A 2xx: the endpoint works; the failure record is cleared. */
  | 'succeeded'
  /** Failed; the delivery will be tried again. */
  | 'failed'
  /** Failed, and it was the delivery's last attempt (`delivery.exhausted`). */
  | 'exhausted'
  /** 429/503 with `Retry-After`: the receiver asked to slow down. Not a failure. */
  | 'throttled'
  /** 410 Gone: the receiver removed the endpoint. */
  | 'gone';

/** A webhook's failure record, as stored. */
export interface FailureRecord {
  /** Epoch ms of the first failed attempt since the last success; null while healthy. */
  readonly failingSince: number | null;
  /** Deliveries failed for good in a row. */
  readonly consecutiveFailures: number;
}

/** When a failing webhook is disabled. */
export interface DisablePolicy {
  /** Failing continuously this long (`HOOKLINE_DISABLE_AFTER`); null: never by time. */
  readonly disableAfterMs: number | null;
  /** This many deliveries failed for good in a row (`HOOKLINE_DISABLE_AFTER_FAILURES`); null: never. */
  readonly disableAfterFailures: number | null;
}

/** The failure record after an attempt, and whether it changed (a write is needed). */
export interface RecordChange {
  readonly next: FailureRecord;
  readonly changed: boolean;
}

/**
 * The failure record after an attempt with `verdict`. Throttling is not a failure (the
 * receiver is alive and said when to come back), so it leaves the record as it was.
 *
 * @example
 * nextFailureRecord({ failingSince: null, consecutiveFailures: 0 }, 'failed', 1000)
 * // { next: { failingSince: 1000, consecutiveFailures: 0 }, changed: true }
 */
export function nextFailureRecord(
  record: FailureRecord,
  verdict: AttemptVerdict,
  now: number,
): RecordChange {
  switch (verdict) {
    case 'succeeded': {
      const changed = record.failingSince !== null || record.consecutiveFailures !== 0;
      return { next: { failingSince: null, consecutiveFailures: 0 }, changed };
    }
    case 'throttled':
      return { next: record, changed: false };
    case 'failed':
    case 'gone':
      return {
        next: {
          failingSince: record.failingSince ?? now,
          consecutiveFailures: record.consecutiveFailures,
        },
        changed: record.failingSince === null,
      };
    case 'exhausted':
      return {
        next: {
          failingSince: record.failingSince ?? now,
          consecutiveFailures: record.consecutiveFailures + 1,
        },
        changed: true,
      };
  }
}

/**
 * Why a webhook must be disabled now, or `null`. A 410 always disables; otherwise the policy's
 * time or count threshold.
 *
 * @example
 * disableReason({ failingSince: 0, consecutiveFailures: 3 }, 'failed', 5 * 86_400_000,
 *   { disableAfterMs: 5 * 86_400_000, disableAfterFailures: null })
 * // 'failing continuously since ... (5 days)'
 */
export function disableReason(
  record: FailureRecord,
  verdict: AttemptVerdict,
  now: number,
  policy: DisablePolicy,
): string | null {
  if (verdict === 'gone') return 'The endpoint answered 410 Gone.';
  if (verdict === 'succeeded' || verdict === 'throttled') return null;
  if (
    policy.disableAfterMs !== null &&
    record.failingSince !== null &&
    now - record.failingSince >= policy.disableAfterMs
  ) {
    return `Every attempt failed for ${describeSpan(now - record.failingSince)}, since ${new Date(record.failingSince).toISOString()}.`;
  }
  if (
    policy.disableAfterFailures !== null &&
    record.consecutiveFailures >= policy.disableAfterFailures
  ) {
    return `${record.consecutiveFailures} deliveries in a row failed every attempt.`;
  }
  return null;
}

/** Every how many exhausted deliveries in a row the owner is warned again. */
export const WARN_EVERY = 5;

/**
 * Whether to warn the owner (`webhook.failing`) after this attempt: at the first delivery that
 * failed for good in a streak, then every {@link WARN_EVERY}th (Dub warns at 5, 10 and 15).
 */
export function shouldWarn(before: FailureRecord, after: FailureRecord): boolean {
  if (after.consecutiveFailures === before.consecutiveFailures) return false;
  return after.consecutiveFailures === 1 || after.consecutiveFailures % WARN_EVERY === 0;
}

/** When the webhook will be disabled if nothing changes (for the warning), or null. */
export function disablesAt(record: FailureRecord, policy: DisablePolicy): number | null {
  if (policy.disableAfterMs === null || record.failingSince === null) return null;
  return record.failingSince + policy.disableAfterMs;
}

function describeSpan(ms: number): string {
  const hours = ms / 3_600_000;
  if (hours >= 48) return `${Math.floor(hours / 24)} days`;
  if (hours >= 1) return `${Math.floor(hours)} hours`;
  return `${Math.max(1, Math.floor(ms / 60_000))} minutes`;
}
