import type { Api } from '../api/app.js';
import { PORTAL_CSS, PORTAL_HTML, PORTAL_JS } from './ui/page.js';
import { PORTAL_POSTBACKS_JS } from './ui/postbacks.js';

/**
 * The HTML policy of the portal's files: scripts and styles from this origin only, no
 * framing (clickjacking with the session riding along), no referrer (sign-in tokens).
 */
const HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
} as const;

/** Serves the portal's page at `/portal` with its scripts and stylesheet. */
export function registerPortalUiRoutes(app: Api): void {
  const files = [
    ['/portal', 'text/html; charset=utf-8', PORTAL_HTML],
    ['/portal/app.js', 'text/javascript; charset=utf-8', PORTAL_JS],
    ['/portal/postbacks.js', 'text/javascript; charset=utf-8', PORTAL_POSTBACKS_JS],
    ['/portal/app.css', 'text/css; charset=utf-8', PORTAL_CSS],
  ] as const;
  for (const [path, type, body] of files) {
    app.get(path, { schema: { hide: true } }, async (_request, reply) =>
      reply.headers(HEADERS).type(type).send(body),
    );
  }
}
