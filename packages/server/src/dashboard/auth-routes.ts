import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import type { Api, ResolvedDeps } from '../api/app.js';
import { HttpError } from '../api/errors.js';
import { noStore } from '../api/no-store.js';
import { countAsFailedAuthentication } from '../api/rate-limits.js';
import { noContent } from '../api/routes/common-schemas.js';
import { sessionSchema } from '../api/routes/dashboard-schemas.js';
import { authenticateApiKey } from '../programs/index.js';
import { CSRF_HEADER, sessionTokenOf } from './session-authenticator.js';
import {
  SESSION_COOKIE,
  SESSION_TTL_MS,
  SIGNED_IN_HINT_COOKIE,
  createSession,
  deleteSession,
  findSession,
  redeemSignInLink,
  safeEqual,
} from './sessions.js';

/**
 * Largest sign-in body: `{"api_key": …}` is at most a few hundred bytes, and this route is
 * open to anyone, so parsing a megabyte of JSON for it is work an attacker gets for free.
 */
export const SIGN_IN_BODY_LIMIT = 4_096;

const signInBody = z.object({ api_key: z.string().min(1).max(256) });
const linkQuery = z.object({ token: z.string().max(200).optional() });

/**
 * The dashboard's sign-in: `POST /auth/session` (API key → session cookie + CSRF token),
 * `GET /auth/session` (who am I), `DELETE /auth/session` (sign out), and
 * `GET /auth/link?token=` (a one-time link printed by `serve`). The API key itself never
 * reaches the browser's storage: it is exchanged once for an HttpOnly cookie.
 */
export function registerAuthRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const secure = deps.config.publicUrl.startsWith('https:');
  // Cookie-authenticated (or not at all), never by bearer key: `security: []` says so.
  // Every answer, errors included, may carry a session or CSRF token: never cached.
  const common = { tags: ['dashboard'], security: [] };
  const options = { onSend: noStore };

  const setSessionCookie = (reply: FastifyReply, token: string) => {
    const maxAge = Math.floor(SESSION_TTL_MS / 1000);
    void reply.setCookie(SESSION_COOKIE, token, {
      httpOnly: true,
      sameSite: 'strict',
      path: '/',
      secure,
      maxAge,
    });
    // A readable flag without any secret, so the app skips the session check (and its 401)
    // when it was never signed in.
    void reply.setCookie(SIGNED_IN_HINT_COOKIE, '1', {
      sameSite: 'strict',
      path: '/',
      secure,
      maxAge,
    });
  };

  const programOf = async (programId: string) => {
    const program = await db
      .selectFrom('programs')
      .select(['id', 'name'])
      .where('id', '=', programId)
      .executeTakeFirst();
    return program ?? { id: programId, name: 'Program' };
  };

  app.post(
    '/auth/session',
    {
      ...options,
      bodyLimit: SIGN_IN_BODY_LIMIT,
      // Said before the body is read, and in words (the generic 413 names the API's 1 MiB).
      onRequest: async (request) => {
        if (Number(request.headers['content-length'] ?? 0) > SIGN_IN_BODY_LIMIT) {
          throw new HttpError(413, `A sign-in body is at most ${SIGN_IN_BODY_LIMIT} bytes.`);
        }
      },
      schema: {
        ...common,
        summary: 'Sign in to the dashboard with an API key',
        body: signInBody,
        response: { 200: sessionSchema },
      },
    },
    async (request, reply) => {
      const principal = await authenticateApiKey(db, request.body.api_key.trim());
      if (!principal) {
        throw new HttpError(
          401,
          'That API key is not valid. Use the key printed when Hookline first started, or create one with `hookline keys create`.',
          { api_key: ['The API key is not valid.'] },
        );
      }
      const now = deps.clock();
      const session = await createSession(db, principal, now);
      setSessionCookie(reply, session.token);
      return {
        program: await programOf(principal.programId),
        csrf_token: session.csrfToken,
        expires_at: new Date(session.expiresAt).toISOString(),
      };
    },
  );

  app.get(
    '/auth/session',
    {
      ...options,
      schema: {
        ...common,
        summary: 'The current dashboard session',
        response: { 200: sessionSchema },
      },
    },
    async (request) => {
      const token = sessionTokenOf(request);
      const session = token ? await findSession(db, token, deps.clock()) : null;
      if (!session) throw new HttpError(401, 'Not signed in.');
      return {
        program: await programOf(session.programId),
        csrf_token: session.csrfToken,
        expires_at: new Date(session.expiresAt).toISOString(),
      };
    },
  );

  app.delete(
    '/auth/session',
    {
      ...options,
      schema: {
        ...common,
        summary: 'Sign out of the dashboard',
        response: { 204: noContent('Signed out.') },
      },
    },
    async (request, reply) => {
      const token = sessionTokenOf(request);
      if (token) {
        const session = await findSession(db, token, deps.clock());
        const presented = request.headers[CSRF_HEADER];
        if (
          session &&
          (typeof presented !== 'string' || !safeEqual(presented, session.csrfToken))
        ) {
          throw new HttpError(403, 'Missing or invalid CSRF token. Reload the page and try again.');
        }
        await deleteSession(db, token);
      }
      void reply.clearCookie(SESSION_COOKIE, {
        path: '/',
        httpOnly: true,
        sameSite: 'strict',
        secure,
      });
      void reply.clearCookie(SIGNED_IN_HINT_COOKIE, { path: '/', sameSite: 'strict', secure });
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/auth/link',
    {
      ...options,
      schema: {
        ...common,
        summary: 'Use a one-time sign-in link',
        querystring: linkQuery,
        response: {
          303: noContent('To the dashboard when the link is valid, else to the sign-in page.'),
        },
      },
    },
    async (request, reply) => {
      void reply.header('referrer-policy', 'no-referrer');
      const now = deps.clock();
      const programId = request.query.token
        ? await redeemSignInLink(db, request.query.token, now)
        : null;
      if (!programId) {
        countAsFailedAuthentication(request);
        return reply.redirect('/sign-in?link=invalid', 303);
      }
      const session = await createSession(db, { programId, apiKeyId: null }, now);
      setSessionCookie(reply, session.token);
      return reply.redirect('/', 303);
    },
  );
}
