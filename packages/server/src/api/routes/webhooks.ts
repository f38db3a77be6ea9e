import { z } from 'zod';
import { refuseUrl } from '../../dispatch/address-policy.js';
import { ALL_EVENTS, isEventType } from '../../webhooks/catalog.js';
import { assertEventsAllowed } from '../../domain/program-types.js';
import { cancelForWebhook } from '../../deliveries/index.js';
import {
  createWebhook,
  deleteWebhook,
  presentWebhook,
  updateWebhook,
} from '../../webhooks/index.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { requireWebhook } from '../require-webhook.js';
import { notFound, validationFailed } from '../errors.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { statusOnly } from './common-schemas.js';
import { webhookData, webhookPage } from './webhook-schemas.js';

const name = z.string().trim().min(1).max(100);
const url = z.string().trim().min(1).max(2048);
const events = z.array(z.string().max(100)).min(1).max(100);
const key = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');

const createBody = z.object({
  name,
  url,
  events,
  // null (or "") means not given, as in Laravel: a generated key, active.
  key: key.nullish(),
  is_active: z.boolean().nullish(),
});

// null (or "") leaves the field as it is: none of them can be cleared.
const updateFields = z.object({
  name: name.nullish(),
  url: url.nullish(),
  events: events.nullish(),
  is_active: z.boolean().nullish(),
});
// Partnero documents `{update: {...}}`; its SDKs also send flat fields. Accept both.
const updateBody = z.union([z.object({ update: updateFields }), updateFields]);

const keyParams = z.object({ key: z.string().max(200) });

/** Checks what zod cannot: URL scheme and address policy, and that every event exists. */
function checkSemantics(
  deps: ResolvedDeps,
  input: { url?: string | null | undefined; events?: readonly string[] | null | undefined },
): void {
  const errors: Record<string, string[]> = {};
  if (input.url != null) {
    let parsed: URL | undefined;
    try {
      parsed = new URL(input.url);
    } catch {
      errors.url = ['The url must be an absolute http or https URL.'];
    }
    if (parsed) {
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        errors.url = ['The url must be an absolute http or https URL.'];
      } else if (parsed.username || parsed.password) {
        errors.url = ['The url must not contain credentials; use the signature to authenticate.'];
      } else {
        const refusal = refuseUrl(parsed, deps.config.allowPrivateNetworks);
        if (refusal) errors.url = [refusal];
      }
    }
  }
  input.events?.forEach((event, i) => {
    if (event !== ALL_EVENTS && !isEventType(event)) {
      errors[`events.${i}`] = [
        `Unknown event "${event}". See GET /v1/event-types for the list, or use "*" for all.`,
      ];
    }
  });
  if (Object.keys(errors).length > 0) throw validationFailed(errors);
}

/** Partnero's webhooks API: `GET|POST /v1/webhooks`, `GET|PUT|DELETE /v1/webhooks/{key}`. */
export function registerWebhookRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['webhooks'];

  app.get(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'List webhooks',
        querystring: pageQuery,
        response: { 200: webhookPage },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const paging = request.query;
      const rows = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('program_id', '=', programId)
        // Partners' postbacks are webhooks rows too, but not the owner's webhooks.
        .where('kind', '<>', 'postback')
        .orderBy('id', paging.sort ?? 'asc')
        .limit(paging.limit + 1)
        .offset(offsetOf(paging))
        .execute();
      return paginate(request, deps.config.publicUrl, paging, rows.map(presentWebhook));
    },
  );

  app.post(
    '/webhooks',
    {
      schema: {
        tags,
        summary: 'Create a webhook',
        body: createBody,
        response: { 201: webhookData },
      },
    },
    async (request, reply) => {
      const { programId } = principalOf(request);
      const body = request.body;
      checkSemantics(deps, body);
      await assertEventsAllowed(db, programId, body.events);
      const result = await createWebhook(
        db,
        {
          programId,
          key: body.key ?? undefined,
          name: body.name,
          url: body.url,
          events: body.events,
          isActive: body.is_active ?? true,
        },
        deps.clock(),
      );
      if (!result.created) throw validationFailed({ key: ['The key has already been taken.'] });
      return reply.code(201).send(ok(presentWebhook(result.row)));
    },
  );

  app.get(
    '/webhooks/:key',
    {
      schema: {
        tags,
        summary: 'Show a webhook',
        params: keyParams,
        response: { 200: webhookData },
      },
    },
    async (request) => {
      const row = await requireWebhook(db, principalOf(request).programId, request.params.key);
      return ok(presentWebhook(row));
    },
  );

  app.put(
    '/webhooks/:key',
    {
      schema: {
        tags,
        summary: 'Update a webhook (partial)',
        params: keyParams,
        body: updateBody,
        response: { 200: webhookData },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const fields = 'update' in request.body ? request.body.update : request.body;
      const row = await requireWebhook(db, programId, request.params.key);
      checkSemantics(deps, fields);
      await assertEventsAllowed(db, programId, fields.events ?? undefined);
      const updated = await updateWebhook(
        db,
        row.id,
        {
          name: fields.name ?? undefined,
          url: fields.url ?? undefined,
          events: fields.events ?? undefined,
          isActive: fields.is_active ?? undefined,
        },
        deps.clock(),
        cancelForWebhook,
      );
      if (!updated) throw notFound('Webhook');
      return ok(presentWebhook(updated));
    },
  );

  app.delete(
    '/webhooks/:key',
    {
      schema: {
        tags,
        summary: 'Delete a webhook',
        params: keyParams,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const row = await requireWebhook(db, programId, request.params.key);
      await deleteWebhook(db, row.id, deps.clock(), cancelForWebhook);
      return { status: 1 as const };
    },
  );
}
