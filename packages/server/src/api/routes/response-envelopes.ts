import { z } from 'zod';

/**
 * Response envelopes as zod schemas (zod only, so the dashboard can read the inferred types):
 * Partnero's `{data, status: 1}`, its simple-paginator page and the bodyless `{status: 1}`.
 */

/** `{data, status: 1}`. */
export function okOf<T extends z.ZodType>(data: T) {
  return z.object({ data, status: z.literal(1) });
}

/** A Laravel simple-paginator page of `item`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    data: z.array(item),
    links: z.object({
      first: z.string(),
      last: z.null(),
      prev: z.string().nullable(),
      next: z.string().nullable(),
    }),
    meta: z.object({
      current_page: z.number().int(),
      from: z.number().int().nullable(),
      to: z.number().int().nullable(),
      path: z.string(),
      per_page: z.number().int(),
    }),
    status: z.literal(1),
  });
}

/** `{status: 1}`: an action without a body. */
export const statusOnly = z.object({ status: z.literal(1) });
