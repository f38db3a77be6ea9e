import { z } from 'zod';
import {
  creditCustomer,
  customerBalance,
  listBalanceEntries,
  rewardCustomer,
} from '../../domain/customer-balance.js';
import { getCustomer, presentCustomer } from '../../domain/customers.js';
import { referredCustomerRows } from '../../domain/referrals.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import {
  balanceEntryPage,
  balanceEntryResponse,
  balanceResponse,
  referralPage,
} from './customer-balance-schemas.js';
import { amountField } from './program-type-fields.js';
import { identifier, keyParams } from './partner-fields.js';

const entryFields = {
  amount: amountField,
  amount_units: z.string().trim().min(1).max(32).optional(),
  is_currency: z.boolean().optional(),
  note: z.string().trim().max(1000).nullable().optional(),
};
const creditBody = z.object(entryFields);
const rewardBody = z.object({ ...entryFields, referred_customer: identifier.optional() });

/**
 * Refer-a-friend customers: `GET /v1/customers/{key}/balance`, `POST .../balance/credit`
 * (customer.credited), `GET .../balance/entries`, `POST .../reward` (customer.rewarded) and
 * `GET .../referrals`.
 */
export function registerCustomerBalanceRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['customers'];

  app.get(
    '/customers/:key/balance',
    {
      schema: {
        tags,
        summary: "A refer-a-friend customer's balance, per currency or unit",
        params: keyParams,
        response: { 200: balanceResponse },
      },
    },
    async (request) =>
      ok(await customerBalance(db, principalOf(request).programId, request.params.key)),
  );

  app.post(
    '/customers/:key/balance/credit',
    {
      schema: {
        tags,
        summary: "Add a credit to a refer-a-friend customer's balance (customer.credited)",
        params: keyParams,
        body: creditBody,
        response: { 201: balanceEntryResponse },
      },
    },
    async (request, reply) => {
      const entry = await creditCustomer(
        deps,
        principalOf(request).programId,
        request.params.key,
        request.body,
      );
      return reply.code(201).send(ok(entry));
    },
  );

  app.get(
    '/customers/:key/balance/entries',
    {
      schema: {
        tags,
        summary: "A refer-a-friend customer's credits and rewards, newest first",
        params: keyParams,
        querystring: pageQuery,
        response: { 200: balanceEntryPage },
      },
    },
    async (request) => {
      const { limit, page } = request.query;
      const rows = await listBalanceEntries(
        db,
        principalOf(request).programId,
        request.params.key,
        {
          limit,
          offset: offsetOf({ limit, page }),
        },
      );
      return paginate(request, deps.config.publicUrl, { limit, page }, rows);
    },
  );

  app.post(
    '/customers/:key/reward',
    {
      schema: {
        tags,
        summary: 'Reward a refer-a-friend customer for a referral (customer.rewarded)',
        params: keyParams,
        body: rewardBody,
        response: { 201: balanceEntryResponse },
      },
    },
    async (request, reply) => {
      const entry = await rewardCustomer(
        deps,
        principalOf(request).programId,
        request.params.key,
        request.body,
      );
      return reply.code(201).send(ok(entry));
    },
  );

  app.get(
    '/customers/:key/referrals',
    {
      schema: {
        tags,
        summary: 'The customers a customer referred (refer-a-friend), oldest first',
        params: keyParams,
        querystring: pageQuery,
        response: { 200: referralPage },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const { limit, page } = request.query;
      const referrer = await getCustomer(db, programId, request.params.key);
      const rows = await referredCustomerRows(db, programId, referrer.id, {
        limit,
        offset: offsetOf({ limit, page }),
      });
      return paginate(request, deps.config.publicUrl, { limit, page }, rows.map(presentCustomer));
    },
  );
}
