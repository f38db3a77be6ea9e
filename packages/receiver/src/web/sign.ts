import {
  type RawBody,
  type Secret,
  type SignOptions,
  type SignedHeaders,
  planSigning,
  signedHeaders,
} from '../scheme.js';
import { hmacSha256, randomEventId } from './subtle.js';

/**
 * Signs a body the way Hookline does, with Web Crypto, and returns the request headers.
 * See the Node `signPayload`; this one is asynchronous.
 *
 * @example
 * ```ts
 * const headers = await signPayload(body, secret, { id: 'evt_123' });
 * const response = await POST(new Request('http://test/hooks', { method: 'POST', body, headers }));
 * ```
 */
export async function signPayload(
  rawBody: RawBody,
  secret: Secret,
  options: SignOptions = {},
): Promise<SignedHeaders> {
  const plan = planSigning(rawBody, secret, options, randomEventId);
  const [standardMacs, signatureMac] = await Promise.all([
    Promise.all(plan.standardKeys.map((key) => hmacSha256(key, plan.standardMessage))),
    hmacSha256(plan.signatureKey, plan.body),
  ]);
  return signedHeaders(plan, standardMacs, signatureMac);
}
