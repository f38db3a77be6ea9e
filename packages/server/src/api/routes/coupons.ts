import { z } from 'zod';
import {
  createCoupon,
  deleteCoupon,
  getCoupon,
  listCoupons,
  updateCoupon,
} from '../../domain/coupons.js';
import { validationFailed } from '../../domain/errors.js';
import type { PartnerRef } from '../../domain/partner-lookup.js';
import {
  createPromotionCode,
  deletePromotionCode,
  getPromotionCode,
  listPromotionCodes,
  updatePromotionCode,
} from '../../domain/promotion-codes.js';
import type { PromotionCodeFields } from '../../domain/promotion-codes.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { statusOnly } from './common-schemas.js';
import {
  couponPageSchema,
  couponResponseSchema,
  promotionCodePageSchema,
  promotionCodeResponseSchema,
} from './coupons-schemas.js';
import { absentIfNull, flexibleId, partnerRef } from './partner-fields.js';

/** A `uuid_code` or promotion code: Partnero's characters (letters, digits, `-`, `_`). */
function codeField(max: number) {
  return z
    .string()
    .trim()
    .min(1)
    .max(max)
    .regex(/^[A-Za-z0-9_-]+$/, 'may contain only letters, digits, "_" and "-"');
}

/** A day, `YYYY-MM-DD`; a date-time is read as its (UTC) day. */
const day = z
  .string()
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}(?:[T ][0-9:.]+Z?)?$/, 'must be a date, YYYY-MM-DD')
  .transform((s) => s.slice(0, 10));

/** A non-negative amount as a number or decimal string (`"9.99"`). */
const amount = z.union([
  z.number().min(0).max(1e12),
  z
    .string()
    .trim()
    .regex(/^\d{1,12}(?:\.\d{1,6})?$/, 'must be a number')
    .transform(Number),
]);

/**
 * Metadata: a flat object of short values. Keys that name an `Object.prototype` member are
 * refused, so user-chosen keys never meet the prototype.
 */
const metadata = z
  .record(
    z
      .string()
      .min(1)
      .max(100)
      .refine((k) => !(k in Object.prototype), 'must not name a built-in property'),
    z.union([z.string().max(1000), z.number(), z.boolean(), z.null()]),
  )
  .refine((m) => Object.keys(m).length <= 50, 'may have at most 50 keys');

/** Partnero's `coupon_specific_partners`: `{id, full_name}`, a one-item list, or empty. */
const specificPartner = z.object({ id: flexibleId, full_name: z.string().max(500).optional() });
const specificPartners = z.union([
  specificPartner,
  z.array(specificPartner).max(1),
  z.object({}).strict(),
]);

/** Customer and subscriber restrictions are not supported: only `false` or absent passes. */
const unsupported = absentIfNull(
  z.literal(false, { message: 'is not supported: codes cannot be limited to a customer' }),
);

const codeFieldsShape = {
  partner: partnerRef.nullable().optional(),
  limit_to_specific_partner: absentIfNull(z.boolean()),
  coupon_specific_partners: absentIfNull(specificPartners),
  limit_to_specific_customer: unsupported,
  limit_to_specific_subscriber: unsupported,
  active: absentIfNull(z.boolean()),
  first_time_order: absentIfNull(z.boolean()),
  minimum_order_status: absentIfNull(z.boolean()),
  minimum_order_value: amount.nullable().optional(),
  expiration_date_status: absentIfNull(z.boolean()),
  expiration_date_value: day.nullable().optional(),
  redemption_times_status: absentIfNull(z.boolean()),
  redemption_times_value: z.number().int().min(1).max(1_000_000_000).nullable().optional(),
  metadata: absentIfNull(metadata),
};
const codeFields = z.object(codeFieldsShape);
type CodeFieldsBody = z.infer<typeof codeFields>;

/**
 * The partner a code body names: Hookline's `partner: {id|key|email}` (null removes it), else
 * Partnero's `limit_to_specific_partner` with `coupon_specific_partners`.
 */
function partnerOfBody(body: CodeFieldsBody, prefix: string): PartnerRef | null | undefined {
  if (body.partner !== undefined) return body.partner;
  if (body.limit_to_specific_partner === false) return null;
  const listed = body.coupon_specific_partners;
  const first = Array.isArray(listed) ? listed[0] : listed;
  const id = first && 'id' in first ? first.id : undefined;
  if (id !== undefined) return { id };
  if (body.limit_to_specific_partner === true) {
    throw validationFailed({
      [`${prefix}coupon_specific_partners`]: [
        'The coupon specific partners field is required when limit to specific partner is true.',
      ],
    });
  }
  return undefined;
}

