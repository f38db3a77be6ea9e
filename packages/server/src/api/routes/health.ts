import { sql } from 'kysely';
import type { Api, ResolvedDeps } from '../app.js';
import { healthSchema, readySchema, unavailableSchema } from './health-schemas.js';

/** `GET /healthz` (the process answers) and `GET /readyz` (the database answers too). */
export function registerHealthRoutes(app: Api, deps: ResolvedDeps): void {
  // Unauthenticated, like every probe: `security: []` says so in the OpenAPI document.
  const common = { tags: ['operations'], security: [] };
  app.get(
    '/healthz',
    { schema: { ...common, summary: 'Liveness probe', response: { 200: healthSchema } } },
    async () => ({ status: 'ok' as const }),
  );
  app.get(
    '/readyz',
    {
      schema: {
        ...common,
        summary: 'Readiness probe: the database answers',
        response: { 200: readySchema, 503: unavailableSchema },
      },
    },
    async (_request, reply) => {
      try {
        await sql`select 1`.execute(deps.store.db);
        return { status: 'ready' as const, database: deps.store.engine };
      } catch {
        return reply
          .code(503)
          .send({ status: 'unavailable', message: 'The database is unreachable.' });
      }
    },
  );
}
