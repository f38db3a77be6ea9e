import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/**
 * Migration `0011_listener_api_key`.
 * A listener webhook remembers the API key whose `hookline listen` session registered or last
 * opened it, so that revoking that key stops the listener and cancels its queued relays in the
 * revoking transaction, whichever process holds the session (or none does).
 */
export function migration0011(_engine: Engine): Migration {
  return {
    async up(db: Db) {
      await db.schema.alterTable('webhooks').addColumn('api_key_id', 'text').execute();
    },
  };
}
