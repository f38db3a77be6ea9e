import { sql } from 'kysely';
import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/**
 * Migration `0021_deliveries_in_flight`, PostgreSQL only: the leased deliveries by webhook,
 * `deliveries_in_flight (webhook_id) where status = 'pending' and locked_by is not null`, for
 * the cross-worker cap's count of a webhook's leases, which runs in every claim
 * (deliveries/in-flight-cap.ts). A probe reads that webhook's rows in flight: at most its cap,
 * plus leases a dead worker left, whatever its backlog, its scheduled retries or the statistics.
 *
 * Why: the count read `deliveries_lane_webhook_due`, where leased rows sit at their lease end
 * among the scheduled retries. Planned with a time range past what the statistics had seen
 * (`next_attempt_at > now` always is), PostgreSQL kept only the lane and the time as index
 * conditions and filtered the claimed webhooks out of every webhook's leased and scheduled rows:
 * beside 200 partners' timing-out postbacks, 512 rows per claim, 0.87 ms against 0.25 ms in
 * the quiet run, growing with every retry any endpoint has scheduled. Counted through
 * `deliveries_leased (locked_until)` instead, a stale estimate made it read every lease of every
 * webhook, or `deliveries_lane_webhook_due` whole. The predicate names `locked_by` (set and
 * cleared with `locked_until` by every lease, result and release) so that the count, whose time
 * test is not an index condition, matches no other partial index (docs/design-measurements.md).
 *
 * Cost: one index entry per lease (the claim's update writes a new row version, which gets an
 * entry in every index anyway; the result's version, with `locked_by` null, gets none). SQLite
 * runs one dispatcher per database and keeps its cap in memory.
 */
export function migration0021(engine: Engine): Migration {
  return {
    async up(db: Db) {
      if (engine !== 'postgres') return;
      await sql`create index deliveries_in_flight on deliveries (webhook_id) where status = 'pending' and locked_by is not null`.execute(
        db,
      );
    },
  };
}
