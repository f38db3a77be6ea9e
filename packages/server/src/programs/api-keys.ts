import { createHash, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { cancelForWebhook } from '../deliveries/index.js';
import type { Database } from '../storage/index.js';
import { stopListenersOfApiKey } from '../webhooks/index.js';
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
  now: number = Date.now(),
): Promise<ApiKeyPrincipal | null> {
  if (presented.length === 0 || presented.length > 256) return null;
  const hash = hashApiKey(presented);
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'program_id', 'key_hash', 'revoked_at', 'last_used_at'])
    .where('key_hash', '=', hash)
    .executeTakeFirst();
  if (!row || row.revoked_at !== null) return null;
  const a = Buffer.from(row.key_hash, 'hex');
  const b = Buffer.from(hash, 'hex');
  if (a.length !== b.length || !timingSafeEqual(a, b)) return null;
  if (row.last_used_at === null || Number(row.last_used_at) <= now - LAST_USED_RESOLUTION_MS) {
    // At most one write per key per minute: "last used" is for people deciding which keys to
    // revoke, and a write on every request would double the cost of reads on SQLite.
    await db.updateTable('api_keys').set({ last_used_at: now }).where('id', '=', row.id).execute();
  }
  return { programId: row.program_id, apiKeyId: row.id };
}

/** How stale `last_used_at` may get before an authentication refreshes it (1 min). */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** An API key as its owner sees it: never the key itself, only its first characters. */
export interface ApiKeySummary {
  readonly id: string;
  readonly name: string;
  readonly prefix: string;
  readonly createdAt: number;
  /** Accurate to {@link LAST_USED_RESOLUTION_MS}; `null` when never used. */
  readonly lastUsedAt: number | null;
  readonly revokedAt: number | null;
}

/** Every key of a program, revoked ones included (they explain a 401), newest first. */
export async function listApiKeys(
  db: Kysely<Database>,
  programId: string,
): Promise<ApiKeySummary[]> {
  const rows = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('program_id', '=', programId)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .execute();
  return rows.map(summaryOf);
}

/** One key of a program, or `undefined` (unknown, or another program's). */
export async function findApiKey(
  db: Kysely<Database>,
  programId: string,
  keyId: string,
): Promise<ApiKeySummary | undefined> {
  const row = await db
    .selectFrom('api_keys')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at', 'revoked_at'])
    .where('program_id', '=', programId)
    .where('id', '=', keyId)
    .executeTakeFirst();
  return row ? summaryOf(row) : undefined;
}

/** Why a revoked key's listeners stopped, and their queued relays were cancelled. */
export const REVOKED_KEY_REASON = 'API key revoked';

/**
 * Revokes a key and, in one transaction, ends every dashboard session opened with it and stops
 * every `hookline listen` listener it owns (the key of its newest session): the listener is
 * deactivated with the reason {@link REVOKED_KEY_REASON} and its queued deliveries are
 * cancelled with that reason, so none is relayed to anyone afterwards (an attempt already in
 * flight finishes and is logged, but cannot resurrect its delivery). Open listener streams of
 * the key, in any process, see it at their next re-check (`listen/listener-hub.ts`) and end.
 * Revoking a revoked key is a no-op that keeps the first revocation time.
 *
 * @returns the key as it is now, or `undefined` when the program has no such key
 */
export async function revokeApiKey(
  db: Kysely<Database>,
  programId: string,
  keyId: string,
  now: number = Date.now(),
): Promise<ApiKeySummary | undefined> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('api_keys')
      .set({ revoked_at: now })
      .where('program_id', '=', programId)
      .where('id', '=', keyId)
      .where('revoked_at', 'is', null)
      .execute();
    await trx.deleteFrom('sessions').where('api_key_id', '=', keyId).execute();
    // The webhooks module's transition, in this transaction: each listener off with the reason,
    // its queued deliveries cancelled.
    await stopListenersOfApiKey(trx, programId, keyId, REVOKED_KEY_REASON, now, cancelForWebhook);
    return findApiKey(trx, programId, keyId);
  });
}

function summaryOf(row: {
  id: string;
  name: string;
  prefix: string;
  created_at: number;
  last_used_at: number | null;
  revoked_at: number | null;
}): ApiKeySummary {
  return {
    id: row.id,
    name: row.name,
    prefix: row.prefix,
    createdAt: Number(row.created_at),
    lastUsedAt: row.last_used_at === null ? null : Number(row.last_used_at),
    revokedAt: row.revoked_at === null ? null : Number(row.revoked_at),
  };
}
