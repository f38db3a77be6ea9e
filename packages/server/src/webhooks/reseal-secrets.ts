import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import type { SecretBox } from './secret-box.js';
import type { PreviousSecret } from './webhook-store.js';

/** What {@link resealSecrets} did. */
export interface ResealReport {
  /** Webhooks looked at. */
  readonly webhooks: number;
  /** Webhooks whose secrets were rewritten. */
  readonly resealed: number;
}

/**
 * Rewrites every stored signing secret (current and rotated-out) under the box's current key,
 * or in clear when it has none: the second half of an encryption-key rotation, and how secrets
 * stored before `HOOKLINE_ENCRYPTION_KEY` was set get encrypted. One short transaction per
 * batch of webhooks; safe to run while the service runs (a row is read and written in one
 * transaction) and to run again (rows already under the current key are skipped).
 *
 * @throws `SecretBoxError` when a secret is sealed with a key the box lacks
 */
export async function resealSecrets(db: Kysely<Database>, box: SecretBox): Promise<ResealReport> {
  let webhooks = 0;
  let resealed = 0;
  let after = '';
  for (;;) {
    const batch = await db.transaction().execute(async (trx) => {
      const rows = await trx
        .selectFrom('webhooks')
        .select(['id', 'secret', 'previous_secrets'])
        .where('id', '>', after)
        .orderBy('id')
        .limit(BATCH)
        .execute();
      for (const row of rows) {
        const previous = JSON.parse(row.previous_secrets) as PreviousSecret[];
        const stale =
          box.needsResealing(row.secret) || previous.some((p) => box.needsResealing(p.secret));
        if (!stale) continue;
        const reseal = (stored: string) =>
          box.needsResealing(stored) ? box.seal(box.open(stored)) : stored;
        await trx
          .updateTable('webhooks')
          .set({
            secret: reseal(row.secret),
            previous_secrets: JSON.stringify(
              previous.map((p) => ({ ...p, secret: reseal(p.secret) })),
            ),
          })
          .where('id', '=', row.id)
          .execute();
        resealed++;
      }
      return rows;
    });
    webhooks += batch.length;
    const last = batch.at(-1);
    if (!last || batch.length < BATCH) break;
    after = last.id;
  }
  return { webhooks, resealed };
}

const BATCH = 200;
