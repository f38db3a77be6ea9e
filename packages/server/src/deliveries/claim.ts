import { sql } from 'kysely';
import type { Store } from '../storage/index.js';
import { activeSecrets } from '../webhooks/webhook-store.js';
import { deliveryBody } from './body.js';
import { cancelByIds } from './cancel.js';
import {
  CLAIM_WEBHOOK_COLUMNS,
  MAX_WEBHOOKS_PER_CLAIM,
  chooseRows,
  mergeHeads,
} from './claim-choose.js';
import type { ClaimWebhook, ScannedRow } from './claim-choose.js';
import { claimOnSqlite } from './claim-sqlite.js';
import { freeLeaseSlots, freeSlotsAfterLock, tryCapLock } from './in-flight-cap.js';
import { OWNER_LANE, POSTBACK_LANE } from './lanes.js';
import { STILL_PENDING, stillPending } from './still-pending.js';

/** A delivery taken under a lease, with what the sender needs. */
export interface ClaimedDelivery {
  readonly id: string;
  readonly programId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly webhookId: string;
  readonly webhookKey: string;
  /** `endpoint` (HTTP) or `listener` (a `hookline listen` session): picks the destination. */
  readonly webhookKind: string;
  /** The delivery's lane (lanes.ts): the dispatcher counts the postback lane's share. */
  readonly lane: number;
  readonly url: string;
  /** The exact body, rebuilt from the event's payload and the envelope fixed at enqueue. */
  readonly body: string;
  /** Attempts made before this one. */
  readonly attempts: number;
  /** Of those, throttled ones (429/503 `Retry-After`) that did not use the retry budget. */
  readonly throttledAttempts: number;
  /** The webhook's failure record at claim time (endpoint lifecycle). */
  readonly webhookFailure: {
    readonly failingSince: number | null;
    readonly consecutiveFailures: number;
  };
  /** Secrets valid at claim time, newest first. */
  readonly secrets: readonly string[];
}

/** A due row with its webhook's columns (`w_id` null when the webhook is gone). */
type HeadRow = ScannedRow & Partial<ClaimWebhook>;

const WEBHOOK_COLUMNS = sql.raw(CLAIM_WEBHOOK_COLUMNS.map((c) => `w.${c}`).join(', '));
/**
 * A head row's columns as the union of the lanes' heads names them: listed, not `*`, so the
 * statement runs prepared (storage/statement-names.ts).
 */
const HEAD_COLUMNS = sql.raw(
  ['id', 'webhook_id', 'lane', 'next_attempt_at', ...CLAIM_WEBHOOK_COLUMNS.map(outputName)].join(
    ', ',
  ),
);

/** The name a select-list entry gives its column (`id as w_id` → `w_id`). */
function outputName(column: string): string {
  return column.split(' as ').at(-1) ?? column;
}

/** What one claim did. */
export interface ClaimResult {
  readonly claimed: readonly ClaimedDelivery[];
  /** Deliveries cancelled because their webhook is inactive or gone. */
  readonly cancelled: readonly { readonly id: string; readonly reason: string }[];
  /** Rows the scans returned; equal to the limit when more may be due. */
  readonly scanned: number;
  /** Due rows of paused webhooks (a receiver's `Retry-After`) moved to the end of the pause. */
  readonly deferred: number;
  /**
   * PostgreSQL: some due rows were left because other workers hold their webhook's cap (its
   * lock, or all its leases). Their release tells this worker nothing, so an idle worker must
   * look again soon by itself (dispatcher.ts).
   */
  readonly contended?: boolean;
}

/** Options of {@link claim}. */
export interface ClaimOptions {
  readonly workerId: string;
  readonly now: number;
  /**
   * How long the lease lasts from `now`: the longest an attempt can take (the dispatcher passes
   * the delivery timeout plus a margin, see index.ts), so a dead worker's rows are due again soon.
   */
  readonly leaseMs: number;
  /**
   * Deliveries this worker still holds in memory (an attempt running or about to start): never
   * claimed again by it, even when their lease has lapsed (an event loop stalled past the lease),
   * so one worker never runs two attempts of one delivery.
   */
  readonly heldIds?: ReadonlySet<string>;
  /**
   * Look for lapsed leases first (a worker killed mid-attempt), through the index
   * `deliveries_leased`: they are due since their lease end, later than the backlog's rows, and
   * would otherwise wait behind all of it. The dispatcher asks for it about twice a second.
   */
  readonly lapsedFirst?: boolean;
  /** Most deliveries to claim (the free global in-flight slots, at most one batch). */
  readonly limit: number;
  /**
   * Most deliveries of the postback lane to claim (what the dispatcher's postback share has
   * free); default `limit`. The owner's lane is limited by `limit` only, so it keeps the rest.
   */
  readonly postbackLimit?: number;
  /** Webhooks already at their in-flight cap: their rows are skipped by the scan. */
  readonly saturatedWebhookIds: readonly string[];
  /** Free in-flight slots of a webhook not at its cap. */
  readonly freeSlots: (webhookId: string) => number;
  /**
   * The per-webhook cap across every worker (PostgreSQL): leases held by all workers count
   * (in-flight-cap.ts). Without it only this worker's `freeSlots` limit a webhook.
   */
  readonly maxInFlightPerWebhook?: number;
}

