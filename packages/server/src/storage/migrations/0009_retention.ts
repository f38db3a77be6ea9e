import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/** Migration `0009_retention`. */
export function migration0009(_engine: Engine): Migration {
  return {
    async up(db: Db) {
      // The retention job deletes expired idempotency keys oldest first, in batches; without
      // this it would scan the whole table (a row per keyed publish in the last 24 h).
      await db.schema
        .createIndex('idempotency_keys_created')
        .on('idempotency_keys')
        .column('created_at')
        .execute();
    },
  };
}
