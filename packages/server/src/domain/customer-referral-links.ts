import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { formatTimestamp } from '../util/time.js';
import { commitChange } from './change.js';
import type { DomainDeps } from './change.js';
import { getCustomer, resolveCustomer } from './customers.js';
import type { CustomerLookup, CustomerRow } from './customers.js';
import { notFound, validationFailed } from './errors.js';
import { contains } from './list-query.js';
import type { PageWindow } from './list-query.js';
import { orderDirection } from './list-query.js';
import { loadSettings, referralLink } from './program-settings.js';
import { requireProgramType } from './program-types.js';
import { uniqueKey } from './unique-key.js';

/**
 * Referral links of refer-a-friend customers (Partnero's `customer_referral_links`). Every
 * customer has a main link made of its own key (`default: true`), and may have additional
 * links, each with its own key; a key names one customer across both kinds, and a
 * `referring_customer.key` may be any of them (what Partnero's `partnero_referral` cookie
 * holds). The main link is the customer's identifier, so it is renamed or removed only with
 * the customer. No event fires: the customer resource does not show its links.
 */

/** A customer's referral link (Partnero's link shape, plus the customer's key and times). */
export interface CustomerReferralLinkResource {
  id: string;
  key: string;
  url: string | null;
  default: boolean;
  is_additional: boolean;
  direct_tracking: boolean;
  direct_tracking_redirect: boolean;
  direct_tracking_redirect_url: string | null;
  customer: string;
  created_at: string;
  updated_at: string;
}

interface LinkRow {
  key: string;
  main: boolean;
  customer_key: string;
  created_at: number;
  updated_at: number;
}

function present(website: string | null, row: LinkRow): CustomerReferralLinkResource {
  return {
    id: row.key,
    key: row.key,
    url: referralLink(website, row.key),
    default: row.main,
    is_additional: !row.main,
    direct_tracking: false,
    direct_tracking_redirect: false,
    direct_tracking_redirect_url: null,
    customer: row.customer_key,
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
  };
}

const LINKS = 'Customer referral links';

function mainLink(customer: CustomerRow): LinkRow {
  return {
    key: customer.key,
    main: true,
    customer_key: customer.key,
    created_at: customer.created_at,
    updated_at: customer.updated_at,
  };
}

function extraLinks(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('customer_referral_links as l')
    .innerJoin('customers as c', 'c.id', 'l.customer_id')
    .select(['l.key', 'c.key as customer_key', 'l.created_at', 'l.updated_at'])
    .where('l.program_id', '=', programId)
    .where('c.program_id', '=', programId)
    .where('c.deleted_at', 'is', null);
}

/** A customer's links, one page (`limit + 1` items): the main one first, then oldest first. */
export async function listCustomerReferralLinks(
  db: Kysely<Database>,
  programId: string,
  keyIdOrEmail: string,
  page: PageWindow,
): Promise<CustomerReferralLinkResource[]> {
  await requireProgramType(db, programId, ['refer-a-friend'], LINKS);
  const customer = await getCustomer(db, programId, keyIdOrEmail);
  const extra = await extraLinks(db, programId)
    .where('l.customer_id', '=', customer.id)
    .orderBy('l.created_at')
    .orderBy('l.id')
    .execute();
  const links = [mainLink(customer), ...extra.map((l) => ({ ...l, main: false }))];
  if (orderDirection(page.sort, 'asc') === 'desc') links.reverse();
  const { website_url } = await loadSettings(db, programId);
  return links.slice(page.offset, page.offset + page.limit + 1).map((l) => present(website_url, l));
}

/** The link with this key (a live customer's key or an additional link's), or a 404. */
async function findLink(db: Kysely<Database>, programId: string, key: string): Promise<LinkRow> {
  const extra = await extraLinks(db, programId).where('l.key', '=', key).executeTakeFirst();
  if (extra) return { ...extra, main: false };
  const customer = await db
    .selectFrom('customers')
    .selectAll()
    .where('program_id', '=', programId)
    .where('key', '=', key)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  if (!customer) throw notFound('Referral link');
  return mainLink(customer);
}

