import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { canonicalQuery } from './request-normalisation.js';
import type { Page } from './routes/common-schemas.js';

/** Partnero's success body: `{data, status: 1}`. */
export function ok<T>(data: T): { data: T; status: 1 } {
  return { data, status: 1 };
}

/**
 * `limit` (1–100, default 10), `page` (from 1) and `sort` (`asc`|`desc`, the list's default
 * when absent) of every list endpoint. Strict: a list schema extending it answers an unknown
 * parameter with a 422 naming it, so a misspelt filter is never silently ignored.
 */
export const pageQuery = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
  sort: z.enum(['asc', 'desc']).optional(),
});

/** The parsed paging query. */
export type PageQuery = z.infer<typeof pageQuery>;

/** A Laravel simple-paginator body: `data`, `links`, `meta`, `status` (see `pageOf`). */
export type { Page } from './routes/common-schemas.js';

/**
 * Builds a page from rows fetched with `limit + 1` (the extra row only says whether a next
 * page exists, so no `count(*)` is needed, like Laravel's simple paginator).
 */
export function paginate<T>(
  request: FastifyRequest,
  publicUrl: string,
  paging: PageQuery,
  rowsPlusOne: T[],
): Page<T> {
  const hasNext = rowsPlusOne.length > paging.limit;
  const data = hasNext ? rowsPlusOne.slice(0, paging.limit) : rowsPlusOne;
  const url = new URL(request.url, 'http://placeholder');
  const path = `${publicUrl}${url.pathname}`;
  // One value per parameter (the one this page used), so a client that appends its own query
  // to `links.next` (n8n does) still sends a coherent request.
  const link = (page: number) => `${path}?${canonicalQuery(url.search, { page: String(page) })}`;
  const from = data.length === 0 ? null : (paging.page - 1) * paging.limit + 1;
  return {
    data,
    links: {
      first: link(1),
      last: null,
      prev: paging.page > 1 ? link(paging.page - 1) : null,
      next: hasNext ? link(paging.page + 1) : null,
    },
    meta: {
      current_page: paging.page,
      from,
      to: from === null ? null : from + data.length - 1,
      path,
      per_page: paging.limit,
    },
    status: 1,
  };
}

/** Offset of a page, for `.offset()`. */
export function offsetOf(paging: PageQuery): number {
  return (paging.page - 1) * paging.limit;
}
