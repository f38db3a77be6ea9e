import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import { engineOf } from '../storage/index.js';
import type { Database } from '../storage/index.js';
import { formatTimestamp } from '../util/time.js';
import { deactivateAndCancel } from './deactivate.js';
import type { CancelPendingDeliveries } from './deactivate.js';
import { ENABLED_AFRESH } from './endpoint-state.js';
import { inTransaction } from './run-in-transaction.js';
import { openSecret } from './secrets-at-rest.js';
import { insertWebhook, presentLifecycle } from './webhook-store.js';
import type { WebhookRow } from './webhook-store.js';

/**
 * Partner postbacks (docs/partner-portal.md, "Postbacks"): a postback is a `webhooks` row of
 * kind `postback` owned by a partner (`partner_id`), so its secret, rotation, retries, log and
 * endpoint lifecycle are a webhook's. Its transitions:
 *
 * | transition | what |
 * |---|---|
 * | {@link createPostback} | ∅ → postback, refused past the partner's limit |
 * | {@link updatePostback} | URL, method, events, on/off (off cancels its pending deliveries) |
 * | {@link deletePostback} | cancel pending deliveries, then ∅ |
 * | {@link deletePartnerPostbacks} | every postback of a deleted partner: cancel, then ∅ |
 * | {@link suspendPartnerPostbacks} | active → inactive ("partner archived" / "partner rejected") + cancel |
 * | {@link resumePartnerPostbacks} | suspended → active (record cleared) when the partner is restored |
 * | `rotateSecretOf` (rotation.ts) | as a webhook's |
 * | {@link cancelProgramPostbacks} | every pending postback delivery of a program cancelled |
 *
 * Postbacks are read by id and partner only; `findWebhook` (owner routes, by key) never finds
 * one, and owner lists leave them out.
 */

/** The event types a postback can receive: only about the partner's own referrals. */
export const POSTBACK_EVENTS = [
  'customer.created',
  'transaction.created',
  'transaction.deleted',
  'reward.created',
  'reward.approved',
  'reward.paid',
  'lead.submitted',
  'lead.converted',
] as const;

/** A postback event type. */
export type PostbackEvent = (typeof POSTBACK_EVENTS)[number];

/** `webhook`: Hookline's signed envelope; `url`: a URL template with macros. */
export const POSTBACK_FORMATS = ['webhook', 'url'] as const;
/** `GET`, or `POST` with the macros as a form body (url format only). */
export const POSTBACK_METHODS = ['GET', 'POST'] as const;

/** Why a partner's postbacks are suspended: the partner's status, as `disabled_reason` says it. */
export const PARTNER_SUSPENSION_REASONS = ['partner archived', 'partner rejected'] as const;

/** A {@link PARTNER_SUSPENSION_REASONS} entry. */
export type PartnerSuspensionReason = (typeof PARTNER_SUSPENSION_REASONS)[number];

function isSuspensionReason(reason: string | null): boolean {
  return (PARTNER_SUSPENSION_REASONS as readonly (string | null)[]).includes(reason);
}

