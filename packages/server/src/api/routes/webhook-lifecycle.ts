import { z } from 'zod';
import { requeueFailed } from '../../deliveries/index.js';
import { newId } from '../../util/ids.js';
import { enableWebhook, presentLifecycle, setOperational } from '../../webhooks/index.js';
import type { WebhookRow } from '../../webhooks/index.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { requireWebhook } from '../require-webhook.js';
import { ok } from '../responses.js';
import { dataOf } from './common-schemas.js';
import { enabledWebhookResponse, lifecycleSchema } from './webhook-schemas.js';

const keyParams = z.object({ key: z.string().max(200) });
const operationalBody = z.object({ operational: z.boolean() });
const enableBody = z.object({ retry_failed: z.boolean().optional() }).nullish();

function presentWebhookLifecycle(row: WebhookRow): z.infer<typeof lifecycleSchema> {
  return {
    key: row.key,
    name: row.name,
    url: row.url,
    is_active: row.is_active === 1,
    ...presentLifecycle(row),
  };
}

/**
 * The endpoint lifecycle of a webhook (docs/delivery.md): `PUT /v1/webhooks/{key}/operational`
 * (receive the program's operational events) and `POST /v1/webhooks/{key}/enable` (re-enable a
 * webhook Hookline disabled, optionally retrying what failed while it was down).
 */
export function registerWebhookLifecycleRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['webhooks'];

  app.put(
    '/webhooks/:key/operational',
    {
      schema: {
        tags,
        summary: "Receive (or stop receiving) the program's operational events",
        description:
          'An operational webhook receives `webhook.failing`, `webhook.disabled` and `delivery.exhausted` about the other webhooks of the program. Ordinary subscriptions (`*` included) never receive them.',
        params: keyParams,
        body: operationalBody,
        response: { 200: dataOf(lifecycleSchema) },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const row = await requireWebhook(db, programId, request.params.key);
      await setOperational(db, row.id, request.body.operational, deps.clock());
      const updated = await requireWebhook(db, programId, row.key);
      return ok(presentWebhookLifecycle(updated));
    },
  );

  app.post(
    '/webhooks/:key/enable',
    {
      schema: {
        tags,
        summary: 'Re-enable a webhook, optionally retrying what failed while it was down',
        description:
          'Activates the webhook and clears its failure record. With `retry_failed: true`, its deliveries that ended `failed` or `cancelled` and were created since it started failing (less one retry schedule) are queued again (as `POST /v1/deliveries/retry` does); `queued` says how many.',
        params: keyParams,
        body: enableBody,
        response: {
          200: enabledWebhookResponse,
        },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const row = await requireWebhook(db, programId, request.params.key);
      const now = deps.clock();
      // A delivery that failed during the outage was created at most one whole retry schedule
      // before the first failure (it may have been waiting for a retry when the endpoint died).
      const span = deps.config.retrySchedule.reduce((a, b) => a + b, 0);
      const downSince = row.failing_since === null ? null : Number(row.failing_since) - span;
      const updated = (await enableWebhook(db, row.id, now)) ?? row;
      let queued = 0;
      if (request.body?.retry_failed === true) {
        // Delivery ids start with their creation time.
        const fromId =
          downSince === null ? undefined : newId('dlv', Math.max(0, downSince)).slice(0, 14);
        for (const status of ['failed', 'cancelled'] as const) {
          queued += await requeueFailed(db, { programId, status, webhookId: row.id, fromId }, now);
        }
        if (queued > 0) deps.wakeup.wake();
      }
      return ok({ webhook: presentWebhookLifecycle(updated), queued });
    },
  );
}
