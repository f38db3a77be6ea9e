import { z } from 'zod';
import { attemptSchema, deliverySummarySchema } from '../api/routes/delivery-schemas.js';
import { POSTBACK_EVENTS } from '../webhooks/postbacks.js';

/**
 * Request and response schemas of the postback routes, the owner's (`/v1/partners/{id}/
 * postbacks`, `/v1/postbacks`, answers `{data, status: 1}` as the rest of `/v1`) and the
 * partner's (`/portal/api/postbacks`, answers `{data}` as the rest of the portal). The postback
 * resource is the same in both.
 */

const time = z.string().describe('ISO 8601, UTC');

/** The postback resource. */
export const postbackSchema = z
  .object({
    id: z.string(),
    partner: z.object({ id: z.string(), key: z.string() }),
    format: z
      .enum(['webhook', 'url'])
      .describe("`webhook`: Hookline's signed envelope; `url`: a URL template with macros."),
    url: z.string().describe('The endpoint (webhook format) or the URL template (url format).'),
    method: z
      .enum(['GET', 'POST'])
      .nullable()
      .describe('url format: `GET` or `POST` (a form body); null for webhook format.'),
    events: z.array(z.string()),
    is_active: z.boolean(),
    secret: z
      .string()
      .nullable()
      .describe(
        'The signing secret (webhook format; `Signature` and Standard Webhooks headers). Null for url format.',
      ),
    failing_since: time.nullable(),
    consecutive_failures: z.number().int(),
    disabled_reason: z
      .string()
      .nullable()
      .describe('Why Hookline disabled it, while it stays disabled.'),
    disabled_at: time.nullable(),
    created_at: time,
    updated_at: time,
  })
  .describe("A partner's postback.");

/** The postback with its partner's name, for the owner's dashboard list. */
export const ownerPostbackSchema = postbackSchema.extend({
  partner: z.object({
    id: z.string(),
    key: z.string(),
    name: z.string().nullable(),
    email: z.string(),
  }),
});

/** A rotation's answer: the postback and when `Signature` switches to the new secret. */
export const rotatedPostbackSchema = postbackSchema.extend({
  signature_switches_at: time.nullable(),
});

/** A postback delivery with its attempts, oldest first. */
export const postbackDeliverySchema = deliverySummarySchema.extend({
  attempt_log: z.array(attemptSchema),
});

/** The test send's answer. */
export const postbackTestSchema = z.object({
  event_id: z.string(),
  delivery: deliverySummarySchema,
  attempt: attemptSchema,
});

/** A notice to the partner (a postback Hookline disabled). */
export const postbackNoticeSchema = z.object({
  id: z.string(),
  type: z.literal('postback.disabled'),
  postback_id: z.string(),
  url: z.string(),
  message: z.string(),
  created_at: time,
});

const events = z
  .array(z.enum(POSTBACK_EVENTS))
  .min(1)
  .max(POSTBACK_EVENTS.length)
  .describe('Event types, among those the program allows.');
const url = z.string().trim().min(1).max(2048);

/** `POST …/postbacks`. */
export const createPostbackBody = z.strictObject({
  format: z.enum(['webhook', 'url']),
  url,
  method: z.enum(['GET', 'POST']).nullish().describe('url format only; default `GET`.'),
  events,
  is_active: z.boolean().nullish(),
});

/** `PUT …/postbacks/{postback}`: only the given fields change (the format cannot). */
export const updatePostbackBody = z.strictObject({
  url: url.nullish(),
  method: z.enum(['GET', 'POST']).nullish(),
  events: events.nullish(),
  is_active: z.boolean().nullish(),
});

/** `POST …/{postback}/test`. */
export const testPostbackBody = z
  .strictObject({ event: z.enum(POSTBACK_EVENTS).optional() })
  .nullish()
  .describe('`event`: which sample to send; default the postback’s first event.');

/** `POST …/{postback}/rotate-secret`. */
export const rotatePostbackBody = z
  .strictObject({ grace_period_seconds: z.number().int().min(0).max(604_800).optional() })
  .nullish();

/** Response envelopes: the owner's (`status: 1`) or the portal's. */
export function postbackResponses(owner: boolean) {
  const wrap = <T extends z.ZodType>(data: T) =>
    owner ? z.object({ data, status: z.literal(1) }) : z.object({ data });
  return {
    one: wrap(postbackSchema),
    list: wrap(z.array(postbackSchema)),
    rotated: wrap(rotatedPostbackSchema),
    deliveries: wrap(z.array(postbackDeliverySchema)),
    test: wrap(postbackTestSchema),
    deleted: owner ? z.object({ status: z.literal(1) }) : z.object({ data: z.null() }),
    ownerList: wrap(z.array(ownerPostbackSchema)),
    notices: wrap(z.array(postbackNoticeSchema)),
  };
}

/** Postback types. */
export type PostbackDelivery = z.infer<typeof postbackDeliverySchema>;
export type OwnerPostback = z.infer<typeof ownerPostbackSchema>;