/** The postback resource, as the owner API and the portal show it. */
export interface PostbackResource {
  id: string;
  partner: { id: string; key: string };
  format: 'webhook' | 'url';
  url: string;
  method: 'GET' | 'POST' | null;
  events: string[];
  is_active: boolean;
  /** The signing secret (webhook format only; null for url postbacks). */
  secret: string | null;
  failing_since: string | null;
  consecutive_failures: number;
  disabled_reason: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

/** Renders a postback row. */
export function presentPostback(row: WebhookRow, partnerKey: string): PostbackResource {
  const format = row.postback_format === 'url' ? 'url' : 'webhook';
  const lifecycle = presentLifecycle(row);
  return {
    id: row.id,
    partner: { id: row.partner_id ?? '', key: partnerKey },
    format,
    url: row.url,
    method: format === 'url' ? (row.method === 'POST' ? 'POST' : 'GET') : null,
    events: JSON.parse(row.events) as string[],
    is_active: row.is_active === 1,
    secret: format === 'webhook' ? openSecret(row.secret) : null,
    failing_since: lifecycle.failing_since,
    consecutive_failures: lifecycle.consecutive_failures,
    disabled_reason: lifecycle.disabled_reason,
    disabled_at: lifecycle.disabled_at,
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
  };
}

/** A program's postbacks (one partner's when `partnerId` is given), oldest first. */
export async function listPostbacks(
  db: Kysely<Database>,
  programId: string,
  partnerId?: string,
): Promise<WebhookRow[]> {
  let query = db
    .selectFrom('webhooks')
    .selectAll()
    .where('program_id', '=', programId)
    .where('kind', '=', 'postback');
  if (partnerId !== undefined) query = query.where('partner_id', '=', partnerId);
  return query.orderBy('id').execute();
}

/**
 * A postback of a program by id, and of that partner when `partnerId` is given; `undefined`
 * otherwise (another partner's postback and an unknown id are the same 404).
 */
export async function findPostback(
  db: Kysely<Database>,
  programId: string,
  id: string,
  partnerId?: string,
): Promise<WebhookRow | undefined> {
  let query = db
    .selectFrom('webhooks')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .where('kind', '=', 'postback');
  if (partnerId !== undefined) query = query.where('partner_id', '=', partnerId);
  return query.executeTakeFirst();
}

/** A new postback; the caller validated the URL (template), method and events. */
export interface NewPostback {
  readonly programId: string;
  readonly partnerId: string;
  readonly format: 'webhook' | 'url';
  readonly url: string;
  readonly method: 'GET' | 'POST' | null;
  readonly events: readonly string[];
  readonly isActive: boolean;
  /** The partner's limit (the program's `max_postbacks_per_partner`). */
  readonly max: number;
}

/** The result of {@link createPostback}. */
export type CreatePostbackResult =
  | { readonly created: true; readonly row: WebhookRow }
  | { readonly created: false; readonly reason: 'limit' };

/**
 * Transition `∅ → postback`, with a fresh secret, unless the partner already has `max`. The
 * count and the insert are one transaction; on PostgreSQL the partner's row is locked first, so
 * two creates at once cannot both pass the limit (SQLite transactions are exclusive already).
 */
export async function createPostback(
  db: Kysely<Database>,
  input: NewPostback,
  now: number,
): Promise<CreatePostbackResult> {
  return inTransaction(db, async (trx) => {
    if (engineOf(trx) === 'postgres') {
      await sql`select id from partners where program_id = ${input.programId} and id = ${input.partnerId} for update`.execute(
        trx,
      );
    }
    const { n } = await trx
      .selectFrom('webhooks')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('program_id', '=', input.programId)
      .where('partner_id', '=', input.partnerId)
      .where('kind', '=', 'postback')
      .executeTakeFirstOrThrow();
    if (Number(n) >= input.max) return { created: false, reason: 'limit' } as const;
    const row = await insertWebhook(trx, {
      programId: input.programId,
      name: `postback of ${input.partnerId}`,
      url: input.url,
      events: input.events,
      isActive: input.isActive,
      kind: 'postback',
      postback: { partnerId: input.partnerId, format: input.format, method: input.method },
      now,
    });
    return { created: true, row } as const;
  });
}

/** A partial update of a postback; an absent field is kept. */
export interface PostbackChanges {
  readonly url?: string | undefined;
  readonly method?: 'GET' | 'POST' | undefined;
  readonly events?: readonly string[] | undefined;
  readonly isActive?: boolean | undefined;
}

/**
 * Transition `postback → postback`, in one transaction. Off is `deactivateAndCancel` (pending
 * deliveries cancelled, "webhook deactivated"); on clears the failure record, as the
 * dashboard's re-enable of a webhook does, so a postback Hookline disabled starts afresh. Off
 * on a postback suspended with its partner ({@link suspendPartnerPostbacks}) drops the
 * suspension's reason, so {@link resumePartnerPostbacks} leaves it off.
 *
 * @returns the postback after the change, or `undefined` when it no longer exists
 */
export async function updatePostback(
  db: Kysely<Database>,
  postbackId: string,
  changes: PostbackChanges,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<WebhookRow | undefined> {
  return inTransaction(db, async (trx) => {
    const before = await trx
      .selectFrom('webhooks')
      .select(['is_active', 'disabled_reason'])
      .where('id', '=', postbackId)
      .executeTakeFirst();
    if (!before) return undefined;
    const enabling = changes.isActive === true && before.is_active !== 1;
    // Turning off a postback its partner's archive or reject suspended makes it the caller's
    // off: restoring the partner must not turn it back on.
    const claimingSuspended =
      changes.isActive === false &&
      before.is_active !== 1 &&
      isSuspensionReason(before.disabled_reason);
    await trx
      .updateTable('webhooks')
      .set({
        ...(changes.url !== undefined ? { url: changes.url } : {}),
        ...(changes.method !== undefined ? { method: changes.method } : {}),
        ...(changes.events !== undefined
          ? { events: JSON.stringify([...new Set(changes.events)]) }
          : {}),
        ...(enabling ? ENABLED_AFRESH : {}),
        ...(claimingSuspended ? { disabled_reason: null, disabled_at: null } : {}),
        updated_at: now,
      })
      .where('id', '=', postbackId)
      .where('kind', '=', 'postback')
      .execute();
    if (changes.isActive === false) {
      await deactivateAndCancel(
        trx,
        postbackId,
        { cancelReason: 'webhook deactivated', cancel },
        now,
      );
    }
    return trx.selectFrom('webhooks').selectAll().where('id', '=', postbackId).executeTakeFirst();
  });
}

/** Transition `postback → ∅`: pending deliveries cancelled ("webhook deleted"), row removed. */
export async function deletePostback(
  db: Kysely<Database>,
  postbackId: string,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    await cancel(trx, postbackId, 'webhook deleted', now);
    await trx
      .deleteFrom('webhooks')
      .where('id', '=', postbackId)
      .where('kind', '=', 'postback')
      .execute();
  });
}

