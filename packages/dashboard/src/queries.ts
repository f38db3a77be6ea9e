import { QueryClient, queryOptions } from '@tanstack/react-query';
import { answer, dataOf, hookline } from './api.js';

/**
 * The dashboard's query cache (TanStack Query): loads, polling (paused while the tab is
 * hidden), cancelling a load the page no longer needs, and one cache shared by the pages (the
 * event catalog is loaded once). A failed load is not retried here: the API client already
 * retries 429 and 503, and anything else is shown at once with a Retry button. A poll that
 * fails keeps the last data and shows the error; the next success clears it.
 */
export const queryClient = new QueryClient({
  defaultOptions: { queries: { retry: false } },
});

/** The event catalog: the same for every page that shows it, loaded once. */
export const eventTypesQuery = queryOptions({
  queryKey: ['/v1/event-types'],
  queryFn: ({ signal }) => dataOf(hookline.GET('/v1/event-types', { signal })),
});

/** The program's type and the event types it has. */
export const programEventsQuery = queryOptions({
  queryKey: ['/v1/program/events'],
  queryFn: ({ signal }) => dataOf(hookline.GET('/v1/program/events', { signal })),
});

/** The program's webhooks, one page of up to 100 (what the pickers and the list show). */
export const webhooksQuery = queryOptions({
  queryKey: ['/v1/webhooks', { limit: 100 }],
  queryFn: ({ signal }) =>
    answer(hookline.GET('/v1/webhooks', { params: { query: { limit: 100 } }, signal })),
});

/** Every partner's postbacks with their health (`GET /v1/postbacks`). */
export const postbacksQuery = queryOptions({
  queryKey: ['/v1/postbacks'],
  queryFn: ({ signal }) => dataOf(hookline.GET('/v1/postbacks', { signal })),
});
