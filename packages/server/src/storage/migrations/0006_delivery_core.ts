import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/** Migration `0006_delivery_core`. */
export function migration0006(_engine: Engine): Migration {
  return {
    async up(db: Db) {
      // Each event's payload is written once (events.data): a delivery's body is rebuilt
      // from it and from the URL, webhook key and created_at fixed on the delivery row
      // (webhooks/envelope.ts), byte for byte what was stored here. With ten webhooks per
      // event this column held ten copies of every payload.
      await db.schema.alterTable('deliveries').dropColumn('body').execute();
    },
  };
}
