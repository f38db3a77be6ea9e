import { fastifyCookie } from '@fastify/cookie';
import type { FastifyReply } from 'fastify';
import { sql } from 'kysely';
import { z } from 'zod';
import type { Api, ResolvedDeps } from '../api/app.js';
import { HttpError } from '../api/errors.js';
import { noStore } from '../api/no-store.js';
import { countAsFailedAuthentication } from '../api/rate-limits.js';
import { noContent } from '../api/routes/common-schemas.js';
import { findPartner } from '../domain/partner-lookup.js';
import { createSmtpMailer } from '../notifications/mailer.js';
import type { Mailer } from '../notifications/mailer.js';
import { PORTAL_CSRF_HEADER, maySignIn, portalTokenOf } from './guard.js';
import { decoyHash, verifyPassword } from '../partner-access/passwords.js';
import { portalDb } from '../partner-access/tables.js';
import { safeEqual } from '../dashboard/sessions.js';
import {
  EMAIL_LINK_TTL_MS,
  PORTAL_PATH,
  PORTAL_SESSION_COOKIE,
  PORTAL_SESSION_TTL_MS,
  createPortalLink,
  createPortalSession,
  deletePortalSession,
  findPortalSession,
  redeemPortalLink,
} from '../partner-access/sessions.js';
import { loadPortalSettings, portalOpen } from './settings.js';

/** Least time between two sign-in e-mails to one partner (1 min). */
export const EMAIL_RESEND_MS = 60_000;

/** Largest body of the open portal sign-in routes (an e-mail address is far less). */
export const PORTAL_SIGN_IN_BODY_LIMIT = 4_096;

const linkQuery = z.object({ token: z.string().max(200).optional() });
const emailLinkBody = z.object({ email: z.string().trim().max(254) });
const accepted = z.object({ message: z.string() });
const passwordBody = z.object({
  email: z.string().trim().max(254),
  password: z.string().min(1).max(200),
  program: z
    .string()
    .max(255)
    .optional()
    .describe('Only this program (when the e-mail is a partner in several)'),
});

/** Options of {@link registerPortalAuthRoutes}. */
export interface PortalAuthOptions {
  /** Sends sign-in e-mails; defaults to SMTP from the config, or none without `HOOKLINE_SMTP_URL`. */
  readonly mailer?: Mailer | undefined;
}

/**
 * The portal's sign-in: `GET /portal/sign-in?token=` (a one-time URL from
 * `POST /v1/partners:sign-in-url` or an e-mail), `POST /portal/auth/email-link` (e-mail me a
 * link) and `DELETE /portal/auth/session` (sign out). The session cookie is scoped to
 * `/portal`, so the browser never even sends it to `/v1` or the dashboard.
 */
