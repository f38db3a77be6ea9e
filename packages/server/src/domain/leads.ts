import type { Kysely, Selectable } from 'kysely';
import type { Database, LeadsTable } from '../storage/index.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import type { LeadResource } from '../webhooks/resource-schemas.js';
import { currencyCode, positiveAmountMinor } from './amount-input.js';
import { commitChange } from './change.js';
import type { DomainDeps } from './change.js';
import { describeRef } from './customers.js';
import { notFound, validationFailed } from './errors.js';
import { commissionMinor, toMajor } from './money.js';
import { resolvePartner } from './partners.js';
import type { PartnerRef } from './partners.js';
import { commissionRuleFor, loadSettings } from './program-settings.js';
import { requireProgramType } from './program-types.js';
import { nextNumber } from './program-counters.js';
import { emitRewardsCreated, initialRewardState, insertReward } from './rewards.js';

/**
 * Leads (affiliate programs): a partner submits a prospect (`lead.submitted`); the program
 * converts it with the deal's value, which earns the partner a commission on that amount
 * (`lead.converted`, then `reward.created`), or rejects it (`lead.rejected`).
 *
 * ```
 * pending ─convert─▶ converted
 *    └─────reject──▶ rejected
 * ```
 * Leads have numeric ids, as in Partnero (its clients send `{"id": 1042}`), numbered per
 * program (`program-counters.ts`): one program's ids say nothing of another's.
 */

/** A lead row. */
export type LeadRow = Selectable<LeadsTable>;

/** Input of {@link submitLead}. */
export interface LeadInput {
  readonly partner: PartnerRef;
  readonly email: string;
  readonly name?: string | null | undefined;
}

/** Input of {@link convertLead}. */
export interface LeadConversion {
  readonly id: number;
  /** The deal's value in major units; the commission is computed from it. */
  readonly commission_transaction_amount: number | string;
  /** Currency; default the program's. */
  readonly amount_units?: string | undefined;
}

/** Filters of {@link listLeads}. */
export interface LeadFilters {
  readonly status?: 'pending' | 'converted' | 'rejected' | undefined;
  /** Partner id. */
  readonly partner?: string | undefined;
}

/** The lead as the API and its events show it. */
export function presentLead(row: LeadRow): LeadResource {
  return {
    id: Number(row.number),
    partner: row.partner_id,
    name: row.name,
    email: row.email,
    status: row.status as LeadResource['status'],
    commission_transaction_amount:
      row.amount_minor === null || row.amount_units === null
        ? null
        : toMajor(Number(row.amount_minor), row.amount_units),
    amount_units: row.amount_units,
    reward: row.reward_id,
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    converted_at: formatNullableTimestamp(row.converted_at),
    rejected_at: formatNullableTimestamp(row.rejected_at),
  };
}

/** A lead of the program by the id the API shows (its per-program number), or a 404. */
export async function getLead(
  db: Kysely<Database>,
  programId: string,
  id: number,
): Promise<LeadRow> {
  const row = await db
    .selectFrom('leads')
    .selectAll()
    .where('program_id', '=', programId)
    .where('number', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Lead');
  return row;
}

/** Lists leads (`sort` `desc`, the default, is newest first; `limit + 1` rows). */
export async function listLeads(
  db: Kysely<Database>,
  programId: string,
  filters: LeadFilters,
  page: { limit: number; offset: number; sort?: 'asc' | 'desc' | undefined },
): Promise<LeadResource[]> {
  let query = db.selectFrom('leads').selectAll().where('program_id', '=', programId);
  if (filters.status !== undefined) query = query.where('status', '=', filters.status);
  if (filters.partner !== undefined) query = query.where('partner_id', '=', filters.partner);
  const rows = await query
    .orderBy('number', page.sort ?? 'desc')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  return rows.map(presentLead);
}

/** Submits a lead for an active partner (affiliate programs) and fires `lead.submitted`. */
export function submitLead(
  deps: DomainDeps,
  programId: string,
  input: LeadInput,
): Promise<LeadResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    await requireProgramType(trx, programId, ['affiliate'], 'Leads');
    const partner = await resolvePartner(trx, programId, input.partner);
    if (!partner) {
      throw validationFailed({
        partner: [`No partner matches ${describeRef(input.partner)} in this program.`],
      });
    }
    if (partner.status !== 'active') {
      throw validationFailed({
        partner: [
          `The partner "${partner.id}" is ${partner.status}; only active partners submit leads.`,
        ],
      });
    }
    const number = await nextNumber(trx, programId, 'leads');
    await trx
      .insertInto('leads')
      .values({
        program_id: programId,
        number,
        partner_id: partner.id,
        name: input.name ?? null,
        email: input.email.toLowerCase(),
        status: 'pending',
        amount_minor: null,
        amount_units: null,
        reward_id: null,
        created_at: now,
        updated_at: now,
        converted_at: null,
        rejected_at: null,
      })
      .execute();
    const lead = presentLead(await getLead(trx, programId, number));
    await change.emit('lead.submitted', lead);
    return lead;
  });
}

