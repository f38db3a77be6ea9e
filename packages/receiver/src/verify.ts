import { createHmac, timingSafeEqual } from 'node:crypto';
import type { HooklineEvent } from './events.js';
import type { HeaderSource } from './headers.js';
import { parseEvent } from './parse-event.js';
import {
  type RawBody,
  type Secret,
  type VerifiedWebhook,
  type VerifyOptions,
  completeVerification,
  planVerification,
} from './scheme.js';

/**
 * Verifies a webhook request and returns its body, exactly as signed; parse it with `parseEvent`
 * (or use `constructEvent`, which does both).
 *
 * The Standard Webhooks headers are checked when present (signature over id, timestamp and body;
 * timestamp within `toleranceSeconds`), else the `Signature` header (hex HMAC of the body).
 * During a secret rotation pass both secrets; any match is accepted. Signatures are compared in
 * constant time.
 *
 * @param rawBody - the body exactly as received: a string, `Buffer` or `Uint8Array`. A parsed
 *   object is refused (`invalid_body`), because re-serialising it would not give the signed bytes.
 * @param headers - the request headers: Node's `req.headers`, a `Headers` object or a record
 * @param secret - the webhook's secret, or several during a rotation
 * @throws WebhookVerificationError with the `reason` the request was refused
 *
 * @example
 * ```ts
 * import { verify, parseEvent } from '@hookline/receiver';
 * const { body, id } = verify(rawBody, req.headers, process.env.HOOKLINE_SECRET!);
 * const event = parseEvent(body);
 * ```
 */
export function verify(
  rawBody: RawBody,
  headers: HeaderSource,
  secret: Secret,
  options?: VerifyOptions,
): VerifiedWebhook {
  const plan = planVerification(rawBody, headers, secret, options);
  const macs = plan.keys.map((key) => hmacSha256(key, plan.message));
  return completeVerification(plan, macs, (a, b) => timingSafeEqual(a, b));
}

/**
 * Verifies a webhook request, then parses its body into a typed event.
 *
 * @throws WebhookVerificationError when the request is not signed correctly (see `verify`) or
 *   the body is not a Hookline event (`invalid_body`)
 *
 * @example
 * ```ts
 * const event = constructEvent(rawBody, req.headers, process.env.HOOKLINE_SECRET!);
 * if (event.event === 'partner.approved') await sendWelcome(event.data.email);
 * ```
 */
export function constructEvent(
  rawBody: RawBody,
  headers: HeaderSource,
  secret: Secret,
  options?: VerifyOptions,
): HooklineEvent {
  return parseEvent(verify(rawBody, headers, secret, options));
}

/** HMAC-SHA256 with Node's crypto. */
export function hmacSha256(key: Uint8Array, message: Uint8Array): Uint8Array {
  return createHmac('sha256', key).update(message).digest();
}
