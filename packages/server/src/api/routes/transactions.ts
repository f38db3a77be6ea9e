import { z } from 'zod';
import {
  createTransaction,
  getTransaction,
  listTransactions,
  refundTransaction,
  updateTransaction,
} from '../../domain/transactions.js';
import { currencySchema } from '../../domain/program-settings.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { email, identifier, keyParams, partnerRef, personName, tagList } from './partner-fields.js';

/** Major units as a number (`99.99`) or a decimal string (`"99.99"`). */
const amount = z.union([z.number(), z.string().trim().max(40)]);
const productField = z.string().trim().max(255).nullable();

const createBody = z.object({
  key: identifier,
  amount,
  amount_units: currencySchema.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  product_id: productField.optional(),
  product_type: productField.optional(),
  customer: z.object({
    key: identifier.optional(),
    email: email.optional(),
    name: personName.optional(),
    surname: personName.optional(),
    tags: tagList.optional(),
    partner: partnerRef.optional(),
  }),
  partner: partnerRef.optional(),
  options: z.object({ create_customer: z.boolean().optional() }).optional(),
});

const updateFields = z.object({
  amount: amount.optional(),
  action: z.string().trim().min(1).max(100).optional(),
  product_id: productField.optional(),
  product_type: productField.optional(),
});
const updateBody = z.union([z.object({ update: updateFields }), updateFields]);

const listQuery = pageQuery.extend({
  key: z.string().max(255).optional(),
  customer: z.string().max(255).optional().describe('Customer key'),
  partner: z.string().max(255).optional().describe('Partner id'),
});

/** Transactions: `/v1/transactions[/{key}]`; `DELETE` is a refund. */
export function registerTransactionRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['transactions'];

  app.get(
    '/transactions',
    { schema: { tags, summary: 'List transactions, newest first', querystring: listQuery } },
    async (request) => {
      const { programId } = principalOf(request);
      const { limit, page, ...filters } = request.query;
      const rows = await listTransactions(db, programId, filters, {
        limit,
        offset: offsetOf({ limit, page }),
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/transactions',
    {
      schema: {
        tags,
        summary: 'Record a transaction (transaction.created, reward.created)',
        description:
          "Creates the commission reward of the customer's referring partner. With `options.create_customer: true` a missing customer is created too (`customer.partner` names its partner). Keys are unique per program.",
        body: createBody,
      },
    },
    async (request, reply) => {
      const transaction = await createTransaction(
        deps,
        principalOf(request).programId,
        request.body,
      );
      return reply.code(201).send(ok(transaction));
    },
  );

  app.get(
    '/transactions/:key',
    { schema: { tags, summary: 'Show a transaction with its rewards', params: keyParams } },
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
      },
    },
    async (request) => {
      const fields = 'update' in request.body ? request.body.update : request.body;
      return ok(
        await updateTransaction(deps, principalOf(request).programId, request.params.key, fields),
      );
    },
  );

  app.delete(
    '/transactions/:key',
    {
      schema: {
        tags,
        summary: 'Refund a transaction: reverse its commission (transaction.deleted)',
        params: keyParams,
      },
    },
    async (request) => {
      await refundTransaction(deps, principalOf(request).programId, request.params.key);
      return { status: 1 };
    },
  );
}
