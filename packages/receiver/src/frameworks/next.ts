/**
 * `@hookline/receiver/next`: a Next.js App Router route handler. It uses Web Crypto, so it runs
 * on both the Node.js and the edge runtime. Next.js is not imported: the handler takes a Fetch
 * `Request` and returns a `Response`, which is all a route handler is.
 *
 * @example
 * ```ts
 * // app/webhooks/hookline/route.ts
 * import { createNextRouteHandler } from '@hookline/receiver/next';
 * export const POST = createNextRouteHandler(process.env.HOOKLINE_SECRET!, async (event) => {
 *   if (event.event === 'customer.created') await addLead(event.data.key);
 * });
 * ```
 *
 * @module
 */

import type { HooklineEvent } from '../events.js';
import type { Secret } from '../scheme.js';
import { constructEvent } from '../web/verify.js';
import {
  acknowledgement,
  handleWebhook,
  jsonResponse,
  type WebhookHandlerOptions,
} from './handle.js';

/**
 * A handler of verified events. Return a `Response` to answer yourself; otherwise the reply is
 * `200 {"received":true}`.
 */
export type FetchWebhookHandler<Ctx = unknown> = (
  event: HooklineEvent,
  request: Request,
  context: Ctx,
) => unknown;

/**
 * Creates a route handler (`export const POST = ...`) that verifies each request (400 when it is
 * not signed correctly) and calls `handler` with the typed event. Errors thrown by the handler
 * propagate, so Next.js answers 500 and Hookline retries.
 *
 * @example
 * ```ts
 * export const POST = createNextRouteHandler(process.env.HOOKLINE_SECRET!, handle, {
 *   deduplicator: createDeduplicator(),
 * });
 * ```
 */
export function createNextRouteHandler<Ctx = unknown>(
  secret: Secret,
  handler: FetchWebhookHandler<Ctx>,
  options: WebhookHandlerOptions = {},
): (request: Request, context: Ctx) => Promise<Response> {
  return async (request, context) => {
    const outcome = await handleWebhook(
      async () => constructEvent(await request.arrayBuffer(), request.headers, secret, options),
      (event) => handler(event, request, context),
      options.deduplicator,
    );
    if (outcome.kind === 'rejected') return jsonResponse(outcome.status, outcome.body);
    if (outcome.kind === 'handled' && outcome.result instanceof Response) return outcome.result;
    return jsonResponse(200, acknowledgement(outcome));
  };
}
