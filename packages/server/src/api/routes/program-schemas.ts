import { z } from 'zod';
import { dataOf } from './common-schemas.js';

const rule = { type: z.enum(['percent', 'fixed']), value: z.number() };

/** The program and its partner-program settings (`GET|PUT /v1/program`). */
export const programSchema = z.object({
  id: z.string(),
  name: z.string(),
  website_url: z.string().nullable(),
  default_currency: z.string(),
  commission: z.object({
    ...rule,
    overrides: z.array(z.object({ product_type: z.string(), ...rule })).readonly(),
  }),
  review_period_days: z.number().int(),
  require_partner_approval: z.boolean(),
  program_type: z
    .enum(['affiliate', 'refer-a-friend', 'newsletter'])
    .describe("The program's type; it decides which events the program has."),
  created_at: z.string(),
  updated_at: z.string(),
});

/** `{data: <program>, status: 1}`. */
export const programResponseSchema = dataOf(programSchema);

/** The program as the API returns it. */
export type Program = z.infer<typeof programSchema>;
