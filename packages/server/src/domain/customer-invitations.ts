import type { Kysely, Selectable } from 'kysely';
import type { CustomerInvitationsTable, Database } from '../storage/index.js';
import type { Mailer } from '../notifications/mailer.js';
import { newId } from '../util/ids.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';
import { commitChange } from './change.js';
import type { DomainDeps } from './change.js';
import { resolveCustomer } from './customers.js';
import type { CustomerRow } from './customers.js';
import { validationFailed } from './errors.js';
import { loadSettings, referralLink } from './program-settings.js';
import { requireProgramType } from './program-types.js';

/**
 * Partnero's refer-a-friend "friend invitation" (`POST /v1/customers:invite`, the PHP SDK's
 * `referrals()->invite($customer, $personalization)`): someone is invited by e-mail to the
 * program. Hookline records every invitation (who, by whom, the personalization) and, when an
 * SMTP server is configured (`HOOKLINE_SMTP_URL`), e-mails it at once; without one the
 * invitation is only recorded (`status: recorded`) and the host sends its own mail. An
 * invitation changes no resource, so it fires no event (Partnero has no invitation event).
 */

/** A recorded invitation row. */
export type InvitationRow = Selectable<CustomerInvitationsTable>;

/** Input of {@link inviteCustomer}. */
export interface InvitationInput {
  /** The invitee's address. */
  readonly email: string;
  readonly name?: string | undefined;
  /** The inviting customer (key, id or email); the mail then carries its referral link. */
  readonly referring_customer?:
    | { readonly key?: string | undefined; readonly id?: string | undefined }
    | undefined;
  /** Partnero's template values; stored, shown and listed in the mail. */
  readonly personalization?: Readonly<Record<string, string | number | boolean | null>> | undefined;
}

/** An invitation as the API shows it. */
export interface InvitationResource {
  id: string;
  email: string;
  name: string | null;
  /** The inviting customer's key, or null. */
  referring_customer: { key: string } | null;
  referral_link: string | null;
  personalization: Record<string, string | number | boolean | null>;
  /** `recorded` (no SMTP server configured), `sent` or `failed`. */
  status: 'recorded' | 'sent' | 'failed';
  error: string | null;
  created_at: string;
  sent_at: string | null;
}

function present(
  row: InvitationRow,
  inviter: CustomerRow | undefined,
  link: string | null,
): InvitationResource {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    referring_customer: inviter ? { key: inviter.key } : null,
    referral_link: link,
    personalization: JSON.parse(row.personalization) as InvitationResource['personalization'],
    status: row.status as InvitationResource['status'],
    error: row.error,
    created_at: formatTimestamp(row.created_at),
    sent_at: formatNullableTimestamp(row.sent_at),
  };
}

/** The mail an invitation sends: plain text, the program's name and the inviter's link. */
export function invitationMail(
  programName: string,
  invitation: InvitationResource,
  inviter: CustomerRow | undefined,
): { to: string; subject: string; text: string } {
  const who = inviter
    ? [inviter.name, inviter.surname].filter(Boolean).join(' ') || inviter.email
    : null;
  const lines = [
    invitation.name ? `Hello ${invitation.name},` : 'Hello,',
    '',
    `${who ?? 'A friend'} invites you to join ${programName}.`,
  ];
  if (invitation.referral_link) lines.push('', `Join with this link: ${invitation.referral_link}`);
  const extra = Object.entries(invitation.personalization);
  if (extra.length > 0) {
    lines.push('', ...extra.map(([k, v]) => `${k}: ${v === null ? '' : String(v)}`));
  }
  return {
    to: invitation.email,
    subject: who ? `${who} invites you to ${programName}` : `You are invited to ${programName}`,
    text: `${lines.join('\n')}\n`,
  };
}

/**
 * Records an invitation (refer-a-friend programs only, 422 elsewhere) and, with a mailer,
 * sends it after the commit; a failed send is recorded on the invitation (`failed`, `error`)
 * and answered, not thrown: the invitation exists and the host may resend it its own way.
 */
export async function inviteCustomer(
  deps: DomainDeps,
  mailer: Mailer | undefined,
  programId: string,
  input: InvitationInput,
): Promise<InvitationResource> {
  const { row, inviter, link, programName } = await commitChange(
    deps,
    programId,
    async ({ trx, now }) => {
      await requireProgramType(trx, programId, ['refer-a-friend'], 'Customer invitations');
      let found: CustomerRow | undefined;
      if (input.referring_customer !== undefined) {
        const ref = input.referring_customer;
        found = await resolveCustomer(
          trx,
          programId,
          ref.id !== undefined ? { id: ref.id } : { key: ref.key },
        );
        if (!found) {
          throw validationFailed({
            referring_customer: ['No customer matches that reference in this program.'],
          });
        }
      }
      const inserted: InvitationRow = {
        id: newId('inv', now),
        program_id: programId,
        email: input.email.toLowerCase(),
        name: input.name ?? null,
        customer_id: found?.id ?? null,
        personalization: JSON.stringify(input.personalization ?? {}),
        status: mailer ? 'failed' : 'recorded',
        error: mailer ? 'Not sent yet.' : null,
        created_at: now,
        sent_at: null,
      };
      await trx.insertInto('customer_invitations').values(inserted).execute();
      const settings = await loadSettings(trx, programId);
      const program = await trx
        .selectFrom('programs')
        .select('name')
        .where('id', '=', programId)
        .executeTakeFirstOrThrow();
      return {
        row: inserted,
        inviter: found,
        link: found ? referralLink(settings.website_url, found.key) : null,
        programName: program.name,
      };
    },
  );
  if (!mailer) return present(row, inviter, link);
  let next: Pick<InvitationRow, 'status' | 'error' | 'sent_at'>;
  try {
    await mailer.send(invitationMail(programName, present(row, inviter, link), inviter));
    next = { status: 'sent', error: null, sent_at: deps.clock() };
  } catch (error) {
    next = { status: 'failed', error: (error as Error).message.slice(0, 500), sent_at: null };
  }
  await updateInvitation(deps.store.db, row.id, next);
  return present({ ...row, ...next }, inviter, link);
}

async function updateInvitation(
  db: Kysely<Database>,
  id: string,
  next: Pick<InvitationRow, 'status' | 'error' | 'sent_at'>,
): Promise<void> {
  await db.updateTable('customer_invitations').set(next).where('id', '=', id).execute();
}
