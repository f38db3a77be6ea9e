import rateLimit from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { RateLimit } from '../config/config.js';
import type { Api, ResolvedDeps } from './app.js';
import { HttpError } from './errors.js';

/**
 * `/v1` requests per API key, with `@fastify/rate-limit` (in memory, per process). Runs after
 * authentication (`preHandler`), so the count is the key's, not the address's: one office
 * behind one NAT does not share a budget, and a leaked key cannot escape its limit by changing
 * address. Dashboard sessions count against the key they were opened with.
 */
export async function registerApiRateLimit(v1: Api, deps: ResolvedDeps): Promise<void> {
  const limit = deps.config.apiRateLimit;
  if (!limit) return;
  await v1.register(rateLimit, {
    global: true,
    hook: 'preHandler',
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request: FastifyRequest) =>
      request.principal
        ? `${request.principal.programId}/${request.principal.apiKeyId}`
        : `ip/${request.ip}`,
    errorResponseBuilder: (_request, context) =>
      tooMany(
        `Too many requests for this API key: at most ${limit.max} per ${describeWindow(limit)}. Retry in ${context.after}.`,
        context.ttl,
      ),
  });
}

/**
 * Failed authentications per client address: a wrong API key on `/v1`, a wrong key or link at
 * sign-in. Every 401 counts; past the limit the address gets 429 with `Retry-After` on every
 * request until its window ends, before any key is looked at, so guessing keys costs a window
 * per few guesses. In memory, per process (see docs/operations.md for several processes).
 */
export function registerAuthFailureLimit(app: Api, deps: ResolvedDeps): void {
  const limit = deps.config.authFailureLimit;
  if (!limit) return;
  const failures = new FailureWindows(limit, MAX_TRACKED_ADDRESSES);
  app.addHook('onRequest', async (request, reply) => {
    const retryAfterMs = failures.blockedFor(request.ip, deps.clock());
    if (retryAfterMs > 0) {
      void reply.header('retry-after', String(Math.ceil(retryAfterMs / 1000)));
      throw tooMany(
        `Too many failed authentications from your address. Retry in ${Math.ceil(retryAfterMs / 1000)} seconds.`,
        retryAfterMs,
      );
    }
  });
  app.addHook('onResponse', async (request, reply) => {
    if (reply.statusCode === 401) failures.record(request.ip, deps.clock());
  });
}

/** Most addresses tracked at once; the oldest windows are forgotten first beyond it. */
const MAX_TRACKED_ADDRESSES = 100_000;

/** Fixed windows of failure counts per address, bounded in size. */
export class FailureWindows {
  readonly #windows = new Map<string, { count: number; endsAt: number }>();
  constructor(
    private readonly limit: RateLimit,
    private readonly maxTracked: number,
  ) {}

  /** Counts one failure for `address` at `now`. */
  record(address: string, now: number): void {
    const current = this.#windows.get(address);
    if (current && current.endsAt > now) {
      current.count++;
      return;
    }
    this.#windows.delete(address);
    if (this.#windows.size >= this.maxTracked) {
      // Maps iterate in insertion order: the first entry is the oldest window.
      const oldest = this.#windows.keys().next().value;
      if (oldest !== undefined) this.#windows.delete(oldest);
    }
    this.#windows.set(address, { count: 1, endsAt: now + this.limit.windowMs });
  }

  /** How long `address` must still wait, in ms; 0 when it may try. */
  blockedFor(address: string, now: number): number {
    const current = this.#windows.get(address);
    if (!current) return 0;
    if (current.endsAt <= now) {
      this.#windows.delete(address);
      return 0;
    }
    return current.count >= this.limit.max ? current.endsAt - now : 0;
  }
}

function tooMany(message: string, retryAfterMs: number): HttpError {
  return new HttpError(429, message, undefined, {
    headers: { 'retry-after': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
  });
}

function describeWindow(limit: RateLimit): string {
  const s = limit.windowMs / 1000;
  if (s === 1) return 'second';
  if (s === 60) return 'minute';
  return `${s} seconds`;
}
