/**
 * Response shapes shared by every route: the success envelope `{data, status: 1}`, the list
 * envelope `{data, links, meta, status: 1}` (Laravel's simple paginator), and the error body
 * `{message, errors?}`. Route schema files build on these; the types reach the dashboard and
 * the CLI through `api/contract.ts`.
 *
 * Imports nothing but zod: the dashboard's compiler (browser lib, no Node types) reads this file
 * through the contract.
 *
 * @example
 * app.get('/webhooks/:key', { schema: { response: { 200: dataOf(webhook) } } }, ...)
 */
import { z } from 'zod';

/** The error body of every 4xx (and the 500): Laravel's `{message, errors?: {field: [...]}}`. */
export const errorBody = z
  .object({
    message: z.string().describe('What went wrong, in one sentence.'),
    errors: z
      .record(z.string(), z.array(z.string()))
      .optional()
      .describe('Messages per field (`field` or `field.0.name`), for 422 answers.'),
  })
  .describe('A client error: `{message, errors?}`.');

/** An error answer of the API. */
export type ErrorBody = z.infer<typeof errorBody>;

/**
 * The error answers of every route, in one place: `createApp` adds them to each route's
 * `response` (a route lists only its successes). One `4xx` entry documents the client errors
 * (401 without a key, 404 for an unknown resource, 422 for invalid input...), one `5xx` the
 * documented `{"message": "Internal server error."}`.
 */
export const errorResponses = { '4xx': errorBody, '5xx': errorBody } as const;

/**
 * An answer without a body (204), or a redirect (303): JSON Schema `null`, which OpenAPI shows
 * as "no content". Fastify never serializes these answers.
 */
export function noContent(description: string) {
  return z.null().describe(description);
}

/** `status: 1`, Partnero's success marker. */
const statusOne = z.literal(1);

/** `{data, status: 1}` around `data`; the answer is described as `data` is. */
export function dataOf<T extends z.ZodType>(data: T) {
  return z.object({ data, status: statusOne }).describe(data.description ?? 'Success.');
}

/** The `{status: 1}` answer of a deletion. */
export const statusOnly = z.object({ status: statusOne }).describe('Done.');

/** The `links` of a list page; `last` is always null (no count is taken). */
export const pageLinks = z.object({
  first: z.string(),
  last: z.null(),
  prev: z.string().nullable(),
  next: z.string().nullable(),
});

/** The `meta` of a list page: positions from 1, `null` on an empty page. */
export const pageMeta = z.object({
  current_page: z.number().int(),
  from: z.number().int().nullable(),
  to: z.number().int().nullable(),
  path: z.string(),
  per_page: z.number().int(),
});

/** A list page of `item`: `{data: item[], links, meta, status: 1}`. */
export function pageOf<T extends z.ZodType>(item: T) {
  return z
    .object({ data: z.array(item), links: pageLinks, meta: pageMeta, status: statusOne })
    .describe(item.description ? `A page of: ${item.description}` : 'A page of the list.');
}

/** A list page as clients receive it. */
export interface Page<T> {
  data: T[];
  links: z.infer<typeof pageLinks>;
  meta: z.infer<typeof pageMeta>;
  status: 1;
}

/** A `{data, status: 1}` answer as clients receive it. */
export interface Data<T> {
  data: T;
  status: 1;
}
