import { randomBytes } from 'node:crypto';
import {
  type RawBody,
  type Secret,
  type SignOptions,
  type SignedHeaders,
  planSigning,
  signedHeaders,
} from './scheme.js';
import { hmacSha256 } from './verify.js';

/**
 * Signs a body the way Hookline does and returns the request headers: for tests of your
 * receiver, or to replay a stored event against it.
 *
 * With several secrets (a rotation), `webhook-signature` carries one `v1,` entry per secret and
 * `Signature` is keyed with the first, which should be the newest.
 *
 * @example
 * ```ts
 * const body = JSON.stringify(sampleEvent);
 * const headers = signPayload(body, 'test-secret-of-32-alphanumerics', { id: sampleEvent.id });
 * await fetch('http://127.0.0.1:3000/webhooks/hookline', { method: 'POST', body, headers });
 * ```
 */
export function signPayload(
  rawBody: RawBody,
  secret: Secret,
  options: SignOptions = {},
): SignedHeaders {
  const plan = planSigning(
    rawBody,
    secret,
    options,
    () => `evt_${randomBytes(12).toString('hex')}`,
  );
  return signedHeaders(
    plan,
    plan.standardKeys.map((key) => hmacSha256(key, plan.standardMessage)),
    hmacSha256(plan.signatureKey, plan.body),
  );
}
