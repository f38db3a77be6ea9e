import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { buildConnector } from 'undici';
import { isPublicAddress } from './address-policy.js';
import { SSRF_BLOCKED_CODE } from './classify-outcome.js';

/** A connect-time SSRF refusal: the host resolved only to non-public addresses. */
export class SsrfBlockedError extends Error {
  readonly code = SSRF_BLOCKED_CODE;
  constructor(
    readonly hostname: string,
    readonly addresses: readonly string[],
  ) {
    super(
      `Refused to connect to ${hostname}: it resolves to ${addresses.join(', ') || 'no address'}, which is private, loopback, link-local or otherwise not publicly routable. Set HOOKLINE_ALLOW_PRIVATE_NETWORKS=true to allow this (development only).`,
    );
    this.name = 'SsrfBlockedError';
  }
}

/** Resolves a host name to every address, like `dns.lookup(host, {all: true})`. */
export type Resolver = (hostname: string) => Promise<readonly LookupAddress[]>;

/** Strips the brackets of an IPv6 literal as it arrives from a URL (`[::1]`). */
export function bareHost(hostname: string): string {
  return hostname.startsWith('[') ? hostname.slice(1, -1) : hostname;
}

/**
 * An undici `connect` function that resolves the host itself with `resolve` (c-ares with a
 * timeout, see dns-resolver.ts — never `dns.lookup`, whose 4 shared threads one tenant's dead
 * names could fill), vets every address with {@link isPublicAddress}, and connects to a vetted
 * IP. TLS keeps the original name for SNI and certificate checks (undici derives `servername`
 * from `host`, which we leave alone). Because the address that is checked is the address that
 * is dialled, DNS rebinding between check and connect is impossible. Addresses that fail the
 * check are dropped; if none is left the connect fails with {@link SsrfBlockedError}, which the
 * sender records as `ssrf_blocked`.
 *
 * With `allowPrivateNetworks` the check is skipped (development and tests), but resolution
 * still goes through `resolve`: a `lookup` on the socket options is a second guard, so Node
 * never falls back to `dns.lookup` either.
 */
export function createGuardedConnector(options: {
  readonly allowPrivateNetworks: boolean;
  readonly connectTimeoutMs: number;
  readonly resolve: Resolver;
}): buildConnector.connector {
  const resolve = options.resolve;
  const connect = buildConnector({
    timeout: options.connectTimeoutMs,
    lookup: lookupVia(resolve),
  } as buildConnector.BuildOptions);
  return (opts, callback) => {
    const host = bareHost(opts.hostname);
    const vet = isIP(host)
      ? Promise.resolve([{ address: host, family: isIP(host) }])
      : resolve(host);
    vet.then(
      (addresses) => {
        const allowed = options.allowPrivateNetworks
          ? addresses[0]
          : addresses.find((a) => isPublicAddress(a.address));
        if (!allowed) {
          callback(
            new SsrfBlockedError(
              host,
              addresses.map((a) => a.address),
            ),
            null,
          );
          return;
        }
        connect({ ...opts, hostname: allowed.address }, callback);
      },
      (error: Error) => callback(error, null),
    );
  };
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/** `net.connect`'s `lookup` option backed by `resolve`. */
function lookupVia(resolve: Resolver) {
  return (hostname: string, options: LookupOptions, callback: LookupCallback) => {
    resolve(hostname).then(
      (addresses) => {
        if (options.all) callback(null, [...addresses]);
        else {
          const first = addresses[0];
          callback(null, first?.address ?? '', first?.family ?? 4);
        }
      },
      (error: NodeJS.ErrnoException) => callback(error, ''),
    );
  };
}
