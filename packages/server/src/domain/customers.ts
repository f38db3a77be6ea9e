import type { Kysely, Selectable } from 'kysely';
import { notFound, validationFailed } from './errors.js';
import type { CustomersTable, Database } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import type { CustomerResource } from '../webhooks/resource-schemas.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { resolvePartner } from './partners.js';
import type { PartnerRef } from './partners.js';
import { isUniqueViolation } from '../storage/index.js';
import { presentTags, tagsJson } from './shared.js';
// Refer-a-friend (issue 12, parity2): referring_customer is stored and shown via referrals.ts.
import { presentReferringCustomer, referralColumns, renameReferrer } from './referrals.js';
import type { CustomerRef } from './referrals.js';

/**
 * Customers: the people partners refer. Addressed by `key` (the host's user id or email);
 * `partner` is the referring partner's id. A partner's `referrals_count` is the number of its
 * live customers. Deleting a customer is soft (status `deleted`, `deleted_at`), frees its key,
 * and hides it from the API; its transactions and rewards keep naming it.
 */

/** A customer row. */
export type CustomerRow = Selectable<CustomersTable>;

/** Input of {@link createCustomer}. */
export interface CustomerInput {
  readonly key: string;
  readonly email?: string | null | undefined;
  readonly name?: string | null | undefined;
  readonly surname?: string | null | undefined;
  readonly tags?: readonly string[] | undefined;
  /** The referring partner; an unknown one is a 422. */
  readonly partner?: PartnerRef | undefined;
  /** Refer-a-friend: the referring customer (parity2). */
  readonly referring_customer?: CustomerRef | undefined;
}

/** Input of {@link updateCustomer}: only the given fields change; `tags: []` clears. */
export interface CustomerUpdate {
  readonly key?: string | undefined;
  readonly email?: string | null | undefined;
  readonly name?: string | null | undefined;
  readonly surname?: string | null | undefined;
  readonly tags?: readonly string[] | null | undefined;
}

/** Filters of {@link listCustomers}. */
export interface CustomerFilters {
  /** Referring partner, by id / key / email. */
  readonly partner?: PartnerRef | undefined;
  readonly email?: string | undefined;
}

/** The customer as the API and its events show it. */
export function presentCustomer(row: CustomerRow): CustomerResource {
  return {
    key: row.key,
    partner: row.partner_id,
    email: row.email,
    name: row.name,
    surname: row.surname,
    status: row.status as 'active' | 'deleted',
    tags: presentTags(row.tags),
    referring_customer: presentReferringCustomer(row), // parity2
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    deleted_at: formatNullableTimestamp(row.deleted_at),
  };
}

function live(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('customers')
    .selectAll()
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null);
}

