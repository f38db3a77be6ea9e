import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { formatTimestamp } from '../util/time.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { notFound, validationFailed } from './errors.js';
import { uniqueKey } from './unique-key.js';
import { getPartner, presentPartner, requirePartner } from './partner-lookup.js';
import type { PartnerRef, PartnerRow } from './partner-lookup.js';
import { contains, orderDirection } from './list-query.js';
import type { PageWindow } from './list-query.js';
import { loadSettings, referralLink } from './program-settings.js';
import { lockReferralKeys } from './referral-key-lock.js';

/**
 * A partner's referral links (Partnero's `partner_referral_links`). Every partner has a main
 * link, made of its own referral key (`default: true`); additional links each have their own
 * key. A key names one partner across both kinds, and a link is addressed by its key (in
 * Partnero a link's `id` equals its `key`). Adding, renaming or removing a link changes the
 * partner's `referral_links`, so it fires `partner.updated`.
 */

/** A referral link as the API shows it (Partnero's shape, plus `partner` and times). */
export interface ReferralLinkResource {
  id: string;
  key: string;
  url: string | null;
  default: boolean;
  is_additional: boolean;
  direct_tracking: boolean;
  direct_tracking_redirect: boolean;
  direct_tracking_redirect_url: string | null;
  partner: string;
  created_at: string;
  updated_at: string;
}

interface LinkRow {
  key: string;
  main: boolean;
  created_at: number;
  updated_at: number;
}

function present(partnerId: string, website: string | null, row: LinkRow): ReferralLinkResource {
  return {
    id: row.key,
    key: row.key,
    url: referralLink(website, row.key),
    default: row.main,
    is_additional: false,
    direct_tracking: false,
    direct_tracking_redirect: false,
    direct_tracking_redirect_url: null,
    partner: partnerId,
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
  };
}

/** Every link of a partner, the main one first, then the others oldest first. */
async function linksOf(db: Kysely<Database>, programId: string, partner: PartnerRow) {
  const extra = await db
    .selectFrom('referral_links')
    .select(['key', 'created_at', 'updated_at'])
    .where('program_id', '=', programId)
    .where('partner_id', '=', partner.id)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const main: LinkRow = {
    key: partner.key,
    main: true,
    created_at: partner.created_at,
    updated_at: partner.updated_at,
  };
  return [main, ...extra.map((l) => ({ ...l, main: false }))];
}

/**
 * A partner's links, one page (`limit + 1` items, for the paginator): the main link first,
 * then the others oldest first; `sort: 'desc'` reverses that order.
 */
export async function listReferralLinks(
  db: Kysely<Database>,
  programId: string,
  partnerId: string,
  page: PageWindow,
): Promise<ReferralLinkResource[]> {
  const partner = await getPartner(db, programId, partnerId);
  const { website_url } = await loadSettings(db, programId);
  const links = await linksOf(db, programId, partner);
  if (orderDirection(page.sort, 'asc') === 'desc') links.reverse();
  return links
    .slice(page.offset, page.offset + page.limit + 1)
    .map((l) => present(partner.id, website_url, l));
}

