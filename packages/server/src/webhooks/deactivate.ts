import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { inTransaction } from './run-in-transaction.js';

/**
 * The deliveries module's `cancelForWebhook` (transition `pending → cancelled`, deliveries/
 * cancel.ts). The caller passes it in rather than this module importing it: `deliveries/`
 * imports `webhooks/` (catalog, envelope, signing secrets) and the top-level folders form no
 * import cycle (test/dispatch/import-cycles.test.ts). It runs inside this module's transaction.
 */
export type CancelPendingDeliveries = (
  db: Kysely<Database>,
  webhookId: string,
  reason: string,
  now: number,
) => Promise<number>;

/** How a webhook is deactivated by {@link deactivateAndCancel}. */
export interface Deactivation {
  /** Why its pending deliveries are cancelled (shown in the delivery log). */
  readonly cancelReason: string;
  /**
   * Why Hookline (not the user) turned it off: shown as `disabled_reason` with `disabled_at`
   * until it is enabled again. Absent for a user's deactivation.
   */
  readonly disabledReason?: string;
  /** The deliveries module's cancel transition. */
  readonly cancel: CancelPendingDeliveries;
}

/**
 * Transition `active → inactive` of a webhook, and `pending → cancelled` of its deliveries, in
 * ONE transaction (the caller's when `db` is one): no delivery of an inactive webhook stays
 * queued, and no reader sees the webhook off with deliveries still due. Only the call that
 * turns the webhook off cancels, so when several callers decide it together (attempts finishing
 * at once) one wins. An attempt in flight finishes and is logged, but cannot resurrect its
 * delivery (the result write only applies to pending rows).
 *
 * @returns true when this call deactivated it (false: already inactive, or gone)
 */
export async function deactivateAndCancel(
  db: Kysely<Database>,
  webhookId: string,
  how: Deactivation,
  now: number,
): Promise<boolean> {
  return inTransaction(db, async (trx) => {
    const result = await trx
      .updateTable('webhooks')
      .set({
        is_active: 0,
        updated_at: now,
        ...(how.disabledReason !== undefined
          ? { disabled_reason: how.disabledReason, disabled_at: now }
          : {}),
      })
      .where('id', '=', webhookId)
      .where('is_active', '=', 1)
      .executeTakeFirst();
    if (Number(result.numUpdatedRows) === 0) return false;
    await how.cancel(trx, webhookId, how.cancelReason, now);
    return true;
  });
}