function codeFieldsOf(body: CodeFieldsBody, prefix = ''): PromotionCodeFields {
  return {
    partner: partnerOfBody(body, prefix),
    active: body.active,
    first_time_order: body.first_time_order,
    minimum_order_status: body.minimum_order_status,
    minimum_order_value: body.minimum_order_value,
    expiration_date_status: body.expiration_date_status,
    expiration_date_value: body.expiration_date_value,
    redemption_times_status: body.redemption_times_status,
    redemption_times_value: body.redemption_times_value,
    metadata: body.metadata,
  };
}

const nestedCode = codeFields.extend({ code: absentIfNull(codeField(100)) });

// Partnero's create body (docs.partnero.com "Create coupon"); the Python SDK sends `name`,
// the discount, `coupon_duration_type: "forever"` with value 0, and `redemption_times_value`.
const couponCreateBody = z.object({
  name: absentIfNull(z.string().trim().min(1).max(255)),
  uuid_code: absentIfNull(codeField(255)),
  active: absentIfNull(z.boolean()),
  coupon_discount_type: z
    .enum(['percent', 'static', 'fixed'])
    .transform((t) => (t === 'fixed' ? 'static' : t)),
  coupon_discount_amount: amount,
  coupon_duration_type: z
    .enum(['once', 'hours', 'days', 'months', 'years', 'lifetime', 'forever'])
    .transform((t) => (t === 'forever' ? 'lifetime' : t)),
  coupon_duration_value: absentIfNull(z.number().int().min(0).max(100_000)),
  redemption_specific_date_status: absentIfNull(z.boolean()),
  redemption_specific_date_value: absentIfNull(day),
  redemption_times_status: absentIfNull(z.boolean()),
  redemption_times_value: absentIfNull(z.number().int().min(1).max(1_000_000_000)),
  metadata: absentIfNull(metadata),
  promotion_codes: absentIfNull(z.array(nestedCode).max(50)),
});

// The Python SDK's update_coupon sends `name` and `active`; Partnero documents `name` and
// `metadata`. The discount cannot change (strict: a discount field is a 422, not ignored).
const couponUpdateFields = {
  name: absentIfNull(z.string().trim().min(1).max(255)),
  active: absentIfNull(z.boolean()),
  metadata: absentIfNull(metadata),
};
const couponUpdateBody = z.object(couponUpdateFields).strict();
// Partnero's current form: `PUT /v1/coupons` naming the coupon in the body.
const couponUpdateByBody = z.object({ uuid_code: codeField(255), ...couponUpdateFields }).strict();

const promotionCreateBody = nestedCode
  .extend({
    coupon_uuid: absentIfNull(codeField(255)),
    coupon_id: absentIfNull(
      z.union([z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), codeField(255)]),
    ),
  })
  .refine((b) => b.coupon_uuid !== undefined || b.coupon_id !== undefined, {
    message: 'The coupon uuid field is required.',
    path: ['coupon_uuid'],
  });
const promotionUpdateBody = codeFields.strict();

const couponParams = z.object({ id: z.string().min(1).max(255) });
const codeParams = z.object({ code: z.string().min(1).max(255) });
const uuidBody = z.object({ uuid_code: codeField(255) });
const promotionListQuery = pageQuery.extend({
  coupon_uuid: codeField(255).optional().describe("Only this coupon's codes"),
});

/**
 * Coupons and promotion codes, Partnero's `/v1/coupons[/{uuid_code|id}]` and
 * `/v1/promotion-codes[/{code}]`. No webhook events: Partnero has none for them.
 */
