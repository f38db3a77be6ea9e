import { sql } from 'kysely';
import type { Kysely, Selectable, SqlBool } from 'kysely';
import { notFound, validationFailed } from './errors.js';
import { uniqueKey } from './unique-key.js';
import type { CustomersTable, Database } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import type { CustomerResource } from '../webhooks/resource-schemas.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { resolvePartner } from './partner-lookup.js';
import type { PartnerRef } from './partner-lookup.js';
import type { PageWindow } from './list-query.js';
import { presentTags, tagsJson } from './shared.js';
import { contains, orderDirection } from './list-query.js';
import { programTypeOf } from './program-types.js';
import { presentReferringCustomer, referralColumns, renameReferrer } from './referrals.js';
import type { CustomerRef } from './referrals.js';

/**
 * Customers: the people partners refer. Addressed by `key` (the host's user id or email), by
 * `id` (generated) or by `email`, as Partnero's clients do; `partner` is the referring
 * partner's id. A partner's `referrals_count` is the number of its live customers. Deleting a
 * customer is soft (status `deleted`, `deleted_at`), frees its key, and hides it from the
 * API; its transactions and rewards keep naming it. Archiving (`archived`) is reversible: the
 * customer stays readable, and its new transactions earn no commission.
 */

/** A customer row. */
export type CustomerRow = Selectable<CustomersTable>;

/** Input of {@link createCustomer}. */
export interface CustomerInput {
  /** Required in affiliate programs; in refer-a-friend programs `key` or `id` (see {@link identityOf}). */
  readonly key?: string | undefined;
  /** Refer-a-friend: the client-given id, Partnero's identifier of such customers. */
  readonly id?: string | undefined;
  readonly email?: string | null | undefined;
  readonly name?: string | null | undefined;
  readonly surname?: string | null | undefined;
  readonly tags?: readonly string[] | null | undefined;
  /** The referring partner; an unknown one is a 422. */
  readonly partner?: PartnerRef | undefined;
  /** Refer-a-friend: the referring customer (parity2). */
  readonly referring_customer?: CustomerRef | undefined;
}

/** Input of {@link updateCustomer}: only the given fields change; `tags: []` clears. */
export interface CustomerUpdate {
  /** `null` leaves the key as it is (a key cannot be cleared). */
  readonly key?: string | null | undefined;
  readonly email?: string | null | undefined;
  readonly name?: string | null | undefined;
  readonly surname?: string | null | undefined;
  readonly tags?: readonly string[] | null | undefined;
}

/** How a request names a customer: by key, id or email (first given wins). */
export interface CustomerLookup {
  readonly key?: string | undefined;
  readonly id?: string | undefined;
  readonly email?: string | undefined;
}

/** Filters of {@link listCustomers}. */
export interface CustomerFilters {
  /** Referring partner, by id / key / email. */
  readonly partner?: PartnerRef | undefined;
  readonly email?: string | undefined;
  readonly key?: string | undefined;
  /** Partnero's refer-a-friend filter: customers with (or without) a referring customer. */
  readonly refer_status?: 'referred' | 'non_referred' | undefined;
}

