import { z } from 'zod';
import {
  approveReward,
  getReward,
  listRewards,
  markRewardPaid,
  presentReward,
} from '../../domain/rewards.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { idParams } from './partner-fields.js';
import { rewardPage, rewardResponse } from './rewards-schemas.js';

const listQuery = pageQuery.extend({
  partner: z.string().max(255).optional().describe('Partner id'),
  status: z.enum(['review_period', 'approved', 'paid', 'cancelled']).optional(),
  transaction: z.string().max(255).optional().describe('Transaction key'),
});

/**
 * Rewards: `/v1/rewards[/{id}]`, `approve`, `mark-paid`. Partner bonuses are created by
 * `POST /v1/partners/{id}/reward` (partner-rewards.ts); rewards are paid in bulk by payout
 * requests (payout-requests.ts).
 */
export function registerRewardRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['rewards'];

  app.get(
    '/rewards',
    {
      schema: {
        tags,
        summary: 'List rewards, newest first',
        querystring: listQuery,
        response: { 200: rewardPage },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const { limit, page, ...filters } = request.query;
      const rows = await listRewards(db, programId, filters, {
        limit,
        offset: offsetOf({ limit, page }),
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.get(
    '/rewards/:id',
    {
      schema: {
        tags,
        summary: 'Show a reward',
        params: idParams,
        response: { 200: rewardResponse },
      },
    },
    async (request) =>
      ok(presentReward(await getReward(db, principalOf(request).programId, request.params.id))),
  );

  app.post(
    '/rewards/:id/approve',
    {
      schema: {
        tags,
        summary: 'Approve a reward in its review period now (reward.approved)',
        params: idParams,
        response: { 200: rewardResponse },
      },
    },
    async (request) =>
      ok(await approveReward(deps, principalOf(request).programId, request.params.id)),
  );

  app.post(
    '/rewards/:id/mark-paid',
    {
      schema: {
        tags,
        summary: 'Mark an approved reward paid (reward.paid)',
        params: idParams,
        response: { 200: rewardResponse },
      },
    },
    async (request) =>
      ok(await markRewardPaid(deps, principalOf(request).programId, request.params.id)),
  );
}