/** Finds the link with this key (a partner's main key or an additional link's), or 404. */
async function findLink(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<{ partner: PartnerRow; link: LinkRow }> {
  const extra = await db
    .selectFrom('referral_links')
    .select('partner_id')
    .where('program_id', '=', programId)
    .where('key', '=', key)
    .executeTakeFirst();
  const partner = await requirePartner(
    db,
    programId,
    extra ? { id: extra.partner_id } : { key },
  ).catch(() => {
    throw notFound('Referral link');
  });
  const link = (await linksOf(db, programId, partner)).find((l) => l.key === key);
  if (!link) throw notFound('Referral link');
  return { partner, link };
}

/** One link by its key (`id`). */
export async function getReferralLink(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<ReferralLinkResource> {
  const { partner, link } = await findLink(db, programId, key);
  const { website_url } = await loadSettings(db, programId);
  return present(partner.id, website_url, link);
}

async function assertKeyFree(trx: Kysely<Database>, programId: string, key: string) {
  await lockReferralKeys(trx, programId);
  const partner = await trx
    .selectFrom('partners')
    .select('id')
    .where('program_id', '=', programId)
    .where('key', '=', key)
    .where('deleted_at', 'is', null)
    .executeTakeFirst();
  const link = await trx
    .selectFrom('referral_links')
    .select('id')
    .where('program_id', '=', programId)
    .where('key', '=', key)
    .executeTakeFirst();
  if (partner || link) throw validationFailed({ key: ['The key has already been taken.'] });
}

/** Bumps the partner's `updated_at`: its `referral_links` changed. */
async function touch(change: Change, partnerId: string): Promise<void> {
  await change.trx
    .updateTable('partners')
    .set({ updated_at: change.now })
    .where('program_id', '=', change.programId)
    .where('id', '=', partnerId)
    .execute();
}

/** Fires `partner.updated` with the partner's new links and returns the link. */
async function announce(change: Change, partnerId: string, key: string) {
  const { trx, programId } = change;
  await touch(change, partnerId);
  const settings = await loadSettings(trx, programId);
  const partner = await getPartner(trx, programId, partnerId);
  await change.emit('partner.updated', presentPartner(partner, settings));
  const link = (await linksOf(trx, programId, partner)).find((l) => l.key === key);
  if (!link) throw notFound('Referral link');
  return present(partner.id, settings.website_url, link);
}

/** Adds a link with `key` to the partner named by `partner` (id, key or email). */
export function createReferralLink(
  deps: DomainDeps,
  programId: string,
  input: { partner: PartnerRef; key: string },
): Promise<ReferralLinkResource> {
  return uniqueKey(
    commitChange(deps, programId, async (change) => {
      const { trx, now } = change;
      const partner = await requirePartner(trx, programId, input.partner);
      await assertKeyFree(trx, programId, input.key);
      await trx
        .insertInto('referral_links')
        .values({
          id: newId('rfl', now),
          program_id: programId,
          partner_id: partner.id,
          key: input.key,
          created_at: now,
          updated_at: now,
        })
        .execute();
      return announce(change, partner.id, input.key);
    }),
  );
}

/**
 * Changes a link's key. Renaming the main link changes the partner's own referral key, as
 * `PUT /partners/{id}` with `key` would.
 */
export function updateReferralLink(
  deps: DomainDeps,
  programId: string,
  key: string,
  update: { key?: string | null | undefined },
): Promise<ReferralLinkResource> {
  return uniqueKey(
    commitChange(deps, programId, async (change) => {
      const { trx, now } = change;
      const { partner, link } = await findLink(trx, programId, key);
      const next = update.key ?? key;
      if (next === key)
        return present(partner.id, (await loadSettings(trx, programId)).website_url, link);
      await assertKeyFree(trx, programId, next);
      if (link.main) {
        await trx
          .updateTable('partners')
          .set({ key: next, updated_at: now })
          .where('program_id', '=', programId)
          .where('id', '=', partner.id)
          .execute();
      } else {
        await trx
          .updateTable('referral_links')
          .set({ key: next, updated_at: now })
          .where('program_id', '=', programId)
          .where('key', '=', key)
          .execute();
      }
      return announce(change, partner.id, next);
    }),
  );
}

/** Removes an additional link; the main link goes only with its partner (a 422). */
export function deleteReferralLink(
  deps: DomainDeps,
  programId: string,
  key: string,
): Promise<void> {
  return commitChange(deps, programId, async (change) => {
    const { trx } = change;
    const { partner, link } = await findLink(trx, programId, key);
    if (link.main) {
      throw validationFailed({
        key: ["The main referral link is the partner's own key; change it instead of deleting it."],
      });
    }
    await trx
      .deleteFrom('referral_links')
      .where('program_id', '=', programId)
      .where('key', '=', key)
      .execute();
    await touch(change, partner.id);
    const settings = await loadSettings(trx, programId);
    await change.emit(
      'partner.updated',
      presentPartner(await getPartner(trx, programId, partner.id), settings),
    );
  });
}

/**
 * Partnero's `GET /partner_referral_links:search`: links (main and additional) of live
 * partners whose key contains `key` (or `id`: a link's id is its key), case-insensitively,
 * oldest first; `partner` narrows to one partner's links (by id). `limit + 1` items.
 */
export async function searchReferralLinks(
  db: Kysely<Database>,
  programId: string,
  search: { key?: string | undefined; id?: string | undefined; partner?: string | undefined },
  page: PageWindow,
): Promise<ReferralLinkResource[]> {
  const window = page.offset + page.limit + 1;
  const direction = orderDirection(page.sort, 'asc');
  let mains = db
    .selectFrom('partners')
    .select(['id as partner_id', 'key', 'created_at', 'updated_at'])
    .where('program_id', '=', programId)
    .where('deleted_at', 'is', null);
  let extras = db
    .selectFrom('referral_links as l')
    .innerJoin('partners as p', 'p.id', 'l.partner_id')
    .select(['l.partner_id', 'l.key', 'l.created_at', 'l.updated_at'])
    .where('l.program_id', '=', programId)
    .where('p.program_id', '=', programId)
    .where('p.deleted_at', 'is', null);
  for (const text of [search.key, search.id]) {
    if (text === undefined) continue;
    mains = mains.where(contains('key', text));
    extras = extras.where(contains('l.key', text));
  }
  if (search.partner !== undefined) {
    mains = mains.where('id', '=', search.partner);
    extras = extras.where('l.partner_id', '=', search.partner);
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
  const merged = [
    ...mainRows.map((r) => ({ ...r, main: true })),
    ...extraRows.map((r) => ({ ...r, main: false })),
  ].sort(
    (a, b) =>
      sign *
      (Number(a.created_at) - Number(b.created_at) || (a.key < b.key ? -1 : a.key > b.key ? 1 : 0)),
  );
  const { website_url } = await loadSettings(db, programId);
  return merged.slice(page.offset, window).map((r) => present(r.partner_id, website_url, r));
}
