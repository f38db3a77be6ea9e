import { BlockList, isIP, isIPv4, isIPv6 } from 'node:net';
import type { TrustProxy } from '../config/config.js';

/**
 * Decides whether the `hop`-th address of a request's chain (0 is the socket's peer, then
 * `X-Forwarded-For` from right to left) is a trusted proxy. The client is the first address,
 * walking from the right, that is not: the right-most untrusted hop.
 */
export type TrustFunction = (address: string, hop: number) => boolean;

/** proxy-addr's named ranges, which Fastify's `trustProxy` accepts. */
const NAMED_RANGES: Readonly<Record<string, readonly string[]>> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/**
 * The `trustProxy` option for Fastify. A function for every form, because Fastify 5.12.8
 * treats a number as "trust nothing" (so a hop count would make every client the proxy), and
 * `true` as "trust every hop" (so a client could name any address).
 *
 * @example Fastify({ trustProxy: trustFunctionOf({ hops: 1 }) })
 */
export function trustFunctionOf(setting: TrustProxy): TrustFunction | false {
  if (setting === false) return false;
  if ('hops' in setting) {
    const { hops } = setting;
    if (hops === 0) return false;
    return (_address, hop) => hop < hops;
  }
  const list = new BlockList();
  for (const entry of setting.addresses) {
    for (const range of NAMED_RANGES[entry] ?? [entry]) {
      const [address = '', prefix] = range.split('/');
      const type = isIPv4(address) ? 'ipv4' : 'ipv6';
      if (prefix === undefined) list.addAddress(address, type);
      else list.addSubnet(address, Number(prefix), type);
    }
  }
  return (address) => {
    const family = isIP(address);
    // BlockList matches an IPv4-mapped IPv6 address against IPv4 ranges.
    return family !== 0 && list.check(address, family === 4 ? 'ipv4' : 'ipv6');
  };
}

/** Longest counter key kept: a garbage `X-Forwarded-For` entry cannot grow memory. */
const MAX_KEY_LENGTH = 64;

/**
 * The counter a client address is charged to: an IPv4 address as is (IPv4-mapped IPv6
 * included), an IPv6 address by its /64, since one subscriber usually holds a whole /64 and
 * could otherwise rotate through 2^64 counters.
 *
 * @example counterKeyOf('2001:db8:1:2:aaaa::1') // '2001:db8:1:2::/64'
 * @example counterKeyOf('::ffff:192.0.2.7') // '192.0.2.7'
 */
export function counterKeyOf(ip: string): string {
  const bare = ip.split('%')[0] ?? ip;
  if (isIPv4(bare)) return bare;
  if (!isIPv6(bare)) return ip.slice(0, MAX_KEY_LENGTH);
  const groups = expandIPv6(bare);
  const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (mapped) {
    const high = groups[6] ?? 0;
    const low = groups[7] ?? 0;
    return [high >> 8, high & 0xff, low >> 8, low & 0xff].join('.');
  }
  return `${groups
    .slice(0, 4)
    .map((g) => g.toString(16))
    .join(':')}::/64`;
}

/** The eight 16-bit groups of a valid IPv6 address (`::` and a dotted IPv4 tail expanded). */
function expandIPv6(address: string): number[] {
  const toGroups = (part: string): number[] => {
    if (part === '') return [];
    return part.split(':').flatMap((piece) => {
      if (!piece.includes('.')) return [Number.parseInt(piece, 16)];
      const [a = 0, b = 0, c = 0, d = 0] = piece.split('.').map(Number);
      return [(a << 8) | b, (c << 8) | d];
    });
  };
  const [head = '', tail] = address.split('::');
  const left = toGroups(head);
  if (tail === undefined) return left;
  const right = toGroups(tail);
  return [...left, ...new Array<number>(8 - left.length - right.length).fill(0), ...right];
}
