import type { z } from 'zod';
// Zod-only like this file: the resource shapes are shared with the event catalog.
import { partnerSchema } from '../../webhooks/resource-schemas.js';
import { dataOf, pageOf } from './common-schemas.js';

/** Answers of the partner routes (`/v1/partners`, `/v1/partner`, `/v1/partners:search`). */
export const partnerResponseSchema = dataOf(partnerSchema);
/** One page of partners. */
export const partnerPageSchema = pageOf(partnerSchema);

/** A partner as the API returns it. */
export type Partner = z.infer<typeof partnerSchema>;
/** `GET /v1/partners` and `GET /v1/partners:search`. */
export type PartnerPage = z.infer<typeof partnerPageSchema>;
