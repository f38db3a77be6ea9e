/**
 * Why a webhook request was refused:
 * - `missing_signature`: neither the Standard Webhooks headers nor `Signature` are present (or
 *   the required scheme's headers are not).
 * - `invalid_signature`: a signature is present but none matches any of the secrets.
 * - `timestamp_too_old` / `timestamp_too_new`: `webhook-timestamp` is outside the tolerance.
 * - `invalid_timestamp`: `webhook-timestamp` is not a whole number of seconds.
 * - `invalid_body`: the body is not raw bytes or text (for example an already-parsed object),
 *   or a verified body is not a Hookline event envelope.
 * - `missing_secret`: no usable secret was passed to the verifier.
 */
export type VerificationFailureReason =
  | 'missing_signature'
  | 'invalid_signature'
  | 'timestamp_too_old'
  | 'timestamp_too_new'
  | 'invalid_timestamp'
  | 'invalid_body'
  | 'missing_secret';

/**
 * Thrown when a webhook request cannot be trusted (or its trusted body is not an event). Answer
 * it with a 4xx: Hookline logs the response and retries, which is what you want while fixing a
 * wrong secret.
 *
 * @example
 * ```ts
 * try {
 *   const event = constructEvent(rawBody, req.headers, secret);
 * } catch (error) {
 *   if (error instanceof WebhookVerificationError) return reply(400, error.reason);
 *   throw error;
 * }
 * ```
 */
export class WebhookVerificationError extends Error {
  /** A stable, machine-readable code; the message is for people and may change. */
  readonly reason: VerificationFailureReason;

  constructor(reason: VerificationFailureReason, message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'WebhookVerificationError';
    this.reason = reason;
  }
}

/**
 * Tells whether a value is a {@link WebhookVerificationError}, also across copies of this package
 * (a CommonJS and an ESM copy loaded side by side have two distinct classes).
 */
export function isWebhookVerificationError(error: unknown): error is WebhookVerificationError {
  return (
    error instanceof WebhookVerificationError ||
    (error instanceof Error &&
      error.name === 'WebhookVerificationError' &&
      typeof (error as { reason?: unknown }).reason === 'string')
  );
}
