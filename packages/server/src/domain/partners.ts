import type { Kysely } from 'kysely';
import { validationFailed } from './errors.js';
import type { Database } from '../storage/index.js';
import { newId, randomAlphanumeric } from '../util/ids.js';
import type { PartnerResource } from '../webhooks/resource-schemas.js';
import {
  deletePartnerPostbacks,
  resumePartnerPostbacks,
  suspendPartnerPostbacks,
} from '../webhooks/index.js';
import type { CancelPendingDeliveries } from '../webhooks/index.js';
import { commitChange } from './change.js';
import type { Change, DomainDeps } from './change.js';
import { getPartner, presentPartner } from './partner-lookup.js';
import type { PartnerStatus } from './partner-lookup.js';
import { loadSettings } from './program-settings.js';
import { isUniqueViolation } from '../storage/index.js';
import { lockReferralKeys } from './referral-key-lock.js';
import { tagsJson } from './shared.js';
import { setPartnerPassword } from '../partner-access/passwords.js';
import { endPartnerSessions } from '../partner-access/sessions.js';

// The read side lives in partner-lookup.ts; re-exported so that `partners.js` stays the one
// import of modules that only need a partner by reference.
export { findPartner, getPartner, presentPartner, resolvePartner } from './partner-lookup.js';
export type { PartnerRef, PartnerRow, PartnerStatus } from './partner-lookup.js';

/**
 * Partners (affiliates): who they are, their referral key, and their lifecycle:
 *
 * ```
 * create ─▶ pending ─approve─▶ active        (or straight to active when the program
 *              └────reject───▶ rejected       does not require approval)
 * active | pending | rejected ─archive─▶ archived ─revoke-archive─▶ the status before
 * any ─delete─▶ gone from the API (row kept with deleted_at; email and key become free)
 * ```
 * Reads (by id, key, email; lists; search) live in `partner-lookup.ts`.
 */

/** Input of {@link createPartner}. */
export interface PartnerInput {
  readonly email: string;
  readonly name?: string | null | undefined;
  readonly surname?: string | null | undefined;
  /** Custom id; generated when absent. */
  readonly id?: string | null | undefined;
  /** Referral key; generated when absent. */
  readonly key?: string | null | undefined;
  readonly tags?: readonly string[] | null | undefined;
  /** Partnero's partner-portal password; only its scrypt hash is stored. */
  readonly password?: string | null | undefined;
}

/** Input of {@link updatePartner}: only the given fields change; `tags: []` clears. */
export interface PartnerUpdate {
  readonly email?: string | null | undefined;
  readonly name?: string | null | undefined;
  readonly surname?: string | null | undefined;
  readonly key?: string | null | undefined;
  readonly tags?: readonly string[] | null | undefined;
  /** A new portal password (`null` or `""` removes it); changes no field of the resource. */
  readonly password?: string | null | undefined;
}

/** A generated referral key: 12 lowercase letters and digits, like Partnero's `lphs8bcrfmgv`. */
function newReferralKey(): string {
  return randomAlphanumeric(12).toLowerCase();
}

async function assertFree(
  trx: Kysely<Database>,
  programId: string,
  fields: { id?: string; key?: string; email?: string },
  exceptId?: string,
): Promise<void> {
  if (fields.key !== undefined) await lockReferralKeys(trx, programId);
  const errors: Record<string, string[]> = {};
  if (fields.id !== undefined) {
    // Ids stay reserved after deletion: rewards and customers still name them.
    const taken = await trx
      .selectFrom('partners')
      .select('id')
      .where('program_id', '=', programId)
      .where('id', '=', fields.id)
      .executeTakeFirst();
    if (taken) errors.id = ['The id has already been taken.'];
  }
  for (const field of ['key', 'email'] as const) {
    const value = fields[field];
    if (value === undefined) continue;
    let query = trx
      .selectFrom('partners')
      .select('id')
      .where('program_id', '=', programId)
      .where(field, '=', value)
      .where('deleted_at', 'is', null);
    if (exceptId !== undefined) query = query.where('id', '!=', exceptId);
    if (await query.executeTakeFirst()) errors[field] = [`The ${field} has already been taken.`];
  }
  if (fields.key !== undefined && errors.key === undefined) {
    // A referral key names one partner, whether it is a partner's own key or a link's.
    const link = await trx
      .selectFrom('referral_links')
      .select('id')
      .where('program_id', '=', programId)
      .where('key', '=', fields.key)
      .executeTakeFirst();
    if (link) errors.key = ['The key has already been taken.'];
  }
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
}

