/**
 * `@hookline/receiver`: verify Hookline webhooks on Node.js (18+) with `node:crypto`.
 * For runtimes with only Web Crypto import `@hookline/receiver/web`; for framework helpers
 * import `@hookline/receiver/express`, `/fastify`, `/hono`, `/next` or `/node`.
 *
 * @example
 * ```ts
 * import { constructEvent } from '@hookline/receiver';
 * const event = constructEvent(rawBody, req.headers, process.env.HOOKLINE_SECRET!);
 * ```
 *
 * @module
 */

export * from './entry-common.js';
export { signPayload } from './sign.js';
export { constructEvent, verify } from './verify.js';
