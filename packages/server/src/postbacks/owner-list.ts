import type { FastifyRequest } from 'fastify';
import type { Api, ResolvedDeps } from '../api/app.js';
import { listPostbacks, presentPostback } from '../webhooks/index.js';
import { postbackResponses } from './schemas.js';

/**
 * `GET /v1/postbacks`: every partner's postbacks with their partner and health (the owner's
 * dashboard page lists them, and enables or disables one with `PUT
 * /v1/partners/{id}/postbacks/{postback}`).
 */
export function registerOwnerPostbackList(
  app: Api,
  deps: ResolvedDeps,
  programOf: (request: FastifyRequest) => string,
): void {
  const { db } = deps.store;
  const r = postbackResponses(true);
  app.get(
    '/postbacks',
    {
      schema: {
        tags: ['postbacks'],
        summary: "Every partner's postbacks, with their partner and health",
        response: { 200: r.ownerList },
      },
    },
    async (request) => {
      const programId = programOf(request);
      const rows = await listPostbacks(db, programId);
      const ids = [...new Set(rows.map((row) => row.partner_id ?? ''))];
      const partners = ids.length
        ? await db
            .selectFrom('partners')
            .select(['id', 'key', 'name', 'email'])
            .where('program_id', '=', programId)
            .where('id', 'in', ids)
            .execute()
        : [];
      const byId = new Map(partners.map((p) => [p.id, p]));
      return {
        data: rows.map((row) => {
          const partner = byId.get(row.partner_id ?? '');
          const postback = presentPostback(row, partner?.key ?? '');
          return {
            ...postback,
            partner: {
              id: postback.partner.id,
              key: partner?.key ?? '',
              name: partner?.name ?? null,
              email: partner?.email ?? '',
            },
          };
        }),
        status: 1 as const,
      };
    },
  );
}