/** Re-reads a partner inside a change and presents it. */
async function reload(change: Change, id: string): Promise<PartnerResource> {
  const row = await getPartner(change.trx, change.programId, id);
  return presentPartner(row, await loadSettings(change.trx, change.programId));
}

/**
 * Creates a partner and fires `partner.created`. It starts `pending` when the program
 * requires approval, else `active` (approved).
 */
export async function createPartner(
  deps: DomainDeps,
  programId: string,
  input: PartnerInput,
): Promise<PartnerResource> {
  const email = input.email.toLowerCase();
  try {
    return await commitChange(deps, programId, async (change) => {
      const { trx, now } = change;
      await assertFree(trx, programId, {
        ...(input.id != null ? { id: input.id } : {}),
        ...(input.key != null ? { key: input.key } : {}),
        email,
      });
      const settings = await loadSettings(trx, programId);
      const pending = settings.require_partner_approval;
      const id = input.id ?? newId('prt', now);
      const key = input.key ?? newReferralKey();
      await trx
        .insertInto('partners')
        .values({
          id,
          program_id: programId,
          key,
          email,
          name: input.name ?? null,
          surname: input.surname ?? null,
          status: pending ? 'pending' : 'active',
          approved: pending ? 0 : 1,
          status_before_archive: null,
          tags: tagsJson(input.tags ?? []),
          created_at: now,
          updated_at: now,
          deleted_at: null,
        })
        .execute();
      if (input.password) await setPartnerPassword(trx, programId, id, input.password, now);
      const partner = await reload(change, id);
      await change.emit('partner.created', partner);
      return partner;
    });
  } catch (error) {
    // Two creates racing for one id, key or email: the unique index decides.
    if (isUniqueViolation(error)) {
      throw validationFailed({ email: ['The email, id or key has already been taken.'] });
    }
    throw error;
  }
}

/** Updates the given fields; fires `partner.updated` when something changed. */
export async function updatePartner(
  deps: DomainDeps,
  programId: string,
  id: string,
  update: PartnerUpdate,
): Promise<PartnerResource> {
  try {
    return await commitChange(deps, programId, async (change) => {
      const { trx, now } = change;
      const row = await getPartner(trx, programId, id);
      const email = update.email?.toLowerCase();
      const next = {
        // `null` (or Partnero's "") leaves the required fields as they are, and clears names.
        email: email ?? row.email,
        name: update.name !== undefined ? update.name : row.name,
        surname: update.surname !== undefined ? update.surname : row.surname,
        key: update.key ?? row.key,
        tags: update.tags != null ? tagsJson(update.tags) : row.tags,
      };
      // The password is not part of the resource: setting it fires nothing. A new password
      // signs the partner out everywhere (it may be changed because the old one leaked).
      if (update.password !== undefined) {
        await setPartnerPassword(trx, programId, row.id, update.password, now);
        await endPartnerSessions(trx, programId, row.id, { sessionsOnly: true });
      }
      const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== row[k]);
      if (!changed) return presentPartner(row, await loadSettings(trx, programId));
      await assertFree(
        trx,
        programId,
        {
          ...(next.key !== row.key ? { key: next.key } : {}),
          ...(next.email !== row.email ? { email: next.email } : {}),
        },
        row.id,
      );
      await trx
        .updateTable('partners')
        .set({ ...next, updated_at: now })
        .where('program_id', '=', programId)
        .where('id', '=', row.id)
        .execute();
      const partner = await reload(change, row.id);
      await change.emit('partner.updated', partner);
      return partner;
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw validationFailed({ email: ['The email or key has already been taken.'] });
    }
    throw error;
  }
}

/** A lifecycle action on a partner. */
export type PartnerAction = 'approve' | 'reject' | 'archive' | 'revoke-archive';

const ACTIONS: Record<
  PartnerAction,
  {
    from: readonly PartnerStatus[];
    event: 'partner.approved' | 'partner.rejected' | 'partner.archived' | 'partner.updated';
    verb: string;
  }
> = {
  approve: { from: ['pending'], event: 'partner.approved', verb: 'approved' },
  reject: { from: ['pending'], event: 'partner.rejected', verb: 'rejected' },
  archive: { from: ['pending', 'active', 'rejected'], event: 'partner.archived', verb: 'archived' },
  // There is no `partner.restored` in the catalog; a restore is an update of the status.
  'revoke-archive': { from: ['archived'], event: 'partner.updated', verb: 'restored' },
};

