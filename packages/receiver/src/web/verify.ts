import type { HooklineEvent } from '../events.js';
import type { HeaderSource } from '../headers.js';
import { parseEvent } from '../parse-event.js';
import {
  type RawBody,
  type Secret,
  type VerifiedWebhook,
  type VerifyOptions,
  completeVerification,
  planVerification,
} from '../scheme.js';
import { constantTimeEqual, hmacSha256 } from './subtle.js';

/**
 * Verifies a webhook request with Web Crypto and returns its body, exactly as signed. The same
 * rules as the Node `verify`, asynchronous because Web Crypto is.
 *
 * @param rawBody - the body exactly as received: `await request.text()` or
 *   `await request.arrayBuffer()`; a parsed object is refused (`invalid_body`)
 * @param headers - `request.headers`, or a record
 * @param secret - the webhook's secret, or several during a rotation
 * @throws WebhookVerificationError with the `reason` the request was refused
 *
 * @example
 * ```ts
 * import { verify, parseEvent } from '@hookline/receiver/web';
 * const { body } = await verify(await request.arrayBuffer(), request.headers, env.HOOKLINE_SECRET);
 * const event = parseEvent(body);
 * ```
 */
export async function verify(
  rawBody: RawBody,
  headers: HeaderSource,
  secret: Secret,
  options?: VerifyOptions,
): Promise<VerifiedWebhook> {
  const plan = planVerification(rawBody, headers, secret, options);
  const macs = await Promise.all(plan.keys.map((key) => hmacSha256(key, plan.message)));
  return completeVerification(plan, macs, constantTimeEqual);
}

/**
 * Verifies a webhook request with Web Crypto, then parses its body into a typed event.
 *
 * @throws WebhookVerificationError when the request is not signed correctly or the body is not a
 *   Hookline event (`invalid_body`)
 *
 * @example
 * ```ts
 * const event = await constructEvent(await request.text(), request.headers, env.HOOKLINE_SECRET);
 * ```
 */
export async function constructEvent(
  rawBody: RawBody,
  headers: HeaderSource,
  secret: Secret,
  options?: VerifyOptions,
): Promise<HooklineEvent> {
  return parseEvent(await verify(rawBody, headers, secret, options));
}
