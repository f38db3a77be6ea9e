import { z } from 'zod';
import {
  createCustomer,
  deleteCustomer,
  getCustomer,
  listCustomers,
  presentCustomer,
  updateCustomer,
} from '../../domain/customers.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { email, identifier, keyParams, partnerRef, personName, tagList } from './partner-fields.js';
import { customerRef } from './program-type-fields.js'; // parity2: refer-a-friend

const createBody = z.object({
  key: identifier,
  email: email.nullable().optional(),
  name: personName.optional(),
  surname: personName.optional(),
  tags: tagList.optional(),
  partner: partnerRef.optional(),
  referring_customer: customerRef.optional(), // parity2: refer-a-friend
});

const updateFields = z.object({
  key: identifier.optional(),
  email: email.nullable().optional(),
  name: personName.optional(),
  surname: personName.optional(),
  tags: tagList.nullable().optional(),
});
const updateBody = z.union([z.object({ update: updateFields }), updateFields]);

const listQuery = pageQuery.extend({
  partner: z.string().max(255).optional().describe('Referring partner id'),
  partner_key: z.string().max(64).optional(),
  partner_email: z.string().max(254).optional(),
  email: z.string().max(254).optional(),
});

/** Customers: `/v1/customers[/{key}]`. */
export function registerCustomerRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['customers'];

  app.get(
    '/customers',
    { schema: { tags, summary: 'List customers, oldest first', querystring: listQuery } },
    async (request) => {
      const { programId } = principalOf(request);
      const { limit, page, partner, partner_key, partner_email, email: byEmail } = request.query;
      const ref =
        partner !== undefined
          ? { id: partner }
          : partner_key !== undefined
            ? { key: partner_key }
            : partner_email !== undefined
              ? { email: partner_email }
              : undefined;
      const rows = await listCustomers(
        db,
        programId,
        { partner: ref, email: byEmail },
        { limit, offset: offsetOf({ limit, page }) },
      );
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/customers',
    { schema: { tags, summary: 'Create a customer (customer.created)', body: createBody } },
    async (request, reply) => {
      const customer = await createCustomer(deps, principalOf(request).programId, request.body);
      return reply.code(201).send(ok(customer));
    },
  );

  app.get(
    '/customers/:key',
    { schema: { tags, summary: 'Show a customer', params: keyParams } },
    async (request) =>
      ok(
        presentCustomer(await getCustomer(db, principalOf(request).programId, request.params.key)),
      ),
  );

  app.put(
    '/customers/:key',
    {
      schema: {
        tags,
        summary: 'Update a customer (customer.updated)',
        params: keyParams,
        body: updateBody,
      },
    },
    async (request) => {
      const fields = 'update' in request.body ? request.body.update : request.body;
      return ok(
        await updateCustomer(deps, principalOf(request).programId, request.params.key, fields),
      );
    },
  );

  app.delete(
    '/customers/:key',
    { schema: { tags, summary: 'Delete a customer (customer.deleted)', params: keyParams } },
    async (request) => {
      await deleteCustomer(deps, principalOf(request).programId, request.params.key);
      return { status: 1 };
    },
  );
}
