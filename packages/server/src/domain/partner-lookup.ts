import type { Kysely, Selectable } from 'kysely';
import type { Database, PartnersTable } from '../storage/index.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import type { PartnerResource } from '../webhooks/resource-schemas.js';
import { notFound } from './errors.js';
import { loadSettings, referralLink } from './program-settings.js';
import type { ProgramSettings } from './program-settings.js';
import { presentTags } from './shared.js';
import { contains, orderDirection } from './list-query.js';
import type { PageWindow } from './list-query.js';

/**
 * Reading partners: by id, by referral key (the partner's own or one of its additional links'),
 * by email, in lists and in Partnero's partial-match search. Writes live in `partners.ts`.
 */

/** A partner row with its live referrals (customers) count and its additional link keys. */
export type PartnerRow = Selectable<PartnersTable> & {
  referrals_count: number;
  /** Keys of its additional referral links, oldest first (the main link is `key`). */
  link_keys: readonly string[];
};

/** Partner statuses. */
export type PartnerStatus = 'pending' | 'active' | 'rejected' | 'archived';

/** How a request names a partner: by id, referral key or email (first given wins). */
export interface PartnerRef {
  readonly id?: string | undefined;
  readonly key?: string | undefined;
  readonly email?: string | undefined;
}

/** Filters of {@link listPartners}: exact matches. */
export interface PartnerFilters {
  readonly email?: string | undefined;
  readonly key?: string | undefined;
  readonly status?: PartnerStatus | undefined;
}

/** Fields of Partnero's `GET /partners:search`: each a partial (substring) match. */
export interface PartnerSearch {
  readonly id?: string | undefined;
  readonly key?: string | undefined;
  readonly email?: string | undefined;
  readonly name?: string | undefined;
}

/** The partner as the API and its events show it. */
export function presentPartner(row: PartnerRow, settings: ProgramSettings): PartnerResource {
  const links = [row.key, ...row.link_keys]
    .map((key) => referralLink(settings.website_url, key))
    .filter((link): link is string => link !== null);
  return {
    id: row.id,
    key: row.key,
    email: row.email,
    name: row.name,
    surname: row.surname,
    status: row.status as PartnerStatus,
    approved: row.approved === 1,
    tags: presentTags(row.tags),
    referral_link: links[0] ?? null,
    referral_links: links,
    referrals_count: Number(row.referrals_count),
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    deleted_at: formatNullableTimestamp(row.deleted_at),
  };
}

/** Live partners of a program, each with its referrals count. */
function partners(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('partners')
    .selectAll('partners')
    .select((eb) =>
      eb
        .selectFrom('customers')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('customers.program_id', '=', 'partners.program_id')
        .whereRef('customers.partner_id', '=', 'partners.id')
        .where('customers.deleted_at', 'is', null)
        .as('referrals_count'),
    )
    .where('partners.program_id', '=', programId)
    .where('partners.deleted_at', 'is', null);
}

type BareRow = Selectable<PartnersTable> & { referrals_count: number | null };

/** Adds each partner's additional link keys (one query for the whole page). */
async function withLinks(
  db: Kysely<Database>,
  programId: string,
  rows: readonly BareRow[],
): Promise<PartnerRow[]> {
  if (rows.length === 0) return [];
  const links = await db
    .selectFrom('referral_links')
    .select(['partner_id', 'key'])
    .where('program_id', '=', programId)
    .where(
      'partner_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map((row) => ({
    ...row,
    referrals_count: Number(row.referrals_count ?? 0),
    link_keys: links.filter((l) => l.partner_id === row.id).map((l) => l.key),
  }));
}

async function fetchOne(
  db: Kysely<Database>,
  programId: string,
  where: { id?: string; key?: string; email?: string },
): Promise<PartnerRow | undefined> {
  let query = partners(db, programId);
  if (where.id !== undefined) query = query.where('partners.id', '=', where.id);
  if (where.key !== undefined) query = query.where('partners.key', '=', where.key);
  if (where.email !== undefined) query = query.where('partners.email', '=', where.email);
  const row = await query.executeTakeFirst();
  return row ? (await withLinks(db, programId, [row]))[0] : undefined;
}

