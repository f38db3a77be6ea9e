import { randomBytes, randomFillSync } from 'node:crypto';

const CROCKFORD = '0123456789abcdefghjkmnpqrstvwxyz';

/**
 * A time-ordered identifier: a prefix, 10 characters of millisecond timestamp and 16 of
 * randomness (a lowercase ULID). Time order keeps inserts at the right edge of every B-tree,
 * which measured 4x cheaper than random UUIDs in SQLite (docs/design-measurements.md).
 *
 * @example newId('evt') // 'evt_01jz3k8q9x...'
 */
export function newId(prefix: string, now: number = Date.now()): string {
  let time = '';
  let t = now;
  for (let i = 0; i < 10; i++) {
    time = CROCKFORD[t % 32] + time;
    t = Math.floor(t / 32);
  }
  const start = takeRandom(10);
  let rand = '';
  // 80 random bits as 16 base-32 characters, 5 bits each.
  let acc = 0;
  let bits = 0;
  for (let i = start; i < start + 10; i++) {
    acc = (acc << 8) | (POOL[i] as number);
    bits += 8;
    while (bits >= 5) {
      bits -= 5;
      rand += CROCKFORD[(acc >> bits) & 31];
    }
    acc &= (1 << bits) - 1;
  }
  return `${prefix}_${time}${rand}`;
}

/** Random bytes drawn in blocks: one `randomBytes(10)` per id was ~4% of a drain's CPU. */
const POOL = Buffer.alloc(4096);
let poolOffset = POOL.length;

/** Reserves `size` fresh bytes of POOL (each byte is used once) and returns their offset. */
function takeRandom(size: number): number {
  if (poolOffset + size > POOL.length) {
    randomFillSync(POOL);
    poolOffset = 0;
  }
  const start = poolOffset;
  poolOffset += size;
  return start;
}

const ALPHANUMERIC = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/**
 * A uniformly random string of ASCII letters and digits, used for webhook keys (12) and
 * signing secrets (32). Rejection sampling avoids the modulo bias of `byte % 62`.
 *
 * @example randomAlphanumeric(12) // 'uLbBzVvN7ARX'
 */
export function randomAlphanumeric(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < 248 && out.length < length) out += ALPHANUMERIC[byte % 62];
    }
  }
  return out;
}
