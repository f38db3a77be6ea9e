import { lookup } from 'node:dns/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDnsResolver } from '../../src/dispatch/dns-resolver.js';
import { startDnsServer } from './dns-server.js';
import type { DnsServer } from './dns-server.js';

describe('DNS resolution for deliveries (c-ares, timeout, TTL cache) against a DNS server on loopback', () => {
  let server: DnsServer;
  beforeAll(async () => {
    server = await startDnsServer({
      'hooks.example.test': { a: ['93.184.216.34'], ttl: 30 },
      'short.example.test': { a: ['93.184.216.35'], ttl: 2 },
      'blackhole.example.test': 'silent',
    });
  });
  afterAll(async () => server?.close());

  it('resolves a name and keeps the answer for its TTL, then asks again', async () => {
    let now = 1_000_000;
    const resolve = createDnsResolver({ servers: [server.address], clock: () => now });
    expect(await resolve('hooks.example.test')).toEqual([{ address: '93.184.216.34', family: 4 }]);
    const asked = server.queries.filter((q) => q === 'hooks.example.test/1').length;
    now += 29_000;
    await resolve('HOOKS.example.test.');
    expect(server.queries.filter((q) => q === 'hooks.example.test/1').length).toBe(asked);
    now += 2_000;
    await resolve('hooks.example.test');
    expect(server.queries.filter((q) => q === 'hooks.example.test/1').length).toBe(asked + 1);
  });

  it('asks once for concurrent lookups of one name', async () => {
    const resolve = createDnsResolver({ servers: [server.address] });
    const before = server.queries.filter((q) => q === 'short.example.test/1').length;
    const answers = await Promise.all(
      Array.from({ length: 20 }, () => resolve('short.example.test')),
    );
    expect(new Set(answers.map((a) => a[0]?.address))).toEqual(new Set(['93.184.216.35']));
    expect(server.queries.filter((q) => q === 'short.example.test/1').length).toBe(before + 1);
  });

  it('fails an unknown name with ENOTFOUND and remembers it briefly', async () => {
    let now = 0;
    const resolve = createDnsResolver({ servers: [server.address], clock: () => now });
    await expect(resolve('nope.example.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    const asked = server.queries.filter((q) => q.startsWith('nope.example.test/')).length;
    await expect(resolve('nope.example.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(server.queries.filter((q) => q.startsWith('nope.example.test/')).length).toBe(asked);
    now += 6_000;
    await expect(resolve('nope.example.test')).rejects.toMatchObject({ code: 'ENOTFOUND' });
    expect(server.queries.filter((q) => q.startsWith('nope.example.test/')).length).toBeGreaterThan(
      asked,
    );
  });

  it('gives up on a server that never answers after its timeout, without holding the thread pool', async () => {
    const resolve = createDnsResolver({ servers: [server.address], timeoutMs: 300 });
    // 60 names that never resolve, at once, as one tenant's broken webhooks would.
    const stuck = Array.from({ length: 60 }, () =>
      resolve(`blackhole.example.test`).catch((e: unknown) => e),
    );
    // Meanwhile the libuv thread pool stays free: getaddrinfo for localhost answers at once.
    const local = await lookup('localhost');
    expect(local.address).toMatch(/^(127\.0\.0\.1|::1)$/);
    const errors = await Promise.all(stuck);
    for (const error of errors) expect(error).toMatchObject({ code: 'ETIMEOUT' });
    expect(server.queries.filter((q) => q === 'blackhole.example.test/1').length).toBe(1);
  });

  it('answers localhost without asking DNS', async () => {
    const resolve = createDnsResolver({ servers: [server.address] });
    expect((await resolve('localhost')).map((a) => a.address)).toEqual(['127.0.0.1', '::1']);
  });
});
