import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/** Migration `0005_event_deliveries_index`. */
export function migration0005(_engine: Engine): Migration {
  return {
    async up(db: Db) {
      // An event's deliveries are read by (program_id, event_id) ordered by id. With an index
      // on event_id alone, SQLite's planner (which has no statistics) preferred
      // (program_id, id) because it also gives the order, and scanned every delivery of the
      // program on each publish: O(deliveries) per POST /v1/events. (event_id, id) gives
      // both the equality and the order, and wins (test/foundation/query-plans.test.ts).
      await db.schema.dropIndex('deliveries_event_id').execute();
      await db.schema
        .createIndex('deliveries_event_id')
        .on('deliveries')
        .columns(['event_id', 'id'])
        .execute();
    },
  };
}
