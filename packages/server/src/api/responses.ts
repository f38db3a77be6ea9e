import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Page } from './routes/common-schemas.js';

/** Partnero's success body: `{data, status: 1}`. */
export function ok<T>(data: T): { data: T; status: 1 } {
  return { data, status: 1 };
}

/** `limit` (1–100, default 10) and `page` (from 1) of every list endpoint. */
export const pageQuery = z.object({
  limit: z.coerce.number().int().min(1).max(100).default(10),
  page: z.coerce.number().int().min(1).max(1_000_000).default(1),
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
  const link = (page: number) => {
    const params = new URLSearchParams(url.search);
    params.set('page', String(page));
    if (!params.has('limit') && paging.limit !== 10) params.set('limit', String(paging.limit));
    return `${path}?${params.toString()}`;
  };
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
