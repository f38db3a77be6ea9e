import { z } from 'zod';
import { currencySchema } from '../../domain/program-settings.js';
import { getTransaction, listTransactions } from '../../domain/transaction-lookup.js';
import type { PartnerRef } from '../../domain/partner-lookup.js';
import { archiveTransaction } from '../../domain/transaction-archive.js';
import { refundTransaction } from '../../domain/transaction-refunds.js';
import { createTransaction, updateTransaction } from '../../domain/transactions.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { statusOnly } from './common-schemas.js';
import {
  absentIfNull,
  email,
  identifier,
  keyParams,
  partnerRef,
  personName,
  sortParam,
  tagList,
} from './partner-fields.js';
import { transactionPageSchema, transactionResponseSchema } from './transactions-schemas.js';

/** Major units as a number (`99.99`) or a decimal string (`"99.99"`). */
const amount = z.union([z.number(), z.string().trim().max(40)]);
const productField = z.string().trim().max(255).nullable();

/**
 * When a sale happened: Partnero documents a Unix timestamp in seconds; its n8n node sends
 * an ISO 8601 date-time (read as UTC when it has no offset). Becomes epoch milliseconds.
 */
const saleTime = z
  .union([z.number().int().nonnegative(), z.string().trim().min(1).max(40)])
  .transform((value, ctx) => {
    const text = String(value);
    if (/^\d+$/.test(text)) return Number(text) * 1000;
    const zoned = /(Z|[+-]\d{2}:?\d{2})$/i.test(text) || !text.includes('T') ? text : `${text}Z`;
    const ms = Date.parse(zoned);
    if (Number.isNaN(ms)) {
      ctx.addIssue({ code: 'custom', message: 'must be a Unix timestamp or an ISO 8601 date' });
      return z.NEVER;
    }
    return ms;
  });

/** The fields of a sale, without its customer (also `transaction` in `POST /customers`). */
export const saleFields = z.object({
  key: absentIfNull(identifier),
  amount,
  amount_units: absentIfNull(currencySchema),
  action: absentIfNull(z.string().trim().min(1).max(100)),
  product_id: productField.optional(),
  product_type: productField.optional(),
  rewardable: z.boolean().nullable().optional(),
  // Partnero's "the reward was paid already". Hookline pays through the reward lifecycle
  // (POST /v1/rewards/{id}/mark-paid), so only `false` (the default) is accepted.
  rewarded: z
    .boolean()
    .nullable()
    .optional()
    .refine((v) => v !== true, 'is not supported: mark the reward paid once it is paid'),
  created_at: absentIfNull(saleTime),
  gross_amount: amount.nullable().optional(),
  discount_amount: amount.nullable().optional(),
  discount_code: z.string().trim().max(255).nullable().optional(),
});

const createBody = saleFields.extend({
  customer: z.object({
    key: absentIfNull(identifier),
    id: absentIfNull(identifier),
    email: absentIfNull(email),
    name: personName.optional(),
    surname: personName.optional(),
    tags: tagList.nullable().optional(),
    partner: absentIfNull(partnerRef),
  }),
  partner: absentIfNull(partnerRef),
  options: absentIfNull(z.object({ create_customer: z.boolean().nullable().optional() })),
});

const updateFields = z.object({
  amount: amount.nullable().optional(),
  action: absentIfNull(z.string().trim().min(1).max(100)),
  product_id: productField.optional(),
  product_type: productField.optional(),
});
const updateBody = z.union([z.object({ update: updateFields }), updateFields]);

const partnerFilter = z.string().max(255).optional();
const listQuery = pageQuery
  .extend({
    sort: sortParam,
    key: z.string().max(255).optional(),
    customer: z.string().max(255).optional().describe('Customer key'),
    partner: partnerFilter.describe('Partner id'),
    partner_id: partnerFilter,
    partner_key: partnerFilter,
    partner_email: partnerFilter,
  })
  // Every filter honoured is declared; any other parameter is a 422 naming it.
  .strict();

