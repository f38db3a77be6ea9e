import type { FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { authenticateApiKey } from '../programs/index.js';
import type { ApiKeyPrincipal } from '../programs/index.js';
import type { Database } from '../storage/index.js';
import { HttpError } from './errors.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** The authenticated program; set by the `/v1` auth hook, `null` before it. */
    principal: ApiKeyPrincipal | null;
  }
}

/**
 * Another way to authenticate a request (the dashboard's session cookie). Returns the
 * principal, `null` when the request does not use this scheme, or throws an {@link HttpError}.
 */
export type Authenticator = (request: FastifyRequest) => Promise<ApiKeyPrincipal | null>;

const BEARER = /^Bearer\s+(\S+)\s*$/i;

/**
 * The `/v1` auth hook: `Authorization: Bearer <api key>`, else each extra authenticator in
 * turn. A missing or wrong credential is a 401 with the same message either way, so the
 * response does not tell an attacker which keys exist.
 */
export function createAuthHook(
  db: Kysely<Database>,
  extra: readonly Authenticator[] = [],
): (request: FastifyRequest, reply: FastifyReply) => Promise<void> {
  return async (request) => {
    const header = request.headers.authorization;
    if (header !== undefined) {
      const match = BEARER.exec(header);
      const principal = match?.[1] ? await authenticateApiKey(db, match[1]) : null;
      if (!principal) throw unauthenticated();
      request.principal = principal;
      return;
    }
    for (const authenticate of extra) {
      const principal = await authenticate(request);
      if (principal) {
        request.principal = principal;
        return;
      }
    }
    throw unauthenticated();
  };
}

function unauthenticated(): HttpError {
  return new HttpError(
    401,
    'Unauthenticated. Send your API key as "Authorization: Bearer <key>".',
    undefined,
    { headers: { 'www-authenticate': 'Bearer' } },
  );
}

/** The principal of an authenticated `/v1` request; throws if the auth hook did not run. */
export function principalOf(request: FastifyRequest): ApiKeyPrincipal {
  if (!request.principal) throw new HttpError(401, 'Unauthenticated.');
  return request.principal;
}
