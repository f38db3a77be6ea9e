import { createHash, timingSafeEqual } from 'node:crypto';
import { deliveryServicesOf } from '../../dispatch/delivery-services.js';
import { metricsOf } from '../../observability/metrics.js';
import type { Api, ResolvedDeps } from '../app.js';
import { errorResponses } from './common-schemas.js';
import { metricsResponse } from './health-schemas.js';

/**
 * `GET /metrics`: Prometheus text exposition of this process's metrics (subscribed to the
 * delivery events of the process's delivery services). Open like `/healthz` unless
 * `HOOKLINE_METRICS_TOKEN` is set, then it takes that token as a bearer (Prometheus's
 * `authorization` scrape setting); see docs/operations.md.
 */
export function registerMetricsRoutes(app: Api, deps: ResolvedDeps): void {
  // Subscribed now, not at the first scrape, so that every attempt is counted.
  const services = deliveryServicesOf(deps, (created) =>
    app.addHook('onClose', async () => created.close()),
  );
  const metrics = metricsOf(deps.store, services.events);
  const expected = deps.config.metricsToken;
  const schema = {
    tags: ['operations'],
    summary: 'Prometheus metrics',
    security: [],
    // Listed here too: this handler answers its 401 itself, and the reply's type comes from here.
    response: { 200: metricsResponse, ...errorResponses },
  };
  app.get('/metrics', { schema }, async (request, reply) => {
    if (expected !== undefined && !bearerMatches(request.headers.authorization, expected)) {
      return reply
        .code(401)
        .header('www-authenticate', 'Bearer realm="metrics"')
        .send({ message: 'Send the metrics token as "Authorization: Bearer <token>".' });
    }
    const text = await metrics.render();
    return reply.header('content-type', metrics.registry.contentType).send(text);
  });
}

/** Constant-time check of a bearer header against the token (hashes make the lengths equal). */
function bearerMatches(header: string | undefined, token: string): boolean {
  const presented = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '')?.[1] ?? '';
  const digest = (text: string) => createHash('sha256').update(text, 'utf8').digest();
  return timingSafeEqual(digest(presented), digest(token));
}
