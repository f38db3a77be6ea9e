import { z } from 'zod';
import {
  createReferralLink,
  deleteReferralLink,
  getReferralLink,
  listReferralLinks,
  searchReferralLinks,
  updateReferralLink,
} from '../../domain/referral-links.js';
import {
  createCustomerReferralLink,
  deleteCustomerReferralLink,
  getCustomerReferralLink,
  listCustomerReferralLinks,
  searchCustomerReferralLinks,
  updateCustomerReferralLink,
} from '../../domain/customer-referral-links.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { statusOnly } from './common-schemas.js';
import {
  absentIfNull,
  customerNamedBy,
  customerParams,
  idParams,
  keyParams,
  partnerRef,
  referralKey,
  sortParam,
} from './partner-fields.js';
import {
  customerReferralLinkPageSchema,
  customerReferralLinkResponseSchema,
  referralLinkPageSchema,
  referralLinkResponseSchema,
} from './referral-links-schemas.js';

// Partnero's create body: `{partner: {id|key|email}, key, domain_id?, is_additional?}`.
// Hookline serves links on the program's one website, so `domain_id` and `is_additional`
// are accepted and must not ask for another domain.
const createBody = z.object({
  partner: partnerRef,
  key: referralKey,
  domain_id: z.union([z.string(), z.number()]).nullable().optional(),
  is_additional: z.boolean().nullable().optional(),
});

// `POST /customer_referral_links`: the PHP SDK's body, with `customer` for `partner`.
const customerCreateBody = z.object({
  customer: customerNamedBy.refine(
    (r) => r.key !== undefined || r.id !== undefined || r.email !== undefined,
    { message: 'give the customer key, id or email' },
  ),
  key: referralKey,
  domain_id: z.union([z.string(), z.number()]).nullable().optional(),
  is_additional: z.boolean().nullable().optional(),
});

// `:search`: `key` or `id` (a link's id is its key) contain the text; every filter declared.
const linkText = z.string().max(255).optional();
const partnerSearchQuery = pageQuery
  .extend({ sort: sortParam, key: linkText, id: linkText, partner: linkText })
  .strict();
const customerSearchQuery = pageQuery
  .extend({ sort: sortParam, key: linkText, id: linkText, customer: linkText })
  .strict();

// The PHP SDK sends its link model (`key`, `url`, camelCase flags); only `key` can change.
const updateBody = z.object({ key: absentIfNull(referralKey) });

/**
 * Referral links of partners: `GET /v1/partners/{id}/referral_links` and Partnero's
 * `/v1/partner_referral_links[/{key}]` (create, show, update, delete).
 */
export function registerReferralLinkRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['partners'];
  const one = { 200: referralLinkResponseSchema };

  app.get(
    '/partners/:id/referral_links',
    {
      schema: {
        tags,
        summary: "List a partner's referral links, the main one first",
        params: idParams,
        querystring: pageQuery.strict(),
        response: { 200: referralLinkPageSchema },
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

  app.get(
    '/partner_referral_links::search',
    {
      schema: {
        tags,
        summary: "Search partners' referral links: the key (or id) contains the text",
        querystring: partnerSearchQuery,
        response: { 200: referralLinkPageSchema },
      },
    },
    async (request) => {
      const { limit, page, sort, ...search } = request.query;
      const rows = await searchReferralLinks(db, principalOf(request).programId, search, {
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
        response: { 201: referralLinkResponseSchema },
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
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      await deleteReferralLink(deps, principalOf(request).programId, request.params.key);
      return { status: 1 as const };
    },
  );

  registerCustomerReferralLinkRoutes(app, deps);
}

/**
 * Referral links of refer-a-friend customers: `GET /v1/customers/{customer}/referral_links`
 * and Partnero's `/v1/customer_referral_links[/{key}]` and `:search`.
 */
function registerCustomerReferralLinkRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['customers'];
  const one = { 200: customerReferralLinkResponseSchema };

  app.get(
    '/customers/:customer/referral_links',
    {
      schema: {
        tags,
        summary: "List a refer-a-friend customer's referral links, the main one first",
        params: customerParams,
        querystring: pageQuery.strict(),
        response: { 200: customerReferralLinkPageSchema },
      },
    },
    async (request) => {
      const { limit, page, sort } = request.query;
      const rows = await listCustomerReferralLinks(
        db,
        principalOf(request).programId,
        request.params.customer,
        { limit, offset: offsetOf({ limit, page }), sort },
      );
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.get(
    '/customer_referral_links::search',
    {
      schema: {
        tags,
        summary: "Search customers' referral links: the key (or id) contains the text",
        querystring: customerSearchQuery,
        response: { 200: customerReferralLinkPageSchema },
      },
    },
    async (request) => {
      const { limit, page, sort, ...search } = request.query;
      const rows = await searchCustomerReferralLinks(db, principalOf(request).programId, search, {
        limit,
        offset: offsetOf({ limit, page }),
        sort,
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/customer_referral_links',
    {
      schema: {
        tags,
        summary: 'Add a referral link to a refer-a-friend customer',
        body: customerCreateBody,
        response: { 201: customerReferralLinkResponseSchema },
      },
    },
    async (request, reply) => {
      const { customer, key } = request.body;
      const link = await createCustomerReferralLink(deps, principalOf(request).programId, {
        customer,
        key,
      });
      return reply.code(201).send(ok(link));
    },
  );

  app.get(
    '/customer_referral_links/:key',
    {
      schema: {
        tags,
        summary: "Show a customer's referral link (a customer's key is its main link)",
        params: keyParams,
        response: one,
      },
    },
    async (request) =>
      ok(await getCustomerReferralLink(db, principalOf(request).programId, request.params.key)),
  );

  app.put(
    '/customer_referral_links/:key',
    {
      schema: {
        tags,
        summary: "Change an additional link's key (the main link is the customer's key)",
        params: keyParams,
        body: updateBody,
        response: one,
      },
    },
    async (request) =>
      ok(
        await updateCustomerReferralLink(
          deps,
          principalOf(request).programId,
          request.params.key,
          request.body,
        ),
      ),
  );

  app.delete(
    '/customer_referral_links/:key',
    {
      schema: {
        tags,
        summary: "Remove a customer's additional referral link",
        params: keyParams,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      await deleteCustomerReferralLink(deps, principalOf(request).programId, request.params.key);
      return { status: 1 as const };
    },
  );
}
