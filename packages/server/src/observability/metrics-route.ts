import type { Api, ResolvedDeps } from '../api/app.js';
import { metricsResponse } from '../api/routes/health-schemas.js';
import { deliveryServicesOf } from '../delivery/delivery-services.js';

/**
 * `GET /metrics`: Prometheus text exposition of this process's metrics. Unauthenticated, like
 * `/healthz`; expose it only on an internal network (see docs/delivery.md).
 */
export function registerMetricsRoutes(app: Api, deps: ResolvedDeps): void {
  const schema = {
    tags: ['operations'],
    summary: 'Prometheus metrics',
    security: [],
    response: { 200: metricsResponse },
  };
  app.get('/metrics', { schema }, async (_request, reply) => {
    const services = deliveryServicesOf(deps, (created) =>
      app.addHook('onClose', async () => created.close()),
    );
    const text = await services.metrics.render();
    return reply.header('content-type', services.metrics.registry.contentType).send(text);
  });
}
