import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';

/** First key of the advisory locks that serialize claims per webhook ("hlcap"). */
const CAP_LOCK_SPACE = 0x686c6361;

/**
 * The per-webhook in-flight cap **across workers** (PostgreSQL): how many more deliveries of
 * each webhook may be leased now, so that all workers together hold at most `cap` leases per
 * webhook. Runs inside the claim transaction, before it leases anything.
 *
 * Why it cannot be exceeded:
 * 1. A lease is the only way to be in flight: a scheduled attempt starts only after its claim
 *    committed `locked_until`, and ends (for this count) only when the recorder cleared it, so
 *    "leased rows with `locked_until > now`" is an upper bound of the requests in flight (an
 *    attempt that finished but is not yet recorded still counts: conservative).
 * 2. Claims of one webhook are serialized by a transaction-scoped advisory lock keyed by the
 *    webhook: a second worker's claim waits for the first to commit, and its count (a new
 *    statement, so a new snapshot under READ COMMITTED) sees the first one's leases. Counting
 *    without the lock would let two workers both see `cap - 1` free and both lease it.
 * 3. The locks are taken in one statement in ascending key order, so two claims can never wait
 *    on each other in a cycle (no deadlock); the row locks they hold are all `skip locked`.
 *
 * Expired leases (a worker that died) do not count: that worker sends nothing any more.
 * The count reads `deliveries_webhook_due` over the webhook's not-yet-due range
 * (`next_attempt_at > now`: leased rows sit at their lease end), not its due backlog.
 *
 * @returns free lease slots per webhook id (absent: no lease held, the whole cap is free)
 */
export async function freeLeaseSlots(
  trx: Kysely<Database>,
  webhookIds: readonly string[],
  cap: number,
  now: number,
): Promise<Map<string, number>> {
  const free = new Map<string, number>();
  if (webhookIds.length === 0) return free;
  const ids = sql.join(webhookIds.map((id) => sql`${id}`));
  // Sorted keys, locked one after the other by the aggregate's scan of the sorted subquery.
  await sql`
    select count(pg_advisory_xact_lock(${CAP_LOCK_SPACE}, k)) from (
      select distinct hashtext(id) as k from (values ${sql.join(webhookIds.map((id) => sql`(${id})`))}) as w (id)
      order by k
    ) keys
  `.execute(trx);
  const leased = await sql<{ webhook_id: string; n: string | number }>`
    select webhook_id, count(*) as n from deliveries
    where webhook_id in (${ids}) and status = 'pending'
      and next_attempt_at > ${now} and locked_until > ${now}
    group by webhook_id
  `.execute(trx);
  for (const row of leased.rows) free.set(row.webhook_id, Math.max(0, cap - Number(row.n)));
  return free;
}
