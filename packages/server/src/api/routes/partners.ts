import { z } from 'zod';
import {
  getPartner,
  listPartners,
  presentPartner,
  requirePartner,
  resolvePartner,
  searchPartners,
} from '../../domain/partner-lookup.js';
import type { PartnerRef } from '../../domain/partner-lookup.js';
import {
  createPartner,
  deletePartner,
  transitionPartner,
  updatePartner,
} from '../../domain/partners.js';
import type { PartnerAction } from '../../domain/partners.js';
import { invalidField } from '../../domain/errors.js';
import { loadSettings } from '../../domain/program-settings.js';
import { cancelForWebhook } from '../../deliveries/index.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { statusOnly } from './common-schemas.js';
import {
  absentIfNull,
  email,
  flexibleId,
  idParams,
  personName,
  referralKey,
  sortParam,
  tagList,
} from './partner-fields.js';
import { partnerPageSchema, partnerResponseSchema } from './partners-schemas.js';

const createBody = z.object({
  email,
  name: personName.optional(),
  surname: personName.optional(),
  id: absentIfNull(flexibleId),
  key: absentIfNull(referralKey),
  tags: tagList.nullable().optional(),
  // Partnero's partner-portal password: stored as a scrypt hash, used when the program turns
  // on password sign-in to the portal (`PUT /v1/program/portal`).
  password: z.string().max(200).nullable().optional(),
});

// `null` (or "") leaves email and key as they are (they cannot be cleared) and clears names.
const updateFields = z.object({
  email: email.nullable().optional(),
  name: personName.optional(),
  surname: personName.optional(),
  key: referralKey.nullable().optional(),
  // Partnero: `tags: []` clears, `null` leaves them.
  tags: tagList.nullable().optional(),
  password: z.string().max(200).nullable().optional(),
});
// Partnero documents `{update: {...}}`; its SDKs also send flat fields. Accept both.
const updateBody = z.union([z.object({ update: updateFields }), updateFields]);

/** A partner named by `key` or `email` in the body or query (PHP SDK: `PUT|DELETE /partners`). */
const namedBy = {
  id: absentIfNull(flexibleId),
  key: absentIfNull(referralKey),
  email: absentIfNull(email),
};
const updateByRefBody = z.object({ ...namedBy, update: updateFields });
const refQuery = z.object(namedBy);

const listQuery = pageQuery
  .extend({
    sort: sortParam,
    email: z.string().max(254).optional(),
    key: z.string().max(64).optional(),
    status: z.enum(['pending', 'active', 'rejected', 'archived']).optional(),
  })
  // Every filter honoured is declared; any other parameter is a 422 naming it.
  .strict();

const searchQuery = pageQuery
  .extend({
    sort: sortParam,
    id: z.string().max(255).optional(),
    key: z.string().max(64).optional(),
    email: z.string().max(254).optional(),
    name: z.string().max(200).optional(),
  })
  // Every filter honoured is declared; any other parameter is a 422 naming it.
  .strict();

const ACTIONS: readonly { path: string; action: PartnerAction; summary: string }[] = [
  { path: 'approve', action: 'approve', summary: 'Approve a pending partner (partner.approved)' },
  { path: 'reject', action: 'reject', summary: 'Reject a pending partner (partner.rejected)' },
  { path: 'archive', action: 'archive', summary: 'Archive a partner (partner.archived)' },
  {
    path: 'revoke-archive',
    action: 'revoke-archive',
    summary: 'Restore an archived partner to its previous status (partner.updated)',
  },
];

/**
 * Schema fields of a route registered under both its current path and the singular one of
 * Partnero's deprecated endpoints (the PHP SDK's `Partner` and `Customer` classes still use
 * them): the singular one is marked deprecated in the OpenAPI document.
 */
export function legacy(url: string, current: string): { deprecated?: true; description?: string } {
  return url === current
    ? {}
    : { deprecated: true, description: `Partnero's deprecated singular form of \`${current}\`.` };
}

/** The reference a request gives, or a 422 when it gives none. */
function refOf(given: PartnerRef): PartnerRef {
  if (given.id === undefined && given.key === undefined && given.email === undefined) {
    throw invalidField('key', 'Give the partner id, key or email.');
  }
  return given;
}

/**
 * Partners: `/v1/partners[/{id}]`, approve, reject, archive, revoke-archive; Partnero's
 * `/v1/partners:search`, legacy `/v1/partner?key|email|id`, and `PUT|DELETE /v1/partners`
 * naming the partner by `key` or `email` (the PHP SDK's form).
 */
