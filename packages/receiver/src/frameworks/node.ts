/**
 * `@hookline/receiver/node`: helpers for a plain `node:http` server (and anything built on its
 * request object). They read the raw body themselves, so no body parser can get in the way.
 *
 * @example
 * ```ts
 * import { createServer } from 'node:http';
 * import { createNodeHandler } from '@hookline/receiver/node';
 * createServer(createNodeHandler(process.env.HOOKLINE_SECRET!, async (event) => {
 *   console.log(event.event, event.id);
 * })).listen(3000);
 * ```
 *
 * @module
 */

import { WebhookVerificationError } from '../errors.js';
import type { HooklineEvent } from '../events.js';
import type { HeaderSource } from '../headers.js';
import { parseEvent } from '../parse-event.js';
import type { Secret, VerifiedWebhook, VerifyOptions } from '../scheme.js';
import { verify } from '../verify.js';
import { acknowledgement, handleWebhook, type WebhookHandlerOptions } from './handle.js';

/**
 * The part of Node's `IncomingMessage` these helpers use; Express and Fastify (`request.raw`)
 * requests fit too.
 */
export interface NodeRequestLike extends AsyncIterable<unknown> {
  headers: HeaderSource;
  /** `true` once the body stream was read to its end, for example by a body parser. */
  readableEnded?: boolean;
}

/** The part of Node's `ServerResponse` these helpers use. */
export interface NodeResponseLike {
  statusCode: number;
  readonly headersSent: boolean;
  setHeader(name: string, value: string): unknown;
  end(chunk?: string): unknown;
}

/** Options of {@link readRawBody}. */
export interface ReadRawBodyOptions {
  /**
   * The largest body accepted, in bytes; a larger one is refused with `invalid_body`.
   *
   * @defaultValue 10 MiB
   */
  limit?: number;
}

/** The default body limit of {@link readRawBody}: 10 MiB, far above any Hookline event. */
export const DEFAULT_BODY_LIMIT = 10 * 1024 * 1024;

/**
 * Reads a request's body as raw bytes, before anything parses it.
 *
 * @throws WebhookVerificationError `invalid_body` when the body was already consumed or is
 *   larger than `limit`
 *
 * @example
 * ```ts
 * const rawBody = await readRawBody(req);
 * const { body } = verify(rawBody, req.headers, secret);
 * ```
 */
export async function readRawBody(
  req: NodeRequestLike,
  options: ReadRawBodyOptions = {},
): Promise<Buffer> {
  const limit = options.limit ?? DEFAULT_BODY_LIMIT;
  if (req.readableEnded) {
    throw new WebhookVerificationError(
      'invalid_body',
      'The request body was already read (by a body parser?): read the raw body before any parser runs',
    );
  }
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    const buffer =
      typeof chunk === 'string' ? Buffer.from(chunk) : Buffer.from(chunk as Uint8Array);
    size += buffer.length;
    if (size > limit) {
      throw new WebhookVerificationError(
        'invalid_body',
        `The request body is larger than ${limit} bytes`,
      );
    }
    chunks.push(buffer);
  }
  return Buffer.concat(chunks, size);
}

/**
 * Reads and verifies a `node:http` request; parse the returned body with `parseEvent`.
 *
 * @example
 * ```ts
 * const verified = await verifyNodeRequest(req, process.env.HOOKLINE_SECRET!);
 * const event = parseEvent(verified);
 * ```
 */
export async function verifyNodeRequest(
  req: NodeRequestLike,
  secret: Secret,
  options?: VerifyOptions & ReadRawBodyOptions,
): Promise<VerifiedWebhook> {
  return verify(await readRawBody(req, options), req.headers, secret, options);
}

/** A handler of verified events; it may answer itself, or leave the 200 to the helper. */
export type NodeWebhookHandler<Req, Res> = (event: HooklineEvent, req: Req, res: Res) => unknown;

/** Options of {@link createNodeHandler}. */
export interface NodeHandlerOptions extends WebhookHandlerOptions, ReadRawBodyOptions {
  /**
   * Called with an error thrown by the handler, after a 500 was sent (so Hookline retries).
   *
   * @defaultValue console.error
   */
  onError?: (error: unknown) => void;
}

/**
 * Creates a `node:http` request listener that verifies each request, answers 400 when it is not
 * signed correctly, and otherwise calls `handler` with the typed event. Unless the handler
 * answered itself, the reply is `200 {"received":true}`; a handler that throws gets a 500.
 *
 * @example
 * ```ts
 * createServer(createNodeHandler(secret, (event) => queue.push(event))).listen(3000);
 * ```
 */
export function createNodeHandler<Req extends NodeRequestLike, Res extends NodeResponseLike>(
  secret: Secret,
  handler: NodeWebhookHandler<Req, Res>,
  options: NodeHandlerOptions = {},
): (req: Req, res: Res) => Promise<void> {
  const onError = options.onError ?? ((error: unknown) => console.error(error));
  return async (req, res) => {
    try {
      const outcome = await handleWebhook(
        async () => parseEvent(await verifyNodeRequest(req, secret, options)),
        (event) => handler(event, req, res),
        options.deduplicator,
      );
      if (res.headersSent) return;
      if (outcome.kind === 'rejected') sendJson(res, outcome.status, outcome.body);
      else sendJson(res, 200, acknowledgement(outcome));
    } catch (error) {
      if (!res.headersSent) sendJson(res, 500, { error: 'handler_failed' });
      onError(error);
    }
  };
}

/** Writes a JSON response with Node's response API (which Express's extends). */
export function sendJson(res: NodeResponseLike, status: number, body: unknown): void {
  res.statusCode = status;
  res.setHeader('content-type', 'application/json; charset=utf-8');
  res.end(JSON.stringify(body));
}
