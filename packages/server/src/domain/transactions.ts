import { validationFailed } from './errors.js';
import { newId } from '../util/ids.js';
import type { TransactionResource } from '../webhooks/resource-schemas.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import {
  ensureCustomer,
  findCustomer,
  findCustomerByEmail,
  insertCustomer,
  resolveCustomer,
} from './customers.js';
import type { CustomerInput, CustomerRow } from './customers.js';
import { commissionMinor, currencyExponent, toMinor } from './money.js';
import { findPartner } from './partner-lookup.js';
import { partnerOfPromotionCode } from './promotion-attribution.js';
import { uniqueKey } from './unique-key.js';
import type { PartnerRef } from './partner-lookup.js';
import { commissionRuleFor, loadSettings } from './program-settings.js';
import {
  UNPAID_STATUSES,
  emitRewardsCreated,
  initialRewardState,
  insertReward,
} from './rewards.js';
import type { RewardStatus } from './rewards.js';
import { getRow, getTransactionById } from './transaction-lookup.js';
import { activeRewards, refuseIfRefunded } from './transaction-refunds.js';

/**
 * Transactions: sales (or other actions) of referred customers. Creating one yields the
 * commission reward of the customer's referring partner (unless `rewardable: false`);
 * updating the amount adjusts the unpaid reward; deleting one is a **refund** that reverses
 * the commission (`transaction-refunds.ts`). Keys are **not unique**, as in Partnero: a
 * second create with a key records a second sale and a second commission. How a key
 * addresses its transactions afterwards is written in `transaction-lookup.ts` (reads, updates:
 * the newest live one) and `transaction-refunds.ts` (refunds: all of them).
 */

/** How a transaction names its customer, and what to create it with when asked to. */
export interface TransactionCustomer {
  readonly key?: string | null | undefined;
  readonly id?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly name?: string | null | undefined;
  readonly surname?: string | null | undefined;
  readonly tags?: readonly string[] | null | undefined;
  readonly partner?: PartnerRef | undefined;
}

/** Input of {@link createTransaction}. */
export interface TransactionInput {
  /** The order or invoice id; generated (`txn_…`) when absent. Not unique. */
  readonly key?: string | null | undefined;
  /** Major units, as a number or decimal string (`99.99`). */
  readonly amount: number | string;
  /** Currency; default the program's. */
  readonly amount_units?: string | null | undefined;
  /** Default `sale`. */
  readonly action?: string | null | undefined;
  readonly product_id?: string | null | undefined;
  readonly product_type?: string | null | undefined;
  /** `false` records the sale without a commission. Default `true`. */
  readonly rewardable?: boolean | null | undefined;
  /** When the sale happened (epoch ms, not in the future); default now. */
  readonly created_at?: number | null | undefined;
  /** Amount before discounts, major units. */
  readonly gross_amount?: number | string | null | undefined;
  readonly discount_amount?: number | string | null | undefined;
  readonly discount_code?: string | null | undefined;
  readonly customer: TransactionCustomer;
  /** Partnero's legacy top-level referring partner, used with `create_customer`. */
  readonly partner?: PartnerRef | undefined;
  readonly options?: { readonly create_customer?: boolean | null | undefined } | undefined;
}

/** Input of {@link updateTransaction}: only the given fields change. */
export interface TransactionUpdate {
  readonly amount?: number | string | null | undefined;
  readonly action?: string | null | undefined;
  readonly product_id?: string | null | undefined;
  readonly product_type?: string | null | undefined;
}

/** Major units → minor units, or a 422 naming the field. */
function amountMinor(field: string, value: number | string, currency: string): number {
  const minor = toMinor(value, currency);
  if (typeof minor === 'number') {
    if (minor < 0)
      throw validationFailed({ [field]: ['The amount must not be negative; refund with DELETE.'] });
    return minor;
  }
  const messages = {
    not_a_number: 'The amount must be a number in major units, such as 99.99.',
    too_precise: `The amount has more decimal places than ${currency} has (${currencyExponent(currency)}).`,
    too_large: 'The amount is too large.',
  };
  throw validationFailed({ [field]: [messages[minor]] });
}

