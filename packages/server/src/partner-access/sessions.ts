import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { hashToken } from '../util/tokens.js';
import type { Database } from '../storage/index.js';
import { portalDb } from './tables.js';

/**
 * Partner sessions and one-time sign-in links. Like the dashboard's (dashboard/sessions.ts):
 * only SHA-256 hashes of tokens are stored, a link works once within its lifetime, and a
 * session is absolute (not sliding). They are separate tables and a separate cookie, so no
 * partner credential can ever be read as an owner's, nor the other way round.
 */

/** Name of the portal's session cookie (distinct from the dashboard's `hookline_session`). */
export const PORTAL_SESSION_COOKIE = 'hookline_portal';

/** The path the portal cookie is scoped to: the browser never sends it to `/v1` or `/`. */
export const PORTAL_PATH = '/portal';

/** How long a partner session lasts from sign-in (12 h, absolute). */
export const PORTAL_SESSION_TTL_MS = 12 * 3_600_000;

/** Lifetime of an e-mailed sign-in link (15 min). */
export const EMAIL_LINK_TTL_MS = 15 * 60_000;

/** Bounds of `expires_in` of `POST /v1/partners:sign-in-url`, in seconds (Partnero's). */
export const SIGN_IN_URL_TTL = { min: 30, max: 900, default: 120 } as const;

/** A live partner session. */
export interface PortalSession {
  readonly programId: string;
  readonly partnerId: string;
  readonly csrfToken: string;
  readonly expiresAt: number;
}

function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Creates a one-time sign-in token for a partner; only its hash is stored. */
export async function createPortalLink(
  db: Kysely<Database>,
  partner: { programId: string; partnerId: string },
  now: number,
  ttlMs: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = newToken();
  const expiresAt = now + ttlMs;
  const pdb = portalDb(db);
  await pdb.deleteFrom('portal_sign_in_links').where('expires_at', '<=', now).execute();
  await pdb
    .insertInto('portal_sign_in_links')
    .values({
      id: hashToken(token),
      program_id: partner.programId,
      partner_id: partner.partnerId,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * Spends a sign-in token: its partner, or `null` when unknown, expired or used. The
 * conditional update makes a second use lose even when two arrive at once.
 */
export async function redeemPortalLink(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<{ programId: string; partnerId: string } | null> {
  if (token.length === 0 || token.length > 200) return null;
  const id = hashToken(token);
  const pdb = portalDb(db);
  const result = await pdb
    .updateTable('portal_sign_in_links')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  const row = await pdb
    .selectFrom('portal_sign_in_links')
    .select(['program_id', 'partner_id'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { programId: row.program_id, partnerId: row.partner_id } : null;
}

/** Opens a partner session: the cookie token (for the browser only) and its CSRF token. */
export async function createPortalSession(
  db: Kysely<Database>,
  partner: { programId: string; partnerId: string },
  now: number,
): Promise<{ token: string; csrfToken: string; expiresAt: number }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = now + PORTAL_SESSION_TTL_MS;
  const pdb = portalDb(db);
  await pdb.deleteFrom('portal_sessions').where('expires_at', '<=', now).execute();
  await pdb
    .insertInto('portal_sessions')
    .values({
      id: hashToken(token),
      program_id: partner.programId,
      partner_id: partner.partnerId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/** The live session a cookie token names, or `null`. */
export async function findPortalSession(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<PortalSession | null> {
  if (token.length === 0 || token.length > 200) return null;
  const row = await portalDb(db)
    .selectFrom('portal_sessions')
    .selectAll()
    .where('id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || Number(row.expires_at) <= now) return null;
  return {
    programId: row.program_id,
    partnerId: row.partner_id,
    csrfToken: row.csrf_token,
    expiresAt: Number(row.expires_at),
  };
}

/** Ends one session (sign-out). */
export async function deletePortalSession(db: Kysely<Database>, token: string): Promise<void> {
  await portalDb(db).deleteFrom('portal_sessions').where('id', '=', hashToken(token)).execute();
}

/**
 * Ends a partner's sessions and unspent sign-in links at once. Called inside the transaction
 * that archives, rejects or deletes the partner, so the change and the sign-out commit together.
 * A password change passes `sessionsOnly`: whoever signed in with the old password is signed
 * out, while a sign-in link the owner just handed out (a credential of its own, valid minutes)
 * still works.
 */
export async function endPartnerSessions(
  trx: Kysely<Database>,
  programId: string,
  partnerId: string,
  options: { readonly sessionsOnly?: boolean } = {},
): Promise<void> {
  const pdb = portalDb(trx);
  const tables = options.sessionsOnly
    ? (['portal_sessions'] as const)
    : (['portal_sessions', 'portal_sign_in_links'] as const);
  for (const table of tables) {
    await pdb
      .deleteFrom(table)
      .where('program_id', '=', programId)
      .where('partner_id', '=', partnerId)
      .execute();
  }
}

/** Ends every partner session and link of a program (the portal was turned off). */
export async function endProgramSessions(trx: Kysely<Database>, programId: string): Promise<void> {
  const pdb = portalDb(trx);
  for (const table of ['portal_sessions', 'portal_sign_in_links'] as const) {
    await pdb.deleteFrom(table).where('program_id', '=', programId).execute();
  }
}
