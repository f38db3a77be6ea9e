import { sql } from 'kysely';
import type { Api, ResolvedDeps } from '../app.js';

/** `GET /healthz` (the process answers) and `GET /readyz` (the database answers too). */
export function registerHealthRoutes(app: Api, deps: ResolvedDeps): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_request, reply) => {
    try {
      await sql`select 1`.execute(deps.store.db);
      return { status: 'ready', database: deps.store.engine };
    } catch {
      return reply
        .code(503)
        .send({ status: 'unavailable', message: 'The database is unreachable.' });
    }
  });
}
