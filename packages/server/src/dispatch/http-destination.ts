import { isIP } from 'node:net';
import { Agent, request } from 'undici';
import { decodeTarget } from '../webhooks/postbacks-target.js';
import type { AttemptResponse, Destination } from './destination.js';
import { dnsDeadlineError } from './dns-resolver.js';
import { bareHost, createGuardedConnector } from './guarded-connector.js';
import type { Resolver } from './guarded-connector.js';

/** Most of a response body kept in the attempt log; the rest is discarded unread. */
export const RESPONSE_BODY_LIMIT = 16 * 1024;

/** How long a webhook's pool may sit unused before it is closed (its sockets are gone by then). */
const POOL_IDLE_MS = 60_000;

/** Options of {@link createHttpDestination}. */
export interface HttpDestinationOptions {
  /** Hard limit of the whole exchange, in ms (the sender's deadline aborts it too). */
  readonly timeoutMs: number;
  /** Skip the SSRF check (development and tests). */
  readonly allowPrivateNetworks: boolean;
  /** Keep-alive connections of one webhook (its in-flight cap). */
  readonly connectionsPerWebhook: number;
  /** Host resolution (c-ares with a timeout, see dns-resolver.ts). */
  readonly resolve: Resolver;
}

/**
 * The HTTP destination: **one undici `Agent` per webhook** (a keep-alive pool per webhook, not
 * per origin), whose connector resolves through `resolve` and applies the SSRF guard to the
 * address of every new connection. Redirects are never followed (`undici.request` does not),
 * so a 3xx comes back as the answer and is recorded as a failure.
 *
 * Why per webhook: with one pool per origin, a webhook answering after the timeout held all of
 * its host's connections (pool size = per-webhook cap), and healthy webhooks on the same host
 * and port queued behind it (measured: 36–46 of 50 deliveries 5 s after publishing). A pool per
 * webhook holds at most that webhook's own in-flight attempts, keeps keep-alive reuse for it,
 * and is closed after {@link POOL_IDLE_MS} without use.
 *
 * DNS is inside the attempt's deadline: the host is resolved before the request, raced with the
 * deadline's signal, and a lookup that outlives it fails as a DNS error (`dns` in the log), not
 * as a generic timeout. The connector then finds the answer in the resolver's cache.
 */
export function createHttpDestination(options: HttpDestinationOptions): Destination {
  const connect = createGuardedConnector({
    allowPrivateNetworks: options.allowPrivateNetworks,
    connectTimeoutMs: options.timeoutMs,
    resolve: options.resolve,
  });
  const pools = new Map<string, { agent: Agent; active: number; lastUsed: number }>();
  let sweeper: NodeJS.Timeout | undefined;

  const newAgent = () =>
    new Agent({
      connect,
      connections: options.connectionsPerWebhook,
      pipelining: 1,
      keepAliveTimeout: 30_000,
      // Idle timers only; the sender's AbortSignal enforces the hard limit.
      headersTimeout: options.timeoutMs,
      bodyTimeout: options.timeoutMs,
    });

  const sweep = () => {
    const now = Date.now();
    for (const [key, pool] of pools) {
      if (pool.active === 0 && now - pool.lastUsed > POOL_IDLE_MS) {
        pools.delete(key);
        void pool.agent.close().catch(() => {});
      }
    }
    if (pools.size === 0 && sweeper) {
      clearInterval(sweeper);
      sweeper = undefined;
    }
  };

  const poolOf = (key: string) => {
    let pool = pools.get(key);
    if (!pool) {
      pool = { agent: newAgent(), active: 0, lastUsed: Date.now() };
      pools.set(key, pool);
      if (!sweeper) {
        sweeper = setInterval(sweep, POOL_IDLE_MS / 2);
        sweeper.unref();
      }
    }
    return pool;
  };

  return {
    async deliver(attempt, signal): Promise<AttemptResponse> {
      const sent = asSent(attempt);
      const url = new URL(sent.url);
      const host = bareHost(url.hostname);
      if (isIP(host) === 0) await resolveWithin(options.resolve, host, signal);
      // Attempts that name no webhook (tools) share one pool per origin, as before.
      const pool = poolOf(attempt.webhookId ?? `origin:${url.origin}`);
      pool.active++;
      try {
        const res = await request(url, {
          method: sent.method,
          dispatcher: pool.agent,
          headers: sent.headers,
          ...(sent.method === 'GET' ? {} : { body: attempt.body }),
          signal,
        });
        const body = await readCapped(res.body);
        return { statusCode: res.statusCode, headers: flattenHeaders(res.headers), body };
      } finally {
        pool.active--;
        pool.lastUsed = Date.now();
      }
    },
    async close() {
      if (sweeper) clearInterval(sweeper);
      sweeper = undefined;
      const all = [...pools.values()];
      pools.clear();
      await Promise.all(all.map((p) => p.agent.close()));
    },
  };
}

/**
 * How an attempt goes on the wire: an owner webhook's as given (POST of the envelope); a
 * partner postback's per its target (webhooks/postbacks-target.ts), kept in the delivery's
 * `url`: the target's URL, and for the url format GET without a body, or POST with the form
 * body. The signature headers stay (harmless to a url postback).
 */
function asSent(attempt: {
  readonly url: string;
  readonly headers: Readonly<Record<string, string>>;
}): { url: string; method: 'GET' | 'POST'; headers: Readonly<Record<string, string>> } {
  const target = attempt.url.startsWith('pb:') ? decodeTarget(attempt.url) : undefined;
  if (!target) return { url: attempt.url, method: 'POST', headers: attempt.headers };
  // The sender set the target's content type already (postbacks-target.ts `contentTypeOf`).
  const method = target.format === 'webhook' ? 'POST' : target.method;
  return { url: target.url, method, headers: attempt.headers };
}

/** Resolves `host`, failing with a DNS timeout error when `signal` (the deadline) fires first. */
function resolveWithin(resolve: Resolver, host: string, signal: AbortSignal): Promise<unknown> {
  if (signal.aborted) return Promise.reject(dnsDeadlineError(host));
  return new Promise((done, fail) => {
    const onAbort = () => fail(dnsDeadlineError(host));
    signal.addEventListener('abort', onAbort, { once: true });
    resolve(host).then(
      (addresses) => {
        signal.removeEventListener('abort', onAbort);
        done(addresses);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        fail(error);
      },
    );
  });
}

/** Reads at most {@link RESPONSE_BODY_LIMIT} bytes, then destroys the stream (drops the rest). */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= RESPONSE_BODY_LIMIT) {
      body.destroy();
      break;
    }
  }
  const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  return all.subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
