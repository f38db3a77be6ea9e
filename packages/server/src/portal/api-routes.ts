import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Api, ResolvedDeps } from '../api/app.js';
import { noStore } from '../api/no-store.js';
import { createPayoutRequest, resubmitPayoutRequest } from '../domain/payout-requests.js';
import { findPartner } from '../domain/partner-lookup.js';
import { HttpError } from '../api/errors.js';
import { postbackResponses, registerPostbackRoutes } from '../postbacks/index.js';
import { listPostbackNotices } from '../webhooks/index.js';
import { requirePartnerSession } from './guard.js';
import type { PortalPrincipal } from './guard.js';
import {
  portalBalanceResponse,
  portalLinksResponse,
  portalMeResponse,
  portalPayoutDetailsResponse,
  portalPayoutResponse,
  portalPayoutsResponse,
  portalReferralsResponse,
  portalRewardsResponse,
  portalTransactionsResponse,
} from './schemas.js';
import { postbackPolicyOf } from './settings.js';
import {
  portalBalance,
  portalIdentity,
  portalLinks,
  portalPayoutDetails,
  portalPayouts,
  portalReferrals,
  portalRewards,
  portalTransactions,
  savePayoutDetails,
} from './views.js';

const payoutSettings = z.record(z.string().trim().min(1).max(100), z.string().max(500));

const detailsBody = z.strictObject({
  gateway: z.string().trim().max(50).nullable().optional(),
  payout_settings: payoutSettings
    .refine((s) => Object.keys(s).length <= 20, 'at most 20 fields')
    .optional(),
});

const payoutBody = z.strictObject({
  amount_units: z.string().trim().min(3).max(3).describe('The currency of the balance to pay out'),
});

const idParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

declare module 'fastify' {
  interface FastifyRequest {
    /** The signed-in partner of a `/portal/api` request; set by its onRequest hook. */
    partnerSession: PortalPrincipal | null;
  }
}

function sessionOf(request: FastifyRequest): PortalPrincipal {
  // The hook below always sets it before a handler runs.
  return request.partnerSession as PortalPrincipal;
}

/**
 * The partner's API under `/portal/api` (portal cookie only; CSRF token on writes). Every
 * handler reads the program and partner from the session, never from the request.
 */
