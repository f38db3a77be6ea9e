/**
 * Partner postbacks' routes (docs/partner-portal.md, "Postbacks"): the same handlers mounted
 * for the owner in `/v1` and for the partner in `/portal/api` (the portal mounts both), and the
 * URL checks. Storage and the transitions are the webhooks module's (`webhooks/postbacks.ts`);
 * macros, targets and PII trimming are pure modules there too, because the deliveries module
 * and the HTTP destination use them.
 */
export { cancelPostbacksOf } from './cancel.js';
export { refusePostbackUrl } from './check-url.js';
export type { UrlPolicy } from './check-url.js';
export {
  POSTBACK_DELIVERIES_LIMIT,
  presentPostbackSummary,
  registerOwnerPostbackList,
  registerPostbackRoutes,
} from './routes.js';
export type { PostbackOwner, PostbackPolicy, PostbackRouteOptions } from './routes.js';
export { postbackResponses } from './schemas.js';
