import { z } from 'zod';
import { findDelivery, listDeliveries, requeueFailed } from '../../deliveries/index.js';
import { attemptNow } from '../../dispatch/attempt-now.js';
import type { AttemptNowRefusal } from '../../dispatch/attempt-now.js';
import { deliveryServicesOf } from '../../dispatch/delivery-services.js';
import { DELIVERY_STATUSES } from '../../model.js';
import { newId } from '../../util/ids.js';
import { findWebhook } from '../../webhooks/webhook-store.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { requireWebhook } from '../require-webhook.js';
import { HttpError, invalidField, notFound } from '../errors.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import {
  presentAttempt,
  presentDeliveryDetail,
  presentDeliverySummary,
} from './deliveries-present.js';
import { deliveryResponses } from './delivery-schemas.js';

const time = z.string().trim().min(1).max(40);
const filters = {
  /** Order by creation: `desc` (newest first, the default) or `asc`. */
  sort: z.enum(['asc', 'desc']).optional(),
  status: z.enum(DELIVERY_STATUSES).optional(),
  event: z.string().max(100).optional(),
  since: time.optional(),
  until: time.optional(),
};
const listQuery = pageQuery.extend({ ...filters, webhook: z.string().max(200).optional() });
const webhookListQuery = pageQuery.extend(filters);
const idParams = z.object({ id: z.string().max(100) });
const keyParams = z.object({ key: z.string().max(200) });
const bulkRetryBody = z
  .object({
    webhook: z.string().max(200).optional(),
    status: z.enum(['failed', 'cancelled']).default('failed'),
    event: z.string().max(100).optional(),
    since: time.optional(),
    until: time.optional(),
  })
  .nullish();

/**
 * Parses a `since`/`until` value: ISO 8601, or epoch seconds (up to 11 digits) or milliseconds.
 *
 * @returns epoch ms, or `undefined` when the text is not a time
 */
export function parseTimeFilter(text: string): number | undefined {
  if (/^\d{1,16}$/.test(text)) {
    const n = Number(text);
    return text.length <= 11 ? n * 1000 : n;
  }
  const ms = Date.parse(text);
  return Number.isNaN(ms) ? undefined : ms;
}

/**
 * The id bounds of a creation-time window. Delivery ids start with their creation time in
 * fixed-width base 32 (util/ids.ts), so a time window is an id range and uses the
 * `(program_id, id)` / `(webhook_id, id)` indexes instead of scanning `created_at`.
 */
function idRange(query: { since?: string | undefined; until?: string | undefined }) {
  const bound = (field: 'since' | 'until') => {
    const raw = query[field];
    if (raw === undefined) return undefined;
    const ms = parseTimeFilter(raw);
    if (ms === undefined || ms < 0 || ms > 8_000_000_000_000) {
      throw invalidField(field, `The ${field} field must be an ISO 8601 time or a Unix timestamp.`);
    }
    // `dlv_` plus the 10 time characters.
    return newId('dlv', field === 'since' ? ms : ms + 1).slice(0, 14);
  };
  return { from: bound('since'), to: bound('until') };
}

function refusalError(refusal: AttemptNowRefusal): HttpError {
  switch (refusal.refused) {
    case 'not_found':
      return notFound('Delivery');
    case 'webhook_deleted':
      return new HttpError(409, 'The webhook of this delivery was deleted; it cannot be retried.');
    case 'webhook_inactive':
      return new HttpError(409, 'The webhook of this delivery is inactive; activate it to retry.');
    case 'in_flight':
      return new HttpError(
        409,
        'An attempt of this delivery is in progress; try again when it ends.',
      );
  }
}

/**
 * The delivery log and recovery: `GET /v1/deliveries`, `GET /v1/webhooks/{key}/deliveries`,
 * `GET /v1/deliveries/{id}`, `POST /v1/deliveries/{id}/retry` (one attempt now, answered with
 * its result) and `POST /v1/deliveries/retry` (bulk recovery, queued).
 */
