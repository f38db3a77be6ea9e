import { fastifyCookie } from '@fastify/cookie';
import type { FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Authenticator } from '../api/auth.js';
import { HttpError } from '../api/errors.js';
import type { Database } from '../storage/index.js';
import type { Clock } from '../util/time.js';
import { SESSION_COOKIE, findSession, principalOfSession, safeEqual } from './sessions.js';

/** Methods that change nothing, so they need no CSRF token. */
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/** Header that carries the session's CSRF token on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

/** The session token in a request's `Cookie` header, if any. */
export function sessionTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers.cookie;
  if (!header) return undefined;
  // Parsed here rather than through the plugin's onRequest hook: the `/v1` scope is
  // registered before the dashboard plugin, so that hook never runs for `/v1` routes.
  const token = fastifyCookie.parse(header)[SESSION_COOKIE];
  return token === undefined || token === '' ? undefined : token;
}

/**
 * Accepts the dashboard's session cookie on `/v1` requests. State-changing methods must also
 * carry `x-csrf-token` equal to the session's token (else 403): SameSite=Strict already stops
 * cross-site requests in current browsers; the token covers older ones and same-site attackers.
 * A request without the cookie is not ours (`null`), so the bearer 401 applies.
 */
export function createSessionAuthenticator(db: Kysely<Database>, clock: Clock): Authenticator {
  return async (request) => {
    const token = sessionTokenOf(request);
    if (token === undefined) return null;
    const session = await findSession(db, token, clock());
    if (!session) {
      throw new HttpError(401, 'Your dashboard session has expired. Sign in again.');
    }
    if (!SAFE_METHODS.has(request.method)) {
      const presented = request.headers[CSRF_HEADER];
      if (typeof presented !== 'string' || !safeEqual(presented, session.csrfToken)) {
        throw new HttpError(
          403,
          'Missing or invalid CSRF token. Reload the dashboard page and try again.',
        );
      }
    }
    return principalOfSession(session);
  };
}
