import { createMemoryStore } from './memory-store.js';

/**
 * Where seen event ids are kept. Two calls, so any database with an atomic insert-if-absent
 * fits: Redis `SET key 1 NX EX ttl`, SQL `INSERT ... ON CONFLICT DO NOTHING` (see the README).
 */
export interface DedupStore {
  /**
   * Records `key` for `ttlSeconds` unless it is already recorded (and unexpired), atomically.
   *
   * @returns `true` when it was recorded now (first sight), `false` when it was already there
   */
  setIfAbsent(key: string, ttlSeconds: number): Promise<boolean>;
  /** Forgets `key`, so a failed event can be processed again when Hookline retries it. */
  delete(key: string): Promise<void>;
}

/** Options of {@link createDeduplicator}. */
export interface DeduplicatorOptions {
  /**
   * Where seen ids are kept.
   *
   * @defaultValue an in-memory LRU store of 10,000 ids ({@link createMemoryStore})
   */
  store?: DedupStore;
  /**
   * How long an event id is remembered. Hookline's default retries span about 2.6 hours
   * (1 min + 5 min + 30 min + 2 h) and a delivery can also be retried by hand later, so the
   * default keeps ids for a day.
   *
   * @defaultValue 86_400 (24 hours)
   */
  ttlSeconds?: number;
  /**
   * Prepended to every key, to share one Redis or table between several uses.
   *
   * @defaultValue '' (none)
   */
  keyPrefix?: string;
}

/** The outcome of {@link Deduplicator.once}. */
export type OnceResult<T> = { duplicate: true } | { duplicate: false; result: T };

/**
 * Drops repeated deliveries of the same event. Hookline delivers at least once (a timeout after
 * your handler finished still causes a retry), so handlers with side effects need this.
 */
export interface Deduplicator {
  /**
   * Claims an event id.
   *
   * @returns `true` the first time an id is seen, `false` for a duplicate
   */
  claim(eventId: string): Promise<boolean>;
  /** Releases a claimed id, so that a retry is processed again (after the handler failed). */
  release(eventId: string): Promise<void>;
  /**
   * Runs `handler` once per event id: claims the id, runs the handler, and releases the claim if
   * the handler throws (then rethrows, so you answer 5xx and Hookline retries).
   */
  once<T>(eventId: string, handler: () => T | Promise<T>): Promise<OnceResult<T>>;
}

/** The default time an event id is remembered: 24 hours. */
export const DEFAULT_DEDUP_TTL_SECONDS = 86_400;

/**
 * Creates a deduplicator keyed on the event id (the envelope's `id`, also sent as `webhook-id`).
 *
 * @example
 * ```ts
 * const dedup = createDeduplicator(); // in-memory; pass { store } for Redis or SQL
 * const event = constructEvent(rawBody, req.headers, secret);
 * const outcome = await dedup.once(event.id, () => fulfil(event));
 * res.status(200).json({ duplicate: outcome.duplicate });
 * ```
 */
export function createDeduplicator(options: DeduplicatorOptions = {}): Deduplicator {
  const store = options.store ?? createMemoryStore();
  const ttlSeconds = options.ttlSeconds ?? DEFAULT_DEDUP_TTL_SECONDS;
  const prefix = options.keyPrefix ?? '';
  if (!(ttlSeconds > 0)) throw new RangeError(`ttlSeconds must be positive, got ${ttlSeconds}`);

  const keyOf = (eventId: string): string => {
    if (typeof eventId !== 'string' || eventId === '') {
      throw new TypeError('An event id (a non-empty string) is required to deduplicate');
    }
    return prefix + eventId;
  };

  const deduplicator: Deduplicator = {
    // async, so a bad id rejects the promise like a store failure would, instead of throwing.
    claim: async (eventId) => store.setIfAbsent(keyOf(eventId), ttlSeconds),
    release: async (eventId) => store.delete(keyOf(eventId)),
    async once(eventId, handler) {
      if (!(await deduplicator.claim(eventId))) return { duplicate: true };
      try {
        return { duplicate: false, result: await handler() };
      } catch (error) {
        try {
          await deduplicator.release(eventId);
        } catch {
          // The handler's error is the one to report; the claim then lapses after ttlSeconds.
        }
        throw error;
      }
    },
  };
  return deduplicator;
}
