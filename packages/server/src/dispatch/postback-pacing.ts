/**
 * Pacing of postback starts: a token bucket, as pure functions over its state.
 *
 * Postbacks that time out together (200 partners' hanging endpoints) end together, and
 * restarting them all in the next claim put their results, failure records and 128 new claims
 * on the main thread at once, every 5 s: the owner's p99 rose with that burst
 * (docs/design-measurements.md, "Pacing postback starts"). At most `burst` start at once, the
 * rest at `ratePerSecond`, so the restarts, and their timeouts after them, spread out.
 */

/** Most starts the bucket holds: one claim takes at most this many postbacks. */
export const POSTBACK_START_BURST = 16;

/** The bucket: starts available (fractional) as of `at` (epoch ms). */
export interface PostbackPace {
  readonly tokens: number;
  readonly at: number;
}

/** A full bucket at `now`. */
export function newPostbackPace(now: number, burst = POSTBACK_START_BURST): PostbackPace {
  return { tokens: burst, at: now };
}

/**
 * The bucket refilled up to `now`. A rate of 0 is unpaced: the bucket stays full. A clock that
 * went back refills nothing.
 */
export function refillPostbackPace(
  pace: PostbackPace,
  now: number,
  ratePerSecond: number,
  burst = POSTBACK_START_BURST,
): PostbackPace {
  if (ratePerSecond <= 0) return { tokens: burst, at: now };
  const elapsed = Math.max(0, now - pace.at);
  return { tokens: Math.min(burst, pace.tokens + (elapsed * ratePerSecond) / 1000), at: now };
}

/** Whole starts the bucket allows now. */
export function postbackStartsAllowed(pace: PostbackPace): number {
  return Math.max(0, Math.floor(pace.tokens));
}

/**
 * The bucket after `started` postback starts were taken from it; a negative `started` gives
 * back starts taken and not used (never past `burst`).
 */
export function spendPostbackPace(
  pace: PostbackPace,
  started: number,
  burst = POSTBACK_START_BURST,
): PostbackPace {
  return { tokens: Math.min(burst, Math.max(0, pace.tokens - started)), at: pace.at };
}

/** Milliseconds until the bucket allows one more start (0 if it already does). */
export function msUntilNextPostbackStart(pace: PostbackPace, ratePerSecond: number): number {
  if (ratePerSecond <= 0 || pace.tokens >= 1) return 0;
  return Math.ceil(((1 - pace.tokens) * 1000) / ratePerSecond);
}
