import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';

/**
 * Serialises the changes of one program that claim a referral key, until the caller's
 * transaction ends. A referral key names one partner whether it is a partner's own key
 * (`partners`) or an extra link's (`referral_links`): two tables, so no unique index can keep
 * a key from being taken once in each by two concurrent changes. Holding this lock, the
 * caller's "is the key free?" reads are fresh statements taken after any earlier claimant
 * committed (READ COMMITTED on PostgreSQL), so check-then-insert is safe under it. The lock
 * is the row lock of the program's `referral_keys` row in `program_counters` (its value
 * counts claims; nothing reads it), portable to both engines; SQLite has one writer anyway.
 */
export async function lockReferralKeys(trx: Kysely<Database>, programId: string): Promise<void> {
  await sql`
    insert into program_counters (program_id, name, value)
    values (${programId}, 'referral_keys', 1)
    on conflict (program_id, name) do update set value = program_counters.value + 1`.execute(trx);
}