/**
 * Transition `pending (due) → pending (leased by workerId)`: claims due deliveries under a
 * lease, in one transaction:
 *
 * 1. **Scan** the heads of the lanes' due queues (lanes.ts) through the partial index
 *    `deliveries_lane_due`: the owner's lane up to `limit`, the postback lane up to
 *    `postbackLimit`, merged oldest first. If a lane's head is full of rows of webhooks at their
 *    in-flight cap, find that lane's other webhooks' due rows through
 *    `deliveries_lane_webhook_due` instead, so a slow endpoint's backlog cannot starve the
 *    others. On PostgreSQL `for update skip locked` makes concurrent claims take disjoint rows
 *    (docs/design-measurements.md: 17 k deliveries/s with batches of 20 against 1.6 k with
 *    single-row claims).
 * 2. **Choose** in JS (claim-choose.ts): at most `freeSlots(webhook)` rows per webhook and
 *    `postbackLimit` of the postback lane; skip rows whose webhook is inactive or deleted and
 *    cancel them instead.
 * 3. **Lease** the chosen rows: `locked_until`/`locked_by`, and `next_attempt_at` moved to the
 *    lease end, so the next scans pass over in-flight rows without reading them, and a worker
 *    that dies gives its rows back when the lease ends (crash safety, at-least-once).
 *
 * The HTTP exchange happens outside this transaction; the result is written by the recorder
 * (record.ts) in a second, batched transaction. The lease follows the convention in index.ts.
 */
