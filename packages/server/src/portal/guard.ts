import { fastifyCookie } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { HttpError } from '../api/errors.js';
import { safeEqual } from '../dashboard/sessions.js';
import { findPartner } from '../domain/partner-lookup.js';
import type { Database } from '../storage/index.js';
import { loadPortalSettings, portalOpen } from './settings.js';
import type { PortalSettings } from './settings.js';
import { PORTAL_SESSION_COOKIE, findPortalSession } from '../partner-access/sessions.js';
import type { PortalSession } from '../partner-access/sessions.js';

/** Header that carries the portal session's CSRF token on state-changing requests. */
export const PORTAL_CSRF_HEADER = 'x-csrf-token';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Partner statuses that may use the portal (a pending partner sees that it is pending). */
const SIGN_IN_STATUSES = new Set(['active', 'pending']);

/** The portal session token of a request's `Cookie` header, if any. */
export function portalTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  const token = fastifyCookie.parse(header)[PORTAL_SESSION_COOKIE];
  return token === undefined || token === '' ? undefined : token;
}

/** A signed-in partner, as portal routes receive it. */
export interface PortalPrincipal extends PortalSession {
  readonly settings: PortalSettings;
}

/**
 * The partner of a portal request, or a 401/403. Only the portal cookie counts: an API key or
 * a dashboard session is no partner credential, so owner credentials never open the portal.
 * The partner and the portal are checked on every request (not only at sign-in), so a
 * session whose partner was archived, or whose portal was turned off, is refused even if
 * its row somehow survived. State-changing methods need the CSRF token (else 403).
 */
export async function requirePartnerSession(
  db: Kysely<Database>,
  request: FastifyRequest,
  now: number,
): Promise<PortalPrincipal> {
  const token = portalTokenOf(request);
  const session = token ? await findPortalSession(db, token, now) : null;
  if (!session) throw new HttpError(401, 'Not signed in to the partner portal.');
  const settings = await loadPortalSettings(db, session.programId);
  const partner = await findPartner(db, session.programId, session.partnerId);
  if (!portalOpen(settings) || !partner || !SIGN_IN_STATUSES.has(partner.status)) {
    throw new HttpError(
      401,
      'Your portal session has ended. Ask the program for a new sign-in link.',
    );
  }
  if (!SAFE_METHODS.has(request.method)) {
    const presented = request.headers[PORTAL_CSRF_HEADER];
    if (typeof presented !== 'string' || !safeEqual(presented, session.csrfToken)) {
      throw new HttpError(403, 'Missing or invalid CSRF token. Reload the portal and try again.');
    }
  }
  return { ...session, settings };
}

/** Whether a partner in this status may sign in. */
export function maySignIn(status: string): boolean {
  return SIGN_IN_STATUSES.has(status);
}
