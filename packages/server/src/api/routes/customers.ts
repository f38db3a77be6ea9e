import { z } from 'zod';
import {
  archiveCustomer,
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  presentCustomer,
  resolveCustomer,
  searchCustomers,
  updateCustomer,
} from '../../domain/customers.js';
import type { CustomerLookup } from '../../domain/customers.js';
import { invalidField, notFound } from '../../domain/errors.js';
import type { PartnerRef } from '../../domain/partner-lookup.js';
import { listTransactions } from '../../domain/transaction-lookup.js';
import { createCustomerWithSale } from '../../domain/transactions.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import {
  customerPageSchema,
  customerResponseSchema,
  customerStatsResponse,
  invitationResponse,
} from './customers-schemas.js';
import { customerStats } from '../../domain/customer-stats.js';
import { inviteCustomer } from '../../domain/customer-invitations.js';
import { createSmtpMailer } from '../../notifications/mailer.js';
import { statusOnly } from './common-schemas.js';
import {
  absentIfNull,
  customerParams,
  customerNamedBy,
  email,
  identifier,
  partnerRef,
  personName,
  sortParam,
  tagList,
} from './partner-fields.js';
import { legacy } from './partners.js';
import { saleFields } from './transactions.js';
import { transactionPageSchema } from './transactions-schemas.js';
import { customerRef } from './program-type-fields.js';

/** The customer fields of a create (also `customer` in the legacy `POST /customer`). */
export const customerFields = z.object({
  // Affiliate programs require `key`; refer-a-friend ones take `id` or `key` (one identifier).
  key: absentIfNull(identifier),
  id: absentIfNull(identifier),
  email: absentIfNull(email),
  name: personName.optional(),
  surname: personName.optional(),
  tags: tagList.nullable().optional(),
  referring_customer: absentIfNull(customerRef),
});

const createBody = customerFields.extend({
  partner: absentIfNull(partnerRef),
  // The PHP SDK's `Customers::create($customer, $partner, $transaction)`: a first sale.
  transaction: absentIfNull(saleFields),
});

// `null` (or "") clears email and names, and leaves the key (it cannot be cleared).
const updateFields = z.object({
  key: identifier.nullable().optional(),
  email: email.nullable().optional(),
  name: personName.optional(),
  surname: personName.optional(),
  tags: tagList.nullable().optional(),
});
const updateBody = z.union([z.object({ update: updateFields }), updateFields]);
const updateByRefBody = customerNamedBy.extend({ update: updateFields });

const partnerFilter = z.string().max(255).optional();
const listQuery = pageQuery
  .extend({
    sort: sortParam,
    email: z.string().max(254).optional(),
    key: z.string().max(255).optional(),
    partner: partnerFilter.describe('Referring partner id'),
    partner_id: partnerFilter,
    partner_key: partnerFilter,
    partner_email: partnerFilter,
    // The PHP SDK's `http_build_query(['partner' => ['key' => …]])`.
    'partner[id]': partnerFilter,
    'partner[key]': partnerFilter,
    'partner[email]': partnerFilter,
    // Partnero's refer-a-friend filter (the PHP SDK's `referrals()->list()`).
    refer_status: z.enum(['referred', 'non_referred']).optional(),
  })
  // Every filter honoured is declared; any other parameter is a 422 naming it.
  .strict();

const searchQuery = pageQuery
  .extend({
    sort: sortParam,
    key: z.string().max(255).optional(),
    id: z.string().max(255).optional(),
    email: z.string().max(254).optional(),
  })
  // Every filter honoured is declared; any other parameter is a 422 naming it.
  .strict();

// The PHP SDK sends its customer model (`email`, maybe `name`, `id`, `key`) and
// `personalization`; `referring_customer` names the inviter when the host knows it.
const inviteBody = z.object({
  email,
  name: absentIfNull(z.string().trim().max(200)),
  referring_customer: absentIfNull(customerRef),
  personalization: absentIfNull(
    z
      .record(
        z.string().min(1).max(100),
        z.union([z.string().max(2000), z.number(), z.boolean(), z.null()]),
      )
      .refine((r) => Object.keys(r).length <= 50, { message: 'at most 50 values' }),
  ),
});

const transactionsQuery = pageQuery.extend({ sort: sortParam }).strict();

type ListQuery = z.infer<typeof listQuery>;

/** The referring-partner filter a list query gives, if any (the first form given wins). */
function partnerOf(q: ListQuery): PartnerRef | undefined {
  const id = q.partner ?? q.partner_id ?? q['partner[id]'];
  if (id !== undefined) return { id };
  const key = q.partner_key ?? q['partner[key]'];
  if (key !== undefined) return { key };
  const byEmail = q.partner_email ?? q['partner[email]'];
  if (byEmail !== undefined) return { email: byEmail };
  return undefined;
}

/**
 * Customers: `/v1/customers[/{customer}]`, where `{customer}` is the customer's key, id or
 * email; archive, revoke-archive, its transactions; Partnero's `/v1/customers:search`; and
 * `PUT /v1/customers` naming the customer in the body (the PHP SDK's form).
 */
