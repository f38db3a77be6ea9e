/**
 * The dashboard's pages, in one list that both sides read: the server answers each with the
 * app's `index.html` (`static-routes.ts`), and the dashboard renders a page per route
 * (`packages/dashboard/src/App.tsx` switches over {@link ClientRoute} exhaustively, so a route
 * added here without a page, or a page whose route is missing here, fails its type check).
 * Listed rather than caught by a wildcard so that unknown `/v1/...` paths keep the API's JSON
 * 404 and 405 answers. A `:name` segment, last in a route, matches one path segment. This
 * module has no imports: the dashboard bundles it.
 */
export const CLIENT_ROUTES = [
  '/',
  '/sign-in',
  '/overview',
  '/settings',
  '/settings/api-keys',
  '/webhooks',
  '/webhooks/:key',
  '/logs',
  '/logs/:id',
  '/partners',
  '/customers',
  '/transactions',
  '/rewards',
  '/leads',
  '/payouts',
  '/subscribers',
  '/postbacks',
] as const;

/** One route of {@link CLIENT_ROUTES}. */
export type ClientRoute = (typeof CLIENT_ROUTES)[number];

/** The parameters of a route: `{ key: string }` for `/webhooks/:key`. */
export type RouteParams<R extends string> = R extends `${string}/:${infer P}`
  ? { readonly [K in P]: string }
  : Record<never, never>;

/** A path matched to its route, with the route's parameters (decoded). */
export type RouteMatch = { [R in ClientRoute]: { route: R; params: RouteParams<R> } }[ClientRoute];

/**
 * The route of `path` (no query string), or undefined when the app has no such page.
 *
 * @example matchClientRoute('/webhooks/ab%20c') // { route: '/webhooks/:key', params: { key: 'ab c' } }
 */
export function matchClientRoute(path: string): RouteMatch | undefined {
  for (const route of CLIENT_ROUTES) {
    const colon = route.indexOf('/:');
    if (colon === -1) {
      if (path === route) return { route, params: {} } as RouteMatch;
      continue;
    }
    const prefix = route.slice(0, colon + 1);
    const value = path.slice(prefix.length);
    if (path.startsWith(prefix) && value !== '' && !value.includes('/')) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(value);
      } catch {
        return undefined;
      }
      return { route, params: { [route.slice(colon + 2)]: decoded } } as RouteMatch;
    }
  }
  return undefined;
}
