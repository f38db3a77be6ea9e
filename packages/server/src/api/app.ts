import swagger from '@fastify/swagger';
import Fastify, { errorCodes } from 'fastify';
import type {
  FastifyBaseLogger,
  FastifyError,
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  RawReplyDefaultExpression,
  RawRequestDefaultExpression,
  RawServerDefault,
} from 'fastify';
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
} from 'fastify-type-provider-zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import type { $ZodType } from 'zod/v4/core';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { DeliveryServices } from '../dispatch/delivery-services.js';
import type { DeliveryWakeup } from '../outbox/outbox.js';
import type { Database, Store } from '../storage/index.js';
import { systemClock } from '../util/time.js';
import type { Clock } from '../util/time.js';
import { VERSION } from '../version.js';
import { configureSecretsAtRest } from '../webhooks/secrets-at-rest.js';
import { createAuthHook } from './auth.js';
import { trustFunctionOf } from './client-address.js';
import type { Authenticator } from './auth.js';
import { firstFieldErrors, httpErrorOf } from './errors.js';
import { createJsonBodyParser } from './json-body.js';
import { storageErrorOf } from './storage-errors.js';
import { normaliseRequest, parseQueryString, prepareForSchema } from './request-normalisation.js';
import { validationErrorsOf } from './validation-errors.js';
import { errorResponses } from './routes/common-schemas.js';
import { registerEventBatchRoute } from './routes/publish-batch.js';
import { registerEventRoutes } from './routes/publish.js';
import { registerEventTypeRoutes } from './routes/event-types.js';
import { registerHealthRoutes } from './routes/health.js';
import { registerWebhookRoutes } from './routes/webhooks.js';
import { registerDeliveryRoutes } from './routes/deliveries.js';
import { registerWebhookActionRoutes } from './routes/webhook-actions.js';
import { registerWebhookLifecycleRoutes } from './routes/webhook-lifecycle.js';
import { registerMetricsRoutes } from './routes/metrics.js';
import { registerListenerRoutes } from './routes/listeners.js';
import { registerFinishRotationRoute } from './routes/finish-rotation.js';
import { registerPartnerRoutes } from './routes/partners.js';
import { registerCustomerRoutes } from './routes/customers.js';
import { registerTransactionRoutes } from './routes/transactions.js';
import { registerRewardRoutes } from './routes/rewards.js';
import { registerProgramRoutes } from './routes/program.js';
import { registerApiKeyRoutes } from './routes/api-keys.js';
import { registerServiceRoutes } from './routes/service.js';
import { registerApiRateLimit, registerAuthFailureLimit } from './rate-limits.js';
import { registerProgramEventRoutes } from './routes/program-events.js';
import { registerLeadRoutes } from './routes/leads.js';
import { registerPayoutRequestRoutes } from './routes/payout-requests.js';
import { registerPartnerRewardRoutes } from './routes/partner-rewards.js';
import { registerSubscriberRoutes } from './routes/subscribers.js';
import { registerCustomerBalanceRoutes } from './routes/customer-balance.js';
import { registerReferralLinkRoutes } from './routes/referral-links.js';
import { registerLegacyCustomerRoutes } from './routes/legacy-customer.js';
import { registerCouponRoutes } from './routes/coupons.js';

/** What the API needs from the rest of the service. */
export interface AppDeps {
  readonly config: Config;
  readonly store: Store;
  /** Structured logger; `false` silences request logs (tests). */
  readonly logger: Logger | false;
  /** Wakes the dispatcher after a commit that created deliveries. */
  readonly wakeup: DeliveryWakeup;
  readonly clock?: Clock;
  /** Extra ways to authenticate `/v1` requests (the dashboard's session). */
  readonly authenticators?: readonly Authenticator[];
  /** Extra plugins registered at the root (dashboard, metrics), after the API. */
  readonly plugins?: readonly ((app: Api, deps: ResolvedDeps) => Promise<void> | void)[];
  /** Extra plugins registered inside the authenticated `/v1` scope. */
  readonly v1Plugins?: readonly ((v1: Api, deps: ResolvedDeps) => Promise<void> | void)[];
  /** Sender, delivery events and metrics shared with the dispatcher (created on demand if absent). */
  readonly delivery?: DeliveryServices;
  /**
   * Steps a plugin adds to `PUT /v1/program` (and `/v1/settings`): each runs inside the
   * program's own transaction, so a change the program refuses rolls them back too (the
   * portal's postback policy fields, for one).
   */
  readonly programChangeSteps?: readonly ProgramChangeStep[];
}

/** One step of {@link AppDeps.programChangeSteps}: writes what the request asks, in `trx`. */
export type ProgramChangeStep = (
  request: FastifyRequest,
  trx: Kysely<Database>,
  programId: string,
  now: number,
) => Promise<void>;

/** {@link AppDeps} with defaults applied; what route modules receive. */
export interface ResolvedDeps extends AppDeps {
  readonly clock: Clock;
}

/** The Fastify instance with zod typing. */
export type Api = FastifyInstance<
  RawServerDefault,
  RawRequestDefaultExpression,
  RawReplyDefaultExpression,
  FastifyBaseLogger,
  ZodTypeProvider
