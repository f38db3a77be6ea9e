/**
 * The SQLite work of a delivery, without HTTP: on one connection, events are published through
 * the API's publisher (10 webhooks each), claimed as the dispatcher claims them, and a
 * succeeded attempt is recorded for each through the dispatcher's attempt recorder. Prints the
 * process's CPU per delivery. End to end on two shared cores, a change worth 5% of the main
 * thread drowns in ±20% of noise; this isolates the storage layer, so two builds (two
 * checkouts) or two settings can be compared in alternating runs.
 *
 *   node --import tsx bench/src/sqlite-cycle.ts [--events 20000] [--group 4] [--overlap]
 *
 * `--group`: publishes that arrive together (committed together by the publisher).
 * `--overlap`: the next publishes, the claim and the previous claim's results start in the
 * same event-loop turn, as they do in `serve` under load; otherwise one after another.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { claim, createAttemptRecorder } from '../../packages/server/src/deliveries/index.js';
import type { ClaimedDelivery } from '../../packages/server/src/deliveries/index.js';
import { createPublisher } from '../../packages/server/src/outbox/publisher.js';
import { createProgram } from '../../packages/server/src/programs/programs.js';
import { migrateToLatest, openStore } from '../../packages/server/src/storage/index.js';
import { createWebhook } from '../../packages/server/src/webhooks/create.js';
import { succeededAttempt } from './succeeded-attempt.js';

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '20000' },
    group: { type: 'string', default: '4' },
    overlap: { type: 'boolean', default: false },
  },
});
const events = Number(values.events);
const group = Number(values.group);

const dir = mkdtempSync(join(tmpdir(), 'hookline-cycle-'));
const store = await openStore({ engine: 'sqlite', filename: join(dir, 'cycle.db') });
try {
  await migrateToLatest(store);
  const program = await createProgram(store.db, { name: 'cycle' });
  for (let i = 0; i < 10; i++) {
    await createWebhook(
      store.db,
      {
        programId: program.id,
        name: `w${i}`,
        url: `https://example.com/hooks/${i}`,
        events: ['partner.created'],
        isActive: true,
      },
      Date.now(),
    );
  }
  const publisher = createPublisher(store);
  const recorder = createAttemptRecorder(store, 'w_cycle');
  let published = 0;
  const publishSome = async () => {
    const n = Math.min(group, events - published);
    published += n;
    await Promise.all(
      Array.from({ length: n }, (_, i) =>
        publisher.publish({
          programId: program.id,
          type: 'partner.created',
          data: { id: `p_${published + i}`, email: 'someone@example.com', name: 'A Partner' },
          now: Date.now(),
          firstAttemptDelayMs: 0,
        }),
      ),
    );
  };
  const claimSome = async () =>
    (
      await claim(store, {
        workerId: 'w_cycle',
        now: Date.now(),
        leaseMs: 7_000,
        limit: 256,
        saturatedWebhookIds: [],
        freeSlots: () => 256,
      })
    ).claimed;
  const recordAll = (claimed: readonly ClaimedDelivery[]) =>
    Promise.all(
      claimed.map((d) =>
        recorder.record(
          succeededAttempt(d, Date.now(), {
            durationMs: 2,
            requestHeaders: { 'content-type': 'application/json', 'webhook-id': d.eventId },
            responseHeaders: { 'content-length': '2' },
            responseBody: 'ok',
          }),
        ),
      ),
    );

  let delivered = 0;
  const cpu = process.cpuUsage();
  const started = performance.now();
  let previous: readonly ClaimedDelivery[] = [];
  while (published < events || previous.length > 0) {
    if (values.overlap) {
      const [, claimed] = await Promise.all([publishSome(), claimSome(), recordAll(previous)]);
      delivered += previous.length;
      previous = claimed;
    } else {
      await publishSome();
      const claimed = await claimSome();
      await recordAll(claimed);
      delivered += claimed.length;
    }
  }
  for (let claimed = await claimSome(); claimed.length > 0; claimed = await claimSome()) {
    await recordAll(claimed);
    delivered += claimed.length;
  }
  const used = process.cpuUsage(cpu);
  const seconds = (performance.now() - started) / 1000;
  console.log(
    JSON.stringify({
      events,
      group,
      overlap: values.overlap,
      delivered,
      cpuUsPerDelivery: Number(((used.user + used.system) / delivered).toFixed(1)),
      deliveriesPerSecond: Math.round(delivered / seconds),
    }),
  );
} finally {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
}
