import { z } from 'zod';
import { finishRotation, presentWebhook, signatureSwitchesAt } from '../../webhooks/index.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { notFound } from '../errors.js';
import { ok } from '../responses.js';
import { dataOf } from './common-schemas.js';
import { webhookSchema } from './webhook-schemas.js';

const keyParams = z.object({ key: z.string().max(200) });

/** The webhook resource with the rotation's state, as the rotation endpoints answer it. */
export const rotationResponse = dataOf(
  webhookSchema.extend({
    signature_switches_at: z
      .string()
      .nullable()
      .describe('When `Signature` starts carrying the current secret; null when it already does.'),
  }),
);

/**
 * `POST /v1/webhooks/{key}/finish-rotation`: ends the grace period of every rotated-out secret
 * now, once the owner has deployed the current secret to the receivers. From the next attempt on
 * only the current secret signs, and `Signature` carries it.
 */
export function registerFinishRotationRoute(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  app.post(
    '/webhooks/:key/finish-rotation',
    {
      schema: {
        tags: ['webhooks'],
        summary: "End a secret rotation's grace period now",
        description:
          'Rotated-out secrets stop signing at once: `webhook-signature` carries only the current secret, and `Signature` switches to it. Call it once every receiver has the new `signature`. Idempotent.',
        params: keyParams,
        response: { 200: rotationResponse },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const now = deps.clock();
      const updated = await finishRotation(db, programId, request.params.key, now);
      if (!updated) throw notFound('Webhook');
      return ok({
        ...presentWebhook(updated),
        signature_switches_at: signatureSwitchesAt(updated, now),
      });
    },
  );
}
