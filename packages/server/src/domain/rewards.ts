import type { Kysely, Selectable } from 'kysely';
import { notFound, validationFailed } from './errors.js';
import type { Database, RewardsTable } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import type { RewardResource } from '../webhooks/resource-schemas.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { toMajor } from './money.js';
import type { ProgramSettings } from './program-settings.js';

/**
 * Rewards: the commissions partners earn on transactions.
 *
 * ```
 * created ─▶ review_period ─(review days pass, or approve)─▶ approved ─mark-paid─▶ paid
 *   (or straight to approved when the review period is 0 days)
 * review_period | approved ─(transaction refunded)─▶ cancelled
 * ```
 * A refund of a transaction whose reward was already paid adds an **adjustment** reward with
 * the negative amount (action `refund`, approved at once), so the partner's net earnings on a
 * refunded transaction are exactly zero. Amounts are integer minor units in storage.
 */

/** Reward statuses. */
export type RewardStatus = 'review_period' | 'approved' | 'paid' | 'cancelled';

/** Statuses of a reward that still counts toward the partner's earnings but is not paid. */
export const UNPAID_STATUSES: readonly RewardStatus[] = ['review_period', 'approved'];

/** A reward row with the keys its resource shows (null for bonuses and lead rewards). */
export type RewardRow = Selectable<RewardsTable> & {
  customer_key: string | null;
  transaction_key: string | null;
};

/** Filters of {@link listRewards}. */
export interface RewardFilters {
  /** Partner id. */
  readonly partner?: string | undefined;
  readonly status?: RewardStatus | undefined;
  /** Transaction key. */
  readonly transaction?: string | undefined;
}

/** The reward as the API and its events show it. */
export function presentReward(row: RewardRow): RewardResource {
  const productTypeData: { product_id?: string; product_type?: string } = {};
  if (row.product_id !== null) productTypeData.product_id = row.product_id;
  if (row.product_type !== null) productTypeData.product_type = row.product_type;
  return {
    id: row.id,
    key: row.transaction_key ?? row.id,
    action: row.action,
    status: row.status as RewardStatus,
    partner: row.partner_id,
    customer: row.customer_key,
    transaction: row.transaction_key,
    amount: toMajor(row.amount_minor, row.amount_units),
    amount_units: row.amount_units,
    is_currency: row.is_currency === 1,
    credit: row.credit === 1,
    product_type_data: productTypeData,
    note: row.note,
    payout_request: row.payout_request_id === null ? null : Number(row.payout_request_id),
    created_at: formatTimestamp(row.created_at),
    approved_at: formatNullableTimestamp(row.approved_at),
    paid_at: formatNullableTimestamp(row.paid_at),
    deleted_at: formatNullableTimestamp(row.deleted_at),
  };
}

/** Rewards of a program joined with the keys their resource shows. */
export function rewardRows(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('rewards')
    .leftJoin('customers', 'customers.id', 'rewards.customer_id')
    .leftJoin('transactions', 'transactions.id', 'rewards.transaction_id')
    .selectAll('rewards')
    .select(['customers.key as customer_key', 'transactions.key as transaction_key'])
    .where('rewards.program_id', '=', programId);
}

/** A reward by id, or a 404. */
export async function getReward(
  db: Kysely<Database>,
  programId: string,
  id: string,
): Promise<RewardRow> {
  const row = await rewardRows(db, programId).where('rewards.id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Reward');
  return row;
}

/** Rewards of some transactions, oldest first, grouped by transaction id. */
export async function rewardsOfTransactions(
  db: Kysely<Database>,
  programId: string,
  transactionIds: readonly string[],
): Promise<Map<string, RewardResource[]>> {
  const byTransaction = new Map<string, RewardResource[]>();
  if (transactionIds.length === 0) return byTransaction;
  const rows = await rewardRows(db, programId)
    .where('rewards.transaction_id', 'in', transactionIds)
    .orderBy('rewards.created_at')
    .orderBy('rewards.id')
    .execute();
  for (const row of rows) {
    if (row.transaction_id === null) continue;
    const list = byTransaction.get(row.transaction_id) ?? [];
    list.push(presentReward(row));
    byTransaction.set(row.transaction_id, list);
  }
  return byTransaction;
}

/** Lists rewards, newest first (`limit + 1` rows, for the paginator). */
export async function listRewards(
  db: Kysely<Database>,
  programId: string,
  filters: RewardFilters,
  page: { limit: number; offset: number },
): Promise<RewardResource[]> {
  let query = rewardRows(db, programId);
  if (filters.partner !== undefined)
    query = query.where('rewards.partner_id', '=', filters.partner);
  if (filters.status !== undefined) query = query.where('rewards.status', '=', filters.status);
  if (filters.transaction !== undefined) {
    query = query.where('transactions.key', '=', filters.transaction);
  }
  const rows = await query
    .orderBy('rewards.id', 'desc')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return rows.map(presentReward);
}