export function registerCustomerRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['customers'];
  const one = { 200: customerResponseSchema };

  app.get(
    '/customers',
    {
      schema: {
        tags,
        summary: 'List customers, oldest first (sort=desc: newest first)',
        querystring: listQuery,
        response: { 200: customerPageSchema },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const q = request.query;
      const rows = await listCustomers(
        db,
        programId,
        { partner: partnerOf(q), email: q.email, key: q.key, refer_status: q.refer_status },
        { limit: q.limit, offset: offsetOf(q), sort: q.sort },
      );
      return paginate(request, deps.config.publicUrl, q, rows);
    },
  );

  app.get(
    '/customers::search',
    {
      schema: {
        tags,
        summary: 'Search customers: key, id or email contain the text',
        querystring: searchQuery,
        response: { 200: customerPageSchema },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const { limit, page, sort, ...search } = request.query;
      const rows = await searchCustomers(db, programId, search, {
        limit,
        offset: offsetOf({ limit, page }),
        sort,
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/customers',
    {
      schema: {
        tags,
        summary: 'Create a customer (customer.created), with an optional first sale',
        body: createBody,
        response: { 201: customerResponseSchema },
      },
    },
    async (request, reply) => {
      const { programId } = principalOf(request);
      const { transaction, ...input } = request.body;
      if (transaction === undefined) {
        return reply.code(201).send(ok(await createCustomer(deps, programId, input)));
      }
      const { rewarded: _default, ...sale } = transaction;
      const row = await createCustomerWithSale(deps, programId, input, sale);
      return reply.code(201).send(ok(presentCustomer(row)));
    },
  );

  app.get(
    '/customers/:customer',
    {
      schema: {
        tags,
        summary: 'Show a customer (by key, id or email)',
        params: customerParams,
        response: one,
      },
    },
    async (request) =>
      ok(
        presentCustomer(
          await getCustomer(db, principalOf(request).programId, request.params.customer),
        ),
      ),
  );

  app.put(
    '/customers/:customer',
    {
      schema: {
        tags,
        summary: 'Update a customer (customer.updated)',
        params: customerParams,
        body: updateBody,
        response: one,
      },
    },
    async (request) => {
      const fields = 'update' in request.body ? request.body.update : request.body;
      return ok(
        await updateCustomer(deps, principalOf(request).programId, request.params.customer, fields),
      );
    },
  );

  for (const url of ['/customers', '/customer']) {
    app.put(
      url,
      {
        schema: {
          tags,
          summary: 'Update the customer named by body key, id or email (customer.updated)',
          ...legacy(url, '/customers'),
          body: updateByRefBody,
          response: one,
        },
      },
      async (request) => {
        const { programId } = principalOf(request);
        const { update, ...ref } = request.body;
        const row = await requireCustomer(ref);
        return ok(await updateCustomer(deps, programId, row.key, update));

        async function requireCustomer(given: CustomerLookup) {
          if (given.key === undefined && given.id === undefined && given.email === undefined) {
            throw invalidField('key', 'Give the customer key, id or email.');
          }
          const found = await resolveCustomer(db, programId, given);
          if (!found) throw notFound('Customer');
          return found;
        }
      },
    );
  }

  app.delete(
    '/customers/:customer',
    {
      schema: {
        tags,
        summary: 'Delete a customer (customer.deleted)',
        params: customerParams,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      await deleteCustomer(deps, principalOf(request).programId, request.params.customer);
      return { status: 1 as const };
    },
  );

  for (const [path, archive] of [
    ['archive', true],
    ['revoke-archive', false],
  ] as const) {
    app.post(
      `/customers/:customer/${path}`,
      {
        schema: {
          tags,
          summary: archive
            ? 'Archive a customer: its new sales earn no commission (customer.updated)'
            : 'Restore an archived customer (customer.updated)',
          params: customerParams,
          response: one,
        },
      },
      async (request) =>
        ok(
          await archiveCustomer(
            deps,
            principalOf(request).programId,
            request.params.customer,
            archive,
          ),
        ),
    );
  }

  app.get(
    '/customers/:customer/stats',
    {
      schema: {
        tags,
        summary: "A refer-a-friend customer's statistics: referrals, their purchases, balance",
        params: customerParams,
        querystring: z.object({}).strict(),
        response: { 200: customerStatsResponse },
      },
    },
    async (request) =>
      ok(await customerStats(db, principalOf(request).programId, request.params.customer)),
  );

  const mailer =
    deps.config.smtpUrl !== undefined
      ? createSmtpMailer({ url: deps.config.smtpUrl, from: deps.config.smtpFrom })
      : undefined;
  if (mailer) app.addHook('onClose', async () => mailer.close());

  app.post(
    '/customers::invite',
    {
      schema: {
        tags,
        summary:
          'Invite someone by e-mail to the refer-a-friend program (recorded; mailed with SMTP)',
        body: inviteBody,
        response: { 201: invitationResponse },
      },
    },
    async (request, reply) => {
      const invitation = await inviteCustomer(
        deps,
        mailer,
        principalOf(request).programId,
        request.body,
      );
      return reply.code(201).send(ok(invitation));
    },
  );

  app.get(
    '/customers/:customer/transactions',
    {
      schema: {
        tags,
        summary: "List a customer's transactions, newest first",
        params: customerParams,
        querystring: transactionsQuery,
        response: { 200: transactionPageSchema },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const customer = await getCustomer(db, programId, request.params.customer);
      const { limit, page, sort } = request.query;
      const rows = await listTransactions(
        db,
        programId,
        { customer_id: customer.id },
        { limit, offset: offsetOf({ limit, page }), sort },
      );
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );
}
