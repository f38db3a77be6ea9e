import { sql } from 'kysely';
import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/**
 * Migration `0019_lane_indexes`. The two partial indexes a claim reads due rows through now lead
 * with the delivery's lane (0 the owner's webhooks, 1 partners' postbacks; migration 0017), so
 * the owner's due rows are found without reading past partners' backlogs, and the fairness
 * path's loose index scan lists one lane's webhooks only:
 *
 * - `deliveries_due (next_attempt_at)` becomes `deliveries_lane_due (lane, next_attempt_at)`;
 * - `deliveries_webhook_due (webhook_id, next_attempt_at)` becomes
 *   `deliveries_lane_webhook_due (lane, webhook_id, next_attempt_at)`.
 *
 * Replaced, not added: every update of `next_attempt_at` (each claim and each result) writes
 * every index over it, so two more would cost CPU per delivery.
 */
export function migration0019(_engine: Engine): Migration {
  return {
    async up(db: Db) {
      await sql`create index deliveries_lane_due on deliveries (lane, next_attempt_at) where status = 'pending'`.execute(
        db,
      );
      await sql`create index deliveries_lane_webhook_due on deliveries (lane, webhook_id, next_attempt_at) where status = 'pending'`.execute(
        db,
      );
      await sql`drop index deliveries_due`.execute(db);
      await sql`drop index deliveries_webhook_due`.execute(db);
    },
  };
}
