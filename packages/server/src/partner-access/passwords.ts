import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { portalDb } from './tables.js';

/**
 * Partners' portal passwords (Partnero's partner `password`), stored as scrypt hashes: a slow,
 * memory-hard hash with a random salt per password, so a leaked table is expensive to crack.
 * Format: `scrypt$N$r$p$<salt b64>$<hash b64>`, so the cost can be raised later.
 */

const N = 16_384;
const R = 8;
const P = 1;
const KEY_LENGTH = 32;

/** Shortest password the portal accepts for sign-in. */
export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, n: number, r: number, p: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(password, salt, KEY_LENGTH, { N: n, r, p, maxmem: 64 * 1024 * 1024 }, (error, key) =>
      error ? reject(error) : resolve(key),
    );
  });
}

/** The stored form of a password. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, N, R, P);
  return `scrypt$${N}$${R}$${P}$${salt.toString('base64')}$${key.toString('base64')}`;
}

/** Whether `password` matches a stored hash (constant time on the derived key). */
export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !n || !r || !p || salt === undefined || hash === undefined)
    return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(n), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing anyone knows: verified when no partner matches, so timing says nothing. */
let decoy: Promise<string> | undefined;
export function decoyHash(): Promise<string> {
  decoy ??= hashPassword(randomBytes(16).toString('hex'));
  return decoy;
}

/**
 * Sets (or, with `null`/`""`, removes) a partner's portal password, inside the caller's
 * transaction (the partner's create or update).
 */
export async function setPartnerPassword(
  trx: Kysely<Database>,
  programId: string,
  partnerId: string,
  password: string | null,
  now: number,
): Promise<void> {
  const pdb = portalDb(trx);
  if (password === null || password === '') {
    await pdb
      .deleteFrom('portal_passwords')
      .where('program_id', '=', programId)
      .where('partner_id', '=', partnerId)
      .execute();
    return;
  }
  const values = { password_hash: await hashPassword(password), updated_at: now };
  await pdb
    .insertInto('portal_passwords')
    .values({ program_id: programId, partner_id: partnerId, ...values })
    .onConflict((oc) => oc.columns(['program_id', 'partner_id']).doUpdateSet(values))
    .execute();
}
