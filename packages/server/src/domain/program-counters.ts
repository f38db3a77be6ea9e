import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';

/** The resources numbered per program. */
export type NumberedTable = 'leads' | 'payout_requests';

/**
 * The next number of `table` in the program, taken inside the caller's transaction: an upsert
 * on the program's counter row, atomic on both engines. On PostgreSQL a concurrent insert in
 * the same program waits on that row until this transaction ends, then takes the next number;
 * SQLite has one writer. A rolled-back insert leaves a gap, as a sequence does; numbers are
 * never reused, so a deleted lead's id never names another lead. The first number of a
 * program with no counter yet follows its highest existing number (rows made before
 * migration 0012 keep their old global id as their number).
 */
export async function nextNumber(
  trx: Kysely<Database>,
  programId: string,
  table: NumberedTable,
): Promise<number> {
  const { rows } = await sql<{ value: number | string }>`
    insert into program_counters (program_id, name, value)
    values (
      ${programId},
      ${table},
      (select coalesce(max(number), 0) + 1 from ${sql.table(table)} where program_id = ${programId})
    )
    on conflict (program_id, name) do update set value = program_counters.value + 1
    returning value`.execute(trx);
  const value = rows[0]?.value;
  if (value === undefined) throw new Error(`no ${table} number was allocated`);
  return Number(value);
}