/**
 * Applies a lifecycle action and fires its event. An action from the wrong status (approving
 * an archived partner, archiving twice) is a 422 that changes nothing and fires nothing.
 * Rejecting or archiving suspends the partner's active postbacks ("partner rejected", "partner
 * archived": off, pending deliveries cancelled); restoring it to `active` or `pending` turns
 * those back on, and restoring it to `rejected` leaves them suspended.
 *
 * @param cancel the deliveries module's `cancelForWebhook`, as for {@link deletePartner}
 * @example await transitionPartner(deps, programId, 'ann', 'archive', cancelForWebhook)
 */
export async function transitionPartner(
  deps: DomainDeps,
  programId: string,
  id: string,
  action: PartnerAction,
  cancel: CancelPendingDeliveries,
): Promise<PartnerResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getPartner(trx, programId, id);
    const rule = ACTIONS[action];
    const status = row.status as PartnerStatus;
    if (!rule.from.includes(status)) {
      throw validationFailed({
        status: [
          `The partner is ${status}; only a ${rule.from.join(' or ')} partner can be ${rule.verb}.`,
        ],
      });
    }
    const set =
      action === 'approve'
        ? { status: 'active', approved: 1 }
        : action === 'reject'
          ? { status: 'rejected', approved: 0 }
          : action === 'archive'
            ? { status: 'archived', status_before_archive: status }
            : {
                status: row.status_before_archive ?? (row.approved === 1 ? 'active' : 'pending'),
                status_before_archive: null,
              };
    await trx
      .updateTable('partners')
      .set({ ...set, updated_at: now })
      .where('program_id', '=', programId)
      .where('id', '=', row.id)
      .execute();
    // A partner who may no longer take part is signed out of the portal in the same commit.
    if (action === 'reject' || action === 'archive') {
      await endPartnerSessions(trx, programId, row.id);
      // Events about its referrals keep coming (sales of its customers, rewards approved or
      // paid later) and enqueueing does not look at the partner's status, so its postbacks
      // are turned off here, with a reason the restore recognises.
      const reason = action === 'reject' ? 'partner rejected' : 'partner archived';
      await suspendPartnerPostbacks(trx, programId, row.id, reason, now, cancel);
    }
    if (action === 'revoke-archive' && (set.status === 'active' || set.status === 'pending')) {
      await resumePartnerPostbacks(trx, programId, row.id, now);
    }
    const partner = await reload(change, row.id);
    await change.emit(rule.event, partner);
    return partner;
  });
}

/**
 * Deletes a partner and fires `partner.deleted` with its last state (`deleted_at` set). The
 * row is kept so that its customers, transactions and rewards still name it; it disappears
 * from the API, and its email and referral key can be used again. Its customers' future
 * transactions are refused (no referring partner). Its additional referral links and its
 * postbacks go with it; the postbacks' pending deliveries are cancelled ("partner deleted").
 *
 * @param cancel the deliveries module's `cancelForWebhook`, passed in as the webhooks module's
 *   transitions take it, so that this module does not import `deliveries/`
 * @example await deletePartner(deps, programId, 'ann', cancelForWebhook)
 */
export async function deletePartner(
  deps: DomainDeps,
  programId: string,
  id: string,
  cancel: CancelPendingDeliveries,
): Promise<PartnerResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getPartner(trx, programId, id);
    await trx
      .updateTable('partners')
      .set({ deleted_at: now, updated_at: now })
      .where('program_id', '=', programId)
      .where('id', '=', row.id)
      .execute();
    await endPartnerSessions(trx, programId, row.id);
    await setPartnerPassword(trx, programId, row.id, null, now);
    // Its additional links' keys become free too, like its own key.
    await trx
      .deleteFrom('referral_links')
      .where('program_id', '=', programId)
      .where('partner_id', '=', row.id)
      .execute();
    // Events about it still happen after it is gone (a reward of a past sale approved or
    // paid, a refund), and enqueueing does not look at the partner's status: only removing its
    // postbacks stops them from receiving those.
    await deletePartnerPostbacks(trx, programId, row.id, now, cancel);
    const partner = presentPartner(
      { ...row, deleted_at: now, updated_at: now },
      await loadSettings(trx, programId),
    );
    await change.emit('partner.deleted', partner);
    return partner;
  });
}
