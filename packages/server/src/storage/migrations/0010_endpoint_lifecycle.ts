import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';

/** Migration `0010_endpoint_lifecycle`. */
export function migration0010(engine: Engine): Migration {
  const big = bigint(engine);
  return {
    async up(db: Db) {
      // Endpoint lifecycle (dispatch/endpoint-lifecycle.ts): since when a webhook has failed
      // without a success, how many deliveries in a row failed for good, why and when it was
      // disabled, until when a receiver asked it to slow down (429/503 Retry-After), and
      // whether it receives the program's operational events.
      await db.schema.alterTable('webhooks').addColumn('failing_since', big).execute();
      await db.schema
        .alterTable('webhooks')
        .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('webhooks').addColumn('disabled_reason', 'text').execute();
      await db.schema.alterTable('webhooks').addColumn('disabled_at', big).execute();
      await db.schema.alterTable('webhooks').addColumn('paused_until', big).execute();
      await db.schema
        .alterTable('webhooks')
        .addColumn('operational', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      // Attempts answered 429/503 with Retry-After that did not use the retry budget.
      await db.schema
        .alterTable('deliveries')
        .addColumn('throttled_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
    },
  };
}
