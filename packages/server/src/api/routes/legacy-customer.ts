import { z } from 'zod';
import {
  createCustomer,
  deleteCustomer,
  presentCustomer,
  resolveCustomer,
} from '../../domain/customers.js';
import type { CustomerLookup } from '../../domain/customers.js';
import { invalidField, notFound } from '../../domain/errors.js';
import { createCustomerWithSale } from '../../domain/transactions.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { ok } from '../responses.js';
import { statusOnly } from './common-schemas.js';
import { customerFields } from './customers.js';
import { customerResponseSchema } from './customers-schemas.js';
import { absentIfNull, customerNamedBy, partnerRef } from './partner-fields.js';
import { saleFields } from './transactions.js';

// partnero/partnero-php: src/Endpoints/Customer.php (deprecated, still shipped): the customer,
// its partner and an optional first sale as three members of the body.
const createBody = z.object({
  customer: customerFields,
  partner: absentIfNull(partnerRef),
  transaction: absentIfNull(saleFields),
});

const deprecated = {
  deprecated: true,
  description: "Partnero's deprecated singular form of `/customers` (the PHP SDK's `Customer`).",
} as const;

/**
 * Partnero's deprecated `/v1/customer` endpoints: `POST` with `{customer, partner,
 * transaction?}`, and `GET|DELETE ?key=|id=|email=` (`PUT /customer` shares
 * `PUT /customers`' handler).
 */
export function registerLegacyCustomerRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['customers'];

  async function requireCustomer(programId: string, given: CustomerLookup) {
    if (given.key === undefined && given.id === undefined && given.email === undefined) {
      throw invalidField('key', 'Give the customer key, id or email.');
    }
    const found = await resolveCustomer(db, programId, given);
    if (!found) throw notFound('Customer');
    return found;
  }

  app.post(
    '/customer',
    {
      schema: {
        tags,
        summary: 'Create a customer, optionally with its first sale (customer.created)',
        ...deprecated,
        body: createBody,
        response: { 201: customerResponseSchema },
      },
    },
    async (request, reply) => {
      const { programId } = principalOf(request);
      const { customer, partner, transaction } = request.body;
      const input = { ...customer, partner };
      if (transaction === undefined) {
        return reply.code(201).send(ok(await createCustomer(deps, programId, input)));
      }
      const { rewarded: _default, ...sale } = transaction;
      const row = await createCustomerWithSale(deps, programId, input, sale);
      return reply.code(201).send(ok(presentCustomer(row)));
    },
  );

  app.get(
    '/customer',
    {
      schema: {
        tags,
        summary: 'Show the customer named by query key, id or email',
        ...deprecated,
        querystring: customerNamedBy,
        response: { 200: customerResponseSchema },
      },
    },
    async (request) =>
      ok(presentCustomer(await requireCustomer(principalOf(request).programId, request.query))),
  );

  app.delete(
    '/customer',
    {
      schema: {
        tags,
        summary: 'Delete the customer named by query key, id or email (customer.deleted)',
        ...deprecated,
        querystring: customerNamedBy,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const row = await requireCustomer(programId, request.query);
      await deleteCustomer(deps, programId, row.key);
      return { status: 1 as const };
    },
  );
}
