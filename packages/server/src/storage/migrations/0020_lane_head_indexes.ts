import { sql } from 'kysely';
import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/**
 * Migration `0020_lane_head_indexes`, PostgreSQL only. The heads of the lanes' due queues get one
 * partial index each, with the lane in the predicate instead of the key:
 *
 * - `deliveries_lane_due (lane, next_attempt_at)` becomes `deliveries_owner_due
 *   (next_attempt_at) where status = 'pending' and lane = 0` and `deliveries_postback_due
 *   (next_attempt_at) where status = 'pending' and lane = 1`.
 *
 * Why: with `lane` as the key's first column, every statement naming the lane could reach its
 * rows through that index, the fairness path's too. PostgreSQL, planning without statistics (a
 * new table, or a backlog that grew since the last ANALYZE), took its default selectivities,
 * judged both indexes nearly empty and read the webhooks of the owner's lane by aggregating the
 * whole due range of `deliveries_lane_due` (2,389 rows, 11 ms, for each of 11 steps of the loose
 * scan) instead of one index probe per webhook in `deliveries_lane_webhook_due`: every claim
 * behind a timing-out webhook cost O(backlog), and the healthy webhooks' p99 rose 90-fold
 * (docs/design-measurements.md). A partial index with the lane in its predicate serves only a
 * statement whose lane is a literal the planner can match to it. The head scans name it as a
 * literal and keep their plan; the fairness statements take the lane as a column (claim.ts), so
 * this index is out of their reach whatever the estimates. (With the lane as a literal, the
 * planner still chose such an index for the loose scan in the bench; a column lane alone would
 * still have had `deliveries_lane_due (lane, …)` to choose.)
 *
 * Same row count per index as before (a row belongs to one lane), so no write cost is added.
 *
 * SQLite keeps `deliveries_lane_due`: its planner, without statistics, ranks an equality on an
 * index column above a partial index with a range only, and read the heads through
 * `deliveries_lane_webhook_due` plus a sort with these indexes; with `deliveries_lane_due` it
 * picks the right index for every claim statement (test/foundation/query-plans.test.ts).
 */
export function migration0020(engine: Engine): Migration {
  return {
    async up(db: Db) {
      if (engine !== 'postgres') return;
      await sql`create index deliveries_owner_due on deliveries (next_attempt_at) where status = 'pending' and lane = 0`.execute(
        db,
      );
      await sql`create index deliveries_postback_due on deliveries (next_attempt_at) where status = 'pending' and lane = 1`.execute(
        db,
      );
      await sql`drop index deliveries_lane_due`.execute(db);
    },
  };
}
