import type { Kysely } from 'kysely';
import { toMajor } from '../domain/money.js';
import { getPartner } from '../domain/partner-lookup.js';
import { listPayoutRequests } from '../domain/payout-requests.js';
import { loadSettings } from '../domain/program-settings.js';
import { listReferralLinks } from '../domain/referral-links.js';
import type { Database } from '../storage/index.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import type { PayoutRequestResource } from '../webhooks/resource-schemas.js';
import { maskEmail, maskName } from './mask.js';
import type {
  PortalBalance,
  PortalLink,
  PortalPayoutDetails,
  PortalReferral,
  PortalReward,
  PortalTransaction,
} from './schemas.js';
import { portalDb } from '../partner-access/tables.js';

/**
 * What a signed-in partner sees. Every query here is filtered by the session's program AND
 * partner: these functions take both from the session, never from the request, which is what
 * keeps partner A out of partner B's data.
 */

/** The partner a session is for. */
export interface PartnerScope {
  readonly programId: string;
  readonly partnerId: string;
}

/** Most rows a portal list returns (newest first); the portal shows recent activity. */
export const PORTAL_LIST_LIMIT = 500;

/** The partner's referral links, main first. */
export async function portalLinks(
  db: Kysely<Database>,
  scope: PartnerScope,
): Promise<PortalLink[]> {
  const links = await listReferralLinks(db, scope.programId, scope.partnerId, {
    limit: PORTAL_LIST_LIMIT,
    offset: 0,
  });
  return links.slice(0, PORTAL_LIST_LIMIT).map((l) => ({
    key: l.key,
    url: l.url,
    default: l.default,
    created_at: l.created_at,
  }));
}

/** The partner's referrals (its customers), PII masked unless `visible`. */
export async function portalReferrals(
  db: Kysely<Database>,
  scope: PartnerScope,
  pii: 'masked' | 'visible',
): Promise<PortalReferral[]> {
  const rows = await db
    .selectFrom('customers')
    .select(['id', 'name', 'surname', 'email', 'status', 'created_at'])
    .where('program_id', '=', scope.programId)
    .where('partner_id', '=', scope.partnerId)
    .where('deleted_at', 'is', null)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(PORTAL_LIST_LIMIT)
    .execute();
  return rows.map((r) => {
    const full = [r.name, r.surname].filter((p) => p !== null && p !== '').join(' ') || null;
    return {
      id: r.id,
      name: pii === 'visible' ? full : maskName(full),
      email: pii === 'visible' ? r.email : maskEmail(r.email),
      status: r.status,
      created_at: formatTimestamp(Number(r.created_at)),
    };
  });
}

/** Sales of the partner's referrals, with the partner's commission on each. */
export async function portalTransactions(
  db: Kysely<Database>,
  scope: PartnerScope,
): Promise<PortalTransaction[]> {
  const rows = await db
    .selectFrom('transactions')
    .leftJoin('rewards', (join) =>
      join
        .onRef('rewards.transaction_id', '=', 'transactions.id')
        .on('rewards.partner_id', '=', scope.partnerId)
        .on('rewards.action', '!=', 'refund'),
    )
    .select([
      'transactions.id as id',
      'transactions.key as key',
      'transactions.amount_minor as amount_minor',
      'transactions.amount_units as amount_units',
      'transactions.customer_id as customer_id',
      'transactions.archived_at as archived_at',
      'transactions.deleted_at as deleted_at',
      'transactions.created_at as created_at',
      'rewards.id as reward_id',
      'rewards.amount_minor as reward_minor',
      'rewards.amount_units as reward_units',
      'rewards.status as reward_status',
    ])
    .where('transactions.program_id', '=', scope.programId)
    .where('transactions.partner_id', '=', scope.partnerId)
    .orderBy('transactions.created_at', 'desc')
    .orderBy('transactions.id', 'desc')
    .limit(PORTAL_LIST_LIMIT)
    .execute();
  const seen = new Set<string>();
  const out: PortalTransaction[] = [];
  for (const r of rows) {
    if (seen.has(r.id)) continue;
    seen.add(r.id);
    out.push({
      key: r.key,
      amount: toMajor(Number(r.amount_minor), r.amount_units),
      amount_units: r.amount_units,
      customer: r.customer_id,
      status: r.deleted_at !== null ? 'refunded' : r.archived_at !== null ? 'archived' : 'recorded',
      commission:
        r.reward_id !== null && r.reward_units !== null && r.reward_status !== null
          ? {
              id: r.reward_id,
              amount: toMajor(Number(r.reward_minor), r.reward_units),
              amount_units: r.reward_units,
              status: r.reward_status,
            }
          : null,
      created_at: formatTimestamp(Number(r.created_at)),
    });
  }
  return out;
}

