import { sqlTransaction } from '../storage/index.js';
import type { SqlRunner, Store } from '../storage/index.js';
import { activeSecrets } from '../webhooks/webhook-store.js';
import { deliveryBody } from './body.js';
import {
  CLAIM_WEBHOOK_COLUMNS,
  MAX_WEBHOOKS_PER_CLAIM,
  chooseRows,
  mergeHeads,
} from './claim-choose.js';
import type { ClaimWebhook, ScannedRow } from './claim-choose.js';
import type { ClaimOptions, ClaimResult, ClaimedDelivery } from './claim.js';
import { OWNER_LANE, POSTBACK_LANE } from './lanes.js';

/**
 * The claim of claim.ts on SQLite, with hand-written statements run on the store's own
 * connection (storage/database.ts `sqlTransaction`): the same transition, the same scans and the
 * same indexes, without Kysely building a query per call. Every list of ids is one JSON
 * parameter (`json_each`), so each statement has one text whatever the batch size: it is
 * prepared once, and a claim is `begin`, the lanes' head scans, their webhooks, the lease, the
 * payloads and `commit` (seven statements for up to 256 deliveries) on the common path.
 */

/** A webhook's columns the claim needs, with its id twice (`w_id`, `webhook_id`). */
interface WebhookRow extends ClaimWebhook, Pick<ScannedRow, 'webhook_id'> {}

// The texts are those of claim.ts (the partial indexes `deliveries_lane_due`,
// `deliveries_leased` and `deliveries_lane_webhook_due` need the literal status and lane);
// test/dispatch/query-plans.test.ts checks their plans.
const LAPSED_SQL = `select d.id, d.webhook_id, d.lane, d.next_attempt_at
  from deliveries d
  where d.status = 'pending' and d.locked_until is not null and d.locked_until <= ?
    and d.next_attempt_at <= ?
  order by d.locked_until
  limit ?`;
// The heads carry no webhook columns: a head held by one webhook at its cap is up to 256 rows
// of it, read again by every claim, and its secrets copied into each row made the head the
// claim's largest cost (profile of the fairness bench); its webhooks are read once each below.
const headSql = (lane: number) => `select d.id, d.webhook_id, d.lane, d.next_attempt_at
  from deliveries d
  where d.status = 'pending' and d.lane = ${lane} and d.next_attempt_at <= ?
  order by d.next_attempt_at
  limit ?`;
const pendingWebhooksSql = (lane: number) => `with recursive w (id, n) as (
    select (select min(webhook_id) from deliveries where status = 'pending' and lane = ${lane}), 0
    union all
    select (select min(webhook_id) from deliveries
      where status = 'pending' and lane = ${lane} and webhook_id > w.id), w.n + 1
    from w where w.id is not null and w.n < ?
  )
  select id from w where id is not null`;
const webhookDueSql = (lane: number) => `select id, webhook_id, lane, next_attempt_at
  from deliveries
  where lane = ${lane} and webhook_id = ? and status = 'pending' and next_attempt_at <= ?
  order by next_attempt_at
  limit ?`;
/** Per lane: the head scan, the loose scan of its webhooks, one webhook's due rows. */
const LANE_SQL = new Map(
  [OWNER_LANE, POSTBACK_LANE].map((lane) => [
    lane,
    { head: headSql(lane), webhooks: pendingWebhooksSql(lane), webhookDue: webhookDueSql(lane) },
  ]),
);
const WEBHOOKS_SQL = `select ${CLAIM_WEBHOOK_COLUMNS.join(', ')}, id as webhook_id from webhooks
  where id in (select value from json_each(?))`;
const CANCEL_SQL = `update deliveries set status = 'cancelled', cancel_reason = ?,
    next_attempt_at = null, completed_at = ?, updated_at = ?
  where id in (select value from json_each(?)) and status = 'pending'`;
const DEFER_SQL = `update deliveries set next_attempt_at = ?, updated_at = ?
  where id in (select value from json_each(?)) and status = 'pending'
    and (locked_until is null or locked_until <= ?)`;
const LEASE_SQL = `update deliveries
  set locked_until = ?, locked_by = ?, next_attempt_at = ?, updated_at = ?
  where id in (select value from json_each(?)) and status = 'pending'
    and (locked_until is null or locked_until <= ?)
  returning id, program_id, event_id, event_type, webhook_id, webhook_key, url, attempts,
    throttled_attempts, created_at, lane`;
const EVENT_DATA_SQL = `select id, data from events where id in (select value from json_each(?))`;

interface Leased {
  readonly id: string;
  readonly program_id: string;
  readonly event_id: string;
  readonly event_type: string;
  readonly webhook_id: string;
  readonly webhook_key: string;
  readonly url: string;
  readonly attempts: number;
  readonly throttled_attempts: number;
  readonly created_at: number;
  readonly lane: number;
}

/** {@link claim} on SQLite (see claim.ts for the transition and its steps). */
export function claimOnSqlite(
  store: Pick<Store, 'db' | 'sqlite'>,
  options: ClaimOptions,
): Promise<ClaimResult> {
  return sqlTransaction(store, (q) => claimIn(q, options));
}

