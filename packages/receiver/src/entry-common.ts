/**
 * What both entry points (`@hookline/receiver` on Node.js, `@hookline/receiver/web` on Web
 * Crypto) export alike: everything but signing and verifying, whose implementations differ
 * (synchronous `node:crypto` against promise-returning Web Crypto).
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
