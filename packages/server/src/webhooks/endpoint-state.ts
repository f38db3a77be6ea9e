import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { deactivateAndCancel } from './deactivate.js';
import type { CancelPendingDeliveries } from './deactivate.js';
import type { WebhookRow } from './webhook-store.js';

/**
 * The endpoint lifecycle's writes (docs/delivery.md; the decisions are pure functions in
 * dispatch/endpoint-lifecycle.ts): the failure record after an attempt, a receiver's pause,
 * Hookline disabling a failing endpoint, a user enabling it again, and the operational flag.
 */

/** A webhook's failure record as stored (endpoint lifecycle, dispatch/endpoint-lifecycle.ts). */
export interface StoredFailureRecord {
  readonly failingSince: number | null;
  readonly consecutiveFailures: number;
}

/**
 * Writes a webhook's failure record after an attempt: `reset` (a success), `failed` (failing
 * since now unless already), `exhausted` (also one more delivery failed for good). The values
 * are computed in SQL so that attempts of one webhook finishing together never lose a count. A
 * webhook a user re-enabled after Hookline disabled it (`disabled_at` set, active again) starts a
 * new record.
 *
 * @returns the record after the write (`undefined` for an unknown webhook)
 */
export async function saveFailureRecord(
  db: Kysely<Database>,
  webhookId: string,
  change: 'reset' | 'failed' | 'exhausted',
  now: number,
): Promise<StoredFailureRecord | undefined> {
  if (change === 'reset') {
    await db
      .updateTable('webhooks')
      .set({
        failing_since: null,
        consecutive_failures: 0,
        disabled_at: null,
        disabled_reason: null,
      })
      .where('id', '=', webhookId)
      .where((eb) =>
        eb.or([eb('failing_since', 'is not', null), eb('consecutive_failures', '>', 0)]),
      )
      .execute();
    return { failingSince: null, consecutiveFailures: 0 };
  }
  const add = change === 'exhausted' ? 1 : 0;
  const row = await db
    .updateTable('webhooks')
    .set({
      failing_since: sql`case when disabled_at is not null then ${now} else coalesce(failing_since, ${now}) end`,
      consecutive_failures: sql`case when disabled_at is not null then ${add} else consecutive_failures + ${add} end`,
      disabled_at: null,
      disabled_reason: null,
    })
    .where('id', '=', webhookId)
    .where('is_active', '=', 1)
    .returning(['failing_since', 'consecutive_failures'])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    failingSince: row.failing_since === null ? null : Number(row.failing_since),
    consecutiveFailures: Number(row.consecutive_failures),
  };
}

/**
 * Re-enables a webhook and clears its lifecycle record (the dashboard's "Re-enable").
 *
 * @returns the webhook as stored after the change
 */
export async function enableWebhook(
  db: Kysely<Database>,
  webhookId: string,
  now: number,
): Promise<WebhookRow | undefined> {
  await db
    .updateTable('webhooks')
    .set({
      is_active: 1,
      failing_since: null,
      consecutive_failures: 0,
      disabled_reason: null,
      disabled_at: null,
      paused_until: null,
      updated_at: now,
    })
    .where('id', '=', webhookId)
    .execute();
  return db.selectFrom('webhooks').selectAll().where('id', '=', webhookId).executeTakeFirst();
}

/** Pauses a webhook until `until` (a receiver's `Retry-After`); a longer pause is kept. */
export async function pauseWebhook(
  db: Kysely<Database>,
  webhookId: string,
  until: number,
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ paused_until: until })
    .where('id', '=', webhookId)
    .where((eb) => eb.or([eb('paused_until', 'is', null), eb('paused_until', '<', until)]))
    .execute();
}

/** Marks a webhook as one that receives the program's operational events, or not. */
export async function setOperational(
  db: Kysely<Database>,
  webhookId: string,
  operational: boolean,
  now: number,
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ operational: operational ? 1 : 0, updated_at: now })
    .where('id', '=', webhookId)
    .execute();
}

/**
 * Transition "disable": Hookline turns a failing endpoint off with a reason (410 Gone, failing
 * too long) and cancels its pending deliveries ("webhook disabled"), in one transaction
 * ({@link deactivateAndCancel}). Only one caller wins when several attempts decide it together.
 *
 * @returns true when this call disabled it
 */
export async function disableWebhook(
  db: Kysely<Database>,
  webhookId: string,
  reason: string,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<boolean> {
  return deactivateAndCancel(
    db,
    webhookId,
    { cancelReason: 'webhook disabled', disabledReason: reason, cancel },
    now,
  );
}