export function registerDeliveryRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['deliveries'];
  const services = () =>
    deliveryServicesOf(deps, (created) => app.addHook('onClose', async () => created.close()));

  const list = async (
    programId: string,
    q: z.infer<typeof webhookListQuery>,
    webhook: { id: string } | { key: string } | undefined,
  ) => {
    const { from, to } = idRange(q);
    const rows = await listDeliveries(db, {
      programId,
      webhook,
      status: q.status,
      eventType: q.event,
      fromId: from,
      toId: to,
      sort: q.sort,
      // Partners' postbacks have their own log (their postback routes).
      lane: 0,
      limit: q.limit + 1,
      offset: offsetOf(q),
    });
    return rows.map(presentDeliverySummary);
  };

  app.get(
    '/deliveries',
    {
      schema: {
        tags,
        summary: 'List deliveries, newest first',
        description:
          'Filters: `status`, `event`, `webhook` (key), `since` and `until` (creation time, ISO 8601 or Unix timestamp). `sort=asc` lists oldest first.',
        querystring: listQuery,
        response: deliveryResponses.list,
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const q = request.query;
      let webhook: { id: string } | { key: string } | undefined;
      if (q.webhook !== undefined) {
        // A deleted webhook's deliveries stay findable by the key they were sent under.
        const row = await findWebhook(db, programId, q.webhook);
        webhook = row ? { id: row.id } : { key: q.webhook };
      }
      return paginate(request, deps.config.publicUrl, q, await list(programId, q, webhook));
    },
  );

  app.get(
    '/webhooks/:key/deliveries',
    {
      schema: {
        tags,
        summary: "List a webhook's deliveries, newest first",
        params: keyParams,
        querystring: webhookListQuery,
        response: deliveryResponses.list,
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const row = await requireWebhook(db, programId, request.params.key);
      return paginate(
        request,
        deps.config.publicUrl,
        request.query,
        await list(programId, request.query, { id: row.id }),
      );
    },
  );

  app.get(
    '/deliveries/:id',
    {
      schema: {
        tags,
        summary: 'Show a delivery with every attempt',
        params: idParams,
        response: deliveryResponses.show,
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      // The owner's log: partners' postbacks are theirs (`/v1/partners/{id}/postbacks`).
      const found = await findDelivery(db, programId, request.params.id, 0);
      if (!found) throw notFound('Delivery');
      return ok(presentDeliveryDetail(found.delivery, found.body, found.attempts));
    },
  );

  app.post(
    '/deliveries/:id/retry',
    {
      schema: {
        tags,
        summary: 'Attempt a delivery once, now',
        description:
          'Makes one attempt now (trigger `manual`) and answers with its result. A success makes the delivery `succeeded`; a failure leaves its status and schedule unchanged. Works on pending, failed, cancelled and succeeded deliveries whose webhook still exists and is active; 409 if an attempt is already in flight.',
        params: idParams,
        response: deliveryResponses.retry,
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const s = services();
      const result = await attemptNow({
        store: deps.store,
        sender: s.sender,
        events: s.events,
        programId,
        deliveryId: request.params.id,
        lane: 0,
        trigger: 'manual',
        leaseMs: deps.config.leaseMs,
        clock: deps.clock,
      });
      if (result.refused !== undefined) throw refusalError(result);
      return ok({
        delivery: presentDeliverySummary(result.delivery),
        attempt: presentAttempt(result.attempt),
      });
    },
  );

  app.post(
    '/deliveries/retry',
    {
      schema: {
        tags,
        summary: 'Queue failed deliveries for another attempt (bulk recovery)',
        description:
          'Sets matching deliveries (default `status=failed`; also `cancelled`) of active webhooks back to pending, due now. Each gets one more scheduled attempt; attempt numbers continue. Answers 202 with how many were queued.',
        body: bulkRetryBody,
        response: deliveryResponses.bulkRetry,
      },
    },
    async (request, reply) => {
      const { programId } = principalOf(request);
      const body = request.body ?? { status: 'failed' as const };
      const { from, to } = idRange(body);
      const now = deps.clock();
      let webhookId: string | undefined;
      if (body.webhook !== undefined) {
        const row = await findWebhook(db, programId, body.webhook);
        if (!row) throw invalidField('webhook', `Unknown webhook "${body.webhook}".`);
        webhookId = row.id;
      }
      const queued = await requeueFailed(
        db,
        {
          programId,
          status: body.status,
          webhookId,
          eventType: body.event,
          fromId: from,
          toId: to,
          lane: 0,
        },
        now,
      );
      if (queued > 0) deps.wakeup.wake();
      return reply.code(202).send(ok({ queued }));
    },
  );
}
