import { createHash, timingSafeEqual } from 'node:crypto';

/** SHA-256 hex of a token; only hashes are stored, so a database leak opens no session
 * (dashboard and portal sessions, sign-in links). */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/** Constant-time string equality (CSRF tokens). */
export function safeEqual(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}
