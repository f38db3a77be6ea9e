import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * Signing secrets at rest. With `HOOKLINE_ENCRYPTION_KEY` set, a secret is stored as
 * `enc:v1:<key id>:<iv>:<ciphertext>:<tag>` (AES-256-GCM, base64url parts, a fresh 96-bit IV
 * each time); without it, in clear, as before. Reading accepts both forms, so turning the key
 * on, rotating it (`hookline secrets reencrypt`) or reading an old backup needs no migration
 * window. The key id (8 hex digits of the key's SHA-256) says which key sealed a value, so a
 * missing key is named in the error instead of failing as a bad tag.
 */
export class SecretBox {
  readonly #current: SealingKey | undefined;
  readonly #byId: ReadonlyMap<string, SealingKey>;

  /**
   * @param current the key new secrets are sealed with; `undefined` stores them in clear
   * @param previous keys that still open older values (during a key rotation)
   */
  constructor(current: Buffer | undefined, previous: readonly Buffer[] = []) {
    this.#current = current ? sealingKey(current) : undefined;
    const all = [...(this.#current ? [this.#current] : []), ...previous.map(sealingKey)];
    this.#byId = new Map(all.map((k) => [k.id, k]));
  }

  /** Whether new secrets are encrypted. */
  get encrypts(): boolean {
    return this.#current !== undefined;
  }

  /** The stored form of a secret: sealed with the current key, or the secret itself. */
  seal(secret: string): string {
    const key = this.#current;
    if (!key) return secret;
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key.bytes, iv);
    const body = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
    return [PREFIX, key.id, b64(iv), b64(body), b64(cipher.getAuthTag())].join(':');
  }

  /**
   * The secret a stored value holds.
   *
   * @throws {SecretBoxError} when the value was sealed with a key this box lacks, or altered
   */
  open(stored: string): string {
    if (!isSealed(stored)) return stored;
    const [, , id, iv, body, tag] = stored.split(':');
    const key = this.#byId.get(id ?? '');
    if (!key) {
      throw new SecretBoxError(
        `a signing secret is encrypted with key ${id}, which is not configured (set HOOKLINE_ENCRYPTION_KEY, or HOOKLINE_ENCRYPTION_KEY_PREVIOUS during a key rotation)`,
      );
    }
    try {
      const decipher = createDecipheriv('aes-256-gcm', key.bytes, unb64(iv));
      decipher.setAuthTag(unb64(tag));
      return Buffer.concat([decipher.update(unb64(body)), decipher.final()]).toString('utf8');
    } catch (cause) {
      throw new SecretBoxError(
        `a signing secret sealed with key ${id} failed its integrity check`,
        {
          cause,
        },
      );
    }
  }

  /** Whether this box can open values sealed with the key of id `keyId`. */
  hasKey(keyId: string): boolean {
    return this.#byId.has(keyId);
  }

  /** Whether `stored` must be rewritten to be sealed with the current key (or to be clear). */
  needsResealing(stored: string): boolean {
    if (!this.#current) return isSealed(stored);
    return !stored.startsWith(`${PREFIX}:${this.#current.id}:`);
  }
}

/** A stored secret that cannot be opened, in words for the operator. */
export class SecretBoxError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SecretBoxError';
  }
}

/** Whether a stored value is sealed (rather than a secret in clear). */
export function isSealed(stored: string): boolean {
  return stored.startsWith(`${PREFIX}:`);
}

const PREFIX = 'enc:v1';

interface SealingKey {
  readonly id: string;
  readonly bytes: Buffer;
}

function sealingKey(bytes: Buffer): SealingKey {
  if (bytes.length !== 32) throw new SecretBoxError('an encryption key must be 32 bytes');
  return { id: createHash('sha256').update(bytes).digest('hex').slice(0, 8), bytes };
}

const b64 = (bytes: Buffer) => bytes.toString('base64url');
const unb64 = (text: string | undefined) => Buffer.from(text ?? '', 'base64url');
