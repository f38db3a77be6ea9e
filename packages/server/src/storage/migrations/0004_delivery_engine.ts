import { sql } from 'kysely';
import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/** Migration `0004_delivery_engine`. */
export function migration0004(_engine: Engine): Migration {
  return {
    async up(db: Db) {
      // The dispatcher's per-webhook claim: when the head of the due queue belongs to
      // webhooks at their in-flight cap, other webhooks' due rows are found through this
      // index instead of scanning past the slow webhook's backlog (delivery/claim-deliveries.ts).
      await sql`create index deliveries_webhook_due on deliveries (webhook_id, next_attempt_at) where status = 'pending'`.execute(
        db,
      );
    },
  };
}
