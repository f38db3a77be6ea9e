import type { z } from 'zod';
// Zod-only like this file: the resource shapes are shared with the event catalog.
import { transactionSchema } from '../../webhooks/resource-schemas.js';
import { dataOf, pageOf } from './common-schemas.js';

/** Answers of the transaction routes. */
export const transactionResponseSchema = dataOf(transactionSchema);
/** One page of transactions. */
export const transactionPageSchema = pageOf(transactionSchema);

/** A transaction, with its rewards, as the API returns it. */
export type Transaction = z.infer<typeof transactionSchema>;
/** `GET /v1/transactions` and `GET /v1/customers/{customer}/transactions`. */
export type TransactionPage = z.infer<typeof transactionPageSchema>;
