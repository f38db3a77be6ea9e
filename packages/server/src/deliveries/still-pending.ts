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
 * the primary key for `id in (…)` either way.
 */
export const STILL_PENDING: RawBuilder<boolean> = sql<boolean>`status || '' = 'pending'`;
