import { describe, expect, it } from 'vitest';
import { isPublicAddress, refuseUrl } from '../../src/dispatch/address-policy.js';

describe('isPublicAddress', () => {
  const refused = [
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['10.1.2.3', 'RFC 1918'],
    ['172.16.0.1', 'RFC 1918'],
    ['172.31.255.255', 'RFC 1918'],
    ['192.168.1.1', 'RFC 1918'],
    ['169.254.169.254', 'link-local (cloud metadata)'],
    ['100.64.0.1', 'CGNAT'],
    ['100.127.255.255', 'CGNAT'],
    ['0.0.0.0', 'this network'],
    ['0.1.2.3', 'this network'],
    ['224.0.0.1', 'multicast'],
    ['239.255.255.250', 'multicast'],
    ['255.255.255.255', 'broadcast'],
    ['240.0.0.1', 'reserved'],
    ['192.0.0.8', 'IETF protocol assignments'],
    ['192.0.2.1', 'TEST-NET-1'],
    ['198.51.100.7', 'TEST-NET-2'],
    ['203.0.113.9', 'TEST-NET-3'],
    ['198.18.0.1', 'benchmarking'],
    ['192.88.99.1', '6to4 relay anycast'],
    ['::1', 'IPv6 loopback'],
    ['::', 'IPv6 unspecified'],
    ['fd00::1', 'ULA'],
    ['fc00::1', 'ULA'],
    ['fe80::1', 'IPv6 link-local'],
    ['fec0::1', 'site-local (deprecated)'],
    ['ff02::1', 'IPv6 multicast'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:169.254.169.254', 'IPv4-mapped metadata'],
    ['::ffff:7f00:1', 'IPv4-mapped loopback, hex'],
    ['::127.0.0.1', 'IPv4-compatible loopback'],
    ['::169.254.169.254', 'IPv4-compatible metadata'],
    ['::7f00:1', 'IPv4-compatible loopback, as the URL parser writes it'],
    ['::a9fe:a9fe', 'IPv4-compatible metadata, as the URL parser writes it'],
    ['::a00:1', 'IPv4-compatible 10.0.0.1, hex'],
    ['::808:808', 'IPv4-compatible 8.8.8.8 (deprecated, never a real destination)'],
    ['64:ff9b::a00:1', 'NAT64 of 10.0.0.1'],
    ['64:ff9b::7f00:1', 'NAT64 of 127.0.0.1'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['2002:7f00:1::', '6to4 of 127.0.0.1'],
    ['2001::1', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['100::1', 'discard-only'],
    ['2001:2::1', 'benchmarking'],
    ['not-an-ip', 'not an address'],
    ['', 'empty'],
  ] as const;
  it.each(refused)('refuses %s (%s)', (address) => {
    expect(isPublicAddress(address)).toBe(false);
  });

  const allowed = [
    '8.8.8.8',
    '1.1.1.1',
    '93.184.216.34',
    '172.32.0.1',
    '100.128.0.1',
    '2606:4700::1111',
    '2a00:1450:4001:82a::200e',
  ];
  it.each(allowed)('allows %s', (address) => {
    expect(isPublicAddress(address)).toBe(true);
  });
});

describe('refuseUrl (create/update time)', () => {
  it.each([
    'http://localhost/hook',
    'http://LOCALHOST:8080/hook',
    'http://api.localhost/hook',
    'http://printer.local/hook',
    'http://127.0.0.1/hook',
    'http://0x7f000001/hook',
    'http://2130706433/hook',
    'http://0177.0.0.1/hook',
    'http://127.1/hook',
    'http://[::1]/hook',
    'http://[::ffff:127.0.0.1]/hook',
    'http://[::127.0.0.1]/',
    'http://[::169.254.169.254]/',
    'http://169.254.169.254/latest/meta-data',
    'http://10.0.0.5/hook',
    'http://0/hook',
  ])('refuses %s', (url) => {
    expect(refuseUrl(new URL(url), false)).toMatch(/only public addresses/);
  });

  it('allows public names and addresses, and everything when private networks are allowed', () => {
    expect(refuseUrl(new URL('https://example.com/hook'), false)).toBeNull();
    expect(refuseUrl(new URL('https://8.8.8.8/hook'), false)).toBeNull();
    expect(refuseUrl(new URL('http://127.0.0.1/hook'), true)).toBeNull();
  });
});
