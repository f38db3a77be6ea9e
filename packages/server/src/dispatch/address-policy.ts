import { isIP } from 'node:net';
import ipaddr from 'ipaddr.js';

/**
 * Whether an IP address may be the target of a delivery: only globally routable unicast.
 * ipaddr.js names every special range (loopback, private, linkLocal incl. 169.254.169.254,
 * carrierGradeNat, uniqueLocal, multicast, reserved, rfc6052/6to4/teredo translations...),
 * and `process()` unwraps IPv4-mapped IPv6 first, so `::ffff:10.0.0.1` is judged as 10.0.0.1.
 */
export function isPublicAddress(address: string): boolean {
  if (!ipaddr.isValid(address)) return false;
  // IPv4-compatible IPv6 (`::/96`, deprecated by RFC 4291) embeds an IPv4 address: the URL
  // parser turns `[::127.0.0.1]` into `[::7f00:1]`, which ipaddr.js files under unicast, and
  // some stacks route it to 127.0.0.1. No real destination uses it: refuse the whole block
  // (`::` and `::1` included), whatever its spelling.
  const raw = ipaddr.parse(address);
  if (raw.kind() === 'ipv6' && (raw as ipaddr.IPv6).match(IPV4_COMPATIBLE, 96)) return false;
  const parsed = ipaddr.process(address);
  if (parsed.range() !== 'unicast') return false;
  if (parsed.kind() === 'ipv4') {
    // Documentation and benchmarking ranges that ipaddr.js files under unicast.
    const v4 = parsed as ipaddr.IPv4;
    for (const [net, bits] of IPV4_EXTRA_BLOCKS) {
      if (v4.match(ipaddr.IPv4.parse(net), bits)) return false;
    }
  } else {
    const v6 = parsed as ipaddr.IPv6;
    for (const [net, bits] of IPV6_EXTRA_BLOCKS) {
      if (v6.match(ipaddr.IPv6.parse(net), bits)) return false;
    }
  }
  return true;
}

const IPV4_COMPATIBLE = ipaddr.IPv6.parse('::');
const IPV4_EXTRA_BLOCKS: readonly [string, number][] = [
  ['192.0.0.0', 24], // IETF protocol assignments
  ['192.0.2.0', 24], // TEST-NET-1
  ['198.51.100.0', 24], // TEST-NET-2
  ['203.0.113.0', 24], // TEST-NET-3
  ['198.18.0.0', 15], // benchmarking
  ['240.0.0.0', 4], // reserved
];
const IPV6_EXTRA_BLOCKS: readonly [string, number][] = [
  ['2001:db8::', 32], // documentation
  ['64:ff9b:1::', 48], // local-use NAT64
  ['100::', 64], // discard-only
];

/**
 * Parses the host of a URL as an IP literal, accepting the odd IPv4 spellings that the WHATWG
 * URL parser normalises (`0x7f000001`, `2130706433`, `0177.0.0.1`): `new URL()` has already
 * turned them into dotted quads, so we only need to strip IPv6 brackets.
 *
 * @returns the address, or `undefined` when the host is a name
 */
export function literalAddressOf(url: URL): string | undefined {
  const host = url.hostname.startsWith('[') ? url.hostname.slice(1, -1) : url.hostname;
  return isIP(host) ? host : undefined;
}

/**
 * The check at webhook create/update time: a URL whose host is a literal non-public address,
 * or a name that can only mean this machine, is refused unless private networks are allowed.
 * Names are checked again after DNS resolution at connect time, for every attempt.
 *
 * @returns a message saying why the URL is refused, or `null` when it may be used
 */
export function refuseUrl(url: URL, allowPrivateNetworks: boolean): string | null {
  if (allowPrivateNetworks) return null;
  const host = url.hostname.toLowerCase();
  if (host === 'localhost' || host.endsWith('.localhost') || host.endsWith('.local')) {
    return `The url points to this machine or a local network (${host}); only public addresses are allowed.`;
  }
  const address = literalAddressOf(url);
  if (address !== undefined && !isPublicAddress(address)) {
    return `The url points to a private, loopback, link-local or reserved address (${address}); only public addresses are allowed.`;
  }
  return null;
}
