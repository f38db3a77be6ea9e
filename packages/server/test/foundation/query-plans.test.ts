import { CompiledQuery } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { webhookAttemptsSince } from '../../src/dashboard/stats-routes.js';
import { eventDeliveriesQuery } from '../../src/deliveries/index.js';
import { openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

// SQLite plans without statistics, so an index that merely matches `program_id` and the ORDER
// BY can beat a far more selective one and turn a lookup into a scan of the whole program.
// PostgreSQL plans from statistics and is not checked here. These are the queries on paths
// whose cost must not grow with the size of the log.
describe('SQLite query plans of hot lookups', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('sqlite');
  });
  afterAll(async () => store.close());

  const planOf = async (query: { compile(): CompiledQuery }) => {
    const compiled = query.compile();
    const result = await store.db.executeQuery<{ detail: string }>(
      CompiledQuery.raw(`explain query plan ${compiled.sql}`, [...compiled.parameters]),
    );
    return result.rows.map((row) => row.detail).join(' | ');
  };

  it("reads an event's deliveries (every publish response) through (event_id, id)", async () => {
    const plan = await planOf(eventDeliveriesQuery(store.db, 'prog', 'evt'));
    expect(plan).toContain('USING INDEX deliveries_event_id (event_id=?)');
    expect(plan).not.toContain('TEMP B-TREE');
  });

  it('reads one day of attempts of one webhook (dashboard health) through its index', async () => {
    const plan = await planOf(webhookAttemptsSince(store.db, 'wh', 0));
    expect(plan).toContain('attempts_webhook_started (webhook_id=? AND started_at>?)');
  });
});
