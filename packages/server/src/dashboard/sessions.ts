import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ApiKeyPrincipal } from '../programs/index.js';
import type { Database } from '../storage/index.js';
import { hashToken } from '../util/tokens.js';

// Session and portal code share them; they live in util/ so that no folder imports the dashboard
// for them.
export { hashToken, safeEqual } from '../util/tokens.js';

/** Name of the dashboard's session cookie. */
export const SESSION_COOKIE = 'hookline_session';

/** A readable cookie that only says "signed in here"; the dashboard checks it before asking. */
export const SIGNED_IN_HINT_COOKIE = 'hookline_signed_in';

/** How long a dashboard session lasts from sign-in (12 h; absolute, not sliding). */
export const SESSION_TTL_MS = 12 * 3_600_000;

/** How long a one-time sign-in link printed by `serve` stays valid (15 min). */
export const SIGN_IN_LINK_TTL_MS = 15 * 60_000;

/**
 * The `apiKeyId` of a principal signed in through a one-time link, which has no API key.
 * Sessions opened with an API key carry that key's id, so revoking it ends them.
 */
export const LINK_PRINCIPAL_KEY_ID = 'sign-in-link';

/** A live session, as the authenticator needs it. */
export interface DashboardSession {
  readonly programId: string;
  readonly apiKeyId: string | null;
  readonly csrfToken: string;
  readonly expiresAt: number;
}

/** 256 random bits, URL-safe. */
function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/**
 * Opens a session for a program and returns the cookie token (shown to nobody but the
 * browser) and its CSRF token. Expired sessions are purged on the way, so the table stays
 * small without a background job.
 */
export async function createSession(
  db: Kysely<Database>,
  principal: { programId: string; apiKeyId: string | null },
  now: number,
): Promise<{ token: string; csrfToken: string; expiresAt: number }> {
  const token = newToken();
  const csrfToken = newToken();
  const expiresAt = now + SESSION_TTL_MS;
  await db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
  await db
    .insertInto('sessions')
    .values({
      id: hashToken(token),
      program_id: principal.programId,
      api_key_id: principal.apiKeyId,
      csrf_token: csrfToken,
      created_at: now,
      expires_at: expiresAt,
    })
    .execute();
  return { token, csrfToken, expiresAt };
}

/**
 * The live session a cookie token names, or `null` (unknown, expired, or its API key was
 * revoked since).
 */
export async function findSession(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<DashboardSession | null> {
  if (token.length === 0 || token.length > 200) return null;
  const row = await db
    .selectFrom('sessions')
    .leftJoin('api_keys', 'api_keys.id', 'sessions.api_key_id')
    .select([
      'sessions.program_id',
      'sessions.api_key_id',
      'sessions.csrf_token',
      'sessions.expires_at',
      'api_keys.revoked_at',
    ])
    .where('sessions.id', '=', hashToken(token))
    .executeTakeFirst();
  if (!row || Number(row.expires_at) <= now || row.revoked_at !== null) return null;
  return {
    programId: row.program_id,
    apiKeyId: row.api_key_id,
    csrfToken: row.csrf_token,
    expiresAt: Number(row.expires_at),
  };
}

/** Ends a session (sign-out). Unknown tokens are ignored. */
export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('sessions').where('id', '=', hashToken(token)).execute();
}

/** The API principal of a session. */
export function principalOfSession(session: DashboardSession): ApiKeyPrincipal {
  return { programId: session.programId, apiKeyId: session.apiKeyId ?? LINK_PRINCIPAL_KEY_ID };
}

/**
 * Creates a one-time sign-in link token for a program (printed by `serve`). Only its hash is
 * stored; it works once, within {@link SIGN_IN_LINK_TTL_MS}.
 */
export async function createSignInLink(
  db: Kysely<Database>,
  programId: string,
  now: number,
): Promise<{ token: string; expiresAt: number }> {
  const token = newToken();
  const expiresAt = now + SIGN_IN_LINK_TTL_MS;
  await db.deleteFrom('sign_in_links').where('expires_at', '<=', now).execute();
  await db
    .insertInto('sign_in_links')
    .values({
      id: hashToken(token),
      program_id: programId,
      created_at: now,
      expires_at: expiresAt,
      used_at: null,
    })
    .execute();
  return { token, expiresAt };
}

/**
 * Spends a sign-in link: returns its program, or `null` when the token is unknown, expired or
 * already used. The conditional update makes a second use lose even when two arrive at once.
 */
export async function redeemSignInLink(
  db: Kysely<Database>,
  token: string,
  now: number,
): Promise<string | null> {
  if (token.length === 0 || token.length > 200) return null;
  const id = hashToken(token);
  const result = await db
    .updateTable('sign_in_links')
    .set({ used_at: now })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) !== 1) return null;
  const row = await db
    .selectFrom('sign_in_links')
    .select('program_id')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.program_id ?? null;
}

/**
 * Issues a one-time sign-in link for the oldest program (the bootstrap one, on a fresh
 * install), for `serve` to print. Returns `undefined` when there is no program.
 */
export async function issueSignInUrl(
  db: Kysely<Database>,
  publicUrl: string,
  now: number = Date.now(),
): Promise<{ url: string; expiresAt: number } | undefined> {
  const program = await db
    .selectFrom('programs')
    .select('id')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!program) return undefined;
  const { token, expiresAt } = await createSignInLink(db, program.id, now);
  return { url: `${publicUrl}/auth/link?token=${token}`, expiresAt };
}
