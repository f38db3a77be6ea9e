import type { Kysely, Selectable } from 'kysely';
import type { Database, PayoutRequestsTable } from '../storage/index.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import type { PayoutRequestResource } from '../webhooks/resource-schemas.js';
import { currencyCode } from './amount-input.js';
import { commitChange } from './change.js';
import type { DomainDeps } from './change.js';
import { describeRef } from './customers.js';
import { notFound, validationFailed } from './errors.js';
import { toMajor } from './money.js';
import { resolvePartner } from './partners.js';
import type { PartnerRef } from './partners.js';
import { requireProgramType } from './program-types.js';
import { nextNumber } from './program-counters.js';
import { getReward, presentReward } from './rewards.js';

/**
 * Payout requests (Partnero's `/payout_requests`): a partner's approved, unpaid rewards in one
 * currency, held together while the request is open and paid together.
 *
 * ```
 * requested ─approve─▶ approved ─mark_as_paid─▶ finished   (each reward: approved → paid,
 *     └──────reject────────┴──────────────────▶ rejected    reward.paid; rejected releases)
 * requested ─request_resubmission─▶ resubmit_requested ─partner resubmits─▶ resubmitted
 *     (new payout details; the rewards stay held)      resubmitted ─approve─▶ approved
 * ```
 * Resubmission is Partnero's partner-portal flow: the owner sends a request back (wrong
 * payout details, say) and the partner corrects the details in the portal.
 * A reward belongs to at most one open request. Refunding a transaction still cancels its
 * reward; a request holding a cancelled reward cannot be paid (reject it and request again).
 */

/** A payout request row. */
export type PayoutRequestRow = Selectable<PayoutRequestsTable>;

/** Payout statuses. */
export type PayoutStatus = PayoutRequestResource['status'];

/** Input of {@link createPayoutRequest}. */
export interface PayoutRequestInput {
  readonly partner: PartnerRef;
  /** The currency of the balance to pay out (`usd` is read as `USD`). */
  readonly amount_units: string;
  readonly gateway?: string | null | undefined;
  readonly payout_settings?: Readonly<Record<string, string>> | undefined;
  /** Pay only these rewards instead of the whole approved balance in the currency. */
  readonly reward_ids?: readonly string[] | undefined;
}

/** Filters of {@link listPayoutRequests}. */
export interface PayoutFilters {
  readonly status?: PayoutStatus | undefined;
  readonly partner?: PartnerRef | undefined;
  readonly amount_units?: string | undefined;
}

// Rewards name their request by its per-program number, so the program narrows the match.
async function rewardIdsOf(
  db: Kysely<Database>,
  programId: string,
  payoutIds: readonly number[],
): Promise<Map<number, string[]>> {
  const byPayout = new Map<number, string[]>();
  if (payoutIds.length === 0) return byPayout;
  const rows = await db
    .selectFrom('rewards')
    .select(['id', 'payout_request_id'])
    .where('program_id', '=', programId)
    .where('payout_request_id', 'in', [...payoutIds])
    .orderBy('id')
    .execute();
  for (const r of rows) {
    const key = Number(r.payout_request_id);
    byPayout.set(key, [...(byPayout.get(key) ?? []), r.id]);
  }
  return byPayout;
}

/** The request as the API shows it. */
export function presentPayoutRequest(
  row: PayoutRequestRow,
  rewardIds: readonly string[],
): PayoutRequestResource {
  return {
    id: Number(row.number),
    partner: row.partner_id,
    status: row.status as PayoutStatus,
    amount: toMajor(Number(row.amount_minor), row.amount_units),
    amount_units: row.amount_units,
    gateway: row.gateway,
    payout_settings: JSON.parse(row.payout_settings) as Record<string, string>,
    rewards: [...rewardIds],
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    approved_at: formatNullableTimestamp(row.approved_at),
    paid_at: formatNullableTimestamp(row.paid_at),
    rejected_at: formatNullableTimestamp(row.rejected_at),
  };
}