// The PHP SDK repeats the key in the query (DELETE) or body (archive); it must match.
const keyQuery = z.object({ key: z.string().max(255).optional() });

type ListQuery = z.infer<typeof listQuery>;

function partnerOf(q: ListQuery): PartnerRef | undefined {
  const id = q.partner ?? q.partner_id;
  if (id !== undefined) return { id };
  if (q.partner_key !== undefined) return { key: q.partner_key };
  if (q.partner_email !== undefined) return { email: q.partner_email };
  return undefined;
}

/**
 * Transactions: `/v1/transactions[/{key}]`; `DELETE` is a refund. Keys are not unique: see
 * `domain/transaction-lookup.ts` and `domain/transaction-refunds.ts` for what a key addresses.
 */
export function registerTransactionRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['transactions'];
  const one = { 200: transactionResponseSchema };

  app.get(
    '/transactions',
    {
      schema: {
        tags,
        summary: 'List transactions, newest first (sort=asc: oldest first)',
        querystring: listQuery,
        response: { 200: transactionPageSchema },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const q = request.query;
      const rows = await listTransactions(
        db,
        programId,
        { key: q.key, customer: q.customer, partner: partnerOf(q) },
        { limit: q.limit, offset: offsetOf(q), sort: q.sort },
      );
      return paginate(request, deps.config.publicUrl, q, rows);
    },
  );

  app.post(
    '/transactions',
    {
      schema: {
        tags,
        summary: 'Record a transaction (transaction.created, reward.created)',
        description:
          "Creates the commission reward of the customer's referring partner, unless `rewardable` is false. With `options.create_customer: true` a missing customer is created too (`customer.partner` names its partner). Keys are not unique: a second create with a key records a second sale.",
        body: createBody,
        response: { 201: transactionResponseSchema },
      },
    },
    async (request, reply) => {
      const { rewarded: _default, ...input } = request.body;
      const transaction = await createTransaction(deps, principalOf(request).programId, input);
      return reply.code(201).send(ok(transaction));
    },
  );

  app.get(
    '/transactions/:key',
    {
      schema: {
        tags,
        summary: 'Show a transaction with its rewards (the newest live one with this key)',
        params: keyParams,
        response: one,
      },
    },
    async (request) =>
      ok(await getTransaction(db, principalOf(request).programId, request.params.key)),
  );

  app.put(
    '/transactions/:key',
    {
      schema: {
        tags,
        summary: 'Update a transaction; adjusts unpaid rewards (transaction.updated)',
        params: keyParams,
        body: updateBody,
        response: one,
      },
    },
    async (request) => {
      const fields = 'update' in request.body ? request.body.update : request.body;
      return ok(
        await updateTransaction(deps, principalOf(request).programId, request.params.key, fields),
      );
    },
  );

  for (const [path, archive] of [
    ['archive', true],
    ['revoke-archive', false],
  ] as const) {
    app.post(
      `/transactions/:key/${path}`,
      {
        schema: {
          tags,
          summary: archive
            ? 'Archive the transactions with this key: set their unpaid rewards aside (transaction.updated)'
            : 'Restore archived transactions with this key and their rewards (transaction.updated)',
          description:
            'The PHP SDK repeats the key in a JSON body (`{"key"}`); the path decides. A transaction with a paid reward cannot be archived: refund it.',
          params: keyParams,
          response: one,
        },
      },
      async (request) =>
        ok(
          await archiveTransaction(
            deps,
            principalOf(request).programId,
            request.params.key,
            archive,
          ),
        ),
    );
  }

  app.delete(
    '/transactions/:key',
    {
      schema: {
        tags,
        summary: 'Refund every live transaction with this key: reverse the commissions',
        description: 'Fires transaction.deleted for each transaction refunded.',
        params: keyParams,
        querystring: keyQuery,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      await refundTransaction(deps, principalOf(request).programId, request.params.key);
      return { status: 1 as const };
    },
  );
}
