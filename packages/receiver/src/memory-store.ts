import type { DedupStore } from './deduplicator.js';

/** Options of {@link createMemoryStore}. */
export interface MemoryStoreOptions {
  /**
   * The most event ids kept; past it the least recently seen id is forgotten, which bounds memory
   * at the cost of missing a duplicate that arrives after that many newer events.
   *
   * @defaultValue 10_000
   */
  maxEntries?: number;
  /**
   * The current time in milliseconds, for tests.
   *
   * @defaultValue Date.now
   */
  now?: () => number;
}

/** The in-memory store, with its size for tests and metrics. */
export interface MemoryStore extends DedupStore {
  /** How many ids are held (expired ones included until they are touched or evicted). */
  readonly size: number;
}

/**
 * A bounded, in-process store of seen event ids: least-recently-used eviction plus a TTL per id.
 * Fine for one process; with several instances behind a load balancer use a shared store
 * (Redis, SQL; see the README), since each instance would only see its own duplicates.
 *
 * @example
 * ```ts
 * const dedup = createDeduplicator({ store: createMemoryStore({ maxEntries: 50_000 }) });
 * ```
 */
export function createMemoryStore(options: MemoryStoreOptions = {}): MemoryStore {
  const maxEntries = options.maxEntries ?? 10_000;
  const now = options.now ?? Date.now;
  if (!Number.isInteger(maxEntries) || maxEntries < 1) {
    throw new RangeError(`maxEntries must be a positive integer, got ${maxEntries}`);
  }
  // A Map iterates in insertion order, so re-inserting on each hit keeps the least recently
  // seen id first: eviction is then `keys().next()`, O(1).
  const expiries = new Map<string, number>();

  return {
    get size() {
      return expiries.size;
    },
    async setIfAbsent(key, ttlSeconds) {
      const at = now();
      const expiresAt = expiries.get(key);
      if (expiresAt !== undefined && expiresAt > at) {
        expiries.delete(key);
        expiries.set(key, expiresAt);
        return false;
      }
      expiries.delete(key);
      expiries.set(key, at + ttlSeconds * 1000);
      while (expiries.size > maxEntries) {
        const oldest = expiries.keys().next();
        if (oldest.done) break;
        expiries.delete(oldest.value);
      }
      return true;
    },
    async delete(key) {
      expiries.delete(key);
    },
  };
}
