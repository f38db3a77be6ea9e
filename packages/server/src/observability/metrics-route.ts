import type { Api, ResolvedDeps } from '../api/app.js';
import { deliveryServicesOf } from '../delivery/delivery-services.js';

/**
 * `GET /metrics`: Prometheus text exposition of this process's metrics. Unauthenticated, like
 * `/healthz`; expose it only on an internal network (see docs/delivery.md).
 */
export function registerMetricsRoutes(app: Api, deps: ResolvedDeps): void {
  app.get('/metrics', { schema: { hide: true } }, async (_request, reply) => {
    const services = deliveryServicesOf(deps, (created) =>
      app.addHook('onClose', async () => created.close()),
    );
    const text = await services.metrics.render();
    return reply.header('content-type', services.metrics.registry.contentType).send(text);
  });
}