export async function registerPortalApiRoutes(app: Api, deps: ResolvedDeps): Promise<void> {
  const { db } = deps.store;
  await app.register(
    async (scope) => {
      const api = scope as Api;
      api.decorateRequest('partnerSession', null);
      api.addHook('onRequest', async (request) => {
        request.partnerSession = await requirePartnerSession(db, request, deps.clock());
      });
      api.addHook('onSend', noStore);
      const meta = (summary: string) => ({
        tags: ['partner portal'],
        security: [{ portalSession: [] }],
        summary,
      });

      api.get(
        '/me',
        {
          schema: {
            ...meta('The signed-in partner'),
            response: { 200: portalMeResponse },
          },
        },
        async (request) => {
          const s = sessionOf(request);
          return {
            data: {
              ...(await portalIdentity(db, s)),
              csrf_token: s.csrfToken,
              expires_at: new Date(s.expiresAt).toISOString(),
              customer_pii: s.settings.customer_pii,
            },
          };
        },
      );
      api.get(
        '/referral-links',
        {
          schema: {
            ...meta("The partner's referral links"),
            response: { 200: portalLinksResponse },
          },
        },
        async (request) => ({ data: await portalLinks(db, sessionOf(request)) }),
      );
      api.get(
        '/referrals',
        {
          schema: {
            ...meta(
              "The partner's referrals; names and e-mails masked unless the program allows them",
            ),
            response: { 200: portalReferralsResponse },
          },
        },
        async (request) => {
          const s = sessionOf(request);
          return { data: await portalReferrals(db, s, s.settings.customer_pii) };
        },
      );
      api.get(
        '/transactions',
        {
          schema: {
            ...meta("Sales of the partner's referrals, with its commission on each"),
            response: { 200: portalTransactionsResponse },
          },
        },
        async (request) => ({ data: await portalTransactions(db, sessionOf(request)) }),
      );
      api.get(
        '/rewards',
        {
          schema: {
            ...meta("The partner's commissions"),
            response: { 200: portalRewardsResponse },
          },
        },
        async (request) => ({ data: await portalRewards(db, sessionOf(request)) }),
      );
      api.get(
        '/balance',
        {
          schema: {
            ...meta("The partner's balance per currency"),
            response: { 200: portalBalanceResponse },
          },
        },
        async (request) => ({ data: await portalBalance(db, sessionOf(request)) }),
      );
      api.get(
        '/payouts',
        {
          schema: {
            ...meta("The partner's payout requests"),
            response: { 200: portalPayoutsResponse },
          },
        },
        async (request) => ({ data: await portalPayouts(db, sessionOf(request)) }),
      );
      api.post(
        '/payouts',
        {
          schema: {
            ...meta(
              'Request a payout of the available balance in a currency, with the kept payout details',
            ),
            body: payoutBody,
            response: { 201: portalPayoutResponse },
          },
        },
        async (request, reply) => {
          const s = sessionOf(request);
          const details = await portalPayoutDetails(db, s);
          const payout = await createPayoutRequest(deps, s.programId, {
            partner: { id: s.partnerId },
            amount_units: request.body.amount_units,
            gateway: details.gateway,
            payout_settings: details.payout_settings,
          });
          return reply.code(201).send({ data: payout });
        },
      );
      api.post(
        '/payouts/:id/resubmit',
        {
          schema: {
            ...meta('Resubmit a payout request the program sent back, with corrected details'),
            params: idParams,
            body: detailsBody,
            response: { 200: portalPayoutResponse },
          },
        },
        async (request) => {
          const s = sessionOf(request);
          const kept = await portalPayoutDetails(db, s);
          // Corrected details given here are kept for later requests too.
          const details =
            request.body.gateway !== undefined || request.body.payout_settings !== undefined
              ? await savePayoutDetails(
                  db,
                  s,
                  {
                    gateway:
                      request.body.gateway !== undefined ? request.body.gateway : kept.gateway,
                    payout_settings: request.body.payout_settings ?? kept.payout_settings,
                  },
                  deps.clock(),
                )
              : kept;
          const payout = await resubmitPayoutRequest(
            deps,
            s.programId,
            request.params.id,
            s.partnerId,
            {
              gateway: details.gateway,
              payout_settings: details.payout_settings,
            },
          );
          return { data: payout };
        },
      );
      api.get(
        '/payout-details',
        {
          schema: {
            ...meta('The payout method and details the partner keeps'),
            response: { 200: portalPayoutDetailsResponse },
          },
        },
        async (request) => ({ data: await portalPayoutDetails(db, sessionOf(request)) }),
      );
      api.put(
        '/payout-details',
        {
          schema: {
            ...meta('Keep a payout method and details for payout requests'),
            body: detailsBody,
            response: { 200: portalPayoutDetailsResponse },
          },
        },
        async (request) => {
          const s = sessionOf(request);
          const kept = await portalPayoutDetails(db, s);
          return {
            data: await savePayoutDetails(
              db,
              s,
              {
                gateway: request.body.gateway !== undefined ? request.body.gateway : kept.gateway,
                payout_settings: request.body.payout_settings ?? kept.payout_settings,
              },
              deps.clock(),
            ),
          };
        },
      );

      // The partner's postbacks: the owner's handlers, with the partner from the session only.
      registerPostbackRoutes(api, deps, {
        base: '/postbacks',
        owner: false,
        tags: ['partner portal'],
        security: [{ portalSession: [] }],
        ownerOf: async (request) => {
          const s = sessionOf(request);
          const partner = await findPartner(db, s.programId, s.partnerId);
          // The session hook checked it a moment ago; a partner deleted since is signed out.
          if (!partner) throw new HttpError(401, 'Your portal session has ended.');
          return { programId: s.programId, partner: { id: partner.id, key: partner.key } };
        },
        policyOf: (programId) => postbackPolicyOf(db, programId),
      });
      api.get(
        '/notices',
        {
          schema: {
            ...meta("Notices about the partner's postbacks (one Hookline disabled, and why)"),
            response: { 200: postbackResponses(false).notices },
          },
        },
        async (request) => {
          const s = sessionOf(request);
          return { data: await listPostbackNotices(db, s.programId, s.partnerId) };
        },
      );
    },
    { prefix: '/portal/api' },
  );
}
