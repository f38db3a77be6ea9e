import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { newId, randomAlphanumeric } from '../util/ids.js';

/** Prefix of generated API keys, so that secret scanners and humans recognise them. */
export const API_KEY_PREFIX = 'hlk_';

/** What an API key authenticates: the program it belongs to. */
export interface ApiKeyPrincipal {
  readonly programId: string;
  readonly apiKeyId: string;
}

/** SHA-256 hex. Keys carry ~238 bits of entropy, so a slow password hash would add nothing. */
export function hashApiKey(apiKey: string): string {
  return createHash('sha256').update(apiKey, 'utf8').digest('hex');
}

/**
 * Creates an API key for a program and returns it in clear, the only time it exists so:
 * only its hash is stored.
 *
 * @param apiKey a chosen key (bootstrap automation); generated when absent
 */
export async function createApiKey(
  db: Kysely<Database>,
  programId: string,
  options: { name?: string; apiKey?: string; now?: number } = {},
): Promise<{ id: string; apiKey: string }> {
  const apiKey = options.apiKey ?? `${API_KEY_PREFIX}${randomAlphanumeric(40)}`;
  const now = options.now ?? Date.now();
  const id = newId('key', now);
  await db
    .insertInto('api_keys')
    .values({
      id,
      program_id: programId,
      name: options.name ?? 'default',
      prefix: apiKey.slice(0, 8),
      key_hash: hashApiKey(apiKey),
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, apiKey };
}

/**
 * Resolves a presented key to its program, or `null`. The lookup is by hash, so the timing of
 * the index search reveals nothing about any stored key; the final comparison is constant-time
 * all the same.
 */
export async function authenticateApiKey(
  db: Kysely<Database>,
  presented: string,
): Promise<ApiKeyPrincipal | null> {
  if (presented.length === 0 || presented.length > 256) return null;
  const hash = hashApiKey(presented);
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'program_id', 'key_hash', 'revoked_at'])
    .where('key_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  const a = Buffer.from(row.key_hash, 'hex');
  const b = Buffer.from(hash, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  return { programId: row.program_id, apiKeyId: row.id };
}
