/**
 * `@hookline/receiver/express`: Express helpers (tested with Express 5). The signature covers
 * the raw body, so the helpers need it unparsed: mount them before `express.json()`, or on a
 * route with `express.raw({ type: 'application/json' })`. Either works; an already-parsed body is
 * refused with a message saying so.
 *
 * Express is described structurally here and never imported, so it is not a dependency.
 *
 * @example
 * ```ts
 * import express from 'express';
 * import { hooklineExpress } from '@hookline/receiver/express';
 * const app = express();
 * app.post('/webhooks/hookline', hooklineExpress(process.env.HOOKLINE_SECRET!, async (event) => {
 *   if (event.event === 'reward.paid') await markPaid(event.data.id);
 * }));
 * app.use(express.json()); // other routes may parse JSON as usual
 * ```
 *
 * @module
 */

import { parseEvent } from '../parse-event.js';
import type { Secret, VerifyOptions } from '../scheme.js';
import type { HooklineEvent } from '../events.js';
import { verify } from '../verify.js';
import { WebhookVerificationError } from '../errors.js';
import { acknowledgement, handleWebhook, type WebhookHandlerOptions } from './handle.js';
import {
  type NodeRequestLike,
  type NodeResponseLike,
  type ReadRawBodyOptions,
  readRawBody,
  sendJson,
} from './node.js';

/** The part of an Express request used here. */
export interface ExpressRequestLike extends NodeRequestLike {
  /** Set by body parsers: a `Buffer` from `express.raw()`, or a parsed object. */
  body?: unknown;
  /** Set by {@link hooklineMiddleware} to the verified event. */
  hooklineEvent?: HooklineEvent;
}

/** The part of an Express response used here (Node's `ServerResponse` API). */
export type ExpressResponseLike = NodeResponseLike;

/** Express's `next` function. */
export type ExpressNext = (error?: unknown) => void;

/** An Express request after {@link hooklineMiddleware}: `hooklineEvent` is set. */
export type HooklineExpressRequest<Req extends ExpressRequestLike = ExpressRequestLike> = Req & {
  hooklineEvent: HooklineEvent;
};

/** Options of the Express helpers. */
export type ExpressHelperOptions = WebhookHandlerOptions & ReadRawBodyOptions;

/**
 * The raw body of an Express request: the `Buffer` (or string) left by `express.raw()` /
 * `express.text()`, else read from the stream. A body an earlier parser turned into an object is
 * refused, since its signed bytes are gone.
 */
export async function expressRawBody(
  req: ExpressRequestLike,
  options: ReadRawBodyOptions = {},
): Promise<Uint8Array | string> {
  const { body } = req;
  if (body instanceof Uint8Array || typeof body === 'string') return body;
  if (req.readableEnded || (body !== undefined && body !== null)) {
    throw new WebhookVerificationError(
      'invalid_body',
      'req.body was already parsed (by express.json()?), so the signed bytes are lost. Mount the Hookline handler before express.json(), or use express.raw({ type: "application/json" }) on its route.',
    );
  }
  return readRawBody(req, options);
}

/**
 * Express middleware that verifies the request and sets `req.hooklineEvent`, then calls
 * `next()`; a request that is not signed correctly is answered 400 and goes no further.
 * Deduplicate in your route with `deduplicator.once(event.id, ...)`.
 *
 * @example
 * ```ts
 * app.post('/webhooks/hookline', hooklineMiddleware(secret), (req, res) => {
 *   const event = (req as HooklineExpressRequest).hooklineEvent;
 *   res.sendStatus(204);
 * });
 * ```
 */
export function hooklineMiddleware<Req extends ExpressRequestLike, Res extends ExpressResponseLike>(
  secret: Secret,
  options: VerifyOptions & ReadRawBodyOptions = {},
): (req: Req, res: Res, next: ExpressNext) => Promise<void> {
  return async (req, res, next) => {
    let event: HooklineEvent;
    try {
      event = parseEvent(verify(await expressRawBody(req, options), req.headers, secret, options));
    } catch (error) {
      if (error instanceof WebhookVerificationError) {
        sendJson(res, 400, { error: error.reason, message: error.message });
      } else {
        next(error);
      }
      return;
    }
    req.hooklineEvent = event;
    next();
  };
}

/**
 * An Express route handler that verifies each request (400 when it is not signed correctly) and
 * calls `handler` with the typed event. Unless the handler answered itself, the reply is
 * `200 {"received":true}`. Errors thrown by the handler go to Express's error handling (a 500,
 * so Hookline retries).
 *
 * @example
 * ```ts
 * const dedup = createDeduplicator();
 * app.post('/webhooks/hookline', hooklineExpress(secret, handle, { deduplicator: dedup }));
 * ```
 */
export function hooklineExpress<Req extends ExpressRequestLike, Res extends ExpressResponseLike>(
  secret: Secret,
  handler: (event: HooklineEvent, req: Req, res: Res) => unknown,
  options: ExpressHelperOptions = {},
): (req: Req, res: Res, next: ExpressNext) => Promise<void> {
  return async (req, res, next) => {
    try {
      const outcome = await handleWebhook(
        async () =>
          parseEvent(verify(await expressRawBody(req, options), req.headers, secret, options)),
        (event) => {
          req.hooklineEvent = event;
          return handler(event, req, res);
        },
        options.deduplicator,
      );
      if (res.headersSent) return;
      if (outcome.kind === 'rejected') sendJson(res, outcome.status, outcome.body);
      else sendJson(res, 200, acknowledgement(outcome));
    } catch (error) {
      next(error);
    }
  };
}
