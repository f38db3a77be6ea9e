import rateLimit from '@fastify/rate-limit';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { LRUCache } from 'lru-cache';
import type { RateLimit } from '../config/config.js';
import type { Api, ResolvedDeps } from './app.js';
import { counterKeyOf } from './client-address.js';
import { HttpError } from './errors.js';
import { noStore } from './no-store.js';

/**
 * `/v1` requests per API key, with `@fastify/rate-limit` (in memory, per process), and
 * `Cache-Control: no-store` on every `/v1` answer. The limit runs at `onRequest`, right after
 * the auth hook (route hooks follow the scope's), so every authenticated request counts,
 * including one that then fails validation; a request whose credential fails never reaches it
 * (that is {@link registerAuthFailureLimit}'s). The count is the key's, not the address's: one
 * office behind one NAT does not share a budget, and a leaked key cannot escape its limit by
 * changing address. Dashboard sessions count against the key they were opened with.
 */
export async function registerApiRateLimit(v1: Api, deps: ResolvedDeps): Promise<void> {
  v1.addHook('onSend', noStore);
  const limit = deps.config.apiRateLimit;
  if (!limit) return;
  await v1.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    max: limit.max,
    timeWindow: limit.windowMs,
    keyGenerator: (request: FastifyRequest) =>
      request.principal
        ? `${request.principal.programId}/${request.principal.apiKeyId}`
        : `address/${counterKeyOf(request.ip)}`,
    errorResponseBuilder: (_request, context) =>
      tooMany(
        `Too many requests for this API key: at most ${limit.max} per ${describeWindow(limit)}. Retry in ${context.after}.`,
        context.ttl,
      ),
  });
}

/** Probes a load balancer or Prometheus calls: never throttled, never counted. */
const PROBES = new Set(['/healthz', '/readyz', '/metrics']);

/**
 * Per client address (IPv6 by /64; see `client-address.ts`): failed authentications
 * (`HOOKLINE_AUTH_FAILURE_LIMIT`: every 401, a wrong key, a stale session, a failed sign-in,
 * and a spent sign-in link) and requests without credentials
 * (`HOOKLINE_UNAUTHENTICATED_LIMIT`: sign-ins and every failing answer without a principal;
 * successful reads are not counted). Decided when the answer is known, never before: an
 * answer that succeeds (valid key, session or sign-in, a static file) is sent whatever its
 * address did, and only a *failing* (4xx) answer from an address over a budget becomes 429
 * with `Retry-After`; a 5xx is never masked. So a stale-key integration or a guesser behind a
 * shared NAT costs the address's other clients nothing, and probes are exempt. In memory, per
 * process, bounded.
 */
export function registerAuthFailureLimit(app: Api, deps: ResolvedDeps): void {
  const failureLimit = deps.config.authFailureLimit;
  const volumeLimit = deps.config.unauthenticatedLimit;
  if (!failureLimit && !volumeLimit) return;
  const failures = failureLimit && new FailureWindows(failureLimit, MAX_TRACKED_ADDRESSES);
  const volume = volumeLimit && new FailureWindows(volumeLimit, MAX_TRACKED_ADDRESSES);
  app.addHook('onSend', async (request, reply, payload) => {
    if (PROBES.has(request.routeOptions.url ?? '')) return payload;
    const now = deps.clock();
    // `ip` is undefined once a client has hung up: it still counts, as one unknown address.
    const address = counterKeyOf(request.ip || 'unknown');
    const authFailed = reply.statusCode === 401 || failedAuthentications.has(request);
    const failed = authFailed || (reply.statusCode >= 400 && reply.statusCode < 500);
    let retryAfterMs = 0;
    let message = '';
    if (volume && request.principal === null && (failed || !cheapRead(request, reply))) {
      const wait = volume.hit(address, now);
      if (wait > 0 && failed) {
        retryAfterMs = wait;
        message = `Too many requests without valid credentials from your address: at most ${volume.limit.max} per ${describeWindow(volume.limit)}.`;
      }
    }
    if (failures && authFailed) {
      const wait = failures.hit(address, now);
      if (wait > retryAfterMs) {
        retryAfterMs = wait;
        message = 'Too many failed authentications from your address.';
      }
    }
    if (retryAfterMs === 0 || !replaceable(payload)) return payload;
    return refuse(reply, `${message} Retry in ${seconds(retryAfterMs)} seconds.`, retryAfterMs);
  });
}

/** Requests whose credential failed though their answer is not a 401. */
const failedAuthentications = new WeakSet<FastifyRequest>();

/**
 * Counts a request as a failed authentication although it is not answered 401 (a spent or
 * unknown sign-in link redirects to the sign-in page): it meets the address limits, and past
 * them its answer becomes 429.
 */
export function countAsFailedAuthentication(request: FastifyRequest): void {
  failedAuthentications.add(request);
}

/**
 * A successful GET or HEAD: a static file, the dashboard's session check, the OpenAPI
 * document. Page loads make many of these; they are not what the volume budget is for.
 */
function cheapRead(request: FastifyRequest, reply: FastifyReply): boolean {
  return (request.method === 'GET' || request.method === 'HEAD') && reply.statusCode < 400;
}

/** An error body the hook may swap for its own (a stream, such as a file, is left alone). */
function replaceable(payload: unknown): boolean {
  return payload == null || typeof payload === 'string' || Buffer.isBuffer(payload);
}

function refuse(reply: FastifyReply, message: string, retryAfterMs: number): string {
  void reply
    .code(429)
    .removeHeader('www-authenticate')
    .removeHeader('location')
    .header('retry-after', String(seconds(retryAfterMs)))
    .header('content-type', 'application/json; charset=utf-8');
  return JSON.stringify({ message });
}

/** Most addresses tracked at once per limit; the oldest windows are forgotten first beyond it. */
const MAX_TRACKED_ADDRESSES = 100_000;

/**
 * Fixed windows of counts per address, bounded in size by an `lru-cache`: a window is "used"
 * only when it opens (`set`), never when it is counted (`peek`), so past `maxTracked` the
 * window opened longest ago is dropped. Expiry is the window's own `endsAt` against the
 * injected clock, not the cache's TTL (which reads `performance.now`).
 */
export class FailureWindows {
  readonly #windows: LRUCache<string, { count: number; endsAt: number }>;
  constructor(
    readonly limit: RateLimit,
    maxTracked: number,
  ) {
    this.#windows = new LRUCache({ max: maxTracked });
  }

  /**
   * Counts one event for `address` at `now`. Returns how long the address must wait, in ms,
   * when this event is past the limit (the `max + 1`-th of its window or later), else 0.
   */
  hit(address: string, now: number): number {
    let current = this.#windows.peek(address);
    if (!current || current.endsAt <= now) {
      current = { count: 0, endsAt: now + this.limit.windowMs };
      this.#windows.set(address, current);
    }
    current.count++;
    return current.count > this.limit.max ? current.endsAt - now : 0;
  }

  /** Addresses tracked now (for tests of the bound). */
  get size(): number {
    return this.#windows.size;
  }
}

function seconds(ms: number): number {
  return Math.max(1, Math.ceil(ms / 1000));
}

function tooMany(message: string, retryAfterMs: number): HttpError {
  return new HttpError(429, message, undefined, {
    headers: { 'retry-after': String(seconds(retryAfterMs)) },
  });
}

function describeWindow(limit: RateLimit): string {
  const s = limit.windowMs / 1000;
  if (s === 1) return 'second';
  if (s === 60) return 'minute';
  return `${s} seconds`;
}