/** The partner's commissions (rewards), newest first. */
export async function portalRewards(
  db: Kysely<Database>,
  scope: PartnerScope,
): Promise<PortalReward[]> {
  const rows = await db
    .selectFrom('rewards')
    .leftJoin('transactions', 'transactions.id', 'rewards.transaction_id')
    .select([
      'rewards.id as id',
      'rewards.action as action',
      'rewards.status as status',
      'rewards.amount_minor as amount_minor',
      'rewards.amount_units as amount_units',
      'rewards.payout_request_id as payout_request_id',
      'rewards.created_at as created_at',
      'rewards.approved_at as approved_at',
      'rewards.paid_at as paid_at',
      'transactions.key as transaction_key',
    ])
    .where('rewards.program_id', '=', scope.programId)
    .where('rewards.partner_id', '=', scope.partnerId)
    .where('rewards.deleted_at', 'is', null)
    .orderBy('rewards.created_at', 'desc')
    .orderBy('rewards.id', 'desc')
    .limit(PORTAL_LIST_LIMIT)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    action: r.action,
    status: r.status,
    amount: toMajor(Number(r.amount_minor), r.amount_units),
    amount_units: r.amount_units,
    transaction: r.transaction_key,
    payout_request: r.payout_request_id === null ? null : Number(r.payout_request_id),
    created_at: formatTimestamp(Number(r.created_at)),
    approved_at: formatNullableTimestamp(r.approved_at === null ? null : Number(r.approved_at)),
    paid_at: formatNullableTimestamp(r.paid_at === null ? null : Number(r.paid_at)),
  }));
}

/** The partner's balance per currency (currency commissions only; credits are not paid out). */
export async function portalBalance(
  db: Kysely<Database>,
  scope: PartnerScope,
): Promise<PortalBalance[]> {
  const rows = await db
    .selectFrom('rewards')
    .select(['status', 'amount_minor', 'amount_units', 'payout_request_id'])
    .where('program_id', '=', scope.programId)
    .where('partner_id', '=', scope.partnerId)
    .where('deleted_at', 'is', null)
    .where('is_currency', '=', 1)
    .execute();
  const sums = new Map<
    string,
    { in_review: number; available: number; in_payout: number; paid: number }
  >();
  for (const r of rows) {
    const s = sums.get(r.amount_units) ?? { in_review: 0, available: 0, in_payout: 0, paid: 0 };
    const minor = Number(r.amount_minor);
    if (r.status === 'review_period') s.in_review += minor;
    else if (r.status === 'approved' && r.payout_request_id === null) s.available += minor;
    else if (r.status === 'approved') s.in_payout += minor;
    else if (r.status === 'paid') s.paid += minor;
    sums.set(r.amount_units, s);
  }
  return [...sums.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([units, s]) => ({
      amount_units: units,
      in_review: toMajor(s.in_review, units),
      available: toMajor(s.available, units),
      in_payout: toMajor(s.in_payout, units),
      paid: toMajor(s.paid, units),
    }));
}

/** The partner's payout requests, newest first. */
export async function portalPayouts(
  db: Kysely<Database>,
  scope: PartnerScope,
): Promise<PayoutRequestResource[]> {
  const rows = await listPayoutRequests(
    db,
    scope.programId,
    { partner: { id: scope.partnerId } },
    { limit: PORTAL_LIST_LIMIT, offset: 0 },
  );
  return rows.slice(0, PORTAL_LIST_LIMIT);
}

/** The payout method and details the partner keeps. */
export async function portalPayoutDetails(
  db: Kysely<Database>,
  scope: PartnerScope,
): Promise<PortalPayoutDetails> {
  const row = await portalDb(db)
    .selectFrom('portal_payout_details')
    .selectAll()
    .where('program_id', '=', scope.programId)
    .where('partner_id', '=', scope.partnerId)
    .executeTakeFirst();
  if (!row) return { gateway: null, payout_settings: {}, updated_at: null };
  return {
    gateway: row.gateway,
    payout_settings: JSON.parse(row.payout_settings) as Record<string, string>,
    updated_at: formatTimestamp(Number(row.updated_at)),
  };
}

/** Keeps the partner's payout method and details (replaces them whole). */
export async function savePayoutDetails(
  db: Kysely<Database>,
  scope: PartnerScope,
  details: { gateway: string | null; payout_settings: Record<string, string> },
  now: number,
): Promise<PortalPayoutDetails> {
  const values = {
    gateway: details.gateway,
    payout_settings: JSON.stringify(details.payout_settings),
    updated_at: now,
  };
  await portalDb(db)
    .insertInto('portal_payout_details')
    .values({ program_id: scope.programId, partner_id: scope.partnerId, ...values })
    .onConflict((oc) => oc.columns(['program_id', 'partner_id']).doUpdateSet(values))
    .execute();
  return portalPayoutDetails(db, scope);
}

/** The partner and program a session shows in its header. */
export async function portalIdentity(db: Kysely<Database>, scope: PartnerScope) {
  const partner = await getPartner(db, scope.programId, scope.partnerId);
  const program = await db
    .selectFrom('programs')
    .select(['id', 'name'])
    .where('id', '=', scope.programId)
    .executeTakeFirstOrThrow();
  const settings = await loadSettings(db, scope.programId);
  return {
    partner: {
      id: partner.id,
      key: partner.key,
      email: partner.email,
      name: partner.name,
      surname: partner.surname,
      status: partner.status,
    },
    program: { id: program.id, name: program.name, website_url: settings.website_url },
  };
}