export async function claim(store: Store, options: ClaimOptions): Promise<ClaimResult> {
  // SQLite: the same transition with hand-written statements (claim-sqlite.ts).
  if (store.engine === 'sqlite') return claimOnSqlite(store, options);
  const { now, limit } = options;
  const postbackLimit = Math.min(limit, options.postbackLimit ?? limit);
  const leaseEnd = now + options.leaseMs;
  const skip = new Set(options.saturatedWebhookIds);
  const cap = options.maxInFlightPerWebhook;

  return store.db.transaction().execute(async (trx) => {
    // Deliveries whose holder's lease lapsed (it died, or could not finish in time): due again,
    // and taken before the heads of the lanes. `locked_until is not null` with the literal
    // status matches the partial index, which holds only leased rows: a short range, not the
    // backlog. `next_attempt_at <= now` keeps "not due until" (a test delivery is never due).
    const lapsed = options.lapsedFirst
      ? (
          await sql<HeadRow>`
            select d.id, d.webhook_id, d.lane, d.next_attempt_at, ${WEBHOOK_COLUMNS}
            from deliveries d left join webhooks w on w.id = d.webhook_id
            where d.status = 'pending' and d.locked_until is not null and d.locked_until <= ${now}
              and d.next_attempt_at <= ${now}
            order by d.locked_until
            limit ${limit}
            for update of d skip locked
          `.execute(trx)
        ).rows
      : [];
    // The heads of the lanes' due queues, oldest first, with their webhooks, in one statement
    // (one round trip): each lane through its own head index (`deliveries_owner_due`,
    // `deliveries_postback_due`; SQLite: `deliveries_lane_due`), so the owner's due rows are
    // found without reading past partners' backlogs, and the postback lane only as far as this
    // claim may take of it. `status = 'pending'` is a literal so the partial index applies;
    // rows leased by a dispatcher have `next_attempt_at` at their lease end and drop out of the
    // range without being read. Only the deliveries are locked.
    const laneHead = (lane: number, take: number) => sql`
      select d.id, d.webhook_id, d.lane, d.next_attempt_at, ${WEBHOOK_COLUMNS}
      from deliveries d left join webhooks w on w.id = d.webhook_id
      where d.status = 'pending' and d.lane = ${sql.lit(lane)} and d.next_attempt_at <= ${now}
      order by d.next_attempt_at
      limit ${take}
      for update of d skip locked`;
    const heads = (
      postbackLimit > 0
        ? await sql<HeadRow>`
            with owner as (${laneHead(OWNER_LANE, limit)}), postback as (${laneHead(POSTBACK_LANE, postbackLimit)})
            select ${HEAD_COLUMNS} from owner union all select ${HEAD_COLUMNS} from postback
          `.execute(trx)
        : await sql<HeadRow>`${laneHead(OWNER_LANE, limit)}`.execute(trx)
    ).rows;
    const head = mergeHeads(
      heads.filter((r) => Number(r.lane) !== POSTBACK_LANE),
      heads.filter((r) => Number(r.lane) === POSTBACK_LANE),
    );
    const byId = new Map<string, ClaimWebhook>();
    for (const r of [...lapsed, ...head]) {
      if (r.w_id != null) byId.set(r.webhook_id, r as ClaimWebhook);
    }
    const lapsedIds = new Set(lapsed.map((r) => r.id));
    const rows: ScannedRow[] = [...lapsed, ...head.filter((r) => !lapsedIds.has(r.id))];
    if (rows.length === 0) return { claimed: [], cancelled: [], scanned: 0, deferred: 0 };

    // Across workers: what the other workers' leases leave of each webhook's cap, counted
    // before the fairness decision below, so a webhook that other workers hold at its cap
    // counts as full here too (else its head rows look usable, the fairness scan is skipped,
    // and the healthy webhooks behind it wait: a 4.7x p99 in the shared-host bench).
    const globalFree = new Map<string, number>();
    const countLeases = async (ids: readonly string[]) => {
      if (cap === undefined) return;
      const fresh = [...new Set(ids)].filter((id) => !globalFree.has(id) && !skip.has(id));
      if (fresh.length === 0) return;
      const free = await freeLeaseSlots(trx, fresh, cap, now);
      for (const id of fresh) globalFree.set(id, free.get(id) ?? cap);
    };
    const slotsOf = (id: string) =>
      Math.min(options.freeSlots(id), globalFree.get(id) ?? Number.POSITIVE_INFINITY);
    await countLeases(rows.map((r) => r.webhook_id).filter((id) => byId.get(id)?.is_active === 1));

    // Fairness, per lane: when a lane's head is full of rows of webhooks at their cap, other
    // webhooks' due rows of that lane may sit behind them. Rather than scanning past a slow
    // webhook's backlog (O(backlog) per claim), list the lane's webhooks that have pending rows
    // with a loose index scan over `deliveries_lane_webhook_due` (O(webhooks)) and take each
    // one's oldest due rows (O(claimed)), all of them in one statement.
    const full = new Set(skip);
    const fromHead = new Map<string, number>();
    for (const r of rows) fromHead.set(r.webhook_id, (fromHead.get(r.webhook_id) ?? 0) + 1);
    for (const [id, n] of fromHead) if (n >= slotsOf(id)) full.add(id);
    const seen = new Set(rows.map((r) => r.id));
    for (const [lane, scanLimit] of [
      [OWNER_LANE, limit],
      [POSTBACK_LANE, postbackLimit],
    ] as const) {
      const laneRows = head.filter((r) => Number(r.lane) === lane);
      if (scanLimit === 0 || laneRows.length < scanLimit) continue;
      let usable = 0;
      for (const r of laneRows) if (!full.has(r.webhook_id)) usable++;
      if (usable >= scanLimit) continue;
      // The lane comes in as a column (of `unnest`), never as a literal, in this statement and
      // the next: a literal `lane = 0` would let the planner prove the predicate of a lane's head
      // index (`deliveries_owner_due`) and, on default selectivities (no ANALYZE yet, or a
      // backlog that grew since), read the webhooks through it, aggregating the lane's whole due
      // range on every step instead of one probe per webhook (migration 0020). As a column it
      // can only be an index condition, which `deliveries_lane_webhook_due` alone offers.
      // Webhooks this claim will not take from (full, or already taken from the head) are
      // listed but not locked: holding their cap locks would only keep other workers' claims
      // from them. The others' cap locks are tried in the same statement, and their leases
      // counted by the next one (a later snapshot, as freeLeaseSlots needs).
      const exclude = [...new Set([...full, ...fromHead.keys()])];
      const others = await sql<{ id: string; got: boolean | null }>`
        with recursive w (id, lane, n) as (
          select (select webhook_id from deliveries where status = 'pending' and lane = l.lane
            order by webhook_id limit 1), l.lane, 0
          from unnest(cast(${[lane]} as integer[])) as l (lane)
          union all
          select (select webhook_id from deliveries where status = 'pending' and lane = w.lane
            and webhook_id > w.id order by webhook_id limit 1), w.lane, w.n + 1
          from w where w.id is not null and w.n < ${MAX_WEBHOOKS_PER_CLAIM}
        )
        select id, ${
          cap === undefined
            ? sql`null`
            : sql`case when id = any(cast(${exclude} as text[])) then null
                else ${tryCapLock(sql.ref('id'))} end`
        } as got
        from w where id is not null
      `.execute(trx);
      // Each webhook may give up to its free slots, and the room goes to the oldest due rows
      // of all of them. Handing the room out by slots instead, in webhook id order, left the
      // last webhooks of the list nothing whenever the first ones had slots free but few due
      // rows: behind a timing-out webhook on PostgreSQL their rows waited seconds (the 90x
      // fairness regression, docs/design-measurements.md). Rows fetched beyond the room stay
      // locked only until this transaction ends, and no other claim could lease them meanwhile
      // anyway: it cannot hold these webhooks' cap locks while this one does.
      const room = scanLimit - usable;
      const ids: string[] = [];
      const takes: number[] = [];
      for (const { id, got } of others.rows) {
        if (full.has(id) || fromHead.has(id)) continue;
        // Another worker's claim holds its cap lock: nothing of it this round.
        if (got === false) globalFree.set(id, 0);
        const take = Math.min(room, slotsOf(id));
        if (take <= 0) continue;
        ids.push(id);
        takes.push(take);
      }
      if (ids.length === 0) continue;
      const free = cap === undefined ? sql`c.take` : freeSlotsAfterLock(sql.ref('c.id'), cap, now);
      const due = await sql<HeadRow & { free: number | string }>`
        select d.id, d.webhook_id, d.lane, d.next_attempt_at, f.free, ${WEBHOOK_COLUMNS}
        from unnest(cast(${ids} as text[]), cast(${takes} as integer[]),
          cast(${ids.map(() => lane)} as integer[])) as c (id, take, lane)
        cross join lateral (select ${free} as free) f
        cross join lateral (
          select id, webhook_id, lane, next_attempt_at from deliveries
          where lane = c.lane and webhook_id = c.id and status = 'pending'
            and next_attempt_at <= ${now}
          order by next_attempt_at
          limit least(c.take, f.free)
          for update skip locked
        ) d
        left join webhooks w on w.id = d.webhook_id
        order by d.next_attempt_at
        limit ${room}
      `.execute(trx);
      for (const r of due.rows) {
        if (cap !== undefined) globalFree.set(r.webhook_id, Number(r.free));
        if (r.w_id != null) byId.set(r.webhook_id, r as ClaimWebhook);
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        rows.push(r);
      }
    }

    // Every scan above joined its rows' webhooks: a row whose webhook was not found has none
    // (deleted), and the choice cancels it.
    // A receiver asked a webhook to wait (429/503 Retry-After): its due rows move to the end
    // of the pause, so they leave the due range instead of blocking the head of the queue.
    const { chosen, deactivated, deleted, paused } = chooseRows({
      rows,
      webhookOf: (id) => byId.get(id),
      now,
      limit,
      postbackLimit,
      heldIds: options.heldIds,
      saturated: skip,
      slotsOf,
    });
    const cancelled: { id: string; reason: string }[] = [];
    for (const [reason, ids] of [
      ['webhook deactivated', deactivated],
      ['webhook deleted', deleted],
    ] as const) {
      if (ids.length === 0) continue;
      await cancelByIds(trx, ids, reason, now);
      for (const id of ids) cancelled.push({ id, reason });
    }
    let deferred = 0;
    for (const [until, ids] of paused) {
      const result = await trx
        .updateTable('deliveries')
        .set({ next_attempt_at: until, updated_at: now })
        .where('id', 'in', ids)
        .where(STILL_PENDING)
        .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
        .executeTakeFirst();
      deferred += Number(result.numUpdatedRows);
    }
    // Another worker holds the cap of a webhook with due rows here (this worker's own leases
    // count too, but then its own attempts' ends make it look again).
    const contended = rows.some((r) => globalFree.get(r.webhook_id) === 0);
    if (chosen.length === 0) {
      return { claimed: [], cancelled, scanned: rows.length, deferred, contended };
    }

    type Leased = {
      id: string;
      program_id: string;
      event_id: string;
      event_type: string;
      webhook_id: string;
      webhook_key: string;
      url: string;
      attempts: number;
      throttled_attempts: number;
      created_at: number;
      lane: number;
      /** The event's payload, joined in the lease's own statement (one round trip less). */
      data: string;
    };
    const leased = await sql<Leased>`
      update deliveries
      set locked_until = ${leaseEnd}, locked_by = ${options.workerId}, next_attempt_at = ${leaseEnd}, updated_at = ${now}
      from events
      where deliveries.id = any(cast(${chosen} as text[])) and ${stillPending('deliveries.status')}
        and (deliveries.locked_until is null or deliveries.locked_until <= ${now})
        and events.id = deliveries.event_id
      returning deliveries.id, deliveries.program_id, deliveries.event_id, deliveries.event_type,
        deliveries.webhook_id, deliveries.webhook_key, deliveries.url, deliveries.attempts,
        deliveries.throttled_attempts, deliveries.created_at, deliveries.lane, events.data
    `.execute(trx);
    const secretsOf = new Map<string, string[]>();
    const failureOf = (id: string) => {
      const w = byId.get(id);
      return {
        failingSince: w?.failing_since == null ? null : Number(w.failing_since),
        consecutiveFailures: Number(w?.consecutive_failures ?? 0),
      };
    };
    const claimed = leased.rows.map((r): ClaimedDelivery => {
      let secrets = secretsOf.get(r.webhook_id);
      if (!secrets) {
        secrets = activeSecrets(byId.get(r.webhook_id)!, now);
        secretsOf.set(r.webhook_id, secrets);
      }
      return {
        id: r.id,
        programId: r.program_id,
        eventId: r.event_id,
        eventType: r.event_type,
        webhookId: r.webhook_id,
        webhookKey: r.webhook_key,
        webhookKind: byId.get(r.webhook_id)?.kind ?? 'endpoint',
        lane: Number(r.lane),
        url: r.url,
        body: deliveryBody({ ...r, created_at: Number(r.created_at) }, r.data ?? 'null'),
        attempts: Number(r.attempts),
        throttledAttempts: Number(r.throttled_attempts),
        webhookFailure: failureOf(r.webhook_id),
        secrets,
      };
    });
    return { claimed, cancelled, scanned: rows.length, deferred, contended };
  });
}

