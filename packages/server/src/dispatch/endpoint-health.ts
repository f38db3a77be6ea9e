/**
 * How an endpoint is doing, as a pure function of its recent attempts. The dashboard shows it
 * beside each webhook; `GET /v1/stats/webhooks` returns it. See docs/delivery.md.
 */

/** The health of a webhook's endpoint. */
export type EndpointHealth = 'healthy' | 'degraded' | 'failing' | 'idle' | 'disabled';

/** What {@link endpointHealth} looks at. */
export interface EndpointActivity {
  readonly isActive: boolean;
  /** Attempts in the window (24 h in the API). */
  readonly attempts: number;
  /** Of those, the ones that got a 2xx. */
  readonly succeeded: number;
  /** Failed attempts in a row, most recent first (0 when the last attempt succeeded). */
  readonly consecutiveFailures: number;
}

/** Success rate below which an endpoint is `degraded`. */
export const DEGRADED_BELOW = 0.95;
/** Success rate below which an endpoint is `failing`. */
export const FAILING_BELOW = 0.5;
/**
 * Failures in a row that make an endpoint `failing` whatever its rate: five is a whole default
 * retry schedule, so at least one delivery has just failed for good or is about to.
 */
export const FAILING_STREAK = 5;

/**
 * Classifies an endpoint:
 * - `disabled`: the webhook is inactive (nothing is sent);
 * - `idle`: no attempts in the window;
 * - `failing`: the last {@link FAILING_STREAK} attempts all failed, or fewer than half succeeded;
 * - `degraded`: the last attempt failed, or fewer than 95% succeeded;
 * - `healthy`: otherwise.
 *
 * @example
 * endpointHealth({ isActive: true, attempts: 100, succeeded: 99, consecutiveFailures: 0 })
 * // 'healthy'
 */
export function endpointHealth(activity: EndpointActivity): EndpointHealth {
  if (!activity.isActive) return 'disabled';
  if (activity.attempts === 0) return 'idle';
  const rate = activity.succeeded / activity.attempts;
  if (activity.consecutiveFailures >= FAILING_STREAK || rate < FAILING_BELOW) return 'failing';
  if (activity.consecutiveFailures > 0 || rate < DEGRADED_BELOW) return 'degraded';
  return 'healthy';
}
