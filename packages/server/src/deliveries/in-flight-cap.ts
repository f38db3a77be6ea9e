import { sql } from 'kysely';
import type { Kysely, RawBuilder } from 'kysely';
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
 *    webhook, taken with `pg_try_advisory_xact_lock`: while one worker's claim holds it, another
 *    worker's claim leases nothing of that webhook (it tries again at its next claim), and the
 *    count of a claim that holds it (a new statement, so a new snapshot under READ COMMITTED)
 *    sees every lease committed before. Counting without the lock would let two workers both
 *    see `cap - 1` free and both lease it.
 * 3. Nothing waits on a lock (try, never block), so two claims can never wait on each other:
 *    no deadlock, and workers that share webhooks do not take turns.
 *
 * Expired leases (a worker that died) do not count: that worker sends nothing any more. A
 * scheduled attempt's lease is the delivery timeout plus a margin (index.ts), so a killed
 * worker's share of the cap is free again seconds after its last claim, not after 30 s.
 * The count reads `deliveries_in_flight` (migration 0021): the webhook's rows in flight, not its
 * backlog nor its scheduled retries.
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
  // Try, never wait: a webhook whose lock another worker's claim holds right now is skipped by
  // this claim (no free slot this round; the next claim tries again). Waiting serialized every
  // claim of two workers that share webhooks, and raised the PostgreSQL fairness p99 5x.
  // Both statements take their lists as arrays: one text each whatever the number of webhooks,
  // so they run prepared (storage/statement-names.ts).
  const tried = await sql<{ id: string; got: boolean }>`
    select id, ${tryCapLock(sql.ref('id'))} as got
    from unnest(cast(${webhookIds} as text[])) as w (id)
  `.execute(trx);
  const locked = tried.rows.filter((r) => r.got).map((r) => r.id);
  for (const r of tried.rows) if (!r.got) free.set(r.id, 0);
  if (locked.length === 0) return free;
  // Through `deliveries_in_flight` (migration 0021): these webhooks' leased rows only. Counted
  // with `lane in (...) and next_attempt_at > now`, it read every webhook's leased rows and
  // scheduled retries (docs/design-measurements.md).
  const leased = await sql<{ webhook_id: string; n: string | number }>`
    select webhook_id, count(*) as n from deliveries
    where webhook_id = any(cast(${locked} as text[])) and ${LEASED(now)}
    group by webhook_id
  `.execute(trx);
  for (const row of leased.rows) free.set(row.webhook_id, Math.max(0, cap - Number(row.n)));
  return free;
}

/**
 * A row leased now, in any lane: an attempt in flight (a scheduled one, whose lease end is also
 * its `next_attempt_at`, or a manual one). `locked_by is not null` matches the predicate of
 * `deliveries_in_flight`, which holds only these rows; the time is compared through `coalesce`
 * so that it is no index condition and proves no other partial index's predicate
 * (`deliveries_leased`'s `locked_until is not null`): the webhook is the only way in.
 */
const LEASED = (now: number) =>
  sql`status = 'pending' and locked_by is not null and coalesce(locked_until, 0) > ${now}`;

/**
 * The try of a webhook's cap lock (see {@link freeLeaseSlots}), as an expression, for a
 * statement that finds webhooks and locks them in the same round trip. What it gives is only
 * valid for a count made by a LATER statement ({@link freeSlotsAfterLock}), whose snapshot sees
 * every lease committed before the lock was taken.
 */
export function tryCapLock(webhookId: RawBuilder<unknown>): RawBuilder<boolean> {
  return sql<boolean>`pg_try_advisory_xact_lock(${CAP_LOCK_SPACE}, hashtext(${webhookId}))`;
}

/**
 * The free lease slots of a webhook whose cap lock this transaction took in an earlier
 * statement ({@link tryCapLock}), as an expression: `cap` less the leases held now, at least 0.
 */
export function freeSlotsAfterLock(
  webhookId: RawBuilder<unknown>,
  cap: number,
  now: number,
): RawBuilder<number> {
  return sql<number>`greatest(0, ${cap} - (select count(*) from deliveries
    where webhook_id = ${webhookId} and ${LEASED(now)}))`;
}
