import { z } from 'zod';
import {
  createReferralLink,
  deleteReferralLink,
  getReferralLink,
  listReferralLinks,
  updateReferralLink,
} from '../../domain/referral-links.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { errorResponses, statusOnly } from './common-schemas.js';
import { absentIfNull, idParams, keyParams, partnerRef, referralKey } from './partner-fields.js';
import { referralLinkPageSchema, referralLinkResponseSchema } from './referral-links-schemas.js';

// Partnero's create body: `{partner: {id|key|email}, key, domain_id?, is_additional?}`.
// Hookline serves links on the program's one website, so `domain_id` and `is_additional`
// are accepted and must not ask for another domain.
const createBody = z.object({
  partner: partnerRef,
  key: referralKey,
  domain_id: z.union([z.string(), z.number()]).nullable().optional(),
  is_additional: z.boolean().nullable().optional(),
});

// The PHP SDK sends its link model (`key`, `url`, camelCase flags); only `key` can change.
const updateBody = z.object({ key: absentIfNull(referralKey) });

/**
 * Referral links of partners: `GET /v1/partners/{id}/referral_links` and Partnero's
 * `/v1/partner_referral_links[/{key}]` (create, show, update, delete).
 */
export function registerReferralLinkRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['partners'];
  const one = { 200: referralLinkResponseSchema, ...errorResponses };

  app.get(
    '/partners/:id/referral_links',
    {
      schema: {
        tags,
        summary: "List a partner's referral links, the main one first",
        params: idParams,
        querystring: pageQuery.strict(),
        response: { 200: referralLinkPageSchema, ...errorResponses },
      },
    },
    async (request) => {
      const { limit, page, sort } = request.query;
      const rows = await listReferralLinks(db, principalOf(request).programId, request.params.id, {
        limit,
        offset: offsetOf({ limit, page }),
        sort,
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/partner_referral_links',
    {
      schema: {
        tags,
        summary: 'Add a referral link to a partner (partner.updated)',
        body: createBody,
        response: { 201: referralLinkResponseSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { partner, key } = request.body;
      const link = await createReferralLink(deps, principalOf(request).programId, {
        partner,
        key,
      });
      return reply.code(201).send(ok(link));
    },
  );

  app.get(
    '/partner_referral_links/:key',
    { schema: { tags, summary: 'Show a referral link', params: keyParams, response: one } },
    async (request) =>
      ok(await getReferralLink(db, principalOf(request).programId, request.params.key)),
  );

  app.put(
    '/partner_referral_links/:key',
    {
      schema: {
        tags,
        summary: "Change a link's key; the main link's is the partner's key (partner.updated)",
        params: keyParams,
        body: updateBody,
        response: one,
      },
    },
    async (request) =>
      ok(
        await updateReferralLink(
          deps,
          principalOf(request).programId,
          request.params.key,
          request.body,
        ),
      ),
  );

  app.delete(
    '/partner_referral_links/:key',
    {
      schema: {
        tags,
        summary: 'Remove an additional referral link (partner.updated)',
        params: keyParams,
        response: { 200: statusOnly, ...errorResponses },
      },
    },
    async (request) => {
      await deleteReferralLink(deps, principalOf(request).programId, request.params.key);
      return { status: 1 as const };
    },
  );
}
