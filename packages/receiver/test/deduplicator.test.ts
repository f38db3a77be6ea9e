import { describe, expect, it } from 'vitest';
import { createDeduplicator, createMemoryStore, type DedupStore } from '../src/index.js';

function clock(start = 1_000_000) {
  let now = start;
  return { now: () => now, advance: (seconds: number) => (now += seconds * 1000) };
}

describe('createMemoryStore', () => {
  it('records a key once until it expires', async () => {
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    expect(await store.setIfAbsent('a', 60)).toBe(true);
    expect(await store.setIfAbsent('a', 60)).toBe(false);
    time.advance(59.999);
    expect(await store.setIfAbsent('a', 60)).toBe(false);
    time.advance(0.001); // exactly 60 s: expired
    expect(await store.setIfAbsent('a', 60)).toBe(true);
  });

  it('does not extend the TTL on a duplicate', async () => {
    const time = clock();
    const store = createMemoryStore({ now: time.now });
    await store.setIfAbsent('a', 10);
    time.advance(9);
    expect(await store.setIfAbsent('a', 10)).toBe(false);
    time.advance(1);
    expect(await store.setIfAbsent('a', 10)).toBe(true);
  });

  it('holds at most maxEntries, evicting the least recently seen', async () => {
    const store = createMemoryStore({ maxEntries: 3, now: clock().now });
    for (const key of ['a', 'b', 'c']) await store.setIfAbsent(key, 60);
    expect(await store.setIfAbsent('a', 60)).toBe(false); // touch a: b is now the oldest
    expect(await store.setIfAbsent('d', 60)).toBe(true); // evicts b
    expect(store.size).toBe(3);
    expect(await store.setIfAbsent('a', 60)).toBe(false);
    expect(await store.setIfAbsent('c', 60)).toBe(false);
    expect(await store.setIfAbsent('d', 60)).toBe(false);
    expect(await store.setIfAbsent('b', 60)).toBe(true); // forgotten, so seen as new; evicts a
    expect(store.size).toBe(3);
    expect(await store.setIfAbsent('a', 60)).toBe(true);
  });

  it('stays bounded under many ids', async () => {
    const store = createMemoryStore({ maxEntries: 100, now: clock().now });
    for (let i = 0; i < 10_000; i++) await store.setIfAbsent(`evt_${i}`, 60);
    expect(store.size).toBe(100);
    expect(await store.setIfAbsent('evt_9999', 60)).toBe(false);
    expect(await store.setIfAbsent('evt_0', 60)).toBe(true);
  });

  it('forgets deleted keys and validates maxEntries', async () => {
    const store = createMemoryStore({ now: clock().now });
    await store.setIfAbsent('a', 60);
    await store.delete('a');
    expect(await store.setIfAbsent('a', 60)).toBe(true);
    expect(() => createMemoryStore({ maxEntries: 0 })).toThrow(RangeError);
  });
});

describe('createDeduplicator', () => {
  it('claims an event id once, for ttlSeconds (default 24 h)', async () => {
    const time = clock();
    const dedup = createDeduplicator({ store: createMemoryStore({ now: time.now }) });
    expect(await dedup.claim('evt_1')).toBe(true);
    expect(await dedup.claim('evt_1')).toBe(false);
    expect(await dedup.claim('evt_2')).toBe(true);
    time.advance(86_399);
    expect(await dedup.claim('evt_1')).toBe(false);
    time.advance(1);
    expect(await dedup.claim('evt_1')).toBe(true);
  });

  it('honours ttlSeconds', async () => {
    const time = clock();
    const dedup = createDeduplicator({
      store: createMemoryStore({ now: time.now }),
      ttlSeconds: 5,
    });
    await dedup.claim('evt_1');
    time.advance(5);
    expect(await dedup.claim('evt_1')).toBe(true);
  });

  it('once() runs the handler once and reports duplicates', async () => {
    const dedup = createDeduplicator();
    let runs = 0;
    const handler = async () => ++runs;
    expect(await dedup.once('evt_1', handler)).toEqual({ duplicate: false, result: 1 });
    expect(await dedup.once('evt_1', handler)).toEqual({ duplicate: true });
    expect(runs).toBe(1);
  });

  it('once() releases the claim when the handler throws, so a retry is processed', async () => {
    const dedup = createDeduplicator();
    await expect(
      dedup.once('evt_1', () => {
        throw new Error('database down');
      }),
    ).rejects.toThrow('database down');
    expect(await dedup.once('evt_1', () => 'ok')).toEqual({ duplicate: false, result: 'ok' });
  });

  it('lets concurrent deliveries of one event through once', async () => {
    const dedup = createDeduplicator();
    const results = await Promise.all(Array.from({ length: 10 }, () => dedup.claim('evt_same')));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it('uses a custom store with the prefix and TTL', async () => {
    const calls: string[] = [];
    const seen = new Set<string>();
    const store: DedupStore = {
      async setIfAbsent(key, ttl) {
        calls.push(`set ${key} ${ttl}`);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      },
      async delete(key) {
        calls.push(`delete ${key}`);
        seen.delete(key);
      },
    };
    const dedup = createDeduplicator({ store, ttlSeconds: 3600, keyPrefix: 'hookline:' });
    await dedup.claim('evt_1');
    await dedup.release('evt_1');
    expect(calls).toEqual(['set hookline:evt_1 3600', 'delete hookline:evt_1']);
  });

  it('refuses empty ids and bad TTLs', async () => {
    const dedup = createDeduplicator();
    await expect(dedup.claim('')).rejects.toThrow(TypeError);
    expect(() => createDeduplicator({ ttlSeconds: 0 })).toThrow(RangeError);
  });
});
