/**
 * When the client sends a request again: pure functions of (request, response, retry number,
 * clock, random), kept apart from the I/O in `retrying-fetch.ts` so each rule is testable alone.
 */

/** Statuses that mean "not now, try later": rate limited, or the server is busy or stopping. */
export const RETRY_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** Methods that RFC 9110 defines as idempotent: sending them twice has the effect of once. */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set([
  'GET',
  'HEAD',
  'OPTIONS',
  'PUT',
  'DELETE',
]);

/** How the client retries; every field has a default (see {@link DEFAULT_RETRY_POLICY}). */
export interface RetryPolicy {
  /** Retries after the first attempt; `0` turns retrying off. Default 3 (4 attempts in all). */
  readonly maxRetries: number;
  /** First backoff step without `Retry-After`, doubled on every retry. Default 500 ms. */
  readonly baseDelayMs: number;
  /** Cap of one backoff step without `Retry-After`. Default 30 s. */
  readonly maxDelayMs: number;
  /**
   * The longest `Retry-After` the client waits for. A server asking for longer gets its answer
   * returned instead, so the caller decides (default 60 s) rather than a hidden long wait.
   */
  readonly maxRetryAfterMs: number;
}

/** The defaults of {@link RetryPolicy}. */
export const DEFAULT_RETRY_POLICY: RetryPolicy = Object.freeze({
  maxRetries: 3,
  baseDelayMs: 500,
  maxDelayMs: 30_000,
  maxRetryAfterMs: 60_000,
});

/**
 * Whether sending this request twice is safe: an idempotent method, or any method carrying an
 * `Idempotency-Key` header (Hookline answers a repeated key with the first result for 24 h).
 * A `POST` without a key is never resent: a 503 from a proxy may come after the server acted.
 */
export function isSafeToRetry(method: string, headers: Headers): boolean {
  if (IDEMPOTENT_METHODS.has(method.toUpperCase())) return true;
  const key = headers.get('idempotency-key');
  return key !== null && key !== '';
}

/**
 * The wait a `Retry-After` value asks for, in milliseconds: delay-seconds (`"1"`) or an HTTP
 * date (`"Wed, 21 Oct 2026 07:28:00 GMT"`, measured against `now`). A date in the past is 0.
 * `undefined` when absent or unreadable.
 */
export function retryAfterMs(value: string | null, now: number): number | undefined {
  if (value === null) return undefined;
  const text = value.trim();
  if (/^\d+$/.test(text)) return Number(text) * 1000;
  // Only the date forms RFC 9110 allows contain letters; this keeps "1.5" or "-1" unread.
  if (!/[A-Za-z]/.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * Exponential backoff with full jitter: a uniform wait in `[0, min(max, base * 2^retry))`, so
 * clients that failed together do not come back together. `retry` counts from 0.
 */
export function backoffMs(retry: number, policy: RetryPolicy, random: () => number): number {
  const ceiling = Math.min(policy.maxDelayMs, policy.baseDelayMs * 2 ** retry);
  return Math.floor(random() * ceiling);
}

/**
 * How long to wait before sending `request` again after `response`, or `undefined` to return
 * the response as it is. `retry` is the number of retries already made.
 */
export function retryDelayMs(
  request: Request,
  response: Response,
  retry: number,
  policy: RetryPolicy,
  clock: { now(): number; random(): number },
): number | undefined {
  if (!RETRY_STATUSES.has(response.status)) return undefined;
  if (retry >= policy.maxRetries) return undefined;
  if (!isSafeToRetry(request.method, request.headers)) return undefined;
  const asked = retryAfterMs(response.headers.get('retry-after'), clock.now());
  if (asked === undefined) return backoffMs(retry, policy, clock.random);
  return asked > policy.maxRetryAfterMs ? undefined : asked;
}
