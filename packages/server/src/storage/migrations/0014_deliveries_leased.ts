import { sql } from 'kysely';
import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/**
 * Migration `0014_deliveries_leased`. A partial index
 * over the leased deliveries only (the ones in flight, at most the workers' in-flight caps), by
 * lease end, so a claim finds the leases that lapsed (a worker killed mid-attempt) without
 * reading the due backlog: those deliveries are retaken first, not behind every older due row.
 */
export function migration0014(_engine: Engine): Migration {
  return {
    async up(db: Db) {
      await sql`create index deliveries_leased on deliveries (locked_until) where status = 'pending' and locked_until is not null`.execute(
        db,
      );
    },
  };
}
