/** The `sort` query parameter of Partnero's lists: creation order, oldest or newest first. */
export type SortOrder = 'asc' | 'desc';

/** The order to apply: the requested one, else the list's documented default. */
export function orderDirection(sort: SortOrder | undefined, fallback: SortOrder): SortOrder {
  return sort ?? fallback;
}
