import { sql } from 'kysely';
import type { RawBuilder, SqlBool } from 'kysely';

/**
 * How the partner-program lists are read: a page window with Partnero's `sort`, and the
 * substring match of its `:search` endpoints.
 */

/** The `sort` query parameter of Partnero's lists: creation order, oldest or newest first. */
export type SortOrder = 'asc' | 'desc';

/** One page of a list: `limit + 1` rows are fetched so the paginator knows of a next page. */
export interface PageWindow {
  readonly limit: number;
  readonly offset: number;
  /** Creation order; each list documents its default. */
  readonly sort?: SortOrder | undefined;
}

/** The order to apply: the requested one, else the list's documented default. */
export function orderDirection(sort: SortOrder | undefined, fallback: SortOrder): SortOrder {
  return sort ?? fallback;
}

/**
 * `column` contains `value`, case-insensitively, on both engines: SQLite's `like` ignores
 * ASCII case and has no default escape character, PostgreSQL's is case-sensitive, so both
 * sides are lower-cased and `%`, `_` and `\` in the value are escaped explicitly.
 */
export function contains(column: string, value: string): RawBuilder<SqlBool> {
  const pattern = `%${value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
  return sql<SqlBool>`lower(${sql.ref(column)}) like ${pattern} escape '\\'`;
}
