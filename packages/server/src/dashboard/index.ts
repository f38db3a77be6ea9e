export { withDashboard } from './with-dashboard.js';
export type { DashboardOptions } from './with-dashboard.js';
export {
  createSignInLink,
  issueSignInUrl,
  SESSION_COOKIE,
  SIGN_IN_LINK_TTL_MS,
} from './sessions.js';
export { CSRF_HEADER } from './session-authenticator.js';
