import { VERSION } from '../../version.js';
import type { Api, ResolvedDeps } from '../app.js';
import { ok } from '../responses.js';
import { dataOf } from './common-schemas.js';
import { serviceInfoSchema } from './service-schemas.js';
import type { ServiceInfo } from './service-schemas.js';

/**
 * `GET /v1/service`: the installation's settings whose effects API users see (how long logs are
 * kept, the retry schedule, the timeout, the rate limit), so clients and the dashboard need not
 * guess them.
 */
export function registerServiceRoutes(app: Api, deps: ResolvedDeps): void {
  const { config } = deps;
  const info: ServiceInfo = {
    version: VERSION,
    retention_days: config.retentionMs === null ? null : config.retentionMs / 86_400_000,
    retry_schedule_seconds: config.retrySchedule.map((ms) => ms / 1000),
    delivery_timeout_seconds: config.deliveryTimeoutMs / 1000,
    rate_limit: config.apiRateLimit
      ? { requests: config.apiRateLimit.max, per_seconds: config.apiRateLimit.windowMs / 1000 }
      : null,
  };
  app.get(
    '/service',
    {
      schema: {
        tags: ['service'],
        summary: 'Retention window, retry schedule, timeout and rate limit of this installation',
        response: { 200: dataOf(serviceInfoSchema) },
      },
    },
    async () => ok(info),
  );
}
