import { existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import fastifyStatic from '@fastify/static';
import type { FastifyReply } from 'fastify';
import type { Api } from '../api/app.js';
import { CLIENT_ROUTES } from './client-routes.js';

/**
 * Where `npm run build -w @hookline/dashboard` writes the app: `packages/dashboard/dist`,
 * found relative to this module from both `src/dashboard` (tsx) and `dist/dashboard` (built).
 */
export function defaultDashboardDir(): string {
  return resolve(dirname(fileURLToPath(import.meta.url)), '../../../dashboard/dist');
}

/**
 * The policy for the dashboard's HTML: scripts only from this origin (Vite emits no inline
 * script), no framing (clickjacking), no referrer (sign-in link tokens stay out of logs).
 */
const HTML_HEADERS = {
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'",
  'x-frame-options': 'DENY',
  'referrer-policy': 'no-referrer',
  'x-content-type-options': 'nosniff',
  'cache-control': 'no-cache',
} as const;

const NOT_BUILT = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hookline</title></head>
<body style="font-family:system-ui;max-width:40rem;margin:4rem auto;padding:0 1rem">
<h1>The dashboard is not built yet</h1>
<p>Run <code>npm run build --workspace @hookline/dashboard</code> (or start Hookline with
<code>npm start</code>, which builds it), then reload this page. The API at <code>/v1</code> works meanwhile.</p>
</body></html>`;

/**
 * Serves the built dashboard at `/`, `index.html` at each of its {@link CLIENT_ROUTES}: hashed assets under `/assets/` are cached for a year,
 * `index.html` is revalidated on every load. Without a build, the client routes explain how
 * to build it instead of answering 404.
 */
export async function registerStaticRoutes(app: Api, dir: string): Promise<void> {
  const built = existsSync(join(dir, 'index.html'));
  if (!built) {
    for (const route of CLIENT_ROUTES) {
      app.get(route, { schema: { hide: true } }, async (_request, reply) =>
        reply.code(503).headers(HTML_HEADERS).type('text/html; charset=utf-8').send(NOT_BUILT),
      );
    }
    return;
  }
  await app.register(fastifyStatic, {
    root: dir,
    prefix: '/',
    index: false,
    wildcard: false,
    // Every file gets the HTML policy, `/index.html` and assets included: a file served
    // without `frame-ancestors` could be framed by a same-site page while the session
    // cookie rides along.
    setHeaders(reply, path) {
      void reply.headers(HTML_HEADERS);
      void reply.header(
        'cache-control',
        /[\\/]assets[\\/]/.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      );
    },
  });
  const sendIndex = (reply: FastifyReply) =>
    reply.headers(HTML_HEADERS).sendFile('index.html', dir, { cacheControl: false });
  for (const route of CLIENT_ROUTES) {
    app.get(route, { schema: { hide: true } }, async (_request, reply) => sendIndex(reply));
  }
}
