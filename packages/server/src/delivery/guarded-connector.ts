import { lookup } from 'node:dns';
import type { LookupAddress } from 'node:dns';
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

const systemResolver: Resolver = (hostname) =>
  new Promise((resolve, reject) => {
    lookup(hostname, { all: true, verbatim: true }, (error, addresses) =>
      error ? reject(error) : resolve(addresses),
    );
  });

/**
 * An undici `connect` function that resolves the host itself, vets every address with
 * {@link isPublicAddress}, and connects to a vetted IP. TLS keeps the original name for SNI and
 * certificate checks (undici derives `servername` from `host`, which we leave alone). Because the
 * address that is checked is the address that is dialled, DNS rebinding between check and
 * connect is impossible. Addresses that fail the check are dropped; if none is left the connect
 * fails with {@link SsrfBlockedError}, which the sender records as `ssrf_blocked`.
 *
 * With `allowPrivateNetworks` the check is skipped (development and tests).
 */
export function createGuardedConnector(options: {
  readonly allowPrivateNetworks: boolean;
  readonly connectTimeoutMs: number;
  readonly resolver?: Resolver;
}): buildConnector.connector {
  const connect = buildConnector({ timeout: options.connectTimeoutMs });
  if (options.allowPrivateNetworks) return connect;
  const resolve = options.resolver ?? systemResolver;
  return (opts, callback) => {
    // IPv6 literals arrive bracketed ("[::1]") from the URL.
    const host = opts.hostname.startsWith('[') ? opts.hostname.slice(1, -1) : opts.hostname;
    const vet = isIP(host)
      ? Promise.resolve([{ address: host, family: isIP(host) }])
      : resolve(host);
    vet.then(
      (addresses) => {
        const allowed = addresses.find((a) => isPublicAddress(a.address));
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
