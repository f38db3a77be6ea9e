// HMAC-SHA256 and constant-time comparison on Web Crypto, for runtimes without `node:crypto`
// (Cloudflare Workers, Deno, Bun, browsers, the Next.js edge runtime). Web Crypto is described
// structurally so the package needs neither the DOM library nor @types/node to type-check it.

interface SubtleLike {
  importKey(
    format: 'raw',
    keyData: Uint8Array,
    algorithm: { name: 'HMAC'; hash: 'SHA-256' },
    extractable: boolean,
    usages: ['sign'],
  ): Promise<unknown>;
  sign(algorithm: 'HMAC', key: unknown, data: Uint8Array): Promise<ArrayBuffer>;
}

interface CryptoLike {
  subtle?: SubtleLike;
  getRandomValues?<T extends Uint8Array>(array: T): T;
}

function webCrypto(): CryptoLike & { subtle: SubtleLike } {
  const crypto = (globalThis as { crypto?: CryptoLike }).crypto;
  if (crypto?.subtle === undefined) {
    throw new Error(
      'Web Crypto (globalThis.crypto.subtle) is not available here; on Node.js import "@hookline/receiver" instead of "@hookline/receiver/web"',
    );
  }
  return crypto as CryptoLike & { subtle: SubtleLike };
}

/** HMAC-SHA256 with Web Crypto. */
export async function hmacSha256(key: Uint8Array, message: Uint8Array): Promise<Uint8Array> {
  const { subtle } = webCrypto();
  const cryptoKey = await subtle.importKey('raw', key, { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  return new Uint8Array(await subtle.sign('HMAC', cryptoKey, message));
}

/**
 * Compares two byte arrays of equal length in time that depends only on the length: every byte
 * is visited and differences are OR-ed together, with no early exit.
 */
export function constantTimeEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= (a[i] as number) ^ (b[i] as number);
  return diff === 0;
}

/** A random `evt_` id from Web Crypto's random source. */
export function randomEventId(): string {
  const bytes = new Uint8Array(12);
  const crypto = webCrypto();
  if (crypto.getRandomValues === undefined) throw new Error('crypto.getRandomValues is missing');
  crypto.getRandomValues(bytes);
  let hex = '';
  for (const byte of bytes) hex += byte.toString(16).padStart(2, '0');
  return `evt_${hex}`;
}
