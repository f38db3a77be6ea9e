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

export {
  type Deduplicator,
  type DeduplicatorOptions,
  type DedupStore,
  type OnceResult,
  createDeduplicator,
  DEFAULT_DEDUP_TTL_SECONDS,
} from './deduplicator.js';
export {
  isWebhookVerificationError,
  type VerificationFailureReason,
  WebhookVerificationError,
} from './errors.js';
export * from './events.js';
export type { HeaderSource, HeadersLike } from './headers.js';
export { createMemoryStore, type MemoryStore, type MemoryStoreOptions } from './memory-store.js';
export { parseEvent } from './parse-event.js';
export {
  DEFAULT_TOLERANCE_SECONDS,
  type RawBody,
  type Secret,
  type SignatureScheme,
  type SignedHeaders,
  type SignOptions,
  type VerifiedWebhook,
  type VerifyOptions,
} from './scheme.js';
export { signPayload } from './web/sign.js';
export { constructEvent, verify } from './web/verify.js';
