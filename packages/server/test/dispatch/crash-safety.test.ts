import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { createProgram } from '../../src/programs/index.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import type { Engine } from '../../src/storage/index.js';
import { engines, openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';
import { insertBacklog } from './bulk.js';
import { closedPort, eventually, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

const entry = fileURLToPath(new URL('./fixtures/serve.ts', import.meta.url));
const EVENTS = 2_000;

// SQLite also runs with a second thread, as `hookline serve` does there.
type Thread = 'none' | 'sender' | 'dispatcher';
const variants = engines.flatMap((engine): [Engine, Thread][] =>
  engine === 'sqlite'
    ? [
        [engine, 'none'],
        [engine, 'sender'],
        [engine, 'dispatcher'],
      ]
    : [[engine, 'none']],
);

describe.each(variants)('crash safety on %s (thread: %s)', (engine, thread) => {
  let store: TestStore | undefined;
  let receiver: Receiver | undefined;
  const children: ChildProcess[] = [];
  afterEach(async () => {
    for (const c of children.splice(0))
      if (c.exitCode === null && c.signalCode === null) c.kill('SIGKILL');
    await receiver?.close();
    await store?.close();
  });

  it('loses no event when the service is killed with SIGKILL mid-flight and restarted', async () => {
    store = await openTestStore(engine);
    const seen = new Set<string>();
    let requests = 0;
    receiver = await startReceiver((r) => {
      requests++;
      seen.add(String(r.headers['webhook-id']));
      return undefined;
    });
    const program = await createProgram(store.db, { name: 'crash' });
    const webhook = await insertWebhook(store.db, {
      programId: program.id,
      name: 'crash',
      url: receiver.url,
      events: ['*'],
      isActive: true,
      now: Date.now(),
    });
    const ids = await insertBacklog(store.db, webhook, EVENTS);

    const start = async () => {
      const port = await closedPort();
      const args = ['--import', 'tsx', entry, `--thread=${thread}`];
      const child = spawn(process.execPath, args, {
        env: {
          ...process.env,
          PORT: String(port),
          HOST: '127.0.0.1',
          DATABASE_URL: store!.databaseUrl,
          HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
          HOOKLINE_BOOTSTRAP_API_KEY: 'crash_test_key_0123456789',
          HOOKLINE_LEASE: '2s',
          HOOKLINE_DELIVERY_TIMEOUT: '1s',
          HOOKLINE_POLL_INTERVAL: '100ms',
          HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK: '32',
          LOG_LEVEL: 'warn',
        },
        stdio: ['ignore', 'ignore', 'inherit'],
      });
      children.push(child);
      return child;
    };

    const first = await start();
    // Kill it mid-flight: some deliveries done, others claimed, in flight or being recorded.
    // Generous: a cold `tsx` start on a loaded 2-core machine has taken over 30 s.
    await eventually(() => requests >= 400, 90_000, 5);
    first.kill('SIGKILL');
    await once(first, 'exit');
    const atKill = seen.size;
    expect(atKill).toBeLessThan(EVENTS);

    await start();
    await eventually(() => seen.size === EVENTS, 45_000, 50);
    for (const id of ids) expect(seen.has(id)).toBe(true);
    // And the log agrees: every delivery ends succeeded (duplicates allowed, losses not).
    await eventually(async () => {
      const row = await store!.db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'succeeded')
        .executeTakeFirstOrThrow();
      return Number(row.n) === EVENTS;
    }, 15_000);
    expect(requests).toBeGreaterThanOrEqual(EVENTS);
  }, 200_000);
});