/** Finds (or, with `create_customer`, creates) the customer a new transaction names. */
async function customerOf(change: Change, input: TransactionInput): Promise<CustomerRow> {
  const { trx, programId } = change;
  const ref = {
    key: input.customer.key ?? undefined,
    id: input.customer.id ?? undefined,
    email: input.customer.email ?? undefined,
  };
  const existing =
    ref.key !== undefined
      ? await findCustomer(trx, programId, ref.key)
      : ref.id !== undefined
        ? await resolveCustomer(trx, programId, { id: ref.id })
        : ref.email !== undefined
          ? await findCustomerByEmail(trx, programId, ref.email)
          : undefined;
  if (existing) return existing;
  const key = ref.key ?? ref.email;
  if (key === undefined) {
    if (ref.id !== undefined)
      throw validationFailed({ customer: [`No customer with id "${ref.id}".`] });
    throw validationFailed({
      'customer.key': ['The customer.key, customer.id or customer.email field is required.'],
    });
  }
  if (input.options?.create_customer !== true) {
    throw validationFailed({
      customer: [
        `No customer with ${ref.key !== undefined ? 'key' : 'email'} "${key}". Create it first, or send options.create_customer: true.`,
      ],
    });
  }
  const { customer } = input;
  // A concurrent sale may create the same customer meanwhile: ensureCustomer then returns
  // that one (and this sale fires no customer.created).
  const { row } = await ensureCustomer(change, {
    key,
    email: ref.email,
    name: customer.name,
    surname: customer.surname,
    tags: customer.tags,
    partner: customer.partner ?? input.partner,
  });
  return row;
}

/** An optional money field in the transaction's currency → minor units, or `null`. */
function optionalMinor(
  field: string,
  value: number | string | null | undefined,
  currency: string,
): number | null {
  return value === null || value === undefined ? null : amountMinor(field, value, currency);
}

/**
 * Records a transaction inside a change and fires `transaction.created`, then
 * `reward.created` for the commission of the customer's referring partner. No commission
 * when `rewardable: false`, when the partner is not `active` (pending, rejected, archived)
 * or when the customer is archived. With `options.create_customer` a missing customer is
 * created first (`customer.created`). A customer without a (live) partner is a 422 (nothing
 * is written), except in refer-a-friend programs, where customers have no partner.
 */
export async function recordTransaction(
  change: Change,
  input: TransactionInput,
): Promise<TransactionResource> {
  const { trx, programId, now } = change;
  const settings = await loadSettings(trx, programId);
  const currency = input.amount_units ?? settings.default_currency;
  const minor = amountMinor('amount', input.amount, currency);
  const gross = optionalMinor('gross_amount', input.gross_amount, currency);
  const discount = optionalMinor('discount_amount', input.discount_amount, currency);
  const createdAt = input.created_at ?? now;
  if (createdAt > now + 60_000) {
    throw validationFailed({ created_at: ['The created_at date must not be in the future.'] });
  }
  if (createdAt < 0) {
    throw validationFailed({ created_at: ['The created_at date must not be before 1970.'] });
  }

  const customer = await customerOf(change, input);
  // A customer referred by nobody: a partner's promotion code used for the sale attributes it.
  const partnerId =
    customer.partner_id ??
    (await partnerOfPromotionCode(trx, programId, input.discount_code, createdAt));
  const partner = partnerId === null ? undefined : await findPartner(trx, programId, partnerId);
  // Refer-a-friend programs have no partners: their customers refer each other, so a purchase
  // is recorded without a partner and earns no commission (the referrer's reward is given
  // with `POST /v1/customers/{key}/reward`, `customer.rewarded`).
  if (!partner && settings.program_type !== 'refer-a-friend') {
    throw validationFailed({
      customer: [
        `The customer "${customer.key}" has no referring partner, so the transaction cannot be attributed.`,
      ],
    });
  }

  const id = newId('txn', now);
  const productId = input.product_id ?? null;
  const productType = input.product_type ?? null;
  const action = input.action ?? 'sale';
  await trx
    .insertInto('transactions')
    .values({
      id,
      program_id: programId,
      key: input.key ?? id,
      action,
      amount_minor: minor,
      amount_units: currency,
      partner_id: partner?.id ?? null,
      customer_id: customer.id,
      credit: 0,
      is_currency: 1,
      product_id: productId,
      product_type: productType,
      gross_amount_minor: gross,
      discount_amount_minor: discount,
      discount_code: input.discount_code ?? null,
      created_at: createdAt,
      updated_at: now,
      deleted_at: null,
    })
    .execute();

  const rewardIds: string[] = [];
  const earns =
    partner !== undefined &&
    input.rewardable !== false &&
    partner.status === 'active' &&
    customer.status === 'active';
  if (earns) {
    rewardIds.push(
      await insertReward(change, {
        transactionId: id,
        partnerId: partner.id,
        customerId: customer.id,
        action,
        amountMinor: commissionMinor(minor, currency, commissionRuleFor(settings, productType)),
        amountUnits: currency,
        productId,
        productType,
        state: initialRewardState(settings, now),
      }),
    );
  }
  const transaction = await getTransactionById(trx, programId, id);
  await change.emit('transaction.created', transaction);
  await emitRewardsCreated(change, rewardIds);
  return transaction;
}

