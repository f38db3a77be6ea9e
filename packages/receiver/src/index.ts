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
export { signPayload } from './sign.js';
export { constructEvent, verify } from './verify.js';