/**
 * Transition `postback → ∅` for every postback of one partner, in the caller's transaction
 * (the partner's deletion, domain/partners.ts): each one's pending deliveries are cancelled
 * ("partner deleted"), then the rows go. The partner's row is kept with `deleted_at`, so a
 * postback left behind would still receive events about its past referrals (a reward approved
 * or paid later, a refund), and `GET /v1/postbacks` would list it under a partner the API no
 * longer knows.
 *
 * @returns how many postbacks were deleted
 */
export async function deletePartnerPostbacks(
  db: Kysely<Database>,
  programId: string,
  partnerId: string,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    const rows = await listPostbacks(trx, programId, partnerId);
    for (const row of rows) await cancel(trx, row.id, 'partner deleted', now);
    if (rows.length === 0) return 0;
    await trx
      .deleteFrom('webhooks')
      .where('program_id', '=', programId)
      .where('partner_id', '=', partnerId)
      .where('kind', '=', 'postback')
      .execute();
    return rows.length;
  });
}

/**
 * Transition `active → inactive` of every active postback of one partner, in the caller's
 * transaction (the partner's archive or reject, domain/partners.ts): each one gets `reason` as
 * its `disabled_reason`, and its pending deliveries are cancelled with the same reason. Events
 * about the partner's referrals keep happening after it is archived or rejected, and enqueueing
 * does not look at the partner's status, so only an inactive postback stops receiving them.
 * The reason is what {@link resumePartnerPostbacks} recognises; a postback that was already
 * inactive keeps its own reason, so it is not resumed along with the suspended ones.
 *
 * @returns how many postbacks were suspended
 */
export async function suspendPartnerPostbacks(
  db: Kysely<Database>,
  programId: string,
  partnerId: string,
  reason: PartnerSuspensionReason,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<number> {
  return inTransaction(db, async (trx) => {
    let suspended = 0;
    for (const row of await listPostbacks(trx, programId, partnerId)) {
      if (row.is_active !== 1) continue;
      const how = { cancelReason: reason, disabledReason: reason, cancel };
      if (await deactivateAndCancel(trx, row.id, how, now)) suspended += 1;
    }
    return suspended;
  });
}

/**
 * Transition `suspended → active` of one partner's postbacks, in the caller's transaction (the
 * partner restored to `active` or `pending`): only those whose `disabled_reason` is a
 * {@link PARTNER_SUSPENSION_REASONS} entry. A postback that failures, the owner or the partner
 * turned off stays off, since the restore does not undo those decisions. The failure record is
 * cleared as {@link updatePostback}'s enabling does, so a resumed postback starts afresh.
 *
 * @returns how many postbacks were resumed
 */
export async function resumePartnerPostbacks(
  db: Kysely<Database>,
  programId: string,
  partnerId: string,
  now: number,
): Promise<number> {
  const result = await db
    .updateTable('webhooks')
    .set({ ...ENABLED_AFRESH, updated_at: now })
    .where('program_id', '=', programId)
    .where('partner_id', '=', partnerId)
    .where('kind', '=', 'postback')
    .where('is_active', '=', 0)
    .where('disabled_reason', 'in', [...PARTNER_SUSPENSION_REASONS])
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/**
 * Cancels the pending deliveries of every postback of a program ("postbacks turned off"), in
 * the caller's transaction; the postbacks stay as they are.
 *
 * @returns how many deliveries were cancelled
 */
export async function cancelProgramPostbacks(
  db: Kysely<Database>,
  programId: string,
  now: number,
  cancel: CancelPendingDeliveries,
): Promise<number> {
  let cancelled = 0;
  for (const row of await listPostbacks(db, programId)) {
    cancelled += await cancel(db, row.id, 'postbacks turned off', now);
  }
  return cancelled;
}