/** A live customer by key, or `undefined`. */
export function findCustomer(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<CustomerRow | undefined> {
  return live(db, programId).where('key', '=', key).executeTakeFirst();
}

/** The oldest live customer with this email, or `undefined`. */
export function findCustomerByEmail(
  db: Kysely<Database>,
  programId: string,
  email: string,
): Promise<CustomerRow | undefined> {
  return live(db, programId)
    .where('email', '=', email.toLowerCase())
    .orderBy('created_at')
    .orderBy('id')
    .executeTakeFirst();
}

/** A live customer by key, or a 404. */
export async function getCustomer(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<CustomerRow> {
  const row = await findCustomer(db, programId, key);
  if (!row) throw notFound('Customer');
  return row;
}

/** Lists live customers, oldest first (`limit + 1` rows, for the paginator). */
export async function listCustomers(
  db: Kysely<Database>,
  programId: string,
  filters: CustomerFilters,
  page: { limit: number; offset: number },
): Promise<CustomerResource[]> {
  let query = live(db, programId);
  if (filters.partner !== undefined) {
    const partner = await resolvePartner(db, programId, filters.partner);
    if (!partner) return [];
    query = query.where('partner_id', '=', partner.id);
  }
  if (filters.email !== undefined) query = query.where('email', '=', filters.email.toLowerCase());
  const rows = await query
    .orderBy('created_at')
    .orderBy('id')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return rows.map(presentCustomer);
}

/**
 * Inserts a customer inside an existing change and fires `customer.created`. Used by
 * `POST /customers` and by `POST /transactions` with `options.create_customer`.
 */
export async function insertCustomer(change: Change, input: CustomerInput): Promise<CustomerRow> {
  const { trx, programId, now } = change;
  if (await findCustomer(trx, programId, input.key)) {
    throw validationFailed({ key: ['The key has already been taken.'] });
  }
  let partnerId: string | null = null;
  if (input.partner !== undefined) {
    const partner = await resolvePartner(trx, programId, input.partner);
    if (!partner) {
      throw validationFailed({
        partner: [`No partner matches ${describeRef(input.partner)} in this program.`],
      });
    }
    partnerId = partner.id;
  }
  const row: CustomerRow = {
    id: newId('cus', now),
    program_id: programId,
    key: input.key,
    partner_id: partnerId,
    email: input.email?.toLowerCase() ?? null,
    name: input.name ?? null,
    surname: input.surname ?? null,
    status: 'active',
    tags: tagsJson(input.tags ?? []),
    created_at: now,
    updated_at: now,
    deleted_at: null,
    ...(await referralColumns(trx, programId, input.referring_customer)), // parity2
  };
  await trx.insertInto('customers').values(row).execute();
  await change.emit('customer.created', presentCustomer(row));
  return row;
}

/** How a partner reference reads in an error message. */
export function describeRef(ref: PartnerRef): string {
  if (ref.id !== undefined) return `id "${ref.id}"`;
  if (ref.key !== undefined) return `key "${ref.key}"`;
  if (ref.email !== undefined) return `email "${ref.email}"`;
  return 'an empty reference';
}

/** Creates a customer and fires `customer.created`. */
export async function createCustomer(
  deps: DomainDeps,
  programId: string,
  input: CustomerInput,
): Promise<CustomerResource> {
  try {
    const row = await commitChange(deps, programId, (change) => insertCustomer(change, input));
    return presentCustomer(row);
  } catch (error) {
    if (isUniqueViolation(error))
      throw validationFailed({ key: ['The key has already been taken.'] });
    throw error;
  }
}

/** Updates the given fields; fires `customer.updated` when something changed. */
export async function updateCustomer(
  deps: DomainDeps,
  programId: string,
  key: string,
  update: CustomerUpdate,
): Promise<CustomerResource> {
  try {
    return await commitChange(deps, programId, async (change) => {
      const { trx, now } = change;
      const row = await getCustomer(trx, programId, key);
      const next = {
        key: update.key ?? row.key,
        email: update.email !== undefined ? (update.email?.toLowerCase() ?? null) : row.email,
        name: update.name !== undefined ? update.name : row.name,
        surname: update.surname !== undefined ? update.surname : row.surname,
        tags: update.tags != null ? tagsJson(update.tags) : row.tags,
      };
      const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== row[k]);
      if (!changed) return presentCustomer(row);
      if (next.key !== row.key && (await findCustomer(trx, programId, next.key))) {
        throw validationFailed({ key: ['The key has already been taken.'] });
      }
      await trx
        .updateTable('customers')
        .set({ ...next, updated_at: now })
        .where('id', '=', row.id)
        .execute();
      if (next.key !== row.key) await renameReferrer(trx, row.id, next.key); // parity2
      const customer = presentCustomer({ ...row, ...next, updated_at: now });
      await change.emit('customer.updated', customer);
      return customer;
    });
  } catch (error) {
    if (isUniqueViolation(error))
      throw validationFailed({ key: ['The key has already been taken.'] });
    throw error;
  }
}

/** Soft-deletes a customer and fires `customer.deleted` with its last state. */
export async function deleteCustomer(
  deps: DomainDeps,
  programId: string,
  key: string,
): Promise<CustomerResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getCustomer(trx, programId, key);
    await trx
      .updateTable('customers')
      .set({ status: 'deleted', deleted_at: now, updated_at: now })
      .where('id', '=', row.id)
      .execute();
    const customer = presentCustomer({
      ...row,
      status: 'deleted',
      deleted_at: now,
      updated_at: now,
    });
    await change.emit('customer.deleted', customer);
    return customer;
  });
}