export function registerPortalAuthRoutes(
  app: Api,
  deps: ResolvedDeps,
  options: PortalAuthOptions = {},
): void {
  const { db } = deps.store;
  const secure = deps.config.publicUrl.startsWith('https:');
  const common = { tags: ['partner portal'], security: [] };
  const cookieOptions = {
    httpOnly: true,
    sameSite: 'strict' as const,
    path: PORTAL_PATH,
    secure,
  };
  const mailer =
    options.mailer ??
    (deps.config.smtpUrl
      ? createSmtpMailer({ url: deps.config.smtpUrl, from: deps.config.smtpFrom })
      : undefined);
  if (mailer && !options.mailer) app.addHook('onClose', async () => mailer.close());

  const setCookie = (reply: FastifyReply, value: string, maxAge: number) =>
    reply.header(
      'set-cookie',
      fastifyCookie.serialize(PORTAL_SESSION_COOKIE, value, { ...cookieOptions, maxAge }),
    );

  app.get(
    '/portal/sign-in',
    {
      onSend: noStore,
      schema: {
        ...common,
        summary: 'Use a one-time partner sign-in URL',
        querystring: linkQuery,
        response: { 303: noContent('To the portal, signed in when the URL was valid.') },
      },
    },
    async (request, reply) => {
      void reply.header('referrer-policy', 'no-referrer');
      const now = deps.clock();
      const link = request.query.token
        ? await redeemPortalLink(db, request.query.token, now)
        : null;
      const partner = link ? await findPartner(db, link.programId, link.partnerId) : undefined;
      const open = link ? portalOpen(await loadPortalSettings(db, link.programId)) : false;
      if (!link || !partner || !open || !maySignIn(partner.status)) {
        countAsFailedAuthentication(request);
        return reply.redirect(`${PORTAL_PATH}?link=invalid`, 303);
      }
      const session = await createPortalSession(db, link, now);
      setCookie(reply, session.token, Math.floor(PORTAL_SESSION_TTL_MS / 1000));
      return reply.redirect(PORTAL_PATH, 303);
    },
  );

  app.post(
    '/portal/auth/email-link',
    {
      onSend: noStore,
      bodyLimit: PORTAL_SIGN_IN_BODY_LIMIT,
      // Said before the body is read, and in words (the generic 413 names the API's 1 MiB).
      onRequest: async (request) => {
        if (Number(request.headers['content-length'] ?? 0) > PORTAL_SIGN_IN_BODY_LIMIT) {
          throw new HttpError(413, `A sign-in body is at most ${PORTAL_SIGN_IN_BODY_LIMIT} bytes.`);
        }
      },
      schema: {
        ...common,
        summary: 'E-mail a partner a one-time sign-in link (the same answer whoever asks)',
        body: emailLinkBody,
        response: { 202: accepted },
      },
    },
    async (request, reply) => {
      const message =
        'If that address belongs to a partner of a program with a portal, a sign-in link is on its way.';
      if (!mailer) {
        throw new HttpError(
          503,
          'E-mail sign-in is not configured here. Ask the program for a sign-in link.',
        );
      }
      const address = request.body.email.toLowerCase();
      // Looked up and sent after the answer: the reply (and its timing) is the same whether
      // or not the address is a partner's, so it cannot be used to enumerate partners.
      const now = deps.clock();
      setImmediate(() => {
        void sendLinks(address, now).catch((error: unknown) => {
          request.log.warn({ err: error }, 'portal sign-in e-mail failed');
        });
      });
      return reply.code(202).send({ message });
    },
  );

  /** One e-mail per program where the address is a partner who may sign in. */
  const sendLinks = async (address: string, now: number) => {
    if (!mailer || address.length === 0) return;
    const partners = await db
      .selectFrom('partners')
      .innerJoin('programs', 'programs.id', 'partners.program_id')
      .select(['partners.id', 'partners.program_id', 'partners.status', 'programs.name'])
      .where('partners.email', '=', address)
      .where('partners.deleted_at', 'is', null)
      .execute();
    for (const p of partners) {
      if (!maySignIn(p.status)) continue;
      if (!portalOpen(await loadPortalSettings(db, p.program_id))) continue;
      // One e-mail a minute per partner: the route is open to anyone, and its answer never
      // says no, so this is what keeps it from being used to flood a partner's inbox.
      const recent = await portalDb(db)
        .selectFrom('portal_sign_in_links')
        .select('id')
        .where('program_id', '=', p.program_id)
        .where('partner_id', '=', p.id)
        .where('created_at', '>', now - EMAIL_RESEND_MS)
        .where('expires_at', '=', sql<number>`created_at + ${EMAIL_LINK_TTL_MS}`)
        .executeTakeFirst();
      if (recent) continue;
      const { token } = await createPortalLink(
        db,
        { programId: p.program_id, partnerId: p.id },
        now,
        EMAIL_LINK_TTL_MS,
      );
      await mailer.send({
        to: address,
        subject: `Your sign-in link to the ${p.name} partner portal`,
        text: [
          `Open this link to sign in to the ${p.name} partner portal:`,
          '',
          `${deps.config.publicUrl}${PORTAL_PATH}/sign-in?token=${token}`,
          '',
          `It works once, within ${EMAIL_LINK_TTL_MS / 60_000} minutes. If you did not ask for it, ignore this e-mail.`,
        ].join('\n'),
      });
    }
  };

  app.post(
    '/portal/auth/password',
    {
      onSend: noStore,
      bodyLimit: PORTAL_SIGN_IN_BODY_LIMIT,
      onRequest: async (request) => {
        if (Number(request.headers['content-length'] ?? 0) > PORTAL_SIGN_IN_BODY_LIMIT) {
          throw new HttpError(413, `A sign-in body is at most ${PORTAL_SIGN_IN_BODY_LIMIT} bytes.`);
        }
      },
      schema: {
        ...common,
        summary: 'Sign in to the partner portal with a password (when the program allows it)',
        body: passwordBody,
        response: { 204: noContent('Signed in: the portal cookie is set.') },
      },
    },
    async (request, reply) => {
      const { password, program } = request.body;
      const address = request.body.email.toLowerCase();
      let query = db
        .selectFrom('partners')
        .select(['id', 'program_id', 'status'])
        .where('email', '=', address)
        .where('deleted_at', 'is', null)
        .orderBy('program_id');
      if (program !== undefined) query = query.where('program_id', '=', program);
      let checked = 0;
      for (const p of await query.execute()) {
        if (!maySignIn(p.status)) continue;
        const settings = await loadPortalSettings(db, p.program_id);
        if (!portalOpen(settings) || !settings.password_sign_in) continue;
        const row = await portalDb(db)
          .selectFrom('portal_passwords')
          .select('password_hash')
          .where('program_id', '=', p.program_id)
          .where('partner_id', '=', p.id)
          .executeTakeFirst();
        if (!row) continue;
        checked++;
        if (await verifyPassword(password, row.password_hash)) {
          const session = await createPortalSession(
            db,
            { programId: p.program_id, partnerId: p.id },
            deps.clock(),
          );
          setCookie(reply, session.token, Math.floor(PORTAL_SESSION_TTL_MS / 1000));
          return reply.code(204).send(null);
        }
      }
      // As slow without a matching partner as with one: timing does not enumerate partners.
      if (checked === 0) await verifyPassword(password, await decoyHash());
      countAsFailedAuthentication(request);
      throw new HttpError(401, 'That e-mail and password do not open a partner portal here.');
    },
  );

  app.delete(
    '/portal/auth/session',
    {
      onSend: noStore,
      schema: {
        ...common,
        summary: 'Sign out of the partner portal',
        response: { 204: noContent('Signed out.') },
      },
    },
    async (request, reply) => {
      const token = portalTokenOf(request);
      if (token) {
        const session = await findPortalSession(db, token, deps.clock());
        const presented = request.headers[PORTAL_CSRF_HEADER];
        if (
          session &&
          (typeof presented !== 'string' || !safeEqual(presented, session.csrfToken))
        ) {
          throw new HttpError(
            403,
            'Missing or invalid CSRF token. Reload the portal and try again.',
          );
        }
        await deletePortalSession(db, token);
      }
      setCookie(reply, '', 0);
      return reply.code(204).send(null);
    },
  );
}