async function getRow(
  db: Kysely<Database>,
  programId: string,
  id: number,
): Promise<PayoutRequestRow> {
  const row = await db
    .selectFrom('payout_requests')
    .selectAll()
    .where('program_id', '=', programId)
    .where('number', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Payout request');
  return row;
}

/** A payout request by the id the API shows (its per-program number), with its rewards, or a 404. */
export async function getPayoutRequest(
  db: Kysely<Database>,
  programId: string,
  id: number,
): Promise<PayoutRequestResource> {
  const row = await getRow(db, programId, id);
  return presentPayoutRequest(row, (await rewardIdsOf(db, programId, [id])).get(id) ?? []);
}

/** Lists payout requests (newest first unless `sort` is `asc`; `limit + 1` rows). */
export async function listPayoutRequests(
  db: Kysely<Database>,
  programId: string,
  filters: PayoutFilters,
  page: { limit: number; offset: number; sort?: 'asc' | 'desc' | undefined },
): Promise<PayoutRequestResource[]> {
  let query = db.selectFrom('payout_requests').selectAll().where('program_id', '=', programId);
  if (filters.status !== undefined) query = query.where('status', '=', filters.status);
  if (filters.amount_units !== undefined) {
    query = query.where('amount_units', '=', currencyCode(filters.amount_units));
  }
  if (filters.partner !== undefined) {
    const partner = await resolvePartner(db, programId, filters.partner);
    if (!partner) return [];
    query = query.where('partner_id', '=', partner.id);
  }
  const rows = await query
    .orderBy('number', page.sort ?? 'desc')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  const rewards = await rewardIdsOf(
    db,
    programId,
    rows.map((r) => Number(r.number)),
  );
  return rows.map((r) => presentPayoutRequest(r, rewards.get(Number(r.number)) ?? []));
}

/**
 * Raises a payout for an active partner: its approved rewards in the currency that no open
 * request holds (or just `reward_ids`), totalling more than zero. No event fires: the catalog
 * has no payout events; paying the request fires `reward.paid` for each reward.
 */
export function createPayoutRequest(
  deps: DomainDeps,
  programId: string,
  input: PayoutRequestInput,
): Promise<PayoutRequestResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    await requireProgramType(trx, programId, ['affiliate'], 'Payout requests');
    const partner = await resolvePartner(trx, programId, input.partner);
    if (!partner) {
      throw validationFailed({
        partner: [`No partner matches ${describeRef(input.partner)} in this program.`],
      });
    }
    if (partner.status !== 'active') {
      throw validationFailed({
        partner: [`The partner is ${partner.status}; only active partners can be paid out.`],
      });
    }
    const units = currencyCode(input.amount_units);
    let query = trx
      .selectFrom('rewards')
      .select(['id', 'amount_minor'])
      .where('program_id', '=', programId)
      .where('partner_id', '=', partner.id)
      .where('status', '=', 'approved')
      .where('amount_units', '=', units)
      .where('payout_request_id', 'is', null);
    if (input.reward_ids !== undefined) query = query.where('id', 'in', [...input.reward_ids]);
    const rewards = await query.orderBy('id').execute();
    if (input.reward_ids !== undefined) {
      const found = new Set(rewards.map((r) => r.id));
      const missing = input.reward_ids.filter((id) => !found.has(id));
      if (missing.length > 0) {
        throw validationFailed({
          reward_ids: [
            `Not approved, unpaid ${units} rewards of this partner outside other payouts: ${missing.join(', ')}.`,
          ],
        });
      }
    }
    const total = rewards.reduce((sum, r) => sum + Number(r.amount_minor), 0);
    if (rewards.length === 0 || total <= 0) {
      throw validationFailed({
        amount_units: [`The partner has no approved, unpaid balance in ${units} to pay out.`],
      });
    }
    const number = await nextNumber(trx, programId, 'payout_requests');
    await trx
      .insertInto('payout_requests')
      .values({
        program_id: programId,
        number,
        partner_id: partner.id,
        status: 'requested',
        amount_minor: total,
        amount_units: units,
        gateway: input.gateway ?? null,
        payout_settings: JSON.stringify(input.payout_settings ?? {}),
        created_at: now,
        updated_at: now,
        approved_at: null,
        paid_at: null,
        rejected_at: null,
      })
      .execute();
    const held = await trx
      .updateTable('rewards')
      .set({ payout_request_id: number, updated_at: now })
      .where(
        'id',
        'in',
        rewards.map((r) => r.id),
      )
      .where('payout_request_id', 'is', null)
      .executeTakeFirst();
    // Another request took some of these rewards meanwhile; this one rolls back whole.
    if (Number(held.numUpdatedRows) !== rewards.length) {
      throw validationFailed({
        amount_units: ['Another payout request took some of these rewards; try again.'],
      });
    }
    return getPayoutRequest(trx, programId, number);
  });
}

