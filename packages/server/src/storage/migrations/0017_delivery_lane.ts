import { sql } from 'kysely';
import type { Migration } from 'kysely';
import type { Db, Engine } from './common.js';

/**
 * Migration `0017_delivery_lane`. Every delivery gets a lane: `0` for the program owner's
 * webhooks and listeners, `1` for a partner's postbacks (docs/partner-portal.md). Partner
 * postbacks are untrusted endpoints, many and often slow; the dispatcher keeps a share of its
 * in-flight capacity for the owner's lane, so 200 partners' timing-out postbacks cannot delay
 * the owner's webhooks. The lane is fixed at enqueue, so a claim can pick by it without a join.
 */
export function migration0017(_engine: Engine): Migration {
  return {
    async up(db: Db) {
      await sql`alter table deliveries add column lane integer not null default 0`.execute(db);
    },
  };
}