/** The status a new reward starts in: `review_period` until its review ends, or `approved`. */
export function initialRewardState(
  settings: Pick<ProgramSettings, 'review_period_days'>,
  now: number,
): Pick<RewardsTable, 'status' | 'review_ends_at' | 'approved_at'> {
  if (settings.review_period_days > 0) {
    return {
      status: 'review_period',
      review_ends_at: now + settings.review_period_days * 86_400_000,
      approved_at: null,
    };
  }
  return { status: 'approved', review_ends_at: null, approved_at: now };
}

/** Fields of a new reward, besides those {@link insertReward} fills. */
export interface NewReward {
  /** Null for a manual bonus or a converted lead. */
  readonly transactionId: string | null;
  readonly partnerId: string;
  readonly customerId: string | null;
  readonly action: string;
  readonly amountMinor: number;
  readonly amountUnits: string;
  readonly productId: string | null;
  readonly productType: string | null;
  readonly state: Pick<RewardsTable, 'status' | 'review_ends_at' | 'approved_at'>;
  /** Why a manual reward was given. */
  readonly note?: string | null | undefined;
  /** When the reward counts from (a backdated bonus); default the change's time. */
  readonly createdAt?: number | undefined;
}

/** Inserts a reward inside a change (the caller fires `reward.created` once it can present it). */
export async function insertReward(change: Change, reward: NewReward): Promise<string> {
  const id = newId('rwd', change.now);
  await change.trx
    .insertInto('rewards')
    .values({
      id,
      program_id: change.programId,
      transaction_id: reward.transactionId,
      partner_id: reward.partnerId,
      customer_id: reward.customerId,
      action: reward.action,
      amount_minor: reward.amountMinor,
      amount_units: reward.amountUnits,
      is_currency: 1,
      credit: 0,
      product_id: reward.productId,
      product_type: reward.productType,
      ...reward.state,
      created_at: reward.createdAt ?? change.now,
      updated_at: change.now,
      paid_at: null,
      deleted_at: null,
      note: reward.note ?? null,
      payout_request_id: null,
    })
    .execute();
  return id;
}

/** Fires `reward.created` for each new reward, presenting it as it now stands. */
export async function emitRewardsCreated(change: Change, ids: readonly string[]): Promise<void> {
  for (const id of ids) {
    await change.emit(
      'reward.created',
      presentReward(await getReward(change.trx, change.programId, id)),
    );
  }
}

/** Approves a reward in its review period now; fires `reward.approved`. */
export function approveReward(
  deps: DomainDeps,
  programId: string,
  id: string,
): Promise<RewardResource> {
  return transitionReward(deps, programId, id, 'review_period', 'approved');
}

/** Marks an approved reward paid; fires `reward.paid`. */
export function markRewardPaid(
  deps: DomainDeps,
  programId: string,
  id: string,
): Promise<RewardResource> {
  return transitionReward(deps, programId, id, 'approved', 'paid');
}

async function transitionReward(
  deps: DomainDeps,
  programId: string,
  id: string,
  from: RewardStatus,
  to: 'approved' | 'paid',
): Promise<RewardResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getReward(trx, programId, id);
    // A reward held by a payout request is paid by that request (payout-requests.ts).
    if (to === 'paid' && row.payout_request_id !== null) {
      throw validationFailed({
        status: [
          `The reward is part of payout request ${row.payout_request_id}; mark that request paid instead.`,
        ],
      });
    }
    if (row.status !== from) {
      const what = to === 'approved' ? 'approved' : 'marked paid';
      throw validationFailed({
        status: [`The reward is ${row.status}; only a reward in ${from} can be ${what}.`],
      });
    }
    const result = await trx
      .updateTable('rewards')
      .set(
        to === 'approved'
          ? { status: 'approved', approved_at: now, review_ends_at: null, updated_at: now }
          : { status: 'paid', paid_at: now, updated_at: now },
      )
      .where('id', '=', row.id)
      .where('status', '=', from)
      .executeTakeFirst();
    // A concurrent change (the review sweep) got there first.
    if (Number(result.numUpdatedRows) !== 1) {
      throw validationFailed({ status: ['The reward changed meanwhile; read it and try again.'] });
    }
    const reward = presentReward(await getReward(trx, programId, row.id));
    await change.emit(to === 'approved' ? 'reward.approved' : 'reward.paid', reward);
    return reward;
  });
}
