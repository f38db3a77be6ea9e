import { createHmac, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * The check of a receiver that knows one secret and reads only the `Signature` header, as
 * Partnero's n8n trigger node does it (`partnero/n8n-nodes-partnero`,
 * `nodes/PartneroTrigger/PartneroTrigger.node.ts`): the secret is the webhook's `signature` as
 * stored when the node registered; the expected value is the hex HMAC-SHA256 of the raw body
 * keyed with that string; a missing header, a length mismatch or a different value rejects the
 * delivery. No list of secrets, no `webhook-signature`.
 */
export function signatureOnlyAccepts(
  secret: string,
  rawBody: string,
  headers: IncomingHttpHeaders,
): boolean {
  const received = headers.signature;
  const expected = createHmac('sha256', secret).update(rawBody).digest('hex');
  if (typeof received !== 'string') return false;
  const a = Buffer.from(received);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