async function transition(
  deps: DomainDeps,
  programId: string,
  id: number,
  from: readonly PayoutStatus[],
  to: 'approved' | 'finished' | 'rejected' | 'resubmit_requested' | 'resubmitted',
  resubmission?: { partnerId: string; details: PayoutDetails },
): Promise<PayoutRequestResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getRow(trx, programId, id);
    // A partner resubmits only its own request; another's is as unknown as a missing one.
    if (resubmission && row.partner_id !== resubmission.partnerId) throw notFound('Payout request');
    if (!from.includes(row.status as PayoutStatus)) {
      const verb = {
        approved: 'approved',
        finished: 'marked paid',
        rejected: 'rejected',
        resubmit_requested: 'sent back for resubmission',
        resubmitted: 'resubmitted',
      }[to];
      throw validationFailed({
        status: [
          `The payout request is ${row.status}; only a ${from.join(' or ')} one can be ${verb}.`,
        ],
      });
    }
    const rewardIds = (await rewardIdsOf(trx, programId, [id])).get(id) ?? [];
    if (to === 'finished') {
      const rewards = await Promise.all(rewardIds.map((r) => getReward(trx, programId, r)));
      const gone = rewards.filter((r) => r.status !== 'approved');
      if (gone.length > 0) {
        throw validationFailed({
          status: [
            `Rewards of this request changed since it was raised (${gone.map((r) => `${r.id} is ${r.status}`).join(', ')}); reject it and request again.`,
          ],
        });
      }
      if (rewardIds.length > 0) {
        const paid = await trx
          .updateTable('rewards')
          .set({ status: 'paid', paid_at: now, updated_at: now })
          .where('id', 'in', rewardIds)
          .where('status', '=', 'approved')
          .executeTakeFirst();
        // A refund cancelled one of them meanwhile: pay nothing.
        if (Number(paid.numUpdatedRows) !== rewardIds.length) {
          throw validationFailed({
            status: ['Rewards of this request changed meanwhile; read it and try again.'],
          });
        }
      }
    }
    if (to === 'rejected' && rewardIds.length > 0) {
      // The rewards are free for a later request again.
      await trx
        .updateTable('rewards')
        .set({ payout_request_id: null, updated_at: now })
        .where('program_id', '=', programId)
        .where('payout_request_id', '=', id)
        .execute();
    }
    const stamp =
      to === 'approved'
        ? { approved_at: now }
        : to === 'finished'
          ? { paid_at: now }
          : to === 'rejected'
            ? { rejected_at: now }
            : resubmission
              ? {
                  gateway: resubmission.details.gateway ?? row.gateway,
                  payout_settings:
                    resubmission.details.payout_settings !== undefined
                      ? JSON.stringify(resubmission.details.payout_settings)
                      : row.payout_settings,
                }
              : {};
    const moved = await trx
      .updateTable('payout_requests')
      .set({ status: to, updated_at: now, ...stamp })
      .where('id', '=', row.id)
      .where('status', '=', row.status)
      .executeTakeFirst();
    if (Number(moved.numUpdatedRows) !== 1) {
      throw validationFailed({
        status: ['The payout request changed meanwhile; read it and try again.'],
      });
    }
    if (to === 'finished') {
      for (const rewardId of rewardIds) {
        await change.emit('reward.paid', presentReward(await getReward(trx, programId, rewardId)));
      }
    }
    return getPayoutRequest(trx, programId, id);
  });
}

/**
 * Approves a requested (or resubmitted) payout (Partnero: "only while it is still awaiting a
 * decision").
 */
export function approvePayoutRequest(deps: DomainDeps, programId: string, id: number) {
  return transition(deps, programId, id, ['requested', 'resubmitted'], 'approved');
}

/** Payout method and details a partner gives with a request or a resubmission. */
export interface PayoutDetails {
  readonly gateway?: string | null | undefined;
  readonly payout_settings?: Readonly<Record<string, string>> | undefined;
}

/**
 * Sends a requested (or resubmitted) payout back to the partner to correct its payout
 * details (`resubmit_requested`); its rewards stay held.
 */
export function requestPayoutResubmission(deps: DomainDeps, programId: string, id: number) {
  return transition(deps, programId, id, ['requested', 'resubmitted'], 'resubmit_requested');
}

/**
 * The partner resubmits a request sent back to it, with corrected details (`resubmitted`).
 * Only the request's own partner can; another partner's request is a 404.
 */
export function resubmitPayoutRequest(
  deps: DomainDeps,
  programId: string,
  id: number,
  partnerId: string,
  details: PayoutDetails,
) {
  return transition(deps, programId, id, ['resubmit_requested'], 'resubmitted', {
    partnerId,
    details,
  });
}

/** Marks an approved payout paid: each of its rewards becomes `paid` (`reward.paid` each). */
export function markPayoutRequestPaid(deps: DomainDeps, programId: string, id: number) {
  return transition(deps, programId, id, ['approved'], 'finished');
}

/** Rejects an open payout request; its rewards are released for a later request. */
export function rejectPayoutRequest(deps: DomainDeps, programId: string, id: number) {
  return transition(
    deps,
    programId,
    id,
    ['requested', 'approved', 'resubmit_requested', 'resubmitted'],
    'rejected',
  );
}
