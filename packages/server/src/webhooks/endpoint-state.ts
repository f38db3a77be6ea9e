import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { engineOf } from '../storage/index.js';
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

/** One change of a webhook's failure record: see {@link saveFailureRecords}. */
export interface FailureRecordChange {
  readonly webhookId: string;
  /** `reset` (a success), `failed` (failing since now unless already), `exhausted` (also one more delivery failed for good). */
  readonly change: 'reset' | 'failed' | 'exhausted';
  readonly now: number;
}

/**
 * Writes a webhook's failure record after an attempt (see {@link saveFailureRecords}).
 *
 * @returns the record after the write (`undefined` for an unknown or inactive webhook)
 */
export async function saveFailureRecord(
  db: Kysely<Database>,
  webhookId: string,
  change: FailureRecordChange['change'],
  now: number,
): Promise<StoredFailureRecord | undefined> {
  const [record] = await saveFailureRecords(db, [{ webhookId, change, now }]);
  return record;
}

/**
 * Writes the failure records of many attempts' webhooks: `reset` (a success), `failed` (failing
 * since now unless already), `exhausted` (also one more delivery failed for good). The values
 * are computed in SQL so that attempts of one webhook finishing together never lose a count; a
 * webhook a user re-enabled after Hookline disabled it (`disabled_at` set, active again) starts a
 * new record.
 *
 * One statement per round, in which each webhook appears once (a webhook's second change in the
 * list is a second round), so the changes of one webhook apply in their order; on PostgreSQL the
 * round's rows are first locked in id order, in the same transaction. The dispatcher
 * writes an event-loop turn's changes together: 200 partners' postbacks timing out together were
 * 256 single-row statements at once on PostgreSQL, which held the pool's connections for 0.1 to
 * 0.5 s and the claims and result writes behind them (docs/design-measurements.md).
 *
 * @returns per change, in order, the record after it (`undefined`: an unknown webhook, or for a
 *   failure an inactive one; a `reset` always gives the cleared record)
 */
export async function saveFailureRecords(
  db: Kysely<Database>,
  changes: readonly FailureRecordChange[],
): Promise<(StoredFailureRecord | undefined)[]> {
  const results: (StoredFailureRecord | undefined)[] = changes.map((c) =>
    c.change === 'reset' ? { failingSince: null, consecutiveFailures: 0 } : undefined,
  );
  const rounds: number[][] = [];
  const seen = new Map<string, number>();
  for (const [index, c] of changes.entries()) {
    const round = seen.get(c.webhookId) ?? 0;
    seen.set(c.webhookId, round + 1);
    if (round === rounds.length) rounds.push([]);
    rounds[round]?.push(index);
  }
  for (const round of rounds) {
    const values = JSON.stringify(
      round.map((i) => {
        const c = changes[i] as FailureRecordChange;
        return {
          id: c.webhookId,
          change: c.change,
          now: c.now,
          inc: c.change === 'exhausted' ? 1 : 0,
        };
      }),
    );
    const rows = (
      engineOf(db) === 'postgres'
        ? await db.transaction().execute(async (trx) => {
            // Rows locked in id order first: two workers' batches over the same webhooks, each
            // updating in its own order, deadlocked (test/dispatch/failure-records.test.ts).
            await sql`select id from webhooks where id = any(cast(${round.map(
              (i) => (changes[i] as FailureRecordChange).webhookId,
            )} as text[])) order by id for update`.execute(trx);
            return sql<FailureRow>`
              update webhooks as w set ${FAILURE_SET('w')}
              from jsonb_to_recordset(cast(${values} as jsonb)) as v (id text, change text, now bigint, inc integer)
              where w.id = v.id and ${FAILURE_WHERE('w')}
              returning w.id, w.failing_since, w.consecutive_failures`.execute(trx);
          })
        : await sql<FailureRow>`
          update webhooks set ${FAILURE_SET('webhooks')}
          from (select value ->> 'id' as id, value ->> 'change' as change, value ->> 'now' as now,
              value ->> 'inc' as inc from json_each(${values})) as v
          where webhooks.id = v.id and ${FAILURE_WHERE('webhooks')}
          returning id, failing_since, consecutive_failures`.execute(db)
    ).rows;
    const byId = new Map(rows.map((r) => [r.id, r]));
    for (const i of round) {
      const c = changes[i] as FailureRecordChange;
      const row = byId.get(c.webhookId);
      if (c.change === 'reset' || !row) continue;
      results[i] = {
        failingSince: row.failing_since === null ? null : Number(row.failing_since),
        consecutiveFailures: Number(row.consecutive_failures),
      };
    }
  }
  return results;
}

interface FailureRow {
  readonly id: string;
  readonly failing_since: number | string | null;
  readonly consecutive_failures: number | string;
}

/** The new record from the change `v` and the row `t` (an alias of `webhooks`). */
const FAILURE_SET = (t: string) => sql`
  failing_since = case when v.change = 'reset' then null
    when ${sql.ref(`${t}.disabled_at`)} is not null then v.now
    else coalesce(${sql.ref(`${t}.failing_since`)}, v.now) end,
  consecutive_failures = case when v.change = 'reset' then 0
    when ${sql.ref(`${t}.disabled_at`)} is not null then v.inc
    else ${sql.ref(`${t}.consecutive_failures`)} + v.inc end,
  disabled_at = null,
  disabled_reason = null`;

/** A reset writes only a record that is not clear; a failure only to an active webhook. */
const FAILURE_WHERE = (t: string) => sql`case when v.change = 'reset'
  then ${sql.ref(`${t}.failing_since`)} is not null or ${sql.ref(`${t}.consecutive_failures`)} > 0
  else ${sql.ref(`${t}.is_active`)} = 1 end`;

/**
 * The columns of an endpoint turned back on with its lifecycle record cleared, so it starts
 * afresh: the dashboard's re-enable, a postback enabled, a suspended postback resumed.
 */
export const ENABLED_AFRESH = {
  is_active: 1,
  failing_since: null,
  consecutive_failures: 0,
  disabled_reason: null,
  disabled_at: null,
  paused_until: null,
} as const;

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
    .set({ ...ENABLED_AFRESH, updated_at: now })
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
