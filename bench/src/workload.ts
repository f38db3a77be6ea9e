import { getEventType } from '../../packages/server/src/webhooks/catalog.js';
import { buildEnvelopeBody } from '../../packages/server/src/webhooks/envelope.js';
import { signAttempt } from '../../packages/server/src/webhooks/signing.js';
import { newId, randomAlphanumeric } from '../../packages/server/src/util/ids.js';
import { VERSION } from '../../packages/server/src/version.js';

/** The event every scenario sends: the catalog's `transaction.created` sample (~0.95 KB body). */
export const EVENT_TYPE = 'transaction.created';

/** The `data` of every event: the catalog sample, so the API accepts it as-is. */
export function sampleData(): Record<string, unknown> {
  const definition = getEventType(EVENT_TYPE);
  if (!definition) throw new Error(`the catalog has no ${EVENT_TYPE}`);
  return definition.sample as Record<string, unknown>;
}

/** A fresh signing secret in Hookline's format (32 alphanumerics, also valid base64). */
export function newSecret(): string {
  return randomAlphanumeric(32);
}

/** A time-ordered id, as the server makes them. */
export { newId };

/** The URL of endpoint `index` on a receiver port. */
export function endpointUrl(port: number, index: number): string {
  return `http://127.0.0.1:${port}/hooks/${index}`;
}

/** A webhook key for endpoint `index` (12 characters, like generated ones). */
export function webhookKey(index: number): string {
  return `bench${String(index).padStart(7, '0')}`;
}

/**
 * The exact body Hookline stores for one delivery: the real envelope builder, so the peers
 * send byte-identical payloads.
 */
export function deliveryBody(input: {
  eventId: string;
  url: string;
  webhookKey: string;
  createdAt: number;
  data: unknown;
}): string {
  return buildEnvelopeBody({ ...input, event: EVENT_TYPE });
}

/** The request headers of one attempt, signed now with the server's own `signAttempt`. */
export function attemptHeaders(
  eventId: string,
  body: string,
  secret: string,
): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': `Hookline/${VERSION}`,
    ...signAttempt({
      eventId,
      body,
      timestampSeconds: Math.floor(Date.now() / 1000),
      secrets: [secret],
    }),
  };
}
