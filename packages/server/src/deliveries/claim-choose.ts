import { POSTBACK_LANE } from './lanes.js';

/** A due row a claim's scans found (`next_attempt_at` orders the lanes' heads together). */
export interface ScannedRow {
  readonly id: string;
  readonly webhook_id: string;
  readonly lane: number;
  readonly next_attempt_at?: number | string | null;
}

/** Most webhooks one claim looks at behind a saturated head of a lane (both engines). */
export const MAX_WEBHOOKS_PER_CLAIM = 200;

/** The webhook columns a claim reads (both engines), `id` as `w_id`. */
export const CLAIM_WEBHOOK_COLUMNS = [
  'id as w_id',
  'is_active',
  'kind',
  'secret',
  'previous_secrets',
  'paused_until',
  'failing_since',
  'consecutive_failures',
] as const;

/** A webhook as a claim reads it ({@link CLAIM_WEBHOOK_COLUMNS}). */
export interface ClaimWebhook {
  readonly w_id: string;
  readonly is_active: number;
  readonly kind: string;
  readonly secret: string;
  readonly previous_secrets: string;
  readonly paused_until: number | null;
  readonly failing_since: number | null;
  readonly consecutive_failures: number;
}

/** What the choice needs of a row's webhook. */
export interface WebhookState {
  readonly is_active: number;
  readonly paused_until: number | string | null;
}

/** The rows a claim leases, and those it cancels or defers instead. */
export interface Choice {
  readonly chosen: string[];
  /** Rows of a deactivated webhook (cancelled). */
  readonly deactivated: string[];
  /** Rows of a deleted webhook (cancelled). */
  readonly deleted: string[];
  /** Rows of a paused webhook (a receiver's `Retry-After`) by pause end (deferred). */
  readonly paused: Map<number, string[]>;
}

/**
 * The claim's choice, shared by both engines (claim.ts, claim-sqlite.ts): walks the scanned rows
 * in order and leases at most `limit` of them, at most `slotsOf(webhook)` per webhook, and at
 * most `postbackLimit` of the postback lane; rows of inactive or deleted webhooks are to be
 * cancelled, rows of paused ones deferred. Rows this worker still holds are never chosen.
 */
export function chooseRows(input: {
  readonly rows: readonly ScannedRow[];
  readonly webhookOf: (id: string) => WebhookState | undefined;
  readonly now: number;
  readonly limit: number;
  readonly postbackLimit: number;
  readonly heldIds: ReadonlySet<string> | undefined;
  /** Webhooks at their cap in this worker: none of their rows. */
  readonly saturated: ReadonlySet<string>;
  readonly slotsOf: (webhookId: string) => number;
}): Choice {
  const { now, limit } = input;
  const chosen: string[] = [];
  const deactivated: string[] = [];
  const deleted: string[] = [];
  const paused = new Map<number, string[]>();
  const taken = new Map<string, number>();
  let postbacks = 0;
  for (const row of input.rows) {
    const webhook = input.webhookOf(row.webhook_id);
    if (webhook?.is_active !== 1) {
      (webhook ? deactivated : deleted).push(row.id);
      continue;
    }
    const until = webhook.paused_until === null ? 0 : Number(webhook.paused_until);
    if (until > now) {
      const ids = paused.get(until);
      if (ids) ids.push(row.id);
      else paused.set(until, [row.id]);
      continue;
    }
    // Lapsed leases and the heads together may hold more rows than free slots.
    if (input.heldIds?.has(row.id) || chosen.length >= limit) continue;
    const postback = Number(row.lane) === POSTBACK_LANE;
    if (postback && postbacks >= input.postbackLimit) continue;
    const used = taken.get(row.webhook_id) ?? 0;
    if (input.saturated.has(row.webhook_id) || used >= input.slotsOf(row.webhook_id)) continue;
    taken.set(row.webhook_id, used + 1);
    if (postback) postbacks++;
    chosen.push(row.id);
  }
  return { chosen, deactivated, deleted, paused };
}

/**
 * The two lanes' heads as one queue, oldest due first (what one head scan gave before lanes):
 * the postback lane's cap, not an order, is what keeps the owner's share, so neither lane's old
 * rows wait behind the other's new ones.
 */
export function mergeHeads<R extends ScannedRow>(owner: readonly R[], postback: readonly R[]): R[] {
  if (postback.length === 0) return [...owner];
  if (owner.length === 0) return [...postback];
  const merged: R[] = [];
  let i = 0;
  let j = 0;
  while (i < owner.length || j < postback.length) {
    const a = owner[i];
    const b = postback[j];
    if (
      b === undefined ||
      (a !== undefined && Number(a.next_attempt_at) <= Number(b.next_attempt_at))
    ) {
      merged.push(a as R);
      i++;
    } else {
      merged.push(b);
      j++;
    }
  }
  return merged;
}
