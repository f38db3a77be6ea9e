import { z } from 'zod';
import { attemptNow } from '../../dispatch/attempt-now.js';
import { deliveryServicesOf } from '../../dispatch/delivery-services.js';
import { recordEvent } from '../../outbox/outbox.js';
import { getEventType } from '../../webhooks/catalog.js';
import { presentWebhook, rotateSecret, signatureSwitchesAt } from '../../webhooks/index.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { requireWebhook } from '../require-webhook.js';
import { HttpError, invalidField, notFound } from '../errors.js';
import { ok } from '../responses.js';
import { presentAttempt, presentDeliverySummary } from './deliveries-present.js';
import { eventResponses } from './publish-schemas.js';
import { rotationResponse } from './finish-rotation.js';

const keyParams = z.object({ key: z.string().max(200) });
const testBody = z.object({ event: z.string().min(1).max(100) });
const rotateBody = z
  .object({ grace_period_seconds: z.number().int().min(0).max(604_800).optional() })
  .nullish();

/**
 * Actions on a webhook: `POST /v1/webhooks/{key}/test` (send an event type's sample now, through
 * the real signing, SSRF and sending path, and answer with the attempt) and
 * `POST /v1/webhooks/{key}/rotate-secret`.
 */
export function registerWebhookActionRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['webhooks'];
  const services = () =>
    deliveryServicesOf(deps, (created) => app.addHook('onClose', async () => created.close()));

  app.post(
    '/webhooks/:key/test',
    {
      schema: {
        tags,
        summary: "Send an event type's sample to the webhook now",
        description:
          'Records a test event (source `test`) with one delivery to this webhook, attempts it once now (trigger `test`), and answers with the attempt. Test deliveries are final after that attempt and never retried.',
        params: keyParams,
        body: testBody,
        response: eventResponses.testSend,
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const webhook = await requireWebhook(db, programId, request.params.key);
      const definition = getEventType(request.body.event);
      if (!definition) {
        throw invalidField(
          'event',
          `Unknown event "${request.body.event}". See GET /v1/event-types for the list.`,
        );
      }
      if (webhook.is_active !== 1) {
        throw new HttpError(409, 'The webhook is inactive; activate it to send a test.');
      }
      const now = deps.clock();
      // A test event's delivery is never due for the dispatcher: this request makes its only
      // attempt (the deliveries module's test-only transition).
      const recorded = await db.transaction().execute((trx) =>
        recordEvent(trx, {
          programId,
          type: definition.name,
          data: definition.sample,
          source: 'test',
          now,
          onlyWebhookId: webhook.id,
        }),
      );
      const deliveryId = recorded.deliveryIds[0];
      if (deliveryId === undefined) {
        throw new HttpError(409, 'The webhook is inactive; activate it to send a test.');
      }
      const s = services();
      const result = await attemptNow({
        store: deps.store,
        sender: s.sender,
        events: s.events,
        programId,
        deliveryId,
        trigger: 'test',
        leaseMs: deps.config.leaseMs,
        clock: deps.clock,
      });
      if (result.refused !== undefined) {
        throw new HttpError(409, 'The webhook changed during the test; try again.');
      }
      return ok({
        event_id: recorded.id,
        delivery: presentDeliverySummary(result.delivery),
        attempt: presentAttempt(result.attempt),
      });
    },
  );

  app.post(
    '/webhooks/:key/rotate-secret',
    {
      schema: {
        tags,
        summary: 'Rotate the signing secret',
        description:
          "Generates a new `signature`. The previous secret keeps signing for `grace_period_seconds` (0 to 604800; default the server's HOOKLINE_SECRET_GRACE_PERIOD, 24 h): as a second `v1,` entry in `webhook-signature`, and as the only value of `Signature`, which switches to the new secret at `signature_switches_at` (receivers that check only `Signature` know one secret). `POST /v1/webhooks/{key}/finish-rotation` ends the grace period early.",
        params: keyParams,
        body: rotateBody,
        response: { 200: rotationResponse },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const graceMs =
        request.body?.grace_period_seconds !== undefined
          ? request.body.grace_period_seconds * 1000
          : deps.config.secretGracePeriodMs;
      const now = deps.clock();
      const updated = await rotateSecret(db, programId, request.params.key, graceMs, now);
      if (!updated) throw notFound('Webhook');
      return ok({
        ...presentWebhook(updated),
        signature_switches_at: signatureSwitchesAt(updated, now),
      });
    },
  );
}
