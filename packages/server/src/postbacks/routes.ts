import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Api, ResolvedDeps } from '../api/app.js';
import { HttpError, notFound, validationFailed } from '../api/errors.js';
import { presentAttempt, presentDeliverySummary } from '../api/routes/deliveries-present.js';
import { cancelForWebhook, listDeliveries } from '../deliveries/index.js';
import type { DeliverySummaryRow } from '../deliveries/index.js';
import { attemptNow } from '../dispatch/attempt-now.js';
import { deliveryServicesOf } from '../dispatch/delivery-services.js';
import { recordEvent } from '../outbox/outbox.js';
import { getEventType } from '../webhooks/catalog.js';
import {
  createPostback,
  deletePostback,
  findPostback,
  listPostbacks,
  presentPostback,
  rotatePostbackSecret,
  signatureSwitchesAt,
  updatePostback,
} from '../webhooks/index.js';
import type { PostbackEvent, WebhookRow } from '../webhooks/index.js';
import { visibleUrl } from '../webhooks/postbacks-target.js';
import { refusePostbackUrl } from './check-url.js';
import {
  createPostbackBody,
  postbackResponses,
  rotatePostbackBody,
  testPostbackBody,
  updatePostbackBody,
} from './schemas.js';
import type { PostbackDelivery } from './schemas.js';

/** The program's postback policy (portal settings), as the routes need it. */
export interface PostbackPolicy {
  /** Postbacks on, in an affiliate program. */
  readonly open: boolean;
  readonly events: readonly PostbackEvent[];
  readonly maxPerPartner: number;
  readonly allowHttp: boolean;
}

/** Whose postbacks a request reaches: one partner of one program. */
export interface PostbackOwner {
  readonly programId: string;
  readonly partner: { readonly id: string; readonly key: string };
}

/** How the routes are mounted: the owner's `/v1` or the partner's portal. */
export interface PostbackRouteOptions {
  /** `/partners/:id/postbacks` (owner) or `/postbacks` (portal). */
  readonly base: string;
  /** `{data, status: 1}` (owner) or `{data}` (portal). */
  readonly owner: boolean;
  readonly tags: readonly string[];
  readonly security?: readonly Record<string, readonly string[]>[];
  /** The program and partner of a request (a 404 when the partner does not exist). */
  readonly ownerOf: (request: FastifyRequest) => Promise<PostbackOwner>;
  readonly policyOf: (programId: string) => Promise<PostbackPolicy>;
  /** Extra path parameters of `base` (the owner's `:id`). */
  readonly baseParams?: z.ZodObject;
}

/** Most deliveries `GET …/deliveries` answers with (the newest). */
export const POSTBACK_DELIVERIES_LIMIT = 50;

/** A delivery as the postback routes show it: the URL as sent, not its stored target. */
export function presentPostbackSummary(row: DeliverySummaryRow) {
  return { ...presentDeliverySummary(row), url: visibleUrl(row.url) };
}

/**
 * The postback routes of one partner: list, create, show, update, delete, test, rotate-secret,
 * deliveries. The same handlers serve the owner (`/v1/partners/{id}/postbacks`) and the partner
 * (`/portal/api/postbacks`); only how the partner is found and the answer's envelope differ.
 */
