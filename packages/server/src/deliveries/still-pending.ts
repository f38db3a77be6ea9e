import { sql } from 'kysely';
import type { RawBuilder } from 'kysely';

/**
 * `status = 'pending'` as the guard of a statement that reaches its deliveries by id (a lease,
 * a release, a renewal, a cancel, a result), written so that it proves no partial index's
 * `where status = 'pending'`. With the plain guard and statistics from before a backlog grew,
 * PostgreSQL's planner expects a few pending rows and reads every one of them through such an
 * index (`deliveries_lane_webhook_due`) instead of the primary key: O(backlog) per statement
 * (docs/design-measurements.md, "The result batch's plan, PostgreSQL";
 * `test/dispatch/query-plans-postgres.test.ts`). The same text on SQLite, whose planner takes
 * the primary key for `id in (…)` either way. `status` names the column, qualified in a
 * statement that joins another table with a `status`.
 */
export function stillPending(status = 'status'): RawBuilder<boolean> {
  return sql<boolean>`${sql.ref(status)} || '' = 'pending'`;
}

/** {@link stillPending} of a statement on `deliveries` alone. */
export const STILL_PENDING: RawBuilder<boolean> = stillPending();