/** Records a transaction in its own change; see {@link recordTransaction}. */
export function createTransaction(
  deps: DomainDeps,
  programId: string,
  input: TransactionInput,
): Promise<TransactionResource> {
  return commitChange(deps, programId, (change) => recordTransaction(change, input));
}

/**
 * Updates amount, action or product and fires `transaction.updated` (when something changed).
 * The commission is recomputed: the difference goes onto the newest unpaid reward, or, when
 * every reward is already paid, into a new adjustment reward (`reward.created`). A transaction
 * that earned no reward (partner not active then) earns none on update either.
 */
export async function updateTransaction(
  deps: DomainDeps,
  programId: string,
  key: string,
  update: TransactionUpdate,
): Promise<TransactionResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getRow(trx, programId, key);
    refuseIfRefunded(row);
    const next = {
      amount_minor:
        update.amount != null
          ? amountMinor('amount', update.amount, row.amount_units)
          : row.amount_minor,
      action: update.action ?? row.action,
      product_id: update.product_id !== undefined ? update.product_id : row.product_id,
      product_type: update.product_type !== undefined ? update.product_type : row.product_type,
    };
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== row[k]);
    if (!changed) return getTransactionById(trx, programId, row.id);

    await trx
      .updateTable('transactions')
      .set({ ...next, updated_at: now })
      .where('id', '=', row.id)
      .execute();

    const settings = await loadSettings(trx, programId);
    const rewards = await activeRewards(trx, row.id);
    const newRewardIds: string[] = [];
    if (rewards.length > 0 && row.partner_id !== null) {
      const target = commissionMinor(
        next.amount_minor,
        row.amount_units,
        commissionRuleFor(settings, next.product_type),
      );
      const delta = target - rewards.reduce((sum, r) => sum + r.amount_minor, 0);
      const unpaid = rewards.filter((r) => UNPAID_STATUSES.includes(r.status as RewardStatus));
      for (const reward of unpaid) {
        await trx
          .updateTable('rewards')
          .set({ product_id: next.product_id, product_type: next.product_type, updated_at: now })
          .where('id', '=', reward.id)
          .execute();
      }
      const newest = unpaid.at(-1);
      if (delta !== 0 && newest) {
        await trx
          .updateTable('rewards')
          .set({ amount_minor: newest.amount_minor + delta, updated_at: now })
          .where('id', '=', newest.id)
          .execute();
      } else if (delta !== 0) {
        newRewardIds.push(
          await insertReward(change, {
            transactionId: row.id,
            partnerId: row.partner_id,
            customerId: row.customer_id,
            action: 'adjustment',
            amountMinor: delta,
            amountUnits: row.amount_units,
            productId: next.product_id,
            productType: next.product_type,
            // An increase waits out the review period like any commission; a decrease is a
            // clawback and needs no review.
            state:
              delta > 0
                ? initialRewardState(settings, now)
                : initialRewardState({ review_period_days: 0 }, now),
          }),
        );
      }
    }
    const transaction = await getTransactionById(trx, programId, row.id);
    await change.emit('transaction.updated', transaction);
    await emitRewardsCreated(change, newRewardIds);
    return transaction;
  });
}

/** A sale recorded with its new customer (the PHP SDK's `Customers::create($c, $p, $t)`). */
export type FirstSale = Omit<TransactionInput, 'customer' | 'partner' | 'options'>;

/**
 * Creates a customer and records its first sale in one change: `customer.created`, then
 * `transaction.created` (and `reward.created`). Either both are written or neither.
 */
export function createCustomerWithSale(
  deps: DomainDeps,
  programId: string,
  customer: CustomerInput,
  sale: FirstSale,
): Promise<CustomerRow> {
  return uniqueKey(
    commitChange(deps, programId, async (change) => {
      const row = await insertCustomer(change, customer);
      await recordTransaction(change, { ...sale, customer: { key: row.key } });
      return row;
    }),
  );
}
