import { z } from 'zod';
import {
  balanceAmountSchema,
  customerCreditSchema,
  customerSchema,
} from '../../webhooks/resource-schemas.js';
import { dataOf, pageOf } from './common-schemas.js';

/** `{data: {customer, balance}}`: a refer-a-friend customer's balance. */
export const balanceResponse = dataOf(
  z.object({ customer: z.string(), balance: z.array(balanceAmountSchema) }),
);
/** `{data: BalanceEntry}`: the credit or reward just added. */
export const balanceEntryResponse = dataOf(customerCreditSchema);
/** A page of balance entries, newest first. */
export const balanceEntryPage = pageOf(customerCreditSchema);
/** A page of the customers a customer referred. */
export const referralPage = pageOf(customerSchema);

/** A balance entry as the API returns it. */
export type CustomerBalanceEntry = z.infer<typeof customerCreditSchema>;
