import type { z } from 'zod';
// Zod-only like this file: the resource shapes are shared with the event catalog.
import { customerSchema } from '../../webhooks/resource-schemas.js';
import { dataOf, pageOf } from './common-schemas.js';

/** Answers of the customer routes. */
export const customerResponseSchema = dataOf(customerSchema);
/** One page of customers. */
export const customerPageSchema = pageOf(customerSchema);

/** A customer as the API returns it. */
export type Customer = z.infer<typeof customerSchema>;
/** `GET /v1/customers` and `GET /v1/customers:search`. */
export type CustomerPage = z.infer<typeof customerPageSchema>;
