import { Resolver as DnsResolver } from 'node:dns/promises';
import type { LookupAddress } from 'node:dns';
import { systemClock } from '../util/time.js';
import type { Clock } from '../util/time.js';

/** Options of {@link createDnsResolver}. */
export interface DnsResolverOptions {
  /** How long one query waits for an answer before it fails, in ms. Default 2000. */
  readonly timeoutMs?: number;
  /** DNS servers (`host` or `host:port`); default the system's (`/etc/resolv.conf`). */
  readonly servers?: readonly string[];
  /** Most names cached at once; the least recently stored go first. Default 10,000. */
  readonly maxEntries?: number;
  /** Longest an answer is kept, whatever its TTL, in ms. Default 5 min. */
  readonly maxTtlMs?: number;
  /** How long a failed lookup (no such name, no answer) is remembered, in ms. Default 5 s. */
  readonly negativeTtlMs?: number;
  readonly clock?: Clock;
}

/** Resolves a host name to its addresses (both families), like `dns.lookup(host, {all: true})`. */
export type HostResolver = (hostname: string) => Promise<readonly LookupAddress[]>;

/**
 * Host resolution for deliveries that no tenant can use to stall another. `dns.lookup`, which
 * undici uses by default, runs `getaddrinfo` on libuv's 4 shared threads with no timeout of its
 * own: 60 webhooks on names whose servers never answer held those threads for tens of seconds,
 * and every other program's attempts (and `fs` calls) queued behind them. This asks DNS
 * servers directly through c-ares (`dns.Resolver`: asynchronous, no thread per query), with a
 * timeout per query, and caches answers for their TTL (bounded), failures briefly, and
 * concurrent lookups of one name as one query.
 *
 * Not read: `/etc/hosts`, except `localhost`. Deliveries go to public names, and the SSRF
 * guard refuses loopback anyway unless private networks are allowed.
 */
export function createDnsResolver(options: DnsResolverOptions = {}): HostResolver {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs ?? 2_000;
  const maxEntries = options.maxEntries ?? 10_000;
  const maxTtlMs = options.maxTtlMs ?? 300_000;
  const negativeTtlMs = options.negativeTtlMs ?? 5_000;
  // tries: 1 — the attempt's own deadline is the budget; c-ares's default of 4 tries with a
  // doubling timeout would outlive it.
  const dns = new DnsResolver({ timeout: timeoutMs, tries: 1 });
  if (options.servers && options.servers.length > 0) dns.setServers([...options.servers]);

  const cache = new Map<string, { expiresAt: number; result: CachedResult }>();
  const inFlight = new Map<string, Promise<readonly LookupAddress[]>>();

  const store = (name: string, result: CachedResult, ttlMs: number) => {
    cache.delete(name);
    if (cache.size >= maxEntries) {
      const oldest = cache.keys().next().value;
      if (oldest !== undefined) cache.delete(oldest);
    }
    cache.set(name, { expiresAt: clock() + ttlMs, result });
  };

  const query = async (name: string): Promise<readonly LookupAddress[]> => {
    const [v4, v6] = await Promise.allSettled([
      dns.resolve4(name, { ttl: true }),
      dns.resolve6(name, { ttl: true }),
    ]);
    const addresses: LookupAddress[] = [];
    let ttlSeconds = Number.POSITIVE_INFINITY;
    for (const [settled, family] of [
      [v4, 4],
      [v6, 6],
    ] as const) {
      if (settled.status !== 'fulfilled') continue;
      for (const record of settled.value) {
        addresses.push({ address: record.address, family });
        ttlSeconds = Math.min(ttlSeconds, record.ttl);
      }
    }
    if (addresses.length === 0) {
      const reason =
        v4.status === 'rejected' ? v4.reason : v6.status === 'rejected' ? v6.reason : undefined;
      const error = lookupError(name, reason);
      store(name, { error }, negativeTtlMs);
      throw error;
    }
    store(name, { addresses }, Math.min(maxTtlMs, Math.max(1_000, ttlSeconds * 1_000)));
    return addresses;
  };

  return async (hostname) => {
    const name = hostname.toLowerCase().replace(/\.$/, '');
    if (name === 'localhost' || name.endsWith('.localhost')) return LOCALHOST;
    const hit = cache.get(name);
    if (hit && hit.expiresAt > clock()) {
      if ('error' in hit.result) throw hit.result.error;
      return hit.result.addresses;
    }
    const pending = inFlight.get(name);
    if (pending) return pending;
    const lookup = query(name).finally(() => inFlight.delete(name));
    inFlight.set(name, lookup);
    return lookup;
  };
}

type CachedResult = { readonly addresses: readonly LookupAddress[] } | { readonly error: Error };

const LOCALHOST: readonly LookupAddress[] = [
  { address: '127.0.0.1', family: 4 },
  { address: '::1', family: 6 },
];

/** A lookup failure with `dns.lookup`'s codes, so the outcome classifier names it the same. */
function lookupError(name: string, reason: unknown): Error {
  const code = (reason as { code?: string } | undefined)?.code;
  const mapped =
    code === 'ETIMEOUT'
      ? 'ETIMEOUT'
      : code === 'ENODATA' || code === 'ENOTFOUND'
        ? 'ENOTFOUND'
        : (code ?? 'ENOTFOUND');
  const error = new Error(
    mapped === 'ETIMEOUT'
      ? `DNS lookup of ${name} timed out`
      : `DNS lookup of ${name} failed (${code ?? 'no address'})`,
  ) as Error & { code: string; hostname: string };
  error.code = mapped;
  error.hostname = name;
  return error;
}

/**
 * The error of a lookup that the attempt's deadline cut short: a DNS failure (`dns` in the
 * log, code `ETIMEOUT`), so the log says the name did not resolve rather than "timed out".
 */
export function dnsDeadlineError(name: string): Error {
  const error = new Error(
    `DNS lookup of ${name} did not answer within the delivery timeout`,
  ) as Error & { code: string; hostname: string };
  error.code = 'ETIMEOUT';
  error.hostname = name;
  return error;
}