/** A live partner by id, or `undefined`. */
export function findPartner(
  db: Kysely<Database>,
  programId: string,
  id: string,
): Promise<PartnerRow | undefined> {
  return fetchOne(db, programId, { id });
}

/** A live partner by id, or a 404. */
export async function getPartner(
  db: Kysely<Database>,
  programId: string,
  id: string,
): Promise<PartnerRow> {
  const row = await findPartner(db, programId, id);
  if (!row) throw notFound('Partner');
  return row;
}

/**
 * A live partner by referral key: its own key, or the key of one of its additional links
 * (a customer referred through any of a partner's links names it by that link's key).
 */
async function findByKey(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<PartnerRow | undefined> {
  const own = await fetchOne(db, programId, { key });
  if (own) return own;
  const link = await db
    .selectFrom('referral_links')
    .select('partner_id')
    .where('program_id', '=', programId)
    .where('key', '=', key)
    .executeTakeFirst();
  return link ? fetchOne(db, programId, { id: link.partner_id }) : undefined;
}

/** Resolves `{id|key|email}` to a live partner; `undefined` when none matches. */
export function resolvePartner(
  db: Kysely<Database>,
  programId: string,
  ref: PartnerRef,
): Promise<PartnerRow | undefined> {
  if (ref.id !== undefined) return fetchOne(db, programId, { id: ref.id });
  if (ref.key !== undefined) return findByKey(db, programId, ref.key);
  if (ref.email !== undefined) return fetchOne(db, programId, { email: ref.email.toLowerCase() });
  return Promise.resolve(undefined);
}

/** {@link resolvePartner}, or a 404. */
export async function requirePartner(
  db: Kysely<Database>,
  programId: string,
  ref: PartnerRef,
): Promise<PartnerRow> {
  const row = await resolvePartner(db, programId, ref);
  if (!row) throw notFound('Partner');
  return row;
}

/** Presents rows with the program's settings (referral links need its website). */
async function presentAll(
  db: Kysely<Database>,
  programId: string,
  rows: readonly BareRow[],
): Promise<PartnerResource[]> {
  const settings = await loadSettings(db, programId);
  return (await withLinks(db, programId, rows)).map((r) => presentPartner(r, settings));
}

/** Lists live partners, oldest first unless `sort: 'desc'` (`limit + 1` rows). */
export async function listPartners(
  db: Kysely<Database>,
  programId: string,
  filters: PartnerFilters,
  page: PageWindow,
): Promise<PartnerResource[]> {
  let query = partners(db, programId);
  if (filters.email !== undefined)
    query = query.where('partners.email', '=', filters.email.toLowerCase());
  if (filters.key !== undefined) query = query.where('partners.key', '=', filters.key);
  if (filters.status !== undefined) query = query.where('partners.status', '=', filters.status);
  const direction = orderDirection(page.sort, 'asc');
  const rows = await query
    .orderBy('partners.created_at', direction)
    .orderBy('partners.id', direction)
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return presentAll(db, programId, rows);
}

/**
 * Partnero's `GET /partners:search`: live partners whose id, referral key (own or a link's),
 * email or name contains the given text ("Partial values match"), oldest first.
 */
export async function searchPartners(
  db: Kysely<Database>,
  programId: string,
  search: PartnerSearch,
  page: PageWindow,
): Promise<PartnerResource[]> {
  let query = partners(db, programId);
  if (search.id !== undefined) query = query.where(contains('partners.id', search.id));
  if (search.email !== undefined) query = query.where(contains('partners.email', search.email));
  if (search.name !== undefined) query = query.where(contains('partners.name', search.name));
  const key = search.key;
  if (key !== undefined) {
    query = query.where((eb) =>
      eb.or([
        contains('partners.key', key),
        eb(
          'partners.id',
          'in',
          eb
            .selectFrom('referral_links')
            .select('referral_links.partner_id')
            .where('referral_links.program_id', '=', programId)
            .where(contains('referral_links.key', key)),
        ),
      ]),
    );
  }
  const direction = orderDirection(page.sort, 'asc');
  const rows = await query
    .orderBy('partners.created_at', direction)
    .orderBy('partners.id', direction)
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return presentAll(db, programId, rows);
}
