/**
 * `@hookline/receiver/hono`: a Hono route handler. It uses Web Crypto, so it runs wherever Hono
 * does (Node.js, Bun, Deno, Cloudflare Workers). Hono is described structurally and never
 * imported, so it is not a dependency.
 *
 * @example
 * ```ts
 * import { Hono } from 'hono';
 * import { hooklineHono } from '@hookline/receiver/hono';
 * const app = new Hono();
 * app.post('/webhooks/hookline', hooklineHono(process.env.HOOKLINE_SECRET!, async (event) => {
 *   if (event.event === 'partner.approved') await welcome(event.data.email);
 * }));
 * ```
 *
 * @module
 */

import type { HooklineEvent } from '../events.js';
import type { HeadersLike } from '../headers.js';
import type { Secret } from '../scheme.js';
import { constructEvent } from '../web/verify.js';
import {
  acknowledgement,
  handleWebhook,
  jsonResponse,
  type WebhookHandlerOptions,
} from './handle.js';

/** The part of Hono's `Context` used here. */
export interface HonoContextLike {
  req: {
    /** The body as bytes; Hono caches it, so other middleware may have read it already. */
    arrayBuffer(): Promise<ArrayBuffer>;
    /** The Fetch request, for its headers. */
    raw: { headers: HeadersLike };
  };
}

/**
 * A handler of verified events. Return a `Response` (for example `c.json(...)`) to answer
 * yourself; otherwise the reply is `200 {"received":true}`.
 */
export type HonoWebhookHandler<C extends HonoContextLike> = (event: HooklineEvent, c: C) => unknown;

/**
 * Creates a Hono handler that verifies each request (400 when it is not signed correctly) and
 * calls `handler` with the typed event. Errors thrown by the handler propagate to Hono's error
 * handling (a 500, so Hookline retries).
 *
 * It reads the body as bytes (`c.req.arrayBuffer()`) rather than text, so the bytes verified are
 * exactly the bytes sent, whatever their encoding.
 */
export function hooklineHono<C extends HonoContextLike>(
  secret: Secret,
  handler: HonoWebhookHandler<C>,
  options: WebhookHandlerOptions = {},
): (c: C) => Promise<Response> {
  return async (c) => {
    const outcome = await handleWebhook(
      async () => constructEvent(await c.req.arrayBuffer(), c.req.raw.headers, secret, options),
      (event) => handler(event, c),
      options.deduplicator,
    );
    if (outcome.kind === 'rejected') return jsonResponse(outcome.status, outcome.body);
    if (outcome.kind === 'handled' && outcome.result instanceof Response) return outcome.result;
    return jsonResponse(200, acknowledgement(outcome));
  };
}
