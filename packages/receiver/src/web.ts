/**
 * `@hookline/receiver/web`: verify Hookline webhooks on runtimes with only Web Crypto
 * (Cloudflare Workers, Deno, Bun, browsers, the Next.js edge runtime). The same API as the main
 * entry point, except that `verify`, `constructEvent` and `signPayload` return promises.
 *
 * @example
 * ```ts
 * import { constructEvent } from '@hookline/receiver/web';
 * export default {
 *   async fetch(request: Request, env: { HOOKLINE_SECRET: string }) {
 *     const event = await constructEvent(await request.arrayBuffer(), request.headers, env.HOOKLINE_SECRET);
 *     return new Response(null, { status: 204 });
 *   },
 * };
 * ```
 *
 * @module
 */

export * from './entry-common.js';
export { signPayload } from './web/sign.js';
export { constructEvent, verify } from './web/verify.js';