>;

/** The type of every JSON answer, without a charset parameter (see the `onSend` hook). */
export const JSON_TYPE = 'application/json';

/** Largest accepted request body (1 MiB); larger ones get a 413. */
export const BODY_LIMIT = 1_048_576;

/**
 * Builds the HTTP application without binding a port, so tests drive it with `inject()`.
 *
 * @example
 * const app = await createApp({ config, store, logger: false, wakeup: noWakeup });
 * const res = await app.inject({ method: 'GET', url: '/healthz' });
 */
export async function createApp(deps: AppDeps): Promise<Api> {
  const resolved: ResolvedDeps = { ...deps, clock: deps.clock ?? systemClock };
  configureSecretsAtRest(deps.config);
  const app = Fastify({
    ...(deps.logger ? { loggerInstance: deps.logger } : { logger: false }),
    bodyLimit: BODY_LIMIT,
    return503OnClosing: true,
    trustProxy: trustFunctionOf(deps.config.trustProxy),
    // Router-level rejections (bad URL encoding, over-long parameters) in our error shape.
    frameworkErrors: (error, _request, reply) => {
      const tooLong = error.code === 'FST_ERR_MAX_PARAM_LENGTH';
      void (reply as FastifyReply)
        .code(tooLong ? 414 : 400)
        .send({ message: tooLong ? 'The request URL is too long.' : 'Malformed request URL.' });
    },
    // Path parameters past 500 characters are a 404 rather than a crash.
    // A repeated query parameter takes its last value; `""` is null (Laravel semantics).
    routerOptions: {
      ignoreTrailingSlash: true,
      maxParamLength: 500,
      querystringParser: parseQueryString,
    },
  }).withTypeProvider<ZodTypeProvider>() as unknown as Api;

  // A GET's JSON body is input, as in Laravel (Partnero's PHP SDK sends its lookups and filters
  // that way): Fastify parses GET bodies like DELETE ones, and the preValidation hook merges them
  // into the query (mergeJsonInput).
  app.addHttpMethod('GET', { hasBody: true, overrideExisting: true });
  // What no parser claims: a GET's body is ignored, as Laravel reads only the query of a non-JSON
  // GET (a form Content-Type on a bodyless GET must keep working); the stream is drained without
  // buffering. Any other method gets the 415 Fastify gives when no parser matches.
  app.addContentTypeParser('*', (request, payload, done) => {
    if (request.method !== 'GET') {
      done(new errorCodes.FST_ERR_CTP_INVALID_MEDIA_TYPE(request.headers['content-type']));
      return;
    }
    payload.resume();
    done(null, undefined);
  });

  // A bodyless request with a JSON Content-Type has an empty body (clients that always send the
  // header: SDKs, n8n, curl with a shared header list). Malformed JSON stays a 400, and so does
  // nesting past MAX_JSON_DEPTH, refused before anything recurses into the body.
  const parseJson = createJsonBodyParser(app.getDefaultJsonParser('error', 'error'));
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) =>
    parseJson(request, body as string, done),
  );
  app.setValidatorCompiler<$ZodType>((route) => {
    const validate = validatorCompiler(route);
    return (data) => validate(prepareForSchema(route.schema, data, route.httpPart));
  });
  app.addHook('preValidation', normaliseRequest);
  // Answers are typed exactly `application/json`, as Laravel types them: Partnero's PHP SDK
  // decodes a body only for that exact value (`match ($contentType)`), and a charset parameter
  // left every answer a raw string. JSON is UTF-8 by definition (RFC 8259), so nothing is lost.
  // Other types (the SSE stream, static files) are left alone.
  app.addHook('onSend', async (_request, reply, payload) => {
    const type = reply.getHeader('content-type');
    if (typeof type === 'string' && /^application\/json\s*;/i.test(type)) {
      void reply.header('content-type', JSON_TYPE);
    }
    return payload;
  });
  app.setSerializerCompiler(serializerCompiler);
  app.decorateRequest('principal', null);

  // The error answers are declared here, once, for every route with a schema (plugins' routes
  // included): a route declares only its successes, and may override an error code it answers
  // in a shape of its own.
  app.addHook('onRoute', (route) => {
    const schema = route.schema as
      | { hide?: boolean; response?: Record<string, unknown> }
      | undefined;
    if (!schema || schema.hide) return;
    schema.response = { ...errorResponses, ...schema.response };
  });

  const knownRoutes: { method: string; pattern: RegExp }[] = [];
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    const pattern = new RegExp(
      `^${route.url.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/:[A-Za-z_]+/g, '[^/]+')}/?$`,
    );
    for (const method of methods) knownRoutes.push({ method, pattern });
  });

  registerAuthFailureLimit(app, resolved);
  app.setErrorHandler((error: FastifyError, request, reply) => {
    // Error bodies are built here, field names and all; the route's response schema would
    // re-parse `errors` and lose a field named `__proto__` (the parameter a client sent).
    void reply.type(JSON_TYPE).serializer(JSON.stringify);
    try {
      return renderError(error, request, reply, deps.logger);
    } catch (failure) {
      // A fault while rendering must not fall through to Fastify's own error body, which has
      // another shape and carries the internal message.
      logUnhandled(failure, request, deps.logger);
      return reply.code(500).send({ message: 'Internal server error.' });
    }
  });
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split('?')[0] ?? '/';
    const allowed = knownRoutes.filter((r) => r.pattern.test(path)).map((r) => r.method);
    if (allowed.length > 0) {
      void reply
        .code(405)
        .header('allow', [...new Set(allowed)].join(', '))
        .send({ message: `The ${request.method} method is not supported for this route.` });
      return;
    }
    void reply.code(404).send({ message: 'Not found.' });
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Hookline API',
        version: VERSION,
        description:
          'Outgoing webhooks for partner programs. Partnero-compatible webhooks API, delivery logs and partner-program resources.',
      },
      components: {
        securitySchemes: {
          bearer: { type: 'http', scheme: 'bearer' },
          portalSession: { type: 'apiKey', in: 'cookie', name: 'hookline_portal' },
        },
      },
      security: [{ bearer: [] }],
    },
    transform: jsonSchemaTransform,
  });

  registerHealthRoutes(app, resolved);
  registerMetricsRoutes(app, resolved);
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());

  await app.register(
    async (v1) => {
      v1.addHook('onRequest', createAuthHook(deps.store.db, deps.authenticators));
      await registerApiRateLimit(v1 as Api, resolved);
      registerWebhookRoutes(v1 as Api, resolved);
      registerEventTypeRoutes(v1 as Api, resolved);
      registerEventRoutes(v1 as Api, resolved);
      registerEventBatchRoute(v1 as Api, resolved);
      registerDeliveryRoutes(v1 as Api, resolved);
      registerWebhookActionRoutes(v1 as Api, resolved);
      registerFinishRotationRoute(v1 as Api, resolved);
      registerWebhookLifecycleRoutes(v1 as Api, resolved);
      registerProgramRoutes(v1 as Api, resolved);
      registerPartnerRoutes(v1 as Api, resolved);
      registerCustomerRoutes(v1 as Api, resolved);
      registerTransactionRoutes(v1 as Api, resolved);
      registerReferralLinkRoutes(v1 as Api, resolved);
      registerLegacyCustomerRoutes(v1 as Api, resolved);
      registerRewardRoutes(v1 as Api, resolved);
      registerProgramEventRoutes(v1 as Api, resolved);
      registerLeadRoutes(v1 as Api, resolved);
      registerPayoutRequestRoutes(v1 as Api, resolved);
      registerPartnerRewardRoutes(v1 as Api, resolved);
      registerSubscriberRoutes(v1 as Api, resolved);
      registerCustomerBalanceRoutes(v1 as Api, resolved);
      registerCouponRoutes(v1 as Api, resolved);
      registerListenerRoutes(v1 as Api, resolved);
      registerApiKeyRoutes(v1 as Api, resolved);
      registerServiceRoutes(v1 as Api, resolved);
      for (const plugin of deps.v1Plugins ?? []) await plugin(v1 as Api, resolved);
    },
    { prefix: '/v1' },
  );
  for (const plugin of deps.plugins ?? []) await plugin(app, resolved);
  return app;
}

