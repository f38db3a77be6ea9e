import { deliveryServicesOf } from '../../delivery/delivery-services.js';
import { metricsOf } from '../../observability/metrics.js';
import type { Api, ResolvedDeps } from '../app.js';

/**
 * `GET /metrics`: Prometheus text exposition of this process's metrics (subscribed to the
 * delivery events of the process's delivery services). Unauthenticated, like `/healthz`;
 * expose it only on an internal network (see docs/delivery.md).
 */
export function registerMetricsRoutes(app: Api, deps: ResolvedDeps): void {
  // Subscribed now, not at the first scrape, so that every attempt is counted.
  const services = deliveryServicesOf(deps, (created) =>
    app.addHook('onClose', async () => created.close()),
  );
  const metrics = metricsOf(deps.store, services.events);
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const text = await metrics.render();
    return reply.header('content-type', metrics.registry.contentType).send(text);
  });
}