/** The customer as the API and its events show it. */
export function presentCustomer(row: CustomerRow): CustomerResource {
  return {
    id: row.id,
    key: row.key,
    partner: row.partner_id,
    email: row.email,
    name: row.name,
    surname: row.surname,
    status: row.status as CustomerResource['status'],
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

/** Resolves `{key|id|email}` to a live customer; `undefined` when none matches. */
export async function resolveCustomer(
  db: Kysely<Database>,
  programId: string,
  ref: CustomerLookup,
): Promise<CustomerRow | undefined> {
  if (ref.key !== undefined) return findCustomer(db, programId, ref.key);
  if (ref.id !== undefined) {
    // Hookline's own `cus_…` id, else a refer-a-friend client id, which is stored as the key.
    return (
      (await live(db, programId).where('id', '=', ref.id).executeTakeFirst()) ??
      findCustomer(db, programId, ref.id)
    );
  }
  if (ref.email !== undefined) return findCustomerByEmail(db, programId, ref.email);
  return undefined;
}

/**
 * A live customer named in a path (`/customers/{customer}`), which Partnero's clients fill
 * with its key, id or email: the key wins, then the id, then the email. Or a 404.
 */
export async function getCustomer(
  db: Kysely<Database>,
  programId: string,
  keyIdOrEmail: string,
): Promise<CustomerRow> {
  const row =
    (await findCustomer(db, programId, keyIdOrEmail)) ??
    (await resolveCustomer(db, programId, { id: keyIdOrEmail })) ??
    (keyIdOrEmail.includes('@')
      ? await findCustomerByEmail(db, programId, keyIdOrEmail)
      : undefined);
  if (!row) throw notFound('Customer');
  return row;
}

/** Partnero's `GET /customers:search` fields: partial (substring) matches. */
export interface CustomerSearch {
  readonly key?: string | undefined;
  readonly id?: string | undefined;
  readonly email?: string | undefined;
}

/** Live customers whose key, id or email contains the given text, oldest first. */
export async function searchCustomers(
  db: Kysely<Database>,
  programId: string,
  search: CustomerSearch,
  page: PageWindow,
): Promise<CustomerResource[]> {
  let query = live(db, programId);
  if (search.key !== undefined) query = query.where(contains('key', search.key));
  const byId = search.id;
  // A refer-a-friend client id is stored as the key, so `id` searches both.
  if (byId !== undefined) {
    query = query.where(sql<SqlBool>`(${contains('id', byId)} or ${contains('key', byId)})`);
  }
  if (search.email !== undefined) query = query.where(contains('email', search.email));
  const direction = orderDirection(page.sort, 'asc');
  const rows = await query
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return rows.map(presentCustomer);
}

/** Lists live customers, oldest first unless `sort: 'desc'` (`limit + 1` rows). */
export async function listCustomers(
  db: Kysely<Database>,
  programId: string,
  filters: CustomerFilters,
  page: PageWindow,
): Promise<CustomerResource[]> {
  let query = live(db, programId);
  if (filters.partner !== undefined) {
    const partner = await resolvePartner(db, programId, filters.partner);
    if (!partner) return [];
    query = query.where('partner_id', '=', partner.id);
  }
  if (filters.email !== undefined) query = query.where('email', '=', filters.email.toLowerCase());
  if (filters.key !== undefined) query = query.where('key', '=', filters.key);
  if (filters.refer_status === 'referred')
    query = query.where('referring_customer_id', 'is not', null);
  if (filters.refer_status === 'non_referred')
    query = query.where('referring_customer_id', 'is', null);
  const direction = orderDirection(page.sort, 'asc');
  const rows = await query
    .orderBy('created_at', direction)
    .orderBy('id', direction)
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return rows.map(presentCustomer);
}

/** What {@link ensureCustomer} found: the live customer, and whether this change created it. */
export interface EnsuredCustomer {
  readonly row: CustomerRow;
  readonly created: boolean;
}

/**
 * The live customer with `input.key`, created inside the change (with `customer.created`) if
 * there is none. Never check-then-insert: the insert tolerates the conflict on the live-key
 * index (`ON CONFLICT DO NOTHING`, both engines) and only then reads. On PostgreSQL a
 * concurrent change that inserted the key first makes this insert wait for its outcome: if it
 * committed, the insert does nothing and the read (a new statement, so a new READ COMMITTED
 * snapshot) sees its row; if it rolled back, this insert wins. Only the change whose row was
 * inserted fires `customer.created`, so a race yields one customer and one event.
 */
export async function ensureCustomer(
  change: Change,
  input: CustomerInput,
): Promise<EnsuredCustomer> {
  const { trx, programId, now } = change;
  const type = await programTypeOf(trx, programId);
  const key = identityOf(type, input);
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
  const referral = await referralColumns(trx, programId, input.referring_customer); // parity2
  // A row seen as conflicting can be soft-deleted before the read, freeing the key again: then
  // insert once more. Three rounds need three deletions of that key meanwhile.
  for (let round = 0; round < 3; round++) {
    const row: CustomerRow = {
      id: newId('cus', now),
      program_id: programId,
      key,
      partner_id: partnerId,
      email: input.email?.toLowerCase() ?? null,
      name: input.name ?? null,
      surname: input.surname ?? null,
      status: 'active',
      tags: tagsJson(input.tags ?? []),
      archived_at: null,
      created_at: now,
      updated_at: now,
      deleted_at: null,
      ...referral,
    };
    const inserted = await trx
      .insertInto('customers')
      .values(row)
      .onConflict((oc) =>
        oc.columns(['program_id', 'key']).where('deleted_at', 'is', null).doNothing(),
      )
      .returning('id')
      .executeTakeFirst();
    if (inserted) {
      await change.emit('customer.created', presentCustomer(row));
      return { row, created: true };
    }
    const existing = await findCustomer(trx, programId, key);
    if (existing) return { row: existing, created: false };
  }
  throw validationFailed({ key: ['The key changed hands meanwhile; try again.'] });
}

/**
 * The identifier a new customer is stored under. In refer-a-friend programs Partnero's clients
 * name customers by a client-given `id` (often with no `key`); Hookline keeps one identifier
 * per customer, its `key`, so `id` alone is stored as the key, `key` alone is also the id, and
 * both must then agree. Elsewhere `key` is required and `id` is not read.
 */
export function identityOf(
  type: string,
  input: { readonly key?: string | undefined; readonly id?: string | undefined },
): string {
  if (type === 'refer-a-friend') {
    if (input.key !== undefined && input.id !== undefined && input.key !== input.id) {
      throw validationFailed({
        id: [
          'A refer-a-friend customer has one identifier here: give id or key, or the same value in both.',
        ],
      });
    }
    const identity = input.key ?? input.id;
    if (identity === undefined) throw validationFailed({ id: ['Give the customer id (or key).'] });
    return identity;
  }
  if (input.key === undefined) throw validationFailed({ key: ['The key field is required.'] });
  return input.key;
}

/**
 * Inserts a new customer inside an existing change and fires `customer.created`; a live
 * customer with the key already is a 422, and so is an affiliate customer without a partner. Used by `POST /customers` (alone or with its first
 * sale).
 */
export async function insertCustomer(change: Change, input: CustomerInput): Promise<CustomerRow> {
  // With `referring_customer`, the refer-a-friend check says what is wrong instead.
  if (
    input.partner === undefined &&
    input.referring_customer === undefined &&
    (await programTypeOf(change.trx, change.programId)) === 'affiliate'
  ) {
    // Partnero's affiliate customers are a partner's referrals: "Nobody" is refused, as its n8n
    // node expects. A sale's `options.create_customer` may still create one without a partner,
    // for the promotion code that attributes that sale (see promotion-attribution.ts).
    throw validationFailed({
      partner: [
        'An affiliate customer needs its referring partner: give partner.id, key or email.',
      ],
    });
  }
  const key = input.key ?? input.id;
  if (key !== undefined && (await isLinkKey(change.trx, change.programId, key))) {
    throw validationFailed({ key: ['The key has already been taken.'] });
  }
  const { row, created } = await ensureCustomer(change, input);
  if (!created) throw validationFailed({ key: ['The key has already been taken.'] });
  return row;
}

/**
 * Whether a key is one of the program's customer referral links: a customer key is its main
 * link, so one key never names two customers' links.
 */
async function isLinkKey(db: Kysely<Database>, programId: string, key: string): Promise<boolean> {
  const link = await db
    .selectFrom('customer_referral_links')
    .select('id')
    .where('program_id', '=', programId)
    .where('key', '=', key)
    .executeTakeFirst();
  return link !== undefined;
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
  const row = await uniqueKey(
    commitChange(deps, programId, (change) => insertCustomer(change, input)),
  );
  return presentCustomer(row);
}

/** Updates the given fields; fires `customer.updated` when something changed. */
export async function updateCustomer(
  deps: DomainDeps,
  programId: string,
  key: string,
  update: CustomerUpdate,
): Promise<CustomerResource> {
  return uniqueKey(
    commitChange(deps, programId, async (change) => {
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
      if (
        next.key !== row.key &&
        ((await findCustomer(trx, programId, next.key)) ||
          (await isLinkKey(trx, programId, next.key)))
      ) {
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
    }),
  );
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
    // Its additional referral links go with it: their keys are free again, as its key is.
    await trx.deleteFrom('customer_referral_links').where('customer_id', '=', row.id).execute();
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

/**
 * Archives a customer (`archive`) or restores it (`revoke-archive`) and fires
 * `customer.updated` (the catalog has no `customer.archived`). Archiving an archived
 * customer, or restoring an active one, is a 422 that changes nothing.
 */
export async function archiveCustomer(
  deps: DomainDeps,
  programId: string,
  keyIdOrEmail: string,
  archive: boolean,
): Promise<CustomerResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getCustomer(trx, programId, keyIdOrEmail);
    const from = archive ? 'active' : 'archived';
    if (row.status !== from) {
      throw validationFailed({
        status: [
          `The customer is ${row.status}; only an ${from} customer can be ${archive ? 'archived' : 'restored'}.`,
        ],
      });
    }
    const next = {
      status: archive ? 'archived' : 'active',
      archived_at: archive ? now : null,
      updated_at: now,
    };
    await trx.updateTable('customers').set(next).where('id', '=', row.id).execute();
    const customer = presentCustomer({ ...row, ...next });
    await change.emit('customer.updated', customer);
    return customer;
  });
}
