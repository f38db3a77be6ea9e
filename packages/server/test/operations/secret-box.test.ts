import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseEncryptionKey } from '../../src/config/encryption-key.js';
import { SecretBox, SecretBoxError } from '../../src/webhooks/secret-box.js';

const keyA = randomBytes(32);
const keyB = randomBytes(32);

describe('SecretBox (AES-256-GCM for signing secrets at rest)', () => {
  it('round-trips any secret and never stores it in clear', () => {
    const box = new SecretBox(keyA);
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (secret) => {
        const sealed = box.seal(secret);
        expect(sealed.startsWith('enc:v1:')).toBe(true);
        if (secret.length >= 4) expect(sealed).not.toContain(secret);
        expect(box.open(sealed)).toBe(secret);
      }),
    );
  });

  it('seals the same secret differently each time (fresh IV)', () => {
    const box = new SecretBox(keyA);
    expect(box.seal('whsec')).not.toBe(box.seal('whsec'));
  });

  it('reads clear values, so turning the key on needs no migration window', () => {
    expect(new SecretBox(keyA).open('plainSecret123')).toBe('plainSecret123');
    expect(new SecretBox(undefined).seal('plainSecret123')).toBe('plainSecret123');
  });

  it('opens values of the previous key during a key rotation, and says which need resealing', () => {
    const old = new SecretBox(keyA).seal('s3cret');
    const rotating = new SecretBox(keyB, [keyA]);
    expect(rotating.open(old)).toBe('s3cret');
    expect(rotating.needsResealing(old)).toBe(true);
    expect(rotating.needsResealing(rotating.seal('s3cret'))).toBe(false);
    expect(rotating.needsResealing('clear')).toBe(true);
    expect(new SecretBox(undefined, [keyA]).needsResealing(old)).toBe(true);
  });

  it('names the missing key, and refuses altered values', () => {
    const sealed = new SecretBox(keyA).seal('s3cret');
    expect(() => new SecretBox(keyB).open(sealed)).toThrow(/not configured/);
    const parts = sealed.split(':');
    parts[4] = Buffer.from('tampered!').toString('base64url');
    expect(() => new SecretBox(keyA).open(parts.join(':'))).toThrow(SecretBoxError);
  });

  it('parses keys written as hex or base64, and nothing else', () => {
    expect(parseEncryptionKey(keyA.toString('hex'))).toEqual(keyA);
    expect(parseEncryptionKey(keyA.toString('base64'))).toEqual(keyA);
    expect(parseEncryptionKey(keyA.toString('base64url'))).toEqual(keyA);
    expect(parseEncryptionKey('too-short')).toBeUndefined();
    expect(parseEncryptionKey(randomBytes(16).toString('hex'))).toBeUndefined();
  });
});
