import { z } from 'zod';
import { grantPartnerReward } from '../../domain/partner-rewards.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { invalidField } from '../../domain/errors.js';
import { ok } from '../responses.js';
import { amountField } from './program-type-fields.js';
import { idParams } from './partner-fields.js';
import { rewardResponse } from './rewards-schemas.js';

const body = z.object({
  amount: amountField,
  // n8n sends a dateTime string; a plain date (2026-05-07) is midnight UTC.
  date: z.string().trim().max(40).optional(),
  note: z.string().trim().max(1000).nullable().optional(),
  amount_units: z.string().trim().min(3).max(3).optional(),
});

/** Partnero's "Add Reward": `POST /v1/partners/{id}/reward` (a one-off bonus). */
export function registerPartnerRewardRoutes(app: Api, deps: ResolvedDeps): void {
  app.post(
    '/partners/:id/reward',
    {
      schema: {
        tags: ['partners'],
        summary: 'Give a partner a one-off bonus, approved at once (reward.created)',
        params: idParams,
        body,
        response: { 201: rewardResponse },
      },
    },
    async (request, reply) => {
      const { date, ...rest } = request.body;
      let at: number | undefined;
      if (date !== undefined) {
        at = Date.parse(date);
        if (Number.isNaN(at))
          throw invalidField('date', 'The date must be an ISO 8601 date or time.');
      }
      const reward = await grantPartnerReward(
        deps,
        principalOf(request).programId,
        request.params.id,
        { ...rest, date: at },
      );
      return reply.code(201).send(ok(reward));
    },
  );
}