/** The central error handler: every error becomes the stable `{message, errors?}` body. */
function renderError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
  logger: Logger | false,
): FastifyReply {
  const known = httpErrorOf(error);
  if (known) {
    if (known.headers) void reply.headers(known.headers);
    return reply
      .code(known.statusCode)
      .send(
        known.errors
          ? { message: known.message, errors: known.errors }
          : { message: known.message },
      );
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const errors = validationErrorsOf(error, request);
    const first = Object.values(errors)[0]?.[0] ?? 'The given data was invalid.';
    return reply.code(422).send({ message: first, errors: firstFieldErrors(errors) });
  }
  const refused = storageErrorOf(error);
  if (refused) return reply.code(422).send({ message: refused, errors: { request: [refused] } });
  switch (error.code) {
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return reply.code(413).send({ message: 'The request body is larger than 1 MiB.' });
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return reply.code(415).send({
        message: 'Unsupported Content-Type. Send JSON with Content-Type: application/json.',
      });
    case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      return reply
        .code(400)
        .send({ message: 'The request body is empty but Content-Type is JSON.' });
    case 'FST_ERR_CTP_INVALID_JSON_BODY':
      return reply.code(400).send({ message: 'Malformed JSON in the request body.' });
  }
  if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH') {
    return reply.code(400).send({ message: 'Malformed request body.' });
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    return reply.code(status).send({ message: error.message });
  }
  logUnhandled(error, request, logger);
  return reply.code(500).send({ message: 'Internal server error.' });
}

/** An unexpected fault is logged in full; the client sees only the documented 500 body. */
function logUnhandled(error: unknown, request: FastifyRequest, logger: Logger | false): void {
  if (logger) logger.error({ err: error, reqId: request.id }, 'unhandled error');
  else console.error(error);
}