/** One link by its key (`id`). */
export async function getCustomerReferralLink(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<CustomerReferralLinkResource> {
  await requireProgramType(db, programId, ['refer-a-friend'], LINKS);
  const link = await findLink(db, programId, key);
  return present((await loadSettings(db, programId)).website_url, link);
}

async function assertKeyFree(db: Kysely<Database>, programId: string, key: string) {
  const taken = await findLink(db, programId, key).catch(() => undefined);
  if (taken) throw validationFailed({ key: ['The key has already been taken.'] });
}

/** Adds a link with `key` to the customer named by `customer` (key, id or email). */
export function createCustomerReferralLink(
  deps: DomainDeps,
  programId: string,
  input: { customer: CustomerLookup; key: string },
): Promise<CustomerReferralLinkResource> {
  return uniqueKey(
    commitChange(deps, programId, async ({ trx, now }) => {
      await requireProgramType(trx, programId, ['refer-a-friend'], LINKS);
      const customer = await resolveCustomer(trx, programId, input.customer);
      if (!customer) {
        throw validationFailed({
          customer: ['No customer matches that reference in this program.'],
        });
      }
      await assertKeyFree(trx, programId, input.key);
      await trx
        .insertInto('customer_referral_links')
        .values({
          id: newId('crl', now),
          program_id: programId,
          customer_id: customer.id,
          key: input.key,
          created_at: now,
          updated_at: now,
        })
        .execute();
      const link: LinkRow = {
        key: input.key,
        main: false,
        customer_key: customer.key,
        created_at: now,
        updated_at: now,
      };
      return present((await loadSettings(trx, programId)).website_url, link);
    }),
  );
}

function refuseMain(what: string): never {
  throw validationFailed({
    key: [
      `The main referral link is the customer's own key (its identifier); ${what} the customer instead.`,
    ],
  });
}

/** Renames an additional link; the main link is the customer's key (422). */
export function updateCustomerReferralLink(
  deps: DomainDeps,
  programId: string,
  key: string,
  update: { key?: string | undefined },
): Promise<CustomerReferralLinkResource> {
  return uniqueKey(
    commitChange(deps, programId, async ({ trx, now }) => {
      await requireProgramType(trx, programId, ['refer-a-friend'], LINKS);
      const link = await findLink(trx, programId, key);
      const website = (await loadSettings(trx, programId)).website_url;
      const next = update.key ?? key;
      if (next === key) return present(website, link);
      if (link.main) refuseMain('rename');
      await assertKeyFree(trx, programId, next);
      await trx
        .updateTable('customer_referral_links')
        .set({ key: next, updated_at: now })
        .where('program_id', '=', programId)
        .where('key', '=', key)
        .execute();
      return present(website, { ...link, key: next, updated_at: now });
    }),
  );
}

/** Removes an additional link; the main link goes only with its customer (422). */
export function deleteCustomerReferralLink(
  deps: DomainDeps,
  programId: string,
  key: string,
): Promise<void> {
  return commitChange(deps, programId, async ({ trx }) => {
    await requireProgramType(trx, programId, ['refer-a-friend'], LINKS);
    const link = await findLink(trx, programId, key);
    if (link.main) refuseMain('delete');
    await trx
      .deleteFrom('customer_referral_links')
      .where('program_id', '=', programId)
      .where('key', '=', key)
      .execute();
  });
}

/**
 * Partnero's `GET /customer_referral_links:search`: links (main and additional) whose key
 * contains `key` (or `id`: a link's id is its key), case-insensitively, oldest first; `customer`
 * narrows to one customer's links (by key, id or email). `limit + 1` items.
 */
export async function searchCustomerReferralLinks(
  db: Kysely<Database>,
  programId: string,
  search: { key?: string | undefined; id?: string | undefined; customer?: string | undefined },
  page: PageWindow,
): Promise<CustomerReferralLinkResource[]> {
  await requireProgramType(db, programId, ['refer-a-friend'], LINKS);
  const window = page.offset + page.limit + 1;
  const direction = orderDirection(page.sort, 'asc');
  const owner =
    search.customer !== undefined ? await getCustomer(db, programId, search.customer) : undefined;
  let mains = db
    .selectFrom('customers')
    .selectAll()
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null);
  let extras = extraLinks(db, programId);
  for (const text of [search.key, search.id]) {
    if (text === undefined) continue;
    mains = mains.where(contains('key', text));
    extras = extras.where(contains('l.key', text));
  }
  if (owner) {
    mains = mains.where('id', '=', owner.id);
    extras = extras.where('l.customer_id', '=', owner.id);
  }
  const mainRows = await mains
    .orderBy('created_at', direction)
    .orderBy('key', direction)
    .limit(window)
    .execute();
  const extraRows = await extras
    .orderBy('l.created_at', direction)
    .orderBy('l.key', direction)
    .limit(window)
    .execute();
  const sign = direction === 'asc' ? 1 : -1;
  const merged = [...mainRows.map(mainLink), ...extraRows.map((l) => ({ ...l, main: false }))].sort(
    (a, b) =>
      sign *
      (Number(a.created_at) - Number(b.created_at) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  );
  const { website_url } = await loadSettings(db, programId);
  return merged.slice(page.offset, window).map((l) => present(website_url, l));
}
