import { z } from 'zod';
import {
  createPartner,
  deletePartner,
  getPartner,
  listPartners,
  presentPartner,
  transitionPartner,
  updatePartner,
} from '../../domain/partners.js';
import type { PartnerAction } from '../../domain/partners.js';
import { loadSettings } from '../../domain/program-settings.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { email, idParams, identifier, personName, referralKey, tagList } from './partner-fields.js';

const createBody = z.object({
  email,
  name: personName.optional(),
  surname: personName.optional(),
  id: identifier.optional(),
  key: referralKey.optional(),
  tags: tagList.optional(),
});

const updateFields = z.object({
  email: email.optional(),
  name: personName.optional(),
  surname: personName.optional(),
  key: referralKey.optional(),
  // Partnero: `tags: []` clears, `null` leaves them.
  tags: tagList.nullable().optional(),
});
// Partnero documents `{update: {...}}`; its SDKs also send flat fields. Accept both.
const updateBody = z.union([z.object({ update: updateFields }), updateFields]);

const listQuery = pageQuery.extend({
  email: z.string().max(254).optional(),
  key: z.string().max(64).optional(),
  status: z.enum(['pending', 'active', 'rejected', 'archived']).optional(),
});

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

/** Partners: `/v1/partners[/{id}]`, plus approve, reject, archive and revoke-archive. */
export function registerPartnerRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['partners'];

  app.get(
    '/partners',
    { schema: { tags, summary: 'List partners, oldest first', querystring: listQuery } },
    async (request) => {
      const { programId } = principalOf(request);
      const { limit, page, ...filters } = request.query;
      const rows = await listPartners(db, programId, filters, {
        limit,
        offset: offsetOf({ limit, page }),
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/partners',
    { schema: { tags, summary: 'Create a partner (partner.created)', body: createBody } },
    async (request, reply) => {
      const partner = await createPartner(deps, principalOf(request).programId, request.body);
      return reply.code(201).send(ok(partner));
    },
  );

  app.get(
    '/partners/:id',
    { schema: { tags, summary: 'Show a partner', params: idParams } },
    async (request) => {
      const { programId } = principalOf(request);
      const row = await getPartner(db, programId, request.params.id);
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
      },
    },
    async (request) => {
      const fields = 'update' in request.body ? request.body.update : request.body;
      return ok(
        await updatePartner(deps, principalOf(request).programId, request.params.id, fields),
      );
    },
  );

  app.delete(
    '/partners/:id',
    { schema: { tags, summary: 'Delete a partner (partner.deleted)', params: idParams } },
    async (request) => {
      await deletePartner(deps, principalOf(request).programId, request.params.id);
      return { status: 1 };
    },
  );

  for (const { path, action, summary } of ACTIONS) {
    app.post(
      `/partners/:id/${path}`,
      { schema: { tags, summary, params: idParams } },
      async (request) =>
        ok(
          await transitionPartner(deps, principalOf(request).programId, request.params.id, action),
        ),
    );
  }
}
