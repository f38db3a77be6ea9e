import type { WebhookRow } from '../webhooks/webhook-store.js';
import type { PreviousSecret } from '../webhooks/webhook-store.js';
import { formatNullableTimestamp } from '../util/time.js';

/**
 * When `Signature` starts carrying the webhook's current secret: the end of the last grace
 * period still running, or `null` when it already does. Until then it carries the oldest secret
 * still valid (see `signAttempt`), so a receiver that checks only `Signature` keeps verifying.
 */
export function signatureSwitchesAt(
  row: Pick<WebhookRow, 'previous_secrets'>,
  now: number,
): string | null {
  const running = (JSON.parse(row.previous_secrets) as PreviousSecret[])
    .map((p) => p.expires_at)
    .filter((expiresAt) => expiresAt > now);
  return formatNullableTimestamp(running.length > 0 ? Math.max(...running) : null);
}
