import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { formatNullableTimestamp } from '../util/time.js';
import { sealSecret } from './secrets-at-rest.js';
import { inTransaction } from './run-in-transaction.js';
import { findPostback } from './postbacks.js';
import { findWebhook, generateSecret } from './webhook-store.js';
import type { PreviousSecret, WebhookRow } from './webhook-store.js';

/**
 * Signing-secret rotation, all its rules in one place: a rotation makes a new current secret
 * and keeps the old one signing for a grace period (as a second `v1,` entry of
 * `webhook-signature`; `Signature` carries the oldest secret still valid until the last grace
 * period ends), at most {@link MAX_PREVIOUS_SECRETS} rotated-out secrets sign at once, and
 * finishing a rotation ends every grace period now.
 */

/** Most rotated-out secrets kept signing at once; older ones are dropped at rotation. */
export const MAX_PREVIOUS_SECRETS = 5;

/**
 * Transition "rotate": a new current secret; the old one keeps signing for `graceMs` (0: it
 * stops at once). Secrets whose grace period has ended are dropped. One transaction, so two
 * rotations at once each keep the secret the other replaced.
 *
 * @returns the webhook after the rotation, or `undefined` for an unknown key
 */
export async function rotateSecret(
  db: Kysely<Database>,
  programId: string,
  key: string,
  graceMs: number,
  now: number,
): Promise<WebhookRow | undefined> {
  return rotateFound(db, (trx) => findWebhook(trx, programId, key), graceMs, now);
}

/**
 * {@link rotateSecret} of a partner's postback, found by id (and partner, when given): the same
 * rules, the same grace period.
 */
export async function rotatePostbackSecret(
  db: Kysely<Database>,
  programId: string,
  postbackId: string,
  partnerId: string | undefined,
  graceMs: number,
  now: number,
): Promise<WebhookRow | undefined> {
  return rotateFound(
    db,
    (trx) => findPostback(trx, programId, postbackId, partnerId),
    graceMs,
    now,
  );
}

async function rotateFound(
  db: Kysely<Database>,
  find: (trx: Kysely<Database>) => Promise<WebhookRow | undefined>,
  graceMs: number,
  now: number,
): Promise<WebhookRow | undefined> {
  return inTransaction(db, async (trx) => {
    const row = await find(trx);
    if (!row) return undefined;
    const still = (JSON.parse(row.previous_secrets) as PreviousSecret[]).filter(
      (p) => p.expires_at > now,
    );
    const previous =
      graceMs > 0 ? [{ secret: row.secret, expires_at: now + graceMs }, ...still] : still;
    await trx
      .updateTable('webhooks')
      .set({
        secret: sealSecret(generateSecret()),
        previous_secrets: JSON.stringify(previous.slice(0, MAX_PREVIOUS_SECRETS)),
        updated_at: now,
      })
      .where('id', '=', row.id)
      .execute();
    return trx.selectFrom('webhooks').selectAll().where('id', '=', row.id).executeTakeFirst();
  });
}

/**
 * Transition "finish rotation": every rotated-out secret stops signing now; only the current one
 * signs, and `Signature` carries it. Idempotent (no write when there is nothing to finish).
 *
 * @returns the webhook after the change, or `undefined` for an unknown key
 */
export async function finishRotation(
  db: Kysely<Database>,
  programId: string,
  key: string,
  now: number,
): Promise<WebhookRow | undefined> {
  return inTransaction(db, async (trx) => {
    const row = await findWebhook(trx, programId, key);
    if (!row || row.previous_secrets === '[]') return row;
    await trx
      .updateTable('webhooks')
      .set({ previous_secrets: '[]', updated_at: now })
      .where('id', '=', row.id)
      .execute();
    return trx.selectFrom('webhooks').selectAll().where('id', '=', row.id).executeTakeFirst();
  });
}

/**
 * When `Signature` starts carrying the webhook's current secret: the end of the last grace
 * period still running, or `null` when it already does. Until then it carries the oldest secret
 * still valid (see `signAttempt`), so a receiver that checks only `Signature` keeps verifying.
 */
export function signatureSwitchesAt(
  row: Pick<WebhookRow, 'previous_secrets'>,
  now: number,
): string | null {
  const running = (JSON.parse(row.previous_secrets) as PreviousSecret[])
    .map((p) => p.expires_at)
    .filter((expiresAt) => expiresAt > now);
  return formatNullableTimestamp(running.length > 0 ? Math.max(...running) : null);
}
