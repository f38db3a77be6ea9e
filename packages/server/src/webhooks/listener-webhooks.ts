import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { deactivateAndCancel } from './deactivate.js';
import type { CancelPendingDeliveries } from './deactivate.js';
import { inTransaction } from './run-in-transaction.js';
import { insertWebhook } from './webhook-store.js';
import type { WebhookRow } from './webhook-store.js';

/**
 * Listener webhooks (kind `listener`, `hookline listen`): the webhook rows behind a device's
 * listener. The sessions themselves are held by `listen/`; these are the writes.
 */

/** A device's listener as {@link registerListener} is asked for it. */
export interface ListenerRegistration {
  readonly programId: string;
  /** The key that registers it; it owns the listener until a newer session's key does. */
  readonly apiKeyId: string;
  /** The webhook key, stable per device. */
  readonly key: string;
  readonly name: string;
  readonly events: readonly string[];
  /** The listener URL naming a webhook id (`ListenerHub.urlOf`). */
  readonly urlOf: (webhookId: string) => string;
}

/** The result of {@link registerListener}. */
export type ListenerRegistrationResult =
  | { readonly outcome: 'created' | 'reactivated'; readonly row: WebhookRow }
  /** The key belongs to a webhook that is not a listener. */
  | { readonly outcome: 'key_taken' };

/**
 * Transition `∅ → listener` or `listener → active listener` (one transaction): a device's
 * listener is created, or the existing one is reactivated with the new events and owner key,
 * keeping its secret so a restarted `hookline listen` verifies as before.
 */
export async function registerListener(
  db: Kysely<Database>,
  input: ListenerRegistration,
  now: number,
): Promise<ListenerRegistrationResult> {
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('webhooks')
      .selectAll()
      .where('program_id', '=', input.programId)
      .where('key', '=', input.key)
      .executeTakeFirst();
    if (existing) {
      if (existing.kind !== 'listener') return { outcome: 'key_taken' } as const;
      await trx
        .updateTable('webhooks')
        .set({
          events: JSON.stringify([...new Set(input.events)]),
          is_active: 1,
          disabled_reason: null,
          disabled_at: null,
          name: input.name,
          api_key_id: input.apiKeyId,
          updated_at: now,
        })
        .where('id', '=', existing.id)
        .execute();
      const row = await trx
        .selectFrom('webhooks')
        .selectAll()
        .where('id', '=', existing.id)
        .executeTakeFirstOrThrow();
      return { outcome: 'reactivated', row } as const;
    }
    const inserted = await insertWebhook(trx, {
      programId: input.programId,
      key: input.key,
      name: input.name,
      url: 'listener:pending',
      events: input.events,
      isActive: true,
      kind: 'listener',
      now,
    });
    // The URL names the webhook id, which is only known once the row exists.
    const url = input.urlOf(inserted.id);
    await trx
      .updateTable('webhooks')
      .set({ url, api_key_id: input.apiKeyId })
      .where('id', '=', inserted.id)
      .execute();
    return {
      outcome: 'created',
      row: { ...inserted, url, api_key_id: input.apiKeyId },
    } as const;
  });
}

/**
 * The newest session's key owns the listener: revoking that key stops the listener and cancels
 * what is queued for it ({@link stopListenersOfApiKey}).
 */
export async function adoptListener(
  db: Kysely<Database>,
  webhookId: string,
  apiKeyId: string,
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ api_key_id: apiKeyId })
    .where('id', '=', webhookId)
    .where('kind', '=', 'listener')
    .execute();
}

/**
 * Transition "stop a listener" (`DELETE /v1/listeners/{id}`): {@link deactivateAndCancel} with
 * "listener stopped". The row and its secret stay for the device's next session.
 */
export async function stopListener(
  db: Kysely<Database>,
  webhookId: string,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<void> {
  await deactivateAndCancel(db, webhookId, { cancelReason: 'listener stopped', cancel }, now);
}

/**
 * Stops every active listener a revoked API key owns: each is {@link deactivateAndCancel}-ed with
 * `reason` as both its `disabled_reason` and its deliveries' cancel reason. Meant to run inside
 * the revocation's transaction (`programs/api-keys.ts` `revokeApiKey`).
 *
 * @returns how many listeners were stopped
 */
export async function stopListenersOfApiKey(
  db: Kysely<Database>,
  programId: string,
  apiKeyId: string,
  reason: string,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const listeners = await trx
      .selectFrom('webhooks')
      .select('id')
      .where('program_id', '=', programId)
      .where('kind', '=', 'listener')
      .where('api_key_id', '=', apiKeyId)
      .where('is_active', '=', 1)
      .execute();
    let stopped = 0;
    for (const { id } of listeners) {
      const how = { cancelReason: reason, disabledReason: reason, cancel };
      if (await deactivateAndCancel(trx, id, how, now)) stopped++;
    }
    return stopped;
  });
}
