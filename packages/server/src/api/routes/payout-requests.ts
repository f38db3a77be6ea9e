import { z } from 'zod';
import {
  approvePayoutRequest,
  createPayoutRequest,
  getPayoutRequest,
  listPayoutRequests,
  markPayoutRequestPaid,
  rejectPayoutRequest,
  requestPayoutResubmission,
} from '../../domain/payout-requests.js';
import type { PayoutFilters } from '../../domain/payout-requests.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { partnerRef } from './partner-fields.js';
import { payoutRequestPage, payoutRequestResponse } from './payout-requests-schemas.js';

const idParams = z.object({ id: z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER) });

// Partnero's statuses; the last two are its partner-portal resubmission flow.
const STATUSES = [
  'requested',
  'approved',
  'finished',
  'rejected',
  'resubmit_requested',
  'resubmitted',
] as const;

// Partnero's search filters.
const listQuery = pageQuery.extend({
  sort: z.enum(['asc', 'desc']).optional().describe('By id; default desc (newest first)'),
  status: z.enum(STATUSES).optional(),
  partner_id: z.string().max(255).optional(),
  partner_key: z.string().max(64).optional(),
  partner_email: z.string().max(254).optional(),
  amount_units: z.string().trim().max(10).optional(),
});

const createBody = z.object({
  partner: partnerRef,
  amount_units: z.string().trim().min(3).max(3),
  gateway: z.string().trim().max(50).nullable().optional(),
  payout_settings: z.record(z.string().max(100), z.string().max(500)).optional(),
  // Partnero's reward ids are numbers; Hookline's are strings. Both are read as strings.
  reward_ids: z
    .array(z.union([z.string().max(100), z.number().int()]).transform(String))
    .min(1)
    .max(1000)
    .optional(),
});

/** `/v1/payout_requests[/{id}]`, `:search`, `approve`, `mark_as_paid`, `reject`. */
export function registerPayoutRequestRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['payout requests'];

  // `::` is a literal colon in the router: Partnero's `GET /payout_requests:search` is the
  // same list with the same filters.
  const lists = [
    ['/payout_requests', 'List payout requests'],
    ['/payout_requests::search', 'Search payout requests'],
  ] as const;
  for (const [path, summary] of lists) {
    app.get(
      path,
      { schema: { tags, summary, querystring: listQuery, response: { 200: payoutRequestPage } } },
      async (request) => {
        const { limit, page, sort, status, partner_id, partner_key, partner_email, amount_units } =
          request.query;
        const paging = { limit, page };
        const partner =
          partner_id !== undefined
            ? { id: partner_id }
            : partner_key !== undefined
              ? { key: partner_key }
              : partner_email !== undefined
                ? { email: partner_email }
                : undefined;
        const filters: PayoutFilters = { status, partner, amount_units };
        const rows = await listPayoutRequests(db, principalOf(request).programId, filters, {
          limit,
          offset: offsetOf(paging),
          sort,
        });
        return paginate(request, deps.config.publicUrl, paging, rows);
      },
    );
  }

  app.post(
    '/payout_requests',
    {
      schema: {
        tags,
        summary: "Raise a payout of a partner's approved, unpaid rewards in one currency",
        body: createBody,
        response: { 201: payoutRequestResponse },
      },
    },
    async (request, reply) => {
      const payout = await createPayoutRequest(deps, principalOf(request).programId, request.body);
      return reply.code(201).send(ok(payout));
    },
  );

  app.get(
    '/payout_requests/:id',
    {
      schema: {
        tags,
        summary: 'Show a payout request',
        params: idParams,
        response: { 200: payoutRequestResponse },
      },
    },
    async (request) =>
      ok(await getPayoutRequest(db, principalOf(request).programId, request.params.id)),
  );

  const actions = [
    ['approve', 'Approve a requested or resubmitted payout', approvePayoutRequest],
    [
      'mark_as_paid',
      'Mark an approved payout paid; its rewards become paid (reward.paid)',
      markPayoutRequestPaid,
    ],
    ['reject', 'Reject an open payout; its rewards are released', rejectPayoutRequest],
    [
      'request_resubmission',
      'Send a requested payout back to the partner to correct its payout details in the portal',
      requestPayoutResubmission,
    ],
  ] as const;
  for (const [path, summary, action] of actions) {
    app.post(
      `/payout_requests/:id/${path}`,
      { schema: { tags, summary, params: idParams, response: { 200: payoutRequestResponse } } },
      async (request) => ok(await action(deps, principalOf(request).programId, request.params.id)),
    );
  }
}
