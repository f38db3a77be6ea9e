import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Config } from '../config/config.js';
import type { Database } from '../storage/index.js';
import { SecretBox, SecretBoxError } from './secret-box.js';

/**
 * The process's {@link SecretBox}, configured once from `HOOKLINE_ENCRYPTION_KEY` at each entry
 * point that reads or writes webhooks (the API app, a dispatcher, `hookline secrets
 * reencrypt`), and used by the webhook store's few functions that touch a secret. It lives
 * here rather than in every call's arguments because the secret crosses seven call sites in
 * three folders while the key is one fact about the process; a dispatcher thread configures
 * its own copy of this module.
 */
let box = new SecretBox(undefined);

/** Configures secrets at rest from the configuration (idempotent). */
export function configureSecretsAtRest(config: Pick<Config, 'encryptionKeys'>): void {
  const { current, previous } = config.encryptionKeys;
  box = new SecretBox(
    current === undefined ? undefined : Buffer.from(current, 'hex'),
    previous.map((hex) => Buffer.from(hex, 'hex')),
  );
}

/** The stored form of a new secret (encrypted when a key is configured). */
export function sealSecret(secret: string): string {
  return box.seal(secret);
}

/** The secret a stored value holds. */
export function openSecret(stored: string): string {
  return box.open(stored);
}

/** The box itself, for re-encryption. */
export function currentSecretBox(): SecretBox {
  return box;
}

/**
 * Fails start-up, in words, when webhooks hold secrets sealed with a key this process lacks
 * (the key was not set, or a rotation's old key was dropped before `hookline secrets
 * reencrypt` ran), instead of failing every delivery and webhook read afterwards.
 *
 * @throws {SecretBoxError} naming the missing key ids
 */
export async function assertSecretsReadable(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ head: string }>`
    select distinct substr(secret, 1, 15) as head from webhooks where secret like 'enc:v1:%'
  `.execute(db);
  const missing = rows.map((r) => r.head.slice('enc:v1:'.length)).filter((id) => !box.hasKey(id));
  if (missing.length > 0) {
    throw new SecretBoxError(
      `signing secrets are encrypted with key ${missing.join(', ')}, which is not configured: set HOOKLINE_ENCRYPTION_KEY to it (or, during a key rotation, HOOKLINE_ENCRYPTION_KEY_PREVIOUS)`,
    );
  }
}
