import { z } from 'zod';
import {
  balanceAmountSchema,
  customerCreditSchema,
  customerSchema,
} from '../../webhooks/resource-schemas.js';
import { okOf, pageOf } from './response-envelopes.js';

/** `{data: {customer, balance}}`: a refer-a-friend customer's balance. */
export const balanceResponse = okOf(
  z.object({ customer: z.string(), balance: z.array(balanceAmountSchema) }),
);
/** `{data: BalanceEntry}`: the credit or reward just added. */
export const balanceEntryResponse = okOf(customerCreditSchema);
/** A page of balance entries, newest first. */
export const balanceEntryPage = pageOf(customerCreditSchema);
/** A page of the customers a customer referred. */
export const referralPage = pageOf(customerSchema);

/** A balance entry as the API returns it. */
export type CustomerBalanceEntry = z.infer<typeof customerCreditSchema>;
