import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';

/** Migration `0003_dashboard`. */
export function migration0003(engine: Engine): Migration {
  const big = bigint(engine);
  return {
    async up(db: Db) {
      // One-time sign-in links printed by `serve`; only the token's SHA-256 is stored.
      await db.schema
        .createTable('sign_in_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('used_at', big)
        .execute();
      await db.schema
        .createIndex('sessions_expires_at')
        .on('sessions')
        .column('expires_at')
        .execute();
      // The dashboard's log filters and hourly charts read deliveries by creation time.
      await db.schema
        .createIndex('deliveries_program_created')
        .on('deliveries')
        .columns(['program_id', 'created_at'])
        .execute();
    },
  };
}
