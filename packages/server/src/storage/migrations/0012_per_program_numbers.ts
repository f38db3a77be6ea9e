import type { Migration } from 'kysely';
import { sql } from 'kysely';
import type { Db, Engine } from './common.js';

/**
 * Migration `0012_per_program_numbers`.
 * Leads and payout requests get a number per program, shown as their `id`, instead of the
 * installation-wide sequence (which told one program how many leads the others had). Existing
 * rows keep their old id as their number, so every id already handed out still answers;
 * numbers are unique per program, and `program_counters` hands out the next one.
 */
export function migration0012(_engine: Engine): Migration {
  return {
    async up(db: Db) {
      // One row per (program, sequence): the last number handed out. Its row lock is what makes
      // two concurrent inserts in one program take different numbers.
      await db.schema
        .createTable('program_counters')
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('value', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('program_counters_pk', ['program_id', 'name'])
        .execute();
      for (const table of ['leads', 'payout_requests'] as const) {
        await db.schema
          .alterTable(table)
          .addColumn('number', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        // The old global id becomes the number: unique per program, since it was unique.
        await sql`update ${sql.table(table)} set number = id`.execute(db);
        await db.schema
          .createIndex(`${table}_program_number`)
          .unique()
          .on(table)
          .columns(['program_id', 'number'])
          .execute();
        await sql`insert into program_counters (program_id, name, value)
          select program_id, ${table}, max(number) from ${sql.table(table)} group by program_id`.execute(
          db,
        );
      }
      // Rewards name their payout request by that number (within the reward's program): the
      // values already stored are the old ids, which are the numbers of those requests.
    },
  };
}
