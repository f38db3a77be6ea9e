import { loadProgram, programUpdateSchema, updateProgram } from '../../domain/program-settings.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { ok } from '../responses.js';

/** Program settings: `GET|PUT /v1/program` (name, website, currency, commission, review). */
export function registerProgramRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['program'];

  app.get(
    '/program',
    { schema: { tags, summary: 'Show the program and its settings' } },
    async (request) => ok(await loadProgram(db, principalOf(request).programId)),
  );

  app.put(
    '/program',
    {
      schema: {
        tags,
        summary: 'Update program settings (partial)',
        description:
          'Every field is optional. `commission` replaces the whole rule, overrides included. Settings apply to rewards created afterwards; existing rewards keep their amounts and review dates.',
        body: programUpdateSchema,
      },
    },
    async (request) =>
      ok(await updateProgram(db, principalOf(request).programId, request.body, deps.clock())),
  );
}