// A concurrent convert or reject got there first (PostgreSQL re-checks the status after the
// other transaction commits); this change rolls back whole, its reward included.
function refuseIfRaced(updatedRows: bigint): void {
  if (Number(updatedRows) !== 1) {
    throw validationFailed({ id: ['The lead changed meanwhile; read it and try again.'] });
  }
}

function refuseUnlessPending(row: LeadRow, what: string): void {
  if (row.status !== 'pending') {
    throw validationFailed({
      id: [`The lead ${row.number} is ${row.status}; only a pending lead can be ${what}.`],
    });
  }
}

/**
 * Converts a pending lead: records the amount, gives its partner the program's commission on
 * it (a reward with action `lead`, reviewed like any commission), and fires `lead.converted`
 * then `reward.created`. A partner that is no longer active earns nothing, as with sales.
 */
export function convertLead(
  deps: DomainDeps,
  programId: string,
  input: LeadConversion,
): Promise<LeadResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getLead(trx, programId, input.id);
    refuseUnlessPending(row, 'converted');
    const settings = await loadSettings(trx, programId);
    const units = currencyCode(input.amount_units ?? settings.default_currency);
    const minor = positiveAmountMinor(
      'commission_transaction_amount',
      input.commission_transaction_amount,
      units,
    );
    const partner = await resolvePartner(trx, programId, { id: row.partner_id });
    let rewardId: string | null = null;
    if (partner?.status === 'active') {
      rewardId = await insertReward(change, {
        transactionId: null,
        partnerId: partner.id,
        customerId: null,
        action: 'lead',
        amountMinor: commissionMinor(minor, units, commissionRuleFor(settings, null)),
        amountUnits: units,
        productId: null,
        productType: null,
        state: initialRewardState(settings, now),
        note: `Lead ${row.number} (${row.email})`,
      });
    }
    const updated = await trx
      .updateTable('leads')
      .set({
        status: 'converted',
        amount_minor: minor,
        amount_units: units,
        reward_id: rewardId,
        converted_at: now,
        updated_at: now,
      })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    refuseIfRaced(updated.numUpdatedRows);
    const lead = presentLead(await getLead(trx, programId, input.id));
    await change.emit('lead.converted', lead);
    await emitRewardsCreated(change, rewardId === null ? [] : [rewardId]);
    return lead;
  });
}

/** Rejects a pending lead and fires `lead.rejected`. */
export function rejectLead(deps: DomainDeps, programId: string, id: number): Promise<LeadResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getLead(trx, programId, id);
    refuseUnlessPending(row, 'rejected');
    const updated = await trx
      .updateTable('leads')
      .set({ status: 'rejected', rejected_at: now, updated_at: now })
      .where('id', '=', row.id)
      .where('status', '=', 'pending')
      .executeTakeFirst();
    refuseIfRaced(updated.numUpdatedRows);
    const lead = presentLead(await getLead(trx, programId, id));
    await change.emit('lead.rejected', lead);
    return lead;
  });
}

/**
 * Deletes a lead for good (Partnero: "Permanently delete a lead"). No event: the trigger has
 * no `lead.deleted`. The reward a converted lead earned stays.
 */
export async function deleteLead(
  db: Kysely<Database>,
  programId: string,
  id: number,
): Promise<void> {
  await getLead(db, programId, id);
  await db
    .deleteFrom('leads')
    .where('program_id', '=', programId)
    .where('number', '=', id)
    .execute();
}
