import { DEFAULT_RETRY_POLICY, isSafeToRetry, retryDelayMs } from './retry-policy.js';
import type { RetryPolicy } from './retry-policy.js';

/** The fetch the client calls: one `Request` in, one `Response` out. */
export type FetchLike = (request: Request) => Promise<Response>;

/** Waits `ms`; rejects with the signal's reason if it aborts first. */
export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Retry settings of `createClient`: the {@link RetryPolicy} plus injectable time. */
export interface RetryOptions extends Partial<RetryPolicy> {
  /** Waits between attempts (default: a timer, cancelled by the request's signal). */
  readonly sleep?: Sleep;
  /** Current time in ms, to read an HTTP-date `Retry-After` (default `Date.now`). */
  readonly now?: () => number;
  /** Uniform number in [0, 1) for the backoff jitter (default `Math.random`). */
  readonly random?: () => number;
}

/** A timer that the request's abort signal cancels, so an aborted call stops waiting at once. */
export const timerSleep: Sleep = (ms, signal) =>
  new Promise((resolve, reject) => {
    if (signal.aborted) {
      reject(signal.reason);
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(signal.reason);
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

/**
 * Wraps `fetch` so that 429 and 503 answers are retried per {@link retryDelayMs}: only
 * requests that are safe to send twice, at most `maxRetries` times, waiting what `Retry-After`
 * asks or an exponential backoff with jitter. Network errors are not retried (the caller sees
 * them at once). The last answer, whatever its status, is returned.
 *
 * @example
 * const fetch = retryingFetch(globalThis.fetch, { maxRetries: 2 });
 */
export function retryingFetch(base: FetchLike, options: RetryOptions = {}): FetchLike {
  const policy: RetryPolicy = {
    maxRetries: options.maxRetries ?? DEFAULT_RETRY_POLICY.maxRetries,
    baseDelayMs: options.baseDelayMs ?? DEFAULT_RETRY_POLICY.baseDelayMs,
    maxDelayMs: options.maxDelayMs ?? DEFAULT_RETRY_POLICY.maxDelayMs,
    maxRetryAfterMs: options.maxRetryAfterMs ?? DEFAULT_RETRY_POLICY.maxRetryAfterMs,
  };
  const sleep = options.sleep ?? timerSleep;
  const clock = { now: options.now ?? Date.now, random: options.random ?? Math.random };

  return async (request) => {
    if (policy.maxRetries <= 0 || !isSafeToRetry(request.method, request.headers)) {
      return base(request);
    }
    for (let retry = 0; ; retry++) {
      // A body can be read once: every attempt but the last sends a copy.
      const attempt = retry < policy.maxRetries ? request.clone() : request;
      const response = await base(attempt);
      const delay = retryDelayMs(request, response, retry, policy, clock);
      if (delay === undefined) return response;
      // Free the connection before waiting; the body of a refused attempt is not needed.
      await response.body?.cancel().catch(() => {});
      await sleep(delay, request.signal);
    }
  };
}
