import { WebhookVerificationError } from './errors.js';
import { type HooklineEvent, isEventType } from './events.js';
import type { VerifiedWebhook } from './scheme.js';

/**
 * Parses a verified body into a typed event. Call it only on a body returned by `verify`:
 * parsing is kept apart from verification so that nothing reads untrusted JSON.
 *
 * It checks the envelope (`id`, `event`, `data`), not every field of `data`. An event type this
 * version does not know is refused: a webhook only receives the types it subscribed to, so one
 * arrives only after a subscription change, and a loud 400 in the delivery log then beats a
 * handler silently ignoring it.
 *
 * @param verified - the `body` string from `verify`, or its whole result
 * @throws WebhookVerificationError with reason `invalid_body` when the body is not an event
 *
 * @example
 * ```ts
 * const verified = verify(rawBody, req.headers, secret);
 * const event = parseEvent(verified);
 * if (event.event === 'reward.paid') console.log(event.data.amount);
 * ```
 */
export function parseEvent(verified: string | VerifiedWebhook): HooklineEvent {
  const body = typeof verified === 'string' ? verified : verified?.body;
  if (typeof body !== 'string') {
    throw new WebhookVerificationError(
      'invalid_body',
      'parseEvent expects the verified body string returned by verify()',
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch (error) {
    throw new WebhookVerificationError('invalid_body', 'The verified body is not valid JSON', {
      cause: error,
    });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new WebhookVerificationError('invalid_body', 'The body is not a JSON object');
  }
  const envelope = value as Record<string, unknown>;
  if (typeof envelope.id !== 'string' || envelope.id === '') {
    throw new WebhookVerificationError('invalid_body', 'The event envelope has no `id`');
  }
  if (!isEventType(envelope.event)) {
    const name =
      typeof envelope.event === 'string' ? `"${envelope.event.slice(0, 64)}"` : 'missing';
    throw new WebhookVerificationError(
      'invalid_body',
      `Unknown event type ${name}: upgrade @hookline/receiver, or unsubscribe the webhook from it`,
    );
  }
  const data = envelope.data;
  if (data === null || typeof data !== 'object' || Array.isArray(data)) {
    throw new WebhookVerificationError('invalid_body', 'The event envelope has no `data` object');
  }
  return value as HooklineEvent;
}