async function claimIn(q: SqlRunner, options: ClaimOptions): Promise<ClaimResult> {
  const { now, limit } = options;
  const postbackLimit = Math.min(limit, options.postbackLimit ?? limit);
  const skip = new Set(options.saturatedWebhookIds);
  const leaseEnd = now + options.leaseMs;
  const owner = LANE_SQL.get(OWNER_LANE)!;
  const postback = LANE_SQL.get(POSTBACK_LANE)!;
  const lapsed = options.lapsedFirst ? await q.all<ScannedRow>(LAPSED_SQL, [now, now, limit]) : [];
  const ownerHead = await q.all<ScannedRow>(owner.head, [now, limit]);
  const postbackHead =
    postbackLimit > 0 ? await q.all<ScannedRow>(postback.head, [now, postbackLimit]) : [];
  const head = mergeHeads(ownerHead, postbackHead);
  const byId = new Map<string, WebhookRow>();
  let rows: ScannedRow[];
  if (lapsed.length === 0) rows = head;
  else {
    const lapsedIds = new Set(lapsed.map((r) => r.id));
    rows = [...lapsed, ...head.filter((r) => !lapsedIds.has(r.id))];
  }
  if (rows.length === 0) return { claimed: [], cancelled: [], scanned: 0, deferred: 0 };

  // Fairness per lane: see claim.ts (one worker per SQLite file, so only this worker's slots
  // count).
  const full = new Set(skip);
  const fromHead = new Map<string, number>();
  for (const r of rows) fromHead.set(r.webhook_id, (fromHead.get(r.webhook_id) ?? 0) + 1);
  for (const [id, n] of fromHead) if (n >= options.freeSlots(id)) full.add(id);
  const seen = new Set(rows.map((r) => r.id));
  for (const [laneRows, scanLimit, texts] of [
    [ownerHead, limit, owner],
    [postbackHead, postbackLimit, postback],
  ] as const) {
    if (scanLimit === 0 || laneRows.length < scanLimit) continue;
    let usable = 0;
    for (const r of laneRows) if (!full.has(r.webhook_id)) usable++;
    if (usable >= scanLimit) continue;
    const others = await q.all<{ id: string }>(texts.webhooks, [MAX_WEBHOOKS_PER_CLAIM]);
    let room = scanLimit - usable;
    if (rows === head) rows = [...rows];
    for (const { id } of others) {
      if (room <= 0) break;
      if (full.has(id) || fromHead.has(id)) continue;
      const take = Math.min(room, options.freeSlots(id));
      if (take <= 0) continue;
      for (const r of await q.all<ScannedRow>(texts.webhookDue, [id, now, take])) {
        if (seen.has(r.id)) continue;
        seen.add(r.id);
        rows.push(r);
        room--;
      }
    }
  }
  // The webhooks of every row found, read once each.
  const missing = [...new Set(rows.map((r) => r.webhook_id))].filter((id) => !byId.has(id));
  if (missing.length > 0) {
    for (const w of await q.all<WebhookRow>(WEBHOOKS_SQL, [JSON.stringify(missing)])) {
      byId.set(w.webhook_id, w);
    }
  }

  const { chosen, deactivated, deleted, paused } = chooseRows({
    rows,
    webhookOf: (id) => byId.get(id),
    now,
    limit,
    postbackLimit,
    heldIds: options.heldIds,
    saturated: skip,
    slotsOf: options.freeSlots,
  });

  const cancelled: { id: string; reason: string }[] = [];
  for (const [reason, ids] of [
    ['webhook deactivated', deactivated],
    ['webhook deleted', deleted],
  ] as const) {
    if (ids.length === 0) continue;
    await q.run(CANCEL_SQL, [reason, now, now, JSON.stringify(ids)]);
    for (const id of ids) cancelled.push({ id, reason });
  }
  let deferred = 0;
  for (const [until, ids] of paused) {
    deferred += await q.run(DEFER_SQL, [until, now, JSON.stringify(ids), now]);
  }
  if (chosen.length === 0) return { claimed: [], cancelled, scanned: rows.length, deferred };

  const leased = await q.all<Leased>(LEASE_SQL, [
    leaseEnd,
    options.workerId,
    leaseEnd,
    now,
    JSON.stringify(chosen),
    now,
  ]);
  const eventIds = [...new Set(leased.map((r) => r.event_id))];
  const data = new Map<string, string>();
  for (const r of await q.all<{ id: string; data: string }>(EVENT_DATA_SQL, [
    JSON.stringify(eventIds),
  ])) {
    data.set(r.id, r.data);
  }
  const secretsOf = new Map<string, string[]>();
  const claimed = leased.map((r): ClaimedDelivery => {
    const webhook = byId.get(r.webhook_id) as WebhookRow;
    let secrets = secretsOf.get(r.webhook_id);
    if (!secrets) {
      secrets = activeSecrets(webhook, now);
      secretsOf.set(r.webhook_id, secrets);
    }
    return {
      id: r.id,
      programId: r.program_id,
      eventId: r.event_id,
      eventType: r.event_type,
      webhookId: r.webhook_id,
      webhookKey: r.webhook_key,
      webhookKind: webhook.kind ?? 'endpoint',
      lane: Number(r.lane),
      url: r.url,
      body: deliveryBody(r, data.get(r.event_id) ?? 'null'),
      attempts: Number(r.attempts),
      throttledAttempts: Number(r.throttled_attempts),
      webhookFailure: {
        failingSince: webhook.failing_since == null ? null : Number(webhook.failing_since),
        consecutiveFailures: Number(webhook.consecutive_failures ?? 0),
      },
      secrets,
    };
  });
  return { claimed, cancelled, scanned: rows.length, deferred };
}
