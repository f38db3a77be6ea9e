import type { Api, ResolvedDeps } from '../api/app.js';
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

export { registerPortalOwnerRoutes } from './owner-routes.js';
export { PORTAL_SESSION_COOKIE } from './sessions.js';