export function registerCouponRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['coupons'];
  const coupon = { 200: couponResponseSchema };
  const code = { 200: promotionCodeResponseSchema };
  const deleted = { 200: statusOnly };

  app.get(
    '/coupons',
    {
      schema: {
        tags,
        summary: 'List coupons, by id (oldest first unless sort=desc)',
        querystring: pageQuery.strict(),
        response: { 200: couponPageSchema },
      },
    },
    async (request) => {
      const { limit, page, sort } = request.query;
      const rows = await listCoupons(db, principalOf(request).programId, {
        limit,
        offset: offsetOf({ limit, page }),
        sort,
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/coupons',
    {
      schema: {
        tags,
        summary: 'Create a coupon, with promotion codes if given',
        body: couponCreateBody,
        response: { 201: couponResponseSchema },
      },
    },
    async (request, reply) => {
      const { promotion_codes, ...fields } = request.body;
      const created = await createCoupon(deps, principalOf(request).programId, {
        ...fields,
        promotion_codes: promotion_codes?.map((c, i) => ({
          code: c.code,
          ...codeFieldsOf(c, `promotion_codes.${i}.`),
        })),
      });
      return reply.code(201).send(ok(created));
    },
  );

  app.get(
    '/coupons/:id',
    {
      schema: {
        tags,
        summary: 'Show a coupon by uuid_code (or numeric id)',
        params: couponParams,
        response: coupon,
      },
    },
    async (request) => ok(await getCoupon(db, principalOf(request).programId, request.params.id)),
  );

  app.put(
    '/coupons/:id',
    {
      schema: {
        tags,
        summary: "Change a coupon's name, active switch or metadata",
        params: couponParams,
        body: couponUpdateBody,
        response: coupon,
      },
    },
    async (request) =>
      ok(await updateCoupon(deps, principalOf(request).programId, request.params.id, request.body)),
  );

  app.put(
    '/coupons',
    {
      schema: {
        tags,
        summary: 'Change a coupon named by uuid_code in the body',
        body: couponUpdateByBody,
        response: coupon,
      },
    },
    async (request) => {
      const { uuid_code, ...update } = request.body;
      return ok(await updateCoupon(deps, principalOf(request).programId, uuid_code, update));
    },
  );

  app.delete(
    '/coupons/:id',
    {
      schema: {
        tags,
        summary: 'Delete a coupon and its promotion codes',
        params: couponParams,
        response: deleted,
      },
    },
    async (request) => {
      await deleteCoupon(deps, principalOf(request).programId, request.params.id);
      return { status: 1 as const };
    },
  );

  app.delete(
    '/coupons',
    {
      schema: {
        tags,
        summary: 'Delete a coupon named by uuid_code in the body',
        body: uuidBody,
        response: deleted,
      },
    },
    async (request) => {
      await deleteCoupon(deps, principalOf(request).programId, request.body.uuid_code);
      return { status: 1 as const };
    },
  );

  app.get(
    '/promotion-codes',
    {
      schema: {
        tags,
        summary: 'List promotion codes, oldest first unless sort=desc',
        querystring: promotionListQuery.strict(),
        response: { 200: promotionCodePageSchema },
      },
    },
    async (request) => {
      const { limit, page, sort, coupon_uuid } = request.query;
      const rows = await listPromotionCodes(db, principalOf(request).programId, {
        limit,
        offset: offsetOf({ limit, page }),
        sort,
        coupon: coupon_uuid === undefined ? undefined : { uuid_code: coupon_uuid },
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  // The legacy reference (developers.partnero.com) documents the singular `/promotion-code`.
  for (const [path, deprecated] of [
    ['/promotion-codes', false],
    ['/promotion-code', true],
  ] as const) {
    app.post(
      path,
      {
        schema: {
          tags,
          summary: 'Create a promotion code for a coupon (coupon_uuid or coupon_id)',
          deprecated,
          body: promotionCreateBody,
          response: { 201: promotionCodeResponseSchema },
        },
      },
      async (request, reply) => {
        const { body } = request;
        const couponRef =
          body.coupon_uuid !== undefined
            ? { uuid_code: body.coupon_uuid }
            : typeof body.coupon_id === 'number'
              ? { id: body.coupon_id }
              : { uuid_code: body.coupon_id };
        const created = await createPromotionCode(deps, principalOf(request).programId, {
          coupon: couponRef,
          code: body.code,
          ...codeFieldsOf(body),
        });
        return reply.code(201).send(ok(created));
      },
    );
  }

  app.get(
    '/promotion-codes/:code',
    {
      schema: {
        tags,
        summary: 'Show a promotion code (any case)',
        params: codeParams,
        response: code,
      },
    },
    async (request) =>
      ok(await getPromotionCode(db, principalOf(request).programId, request.params.code)),
  );

  app.put(
    '/promotion-codes/:code',
    {
      schema: {
        tags,
        summary: "Change a promotion code's partner, switches or restrictions",
        params: codeParams,
        body: promotionUpdateBody,
        response: code,
      },
    },
    async (request) =>
      ok(
        await updatePromotionCode(
          deps,
          principalOf(request).programId,
          request.params.code,
          codeFieldsOf(request.body),
        ),
      ),
  );

  app.delete(
    '/promotion-codes/:code',
    {
      schema: { tags, summary: 'Delete a promotion code', params: codeParams, response: deleted },
    },
    async (request) => {
      await deletePromotionCode(deps, principalOf(request).programId, request.params.code);
      return { status: 1 as const };
    },
  );
}