export function registerPostbackRoutes(
  app: Api,
  deps: ResolvedDeps,
  o: PostbackRouteOptions,
): void {
  const { db } = deps.store;
  const r = postbackResponses(o.owner);
  const wrap = <T>(data: T) => (o.owner ? { data, status: 1 as const } : { data });
  const meta = (summary: string) => ({
    tags: [...o.tags],
    summary,
    ...(o.security ? { security: o.security.map((s) => ({ ...s })) } : {}),
  });
  const base = o.baseParams ?? z.object({});
  const one = base.extend({ postback: z.string().max(200) });
  const services = () =>
    deliveryServicesOf(deps, (created) => app.addHook('onClose', async () => created.close()));

  const find = async (request: FastifyRequest, id: string) => {
    const owner = await o.ownerOf(request);
    const row = await findPostback(db, owner.programId, id, owner.partner.id);
    if (!row) throw notFound('Postback');
    return { owner, row };
  };
  const present = (row: WebhookRow, owner: PostbackOwner) =>
    presentPostback(row, owner.partner.key);

  const checkEvents = (
    policy: PostbackPolicy,
    events: readonly string[] | null | undefined,
  ): Record<string, string[]> => {
    const errors: Record<string, string[]> = {};
    events?.forEach((event, i) => {
      if (!policy.events.includes(event as PostbackEvent)) {
        errors[`events.${i}`] = [
          `The program does not offer "${event}" as a postback. Offered: ${policy.events.join(', ') || 'none'}.`,
        ];
      }
    });
    return errors;
  };
  const checkUrl = (
    policy: PostbackPolicy,
    format: 'webhook' | 'url',
    url: string | null | undefined,
  ): Record<string, string[]> => {
    if (url == null) return {};
    const refusal = refusePostbackUrl(format, url, {
      allowHttp: policy.allowHttp,
      allowPrivateNetworks: deps.config.allowPrivateNetworks,
    });
    return refusal ? { url: [refusal] } : {};
  };
  const requireOpen = (policy: PostbackPolicy) => {
    if (!policy.open) {
      throw validationFailed({
        postbacks: ['Postbacks are off in this program (postbacks_enabled).'],
      });
    }
  };

  app.get(
    o.base,
    { schema: { ...meta("The partner's postbacks"), params: base, response: { 200: r.list } } },
    async (request) => {
      const owner = await o.ownerOf(request);
      const rows = await listPostbacks(db, owner.programId, owner.partner.id);
      return wrap(rows.map((row) => present(row, owner)));
    },
  );

  app.post(
    o.base,
    {
      schema: {
        ...meta('Register a postback (at most 5 per partner unless the program says otherwise)'),
        params: base,
        body: createPostbackBody,
        response: { 201: r.one },
      },
    },
    async (request, reply) => {
      const owner = await o.ownerOf(request);
      const policy = await o.policyOf(owner.programId);
      requireOpen(policy);
      const body = request.body;
      if (body.format === 'webhook' && body.method != null) {
        throw validationFailed({ method: ['Only url-format postbacks have a method.'] });
      }
      const errors = {
        ...checkUrl(policy, body.format, body.url),
        ...checkEvents(policy, body.events),
      };
      if (Object.keys(errors).length > 0) throw validationFailed(errors);
      const result = await createPostback(
        db,
        {
          programId: owner.programId,
          partnerId: owner.partner.id,
          format: body.format,
          url: body.url,
          method: body.format === 'url' ? (body.method ?? 'GET') : null,
          events: body.events,
          isActive: body.is_active ?? true,
          max: policy.maxPerPartner,
        },
        deps.clock(),
      );
      if (!result.created) {
        throw validationFailed({
          postbacks: [`A partner can have at most ${policy.maxPerPartner} postbacks.`],
        });
      }
      return reply.code(201).send(wrap(present(result.row, owner)));
    },
  );

  app.get(
    `${o.base}/:postback`,
    { schema: { ...meta('Show a postback'), params: one, response: { 200: r.one } } },
    async (request) => {
      const { owner, row } = await find(request, request.params.postback);
      return wrap(present(row, owner));
    },
  );

  app.put(
    `${o.base}/:postback`,
    {
      schema: {
        ...meta('Update a postback (partial); `is_active` disables or enables it'),
        params: one,
        body: updatePostbackBody,
        response: { 200: r.one },
      },
    },
    async (request) => {
      const { owner, row } = await find(request, request.params.postback);
      const policy = await o.policyOf(owner.programId);
      const body = request.body;
      const format = row.postback_format === 'url' ? 'url' : 'webhook';
      if (format === 'webhook' && body.method != null) {
        throw validationFailed({ method: ['Only url-format postbacks have a method.'] });
      }
      const errors = { ...checkUrl(policy, format, body.url), ...checkEvents(policy, body.events) };
      if (Object.keys(errors).length > 0) throw validationFailed(errors);
      const updated = await updatePostback(
        db,
        row.id,
        {
          url: body.url ?? undefined,
          method: body.method ?? undefined,
          events: body.events ?? undefined,
          isActive: body.is_active ?? undefined,
        },
        deps.clock(),
        cancelForWebhook,
      );
      if (!updated) throw notFound('Postback');
      return wrap(present(updated, owner));
    },
  );

  app.delete(
    `${o.base}/:postback`,
    {
      schema: {
        ...meta('Delete a postback (its pending deliveries are cancelled)'),
        params: one,
        response: o.owner ? { 200: r.deleted } : { 204: z.null().describe('Deleted.') },
      },
    },
    async (request, reply) => {
      const { row } = await find(request, request.params.postback);
      await deletePostback(db, row.id, deps.clock(), cancelForWebhook);
      return o.owner ? { status: 1 as const } : reply.code(204).send();
    },
  );

  app.post(
    `${o.base}/:postback/test`,
    {
      schema: {
        ...meta("Send an event type's sample to the postback now, and answer with the attempt"),
        description:
          "Records a test event (source `test`) carrying the event type's sample, addressed to this partner, with one delivery to this postback, attempts it once now through the real signing, SSRF guard and sending path, and answers with the attempt. Never retried.",
        params: one,
        body: testPostbackBody,
        response: { 200: r.test },
      },
    },
    async (request) => {
      const { owner, row } = await find(request, request.params.postback);
      const events = JSON.parse(row.events) as string[];
      const type = request.body?.event ?? events[0] ?? 'transaction.created';
      const definition = getEventType(type);
      if (!definition) throw validationFailed({ event: [`Unknown event "${type}".`] });
      if (row.is_active !== 1) {
        throw new HttpError(409, 'The postback is disabled; enable it to send a test.');
      }
      const now = deps.clock();
      const recorded = await db.transaction().execute((trx) =>
        recordEvent(trx, {
          programId: owner.programId,
          type: definition.name,
          data: sampleFor(definition.sample, owner.partner.id),
          source: 'test',
          now,
          onlyWebhookId: row.id,
        }),
      );
      const deliveryId = recorded.deliveryIds[0];
      if (deliveryId === undefined) {
        throw new HttpError(409, 'The postback is disabled; enable it to send a test.');
      }
      const s = services();
      const result = await attemptNow({
        store: deps.store,
        sender: s.sender,
        events: s.events,
        programId: owner.programId,
        deliveryId,
        trigger: 'test',
        leaseMs: deps.config.leaseMs,
        clock: deps.clock,
      });
      if (result.refused !== undefined) {
        throw new HttpError(409, 'The postback changed during the test; try again.');
      }
      return wrap({
        event_id: recorded.id,
        delivery: presentPostbackSummary(result.delivery),
        attempt: presentAttempt(result.attempt),
      });
    },
  );

  app.post(
    `${o.base}/:postback/rotate-secret`,
    {
      schema: {
        ...meta('Rotate the signing secret of a webhook-format postback'),
        description:
          "As a webhook's: the previous secret keeps signing for `grace_period_seconds` (default the server's grace period, 24 h), and `Signature` switches to the new secret at `signature_switches_at`.",
        params: one,
        body: rotatePostbackBody,
        response: { 200: r.rotated },
      },
    },
    async (request) => {
      const { owner, row } = await find(request, request.params.postback);
      const graceMs =
        request.body?.grace_period_seconds !== undefined
          ? request.body.grace_period_seconds * 1000
          : deps.config.secretGracePeriodMs;
      const now = deps.clock();
      const updated = await rotatePostbackSecret(
        db,
        owner.programId,
        row.id,
        owner.partner.id,
        graceMs,
        now,
      );
      if (!updated) throw notFound('Postback');
      return wrap({
        ...present(updated, owner),
        signature_switches_at: signatureSwitchesAt(updated, now),
      });
    },
  );

  app.get(
    `${o.base}/:postback/deliveries`,
    {
      schema: {
        ...meta(
          `The postback's newest ${POSTBACK_DELIVERIES_LIMIT} deliveries, each with its attempts`,
        ),
        params: one,
        response: { 200: r.deliveries },
      },
    },
    async (request) => {
      const { owner, row } = await find(request, request.params.postback);
      const rows = await listDeliveries(db, {
        programId: owner.programId,
        webhook: { id: row.id },
        limit: POSTBACK_DELIVERIES_LIMIT,
        offset: 0,
        lane: 1,
      });
      const attempts = rows.length
        ? await db
            .selectFrom('attempts')
            .selectAll()
            .where(
              'delivery_id',
              'in',
              rows.map((d) => d.id),
            )
            .orderBy('id')
            .execute()
        : [];
      return wrap(
        rows.map(
          (d): PostbackDelivery => ({
            ...presentPostbackSummary(d),
            attempt_log: attempts.filter((a) => a.delivery_id === d.id).map(presentAttempt),
          }),
        ),
      );
    },
  );
}

/**
 * An event type's sample as a test send carries it: addressed to this partner (the sample's
 * `partner_123` becomes the partner's id), so the macros and the partner's rewards fill in.
 */
function sampleFor(sample: unknown, partnerId: string): unknown {
  return JSON.parse(JSON.stringify(sample).replaceAll('"partner_123"', JSON.stringify(partnerId)));
}

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
