import { loadProgram, programUpdateSchema, updateProgram } from '../../domain/program-settings.js';
import type { ProgramUpdate } from '../../domain/program-settings.js';
import type { FastifyRequest } from 'fastify';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { ok } from '../responses.js';
import { statusOnly } from './common-schemas.js';
import { programResponseSchema } from './program-schemas.js';

/**
 * `PUT /v1/settings` (Partnero's PHP SDK `settings()->update([...])` sends
 * `{"settings": {...}}`): the fields of `PUT /v1/program`, wrapped or flat.
 */
const settingsUpdateBody = programUpdateSchema.extend({
  settings: programUpdateSchema
    .optional()
    .describe("Partnero's wrapper; its fields win over the same fields given flat."),
});

/**
 * Program settings: `GET|PUT /v1/program` (name, website, currency, commission, review), its
 * alias `PUT /v1/settings` in Partnero's shape, and Partnero's `GET /v1/test`, which its clients
 * call to check an API key.
 */
export function registerProgramRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  /**
   * Applies a program update with the plugins' steps (AppDeps.programChangeSteps) in its
   * transaction: both routes change the program this one way.
   */
  const change = (request: FastifyRequest, update: ProgramUpdate) => {
    const { programId } = principalOf(request);
    const now = deps.clock();
    return updateProgram(db, programId, update, now, async (trx) => {
      for (const step of deps.programChangeSteps ?? []) await step(request, trx, programId, now);
    });
  };
  const tags = ['program'];

  // Authentication runs before every /v1 route: reaching this handler is the answer.
  app.get(
    '/test',
    {
      schema: {
        tags,
        summary: 'Check an API key (Partnero; n8n credential test): 200 with a valid key, else 401',
        response: { 200: statusOnly },
      },
    },
    async () => ({ status: 1 as const }),
  );

  app.get(
    '/program',
    {
      schema: {
        tags,
        summary: 'Show the program and its settings',
        response: { 200: programResponseSchema },
      },
    },
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
        response: { 200: programResponseSchema },
      },
    },
    async (request) => ok(await change(request, request.body)),
  );

  app.put(
    '/settings',
    {
      schema: {
        tags,
        summary: 'Update program settings (Partnero SDK alias of PUT /v1/program)',
        description:
          'The same change as `PUT /v1/program`, in the shape of Partnero\'s SDKs: `{"settings": {...}}` (the same fields flat are accepted too). The field names are Hookline\'s (`website_url`, `default_currency`, `commission`, ...); the answer is the program.',
        body: settingsUpdateBody,
        response: { 200: programResponseSchema },
      },
    },
    async (request) => {
      const { settings, ...flat } = request.body;
      const update = { ...flat, ...settings };
      return ok(await change(request, update));
    },
  );
}
