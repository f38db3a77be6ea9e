import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CANCEL_CHUNK, cancelForWebhook } from '../../src/deliveries/cancel.js';
import { createProgram } from '../../src/programs/index.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import { engines, openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';
import { insertBacklog } from './bulk.js';

// A webhook's pending deliveries are cancelled in statements of CANCEL_CHUNK rows, so that
// SQLite's statement journal (kept in memory) does not grow with the backlog.
describe.each(engines)('cancelling a webhook’s backlog on %s', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(async () => store.close());

  it('cancels every pending delivery of the webhook across several chunks, and only those', async () => {
    const program = await createProgram(store.db, { name: 'chunks' });
    const now = Date.now();
    const webhook = (name: string) =>
      insertWebhook(store.db, {
        programId: program.id,
        name,
        url: `https://example.com/${name}`,
        events: ['partner.created'],
        isActive: true,
        now,
      });
    const target = await webhook('target');
    const bystander = await webhook('bystander');
    const backlog = 2 * CANCEL_CHUNK + 7;
    await insertBacklog(store.db, target, backlog);
    await insertBacklog(store.db, bystander, 5);
    // One of the target's deliveries already failed: it stays failed.
    const failed = await store.db
      .updateTable('deliveries')
      .set({ status: 'failed', next_attempt_at: null, completed_at: now })
      .where('id', '=', (eb) =>
        eb
          .selectFrom('deliveries')
          .select(eb.fn.min('id').as('id'))
          .where('webhook_id', '=', target.id),
      )
      .executeTakeFirst();
    expect(Number(failed.numUpdatedRows)).toBe(1);

    const cancelled = await store.db
      .transaction()
      .execute((trx) => cancelForWebhook(trx, target.id, 'webhook deleted', now));

    expect(cancelled).toBe(backlog - 1);
    const counts = await store.db
      .selectFrom('deliveries')
      .select(['webhook_id', 'status', 'cancel_reason', (eb) => eb.fn.countAll<number>().as('n')])
      .where('program_id', '=', program.id)
      .groupBy(['webhook_id', 'status', 'cancel_reason'])
      .orderBy('webhook_id')
      .orderBy('status')
      .execute();
    expect(counts.map((c) => ({ ...c, n: Number(c.n) }))).toEqual(
      [
        {
          webhook_id: target.id,
          status: 'cancelled',
          cancel_reason: 'webhook deleted',
          n: backlog - 1,
        },
        { webhook_id: target.id, status: 'failed', cancel_reason: null, n: 1 },
        { webhook_id: bystander.id, status: 'pending', cancel_reason: null, n: 5 },
      ].sort((a, b) => (a.webhook_id + a.status < b.webhook_id + b.status ? -1 : 1)),
    );
  });

  it.runIf(engine === 'sqlite')('keeps temporary data (statement journals) in memory', async () => {
    expect(store.sqlite?.pragma('temp_store', { simple: true })).toBe(2);
  });
});
