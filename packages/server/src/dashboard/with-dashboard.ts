import fastifyCookie from '@fastify/cookie';
import type { Api, AppDeps, ResolvedDeps } from '../api/app.js';
import { systemClock } from '../util/time.js';
import { registerAuthRoutes } from './auth-routes.js';
import { createSessionAuthenticator } from './session-authenticator.js';
import { defaultDashboardDir, registerStaticRoutes } from './static-routes.js';
import { registerStatsRoutes } from './stats-routes.js';

/** Options of {@link withDashboard}. */
export interface DashboardOptions {
  /** Directory of the built app; defaults to `packages/dashboard/dist`. */
  readonly dir?: string;
}

/**
 * Adds the dashboard to an app's deps: the session authenticator for `/v1`, the `/v1/stats`
 * endpoints, the `/auth` sign-in routes and the static app at `/`. Use it as `startService`'s
 * `extend` or a test context's.
 *
 * @example const app = await createApp(withDashboard({ config, store, logger, wakeup }));
 */
export function withDashboard(deps: AppDeps, options: DashboardOptions = {}): AppDeps {
  const dir = options.dir ?? defaultDashboardDir();
  const root = async (app: Api, resolved: ResolvedDeps) => {
    await app.register(fastifyCookie);
    registerAuthRoutes(app, resolved);
    await registerStaticRoutes(app, dir);
  };
  return {
    ...deps,
    authenticators: [
      ...(deps.authenticators ?? []),
      createSessionAuthenticator(deps.store.db, deps.clock ?? systemClock),
    ],
    plugins: [...(deps.plugins ?? []), root],
    v1Plugins: [...(deps.v1Plugins ?? []), registerStatsRoutes],
  };
}