/**
 * Transition `pending (leased) → pending (due now)`: gives leased deliveries back (shutdown),
 * lease cleared. Only rows still leased by `workerId` and still pending are touched.
 */
export async function release(
  store: Store,
  workerId: string,
  ids: readonly string[],
  now: number,
): Promise<number> {
  let released = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const result = await store.db
      .updateTable('deliveries')
      .set({ locked_until: null, locked_by: null, next_attempt_at: now, updated_at: now })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('locked_by', '=', workerId)
      .where(STILL_PENDING)
      .executeTakeFirst();
    released += Number(result.numUpdatedRows);
  }
  return released;
}

/**
 * Transition `pending (leased by workerId) → pending (leased by workerId, new lease end)`: a
 * dispatcher about to start attempts whose lease has aged since the claim (a slow claim, or
 * deliveries claimed ahead and held in memory) restarts their lease at the attempt's start, so
 * it covers the whole attempt. One statement for the batch.
 *
 * Only rows still leased by `workerId` and still pending are renewed. That is enough even when
 * the lease has lapsed: every other lease (a claim, a manual attempt) overwrites `locked_by`, and
 * every result or release clears it, so `locked_by = workerId` means no one else has taken the
 * row since (on PostgreSQL a concurrent claim holding the row lock makes this statement wait for
 * its commit and re-check `locked_by`, which then no longer matches).
 *
 * @returns the ids renewed; the others are no longer this worker's to send
 */
export async function renewLeases(
  store: Store,
  workerId: string,
  ids: readonly string[],
  now: number,
  leaseMs: number,
): Promise<Set<string>> {
  const renewed = new Set<string>();
  const leaseEnd = now + leaseMs;
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await store.db
      .updateTable('deliveries')
      .set({ locked_until: leaseEnd, next_attempt_at: leaseEnd, updated_at: now })
      .where('id', 'in', ids.slice(i, i + 500))
      .where('locked_by', '=', workerId)
      .where(STILL_PENDING)
      .returning('id')
      .execute();
    for (const r of rows) renewed.add(r.id);
  }
  return renewed;
}
