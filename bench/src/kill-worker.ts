/**
 * Kill -9 of one of two PostgreSQL workers, mid-drain (issue 18, item 6): how long until the
 * dead worker's deliveries are retaken, how long until throughput is back, and that none is lost.
 *
 * One webhook whose receiver answers after `--latency` ms, so the per-webhook cap (16, across
 * workers) sets the rate: 16 / 125 ms = 128 deliveries/s, the figure of the issue. Two
 * `hookline worker` processes drain a backlog; after `--warmup` s one is killed with SIGKILL.
 *
 * Measured, from the kill: `retaken` (the dead worker's last lease moved to the survivor, read
 * from `deliveries.locked_by`), `recovered` (first 1 s window at >= 90 % of the pre-kill rate),
 * the rate of each second, and losses (events the receiver never saw) and duplicates.
 *
 *   node --import tsx bench/src/kill-worker.ts [--latency 125] [--backlog 6000] [--warmup 8]
 *     [--postgres-url postgres://postgres@127.0.0.1:5432/test]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { addWebhooks, createDatabase, seedDeliveries, unfinished } from './database.js';
import { hooklineEnv } from './hookline.js';
import { isRunning, sleep, spawnTs, stopAll } from './procs.js';
import type { Child } from './procs.js';

const { values } = parseArgs({
  options: {
    latency: { type: 'string', default: '125' },
    backlog: { type: 'string', default: '6000' },
    warmup: { type: 'string', default: '8' },
    'postgres-url': {
      type: 'string',
      default: process.env.HOOKLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const latencyMs = Number(values.latency);
const backlog = Number(values.backlog);
const warmupS = Number(values.warmup);

const seen = new Map<string, number>();
const perSecond = new Map<number, number>();
const server = http.createServer({ keepAlive: true }, (req, res) => {
  req.resume();
  req.on('end', () => {
    setTimeout(() => {
      const id = String(req.headers['webhook-id']);
      seen.set(id, (seen.get(id) ?? 0) + 1);
      const second = Math.floor(Date.now() / 1000);
      perSecond.set(second, (perSecond.get(second) ?? 0) + 1);
      res.end('ok');
    }, latencyMs);
  });
});
await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`;

const db = await createDatabase('postgres', values['postgres-url']);
const workers: Child[] = [];
try {
  const [webhook] = await addWebhooks(db, [url], 'whsec_kill_worker_bench_secret_0123456789');
  await seedDeliveries(db, [webhook!], backlog);
  const env = { ...hooklineEnv(db.databaseUrl, db.apiKey), LOG_LEVEL: 'info' };
  for (const name of ['worker-a', 'worker-b']) {
    workers.push(spawnTs(name, 'packages/server/src/cli/main.ts', ['worker'], { env }));
  }
  const workerIdOf = async (child: Child) => {
    for (let i = 0; i < 600; i++) {
      const match = /"workerId":"(w_[A-Za-z0-9]+)"/.exec(child.output());
      if (match) return match[1]!;
      if (!isRunning(child)) throw new Error(`${child.name} exited: ${child.output()}`);
      await sleep(100);
    }
    throw new Error(`${child.name} did not start`);
  };
  const victimId = await workerIdOf(workers[0]!);
  await workerIdOf(workers[1]!);
  const firstSecond = Math.floor(Date.now() / 1000) + 2;
  await sleep(warmupS * 1000);

  // Kill it while it holds leases (its share of the webhook's cap), as in the issue.
  const heldNow = async () => {
    const row = await db.store.db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('locked_by', '=', victimId)
      .where('status', '=', 'pending')
      .executeTakeFirstOrThrow();
    return Number(row.n);
  };
  let held = await heldNow();
  for (let i = 0; i < 500 && held < 4; i++) {
    await sleep(10);
    held = await heldNow();
  }
  const killedAt = Date.now();
  workers[0]!.proc.kill('SIGKILL');
  await workers[0]!.exited;
  const killSecond = Math.floor(killedAt / 1000);
  let before = 0;
  for (let s = firstSecond; s < killSecond; s++) before += perSecond.get(s) ?? 0;
  const rateBefore = before / Math.max(1, killSecond - firstSecond);

  // The dead worker's leases: how many, until when, and when the last one moved.
  const leaseEnd = await sql<{ n: string | number; until: string | number | null }>`
    select count(*) as n, max(locked_until) as until from deliveries
    where locked_by = ${victimId} and status = 'pending'
  `.execute(db.store.db);
  const heldAtKill = Number(leaseEnd.rows[0]?.n ?? 0);
  const lastLeaseEnd = Number(leaseEnd.rows[0]?.until ?? killedAt);
  let retakenAt: number | undefined;
  while (retakenAt === undefined && Date.now() - killedAt < 60_000) {
    const row = await db.store.db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('locked_by', '=', victimId)
      .executeTakeFirstOrThrow();
    if (Number(row.n) === 0) retakenAt = Date.now();
    else await sleep(50);
  }
  // Drain to the end, then count.
  const drainDeadline = Date.now() + 300_000;
  while ((await unfinished(db)) > 0 && Date.now() < drainDeadline) await sleep(250);
  const lastSecond = Math.max(...perSecond.keys());
  let recoveredAt: number | undefined;
  const rates: number[] = [];
  for (let s = killSecond; s <= Math.min(lastSecond - 1, killSecond + 30); s++) {
    const n = perSecond.get(s) ?? 0;
    rates.push(n);
    if (recoveredAt === undefined && s > killSecond && n >= 0.9 * rateBefore) {
      recoveredAt = s * 1000;
    }
  }
  const events = await db.store.db.selectFrom('events').select('id').execute();
  const lost = events.filter((e) => !seen.has(e.id)).length;
  const duplicates = [...seen.values()].reduce((a, n) => a + n - 1, 0);
  const result = {
    latencyMs,
    backlog,
    rateBeforePerS: Math.round(rateBefore),
    heldByVictimBeforeKill: held,
    heldByVictimAtKill: heldAtKill,
    lastLeaseEndAfterKillMs: lastLeaseEnd - killedAt,
    lastRetakenAfterKillMs: retakenAt === undefined ? null : retakenAt - killedAt,
    fullThroughputAfterKillMs: recoveredAt === undefined ? null : recoveredAt + 1000 - killedAt,
    ratesPerSecondFromKill: rates,
    events: events.length,
    lost,
    duplicates,
  };
  process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
  if (lost > 0) process.exitCode = 1;
} finally {
  await stopAll();
  await db.drop();
  server.closeAllConnections();
  server.close();
}
