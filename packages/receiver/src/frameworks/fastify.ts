/**
 * `@hookline/receiver/fastify`: a Fastify plugin (tested with Fastify 5). Register it and it
 * adds one route whose JSON bodies are kept as raw bytes; the parser is scoped to the plugin
 * (Fastify encapsulation), so the rest of the app still parses JSON as usual.
 *
 * Fastify is described structurally and never imported, so it is not a dependency.
 *
 * @example
 * ```ts
 * import Fastify from 'fastify';
 * import { hooklineFastify } from '@hookline/receiver/fastify';
 * const app = Fastify();
 * await app.register(hooklineFastify({
 *   secret: process.env.HOOKLINE_SECRET!,
 *   path: '/webhooks/hookline',
 *   handler: async (event) => { if (event.event === 'reward.paid') await markPaid(event.data.id); },
 * }));
 * ```
 *
 * @module
 */

import type { HooklineEvent } from '../events.js';
import type { HeaderSource } from '../headers.js';
import { parseEvent } from '../parse-event.js';
import type { Secret } from '../scheme.js';
import { verify } from '../verify.js';
import { acknowledgement, handleWebhook, type WebhookHandlerOptions } from './handle.js';

/** The part of a Fastify request used here. */
export interface FastifyRequestLike {
  headers: HeaderSource;
  body: unknown;
}

/** The part of a Fastify reply used here. */
export interface FastifyReplyLike {
  readonly sent: boolean;
  code(statusCode: number): FastifyReplyLike;
  send(payload?: unknown): FastifyReplyLike;
}

/** The part of a Fastify instance used here. */
export interface FastifyInstanceLike {
  addContentTypeParser(
    contentType: string,
    opts: { parseAs: 'buffer'; bodyLimit?: number },
    parser: (
      request: never,
      body: Buffer,
      done: (error: Error | null, body?: unknown) => void,
    ) => void,
  ): void;
  hasContentTypeParser(contentType: string): boolean;
  removeContentTypeParser(contentType: string): void;
  post(
    path: string,
    handler: (request: FastifyRequestLike, reply: FastifyReplyLike) => Promise<unknown>,
  ): unknown;
}

/**
 * Makes `application/json` bodies arrive as a raw `Buffer` in `request.body`, for routes
 * registered on the same (encapsulated) instance after this call. Use it to write your own
 * route; {@link hooklineFastify} calls it for you.
 *
 * @example
 * ```ts
 * app.register(async (scope) => {
 *   addRawJsonParser(scope);
 *   scope.post('/hooks', async (request) => constructEvent(request.body as Buffer, request.headers, secret));
 * });
 * ```
 */
export function addRawJsonParser(
  instance: FastifyInstanceLike,
  options: { bodyLimit?: number } = {},
): void {
  // Fastify ships a JSON parser; a scope must drop it before adding its own for the same type.
  if (instance.hasContentTypeParser('application/json')) {
    instance.removeContentTypeParser('application/json');
  }
  const opts: { parseAs: 'buffer'; bodyLimit?: number } = { parseAs: 'buffer' };
  if (options.bodyLimit !== undefined) opts.bodyLimit = options.bodyLimit;
  instance.addContentTypeParser('application/json', opts, (_request, body, done) =>
    done(null, body),
  );
}

/** Options of {@link hooklineFastify}. */
export interface HooklineFastifyOptions extends WebhookHandlerOptions {
  /** The webhook's secret, or several during a rotation. */
  secret: Secret;
  /**
   * Called with each verified event. Send a reply yourself, or leave the `200 {"received":true}`
   * to the plugin. Errors thrown here reach Fastify's error handler (a 500, so Hookline retries).
   */
  handler: (event: HooklineEvent, request: FastifyRequestLike, reply: FastifyReplyLike) => unknown;
  /**
   * The path of the webhook route.
   *
   * @defaultValue '/webhooks/hookline'
   */
  path?: string;
  /**
   * The largest body accepted, in bytes.
   *
   * @defaultValue Fastify's `bodyLimit` (1 MiB unless configured)
   */
  bodyLimit?: number;
}

/**
 * Creates a Fastify plugin that adds a `POST` route verifying Hookline webhooks: 400 when a
 * request is not signed correctly, else the handler runs with the typed event.
 */
export function hooklineFastify(
  options: HooklineFastifyOptions,
): (instance: FastifyInstanceLike) => Promise<void> {
  const { secret, handler, path = '/webhooks/hookline' } = options;
  return async (instance) => {
    addRawJsonParser(
      instance,
      options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit },
    );
    instance.post(path, async (request, reply) => {
      const outcome = await handleWebhook(
        () => parseEvent(verify(rawBodyOf(request), request.headers, secret, options)),
        (event) => handler(event, request, reply),
        options.deduplicator,
      );
      if (reply.sent) return reply;
      if (outcome.kind === 'rejected') return reply.code(outcome.status).send(outcome.body);
      return reply.code(200).send(acknowledgement(outcome));
    });
  };
}

function rawBodyOf(request: FastifyRequestLike): Buffer | string {
  const { body } = request;
  // A body-less POST or another content type reaches here as undefined or a string; verify()
  // explains the failure.
  return body === undefined ? '' : (body as Buffer | string);
}
