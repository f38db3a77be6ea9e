import { z } from 'zod';

/**
 * Partnero's answer envelopes as zod schemas, for the routes' `response` declarations: one
 * resource, one page of a list, or a bare `{status: 1}`. Imports only zod, so the dashboard's
 * type-checker can read the files that build on it.
 */

/** `{data, status: 1}`. */
export function okOf<T extends z.ZodType>(data: T) {
  return z.object({ data, status: z.literal(1) });
}

/** A Laravel simple-paginator page: `data`, `links`, `meta`, `status`. */
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

/** `{status: 1}`: an action with nothing to return. */
export const statusOnlySchema = z.object({ status: z.literal(1) });
