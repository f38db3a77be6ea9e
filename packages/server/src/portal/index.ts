import type { Api, AppDeps, ResolvedDeps } from '../api/app.js';
import { registerPortalOwnerRoutes, writeProgramPostbackFields } from './owner-routes.js';
import { registerPortalApiRoutes } from './api-routes.js';
import { registerPortalAuthRoutes } from './auth-routes.js';
import { registerPortalUiRoutes } from './ui-routes.js';

/**
 * The partner portal: sign-in (`/portal/sign-in`, `/portal/auth/*`), the partner's API
 * (`/portal/api/*`) and its page (`/portal`). Partner sessions are a credential of their own
 * (cookie `hookline_portal`, path `/portal`), accepted nowhere else; `/v1` never reads them.
 */
export async function registerPortal(app: Api, deps: ResolvedDeps): Promise<void> {
  registerPortalAuthRoutes(app, deps);
  await registerPortalApiRoutes(app, deps);
  registerPortalUiRoutes(app);
}

/**
 * Adds the partner portal to an app's deps: its owner routes in `/v1`
 * (`POST /v1/partners:sign-in-url`, `/v1/program/portal`) and the portal at `/portal`. A plugin,
 * like the dashboard, so that `api/` does not import the portal (the portal builds on `api/`).
 * `startService` always adds it; so do the test contexts and the client's document generator.
 */
export function withPortal(deps: AppDeps): AppDeps {
  return {
    ...deps,
    plugins: [...(deps.plugins ?? []), registerPortal],
    v1Plugins: [...(deps.v1Plugins ?? []), registerPortalOwnerRoutes],
    programChangeSteps: [...(deps.programChangeSteps ?? []), writeProgramPostbackFields],
  };
}

export { registerPortalOwnerRoutes };
export { PORTAL_SESSION_COOKIE } from '../partner-access/sessions.js';
