import { createHmac } from 'node:crypto';

/**
 * Partnero's `Signature` header: lowercase hex HMAC-SHA256 of the exact body bytes, keyed with
 * the secret's UTF-8 bytes. No prefix, no timestamp.
 */
export function partneroSignature(body: string, secret: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8')).update(body, 'utf8').digest('hex');
}

/**
 * The Standard Webhooks key of a secret: its base64 decoding (a `whsec_` prefix is ignored).
 * Our secrets are 32 alphanumeric characters, which is valid base64 for 24 bytes, so the same
 * string works with off-the-shelf verifiers.
 */
export function standardWebhooksKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
}

/** One `v1,<base64>` entry of `webhook-signature` over `id.timestamp.body`. */
export function standardWebhooksSignature(
  eventId: string,
  timestampSeconds: number,
  body: string,
  secret: string,
): string {
  const mac = createHmac('sha256', standardWebhooksKey(secret))
    .update(`${eventId}.${timestampSeconds}.`, 'utf8')
    .update(body, 'utf8')
    .digest('base64');
  return `v1,${mac}`;
}

/**
 * The signature headers of one attempt. A type alias, not an interface, so that it is
 * assignable to plain header records (`Record<string, string>`).
 */
export type SignatureHeaders = {
  readonly Signature: string;
  readonly 'webhook-id': string;
  readonly 'webhook-timestamp': string;
  readonly 'webhook-signature': string;
};

/**
 * Signs one attempt. `secrets` lists every secret that is valid now, newest first (the current
 * one, then rotated-out ones still inside their grace period).
 *
 * - `webhook-signature` carries one `v1,` entry per valid secret, so a Standard Webhooks
 *   receiver on any of them verifies.
 * - `Signature` holds one value, and a receiver that checks only it knows one secret: the one it
 *   was given before the rotation (Partnero's n8n trigger stores the secret once, when it
 *   registers). So during a grace period it keeps carrying the **oldest** valid secret, and
 *   switches to the current one when the grace period ends (or is ended early with
 *   `POST /v1/webhooks/{key}/finish-rotation`). A rotation never silently breaks such a receiver;
 *   it switches at a time the owner chose and can see (`signature_switches_at`).
 */
export function signAttempt(input: {
  eventId: string;
  body: string;
  timestampSeconds: number;
  secrets: readonly string[];
}): SignatureHeaders {
  const oldest = input.secrets.at(-1);
  if (oldest === undefined) throw new Error('signAttempt needs at least one secret');
  return {
    Signature: partneroSignature(input.body, oldest),
    'webhook-id': input.eventId,
    'webhook-timestamp': String(input.timestampSeconds),
    'webhook-signature': input.secrets
      .map((s) => standardWebhooksSignature(input.eventId, input.timestampSeconds, input.body, s))
      .join(' '),
  };
}
