import { z } from 'zod';
import { NotFoundError } from '../../domain/errors.js';
import { createApiKey, findApiKey, listApiKeys, revokeApiKey } from '../../programs/index.js';
import type { ApiKeySummary } from '../../programs/index.js';
import { formatNullableTimestamp, formatTimestamp } from '../../util/time.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { ok } from '../responses.js';
import { apiKeySchema, createdApiKeySchema } from './api-key-schemas.js';
import { dataOf } from './common-schemas.js';
import type { ApiKey } from './api-key-schemas.js';

const createBody = z.object({
  name: z.string().trim().min(1).max(100).describe('A label: who or what uses this key'),
});

const idParams = z.object({ id: z.string().min(1).max(64) });

function presentApiKey(key: ApiKeySummary): ApiKey {
  return {
    id: key.id,
    name: key.name,
    prefix: key.prefix,
    is_active: key.revokedAt === null,
    created_at: formatTimestamp(key.createdAt),
    last_used_at: formatNullableTimestamp(key.lastUsedAt),
    revoked_at: formatNullableTimestamp(key.revokedAt),
  };
}

/**
 * API keys of the caller's program: `GET|POST /v1/api-keys`, `GET|DELETE /v1/api-keys/{id}`.
 * Revoking is immediate: the key and every dashboard session opened with it stop working, and
 * the `hookline listen` listeners it owns stop (their queued deliveries are cancelled with the
 * reason "API key revoked"). Listener streams it opened, in any process sharing the database,
 * end at their next re-check (within 2 s, `SESSION_RECHECK_MS`).
 */
export function registerApiKeyRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['api-keys'];

  app.get(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'List API keys (label, prefix, created, last used, revoked), newest first',
        response: { 200: dataOf(z.array(apiKeySchema)) },
      },
    },
    async (request) =>
      ok((await listApiKeys(db, principalOf(request).programId)).map(presentApiKey)),
  );

  app.post(
    '/api-keys',
    {
      schema: {
        tags,
        summary: 'Create an API key; the answer is the only time the key is shown',
        body: createBody,
        response: { 201: dataOf(createdApiKeySchema) },
      },
    },
    async (request, reply) => {
      const { programId } = principalOf(request);
      const now = deps.clock();
      const created = await createApiKey(db, programId, { name: request.body.name, now });
      const key = await findApiKey(db, programId, created.id);
      if (!key) throw new NotFoundError('API key');
      return reply.code(201).send(ok({ ...presentApiKey(key), key: created.apiKey }));
    },
  );

  app.get(
    '/api-keys/:id',
    {
      schema: {
        tags,
        summary: 'Show one API key',
        params: idParams,
        response: { 200: dataOf(apiKeySchema) },
      },
    },
    async (request) => {
      const key = await findApiKey(db, principalOf(request).programId, request.params.id);
      if (!key) throw new NotFoundError('API key');
      return ok(presentApiKey(key));
    },
  );

  app.delete(
    '/api-keys/:id',
    {
      schema: {
        tags,
        summary:
          'Revoke an API key, end the dashboard sessions and listener streams opened with it, and stop its listeners',
        description:
          'The listeners whose newest session used this key are deactivated (`disabled_reason` "API key revoked") and their queued deliveries cancelled with that reason; their open streams, in any server process, end within seconds with a last `closed` event (`reason: api_key_revoked`).',
        params: idParams,
        response: { 200: dataOf(apiKeySchema) },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const key = await revokeApiKey(db, programId, request.params.id, deps.clock());
      if (!key) throw new NotFoundError('API key');
      return ok(presentApiKey(key));
    },
  );
}
