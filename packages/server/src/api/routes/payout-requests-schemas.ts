import type { z } from 'zod';
import { payoutRequestSchema } from '../../webhooks/resource-schemas.js';
import { dataOf, pageOf } from './common-schemas.js';

/** `{data: PayoutRequest}`. */
export const payoutRequestResponse = dataOf(payoutRequestSchema);
/** A page of payout requests. */
export const payoutRequestPage = pageOf(payoutRequestSchema);

/** A payout request as the API returns it. */
export type PayoutRequest = z.infer<typeof payoutRequestSchema>;