export function registerPartnerRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['partners'];
  const one = { 200: partnerResponseSchema };

  app.get(
    '/partners',
    {
      schema: {
        tags,
        summary: 'List partners, oldest first (sort=desc: newest first)',
        querystring: listQuery,
        response: { 200: partnerPageSchema },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const { limit, page, sort, ...filters } = request.query;
      const rows = await listPartners(db, programId, filters, {
        limit,
        offset: offsetOf({ limit, page }),
        sort,
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.get(
    '/partners::search',
    {
      schema: {
        tags,
        summary: 'Search partners: id, key (own or a link), email or name contain the text',
        querystring: searchQuery,
        response: { 200: partnerPageSchema },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const { limit, page, sort, ...search } = request.query;
      const rows = await searchPartners(db, programId, search, {
        limit,
        offset: offsetOf({ limit, page }),
        sort,
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.get(
    '/partner',
    {
      schema: {
        tags,
        summary: 'Show a partner by referral key, email or id (Partnero legacy lookup)',
        querystring: refQuery,
        response: one,
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const row = await requirePartner(db, programId, refOf(request.query));
      return ok(presentPartner(row, await loadSettings(db, programId)));
    },
  );

  for (const url of ['/partners', '/partner']) {
    app.post(
      url,
      {
        schema: {
          tags,
          summary: 'Create a partner (partner.created)',
          ...legacy(url, '/partners'),
          body: createBody,
          response: { 201: partnerResponseSchema },
        },
      },
      async (request, reply) => {
        const partner = await createPartner(deps, principalOf(request).programId, request.body);
        return reply.code(201).send(ok(partner));
      },
    );
  }

  app.get(
    '/partners/:id',
    {
      schema: {
        tags,
        summary: 'Show a partner',
        description:
          'The path holds the partner id. The PHP SDK also sends `?key=` or `?email=`; when given, they name the partner instead.',
        params: idParams,
        querystring: refQuery.omit({ id: true }),
        response: one,
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const { key, email: byEmail } = request.query;
      const { id } = request.params;
      // The PHP SDK's find($x) sends $x as both the path and `key`; given a partner's id, it
      // names the partner by id, so a key equal to the path falls back to the id.
      const row =
        key === id && byEmail === undefined
          ? ((await resolvePartner(db, programId, { key })) ??
            (await getPartner(db, programId, id)))
          : key !== undefined || byEmail !== undefined
            ? await requirePartner(db, programId, { key, email: byEmail })
            : await getPartner(db, programId, id);
      return ok(presentPartner(row, await loadSettings(db, programId)));
    },
  );

  app.put(
    '/partners/:id',
    {
      schema: {
        tags,
        summary: 'Update a partner (partner.updated)',
        params: idParams,
        body: updateBody,
        response: one,
      },
    },
    async (request) => {
      const fields = 'update' in request.body ? request.body.update : request.body;
      return ok(
        await updatePartner(deps, principalOf(request).programId, request.params.id, fields),
      );
    },
  );

  for (const url of ['/partners', '/partner']) {
    app.put(
      url,
      {
        schema: {
          tags,
          summary: 'Update the partner named by body key, email or id (partner.updated)',
          ...legacy(url, '/partners'),
          body: updateByRefBody,
          response: one,
        },
      },
      async (request) => {
        const { programId } = principalOf(request);
        const { update, ...ref } = request.body;
        const row = await requirePartner(db, programId, refOf(ref));
        return ok(await updatePartner(deps, programId, row.id, update));
      },
    );
  }

  app.delete(
    '/partners/:id',
    {
      schema: {
        tags,
        summary: 'Delete a partner (partner.deleted)',
        params: idParams,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      await deletePartner(
        deps,
        principalOf(request).programId,
        request.params.id,
        cancelForWebhook,
      );
      return { status: 1 as const };
    },
  );

  for (const url of ['/partners', '/partner']) {
    app.delete(
      url,
      {
        schema: {
          tags,
          summary: 'Delete the partner named by query key, email or id (partner.deleted)',
          ...legacy(url, '/partners'),
          querystring: refQuery,
          response: { 200: statusOnly },
        },
      },
      async (request) => {
        const { programId } = principalOf(request);
        const row = await requirePartner(db, programId, refOf(request.query));
        await deletePartner(deps, programId, row.id, cancelForWebhook);
        return { status: 1 as const };
      },
    );
  }

  for (const { path, action, summary } of ACTIONS) {
    app.post(
      `/partners/:id/${path}`,
      { schema: { tags, summary, params: idParams, response: one } },
      async (request) =>
        ok(
          await transitionPartner(
            deps,
            principalOf(request).programId,
            request.params.id,
            action,
            cancelForWebhook,
          ),
        ),
    );
  }
}
