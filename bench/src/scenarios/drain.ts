import type { BenchContext } from '../context.js';
import { budgetMs } from '../context.js';
import {
  addWebhooks,
  createDatabase,
  deliveryCounts,
  seedDeliveries,
  unfinished,
} from '../database.js';
import { assertRunning, hooklineEnv, startWorkers } from '../hookline.js';
import type { Child } from '../procs.js';
import { combineSamples, sampleProcess, sleep, sqlStatements, stopChild } from '../procs.js';
import { totals, waitFor } from '../receivers.js';
import type { RunResult } from '../results.js';
import { rate } from '../stats.js';
import type { Deployment } from './deployments.js';

/**
 * Backlog drain (and, with a bigger count, the scale run): `count` pending deliveries seeded
 * straight into a fresh database, then `hookline worker` processes start. Timed from the first
 * delivery arriving until the database shows every delivery succeeded.
 */
export async function runDrain(
  ctx: BenchContext,
  deployment: Deployment,
  count: number,
  scenario: 'drain' | 'scale',
): Promise<RunResult> {
  const base = {
    id: `${scenario}/${deployment.key}`,
    scenario,
    system: deployment.label,
    variant: `${count.toLocaleString('en-US')} pending`,
    workers: deployment.workers,
  } as const;
  const { receivers } = ctx;
  const db = await createDatabase(deployment.engine, ctx.postgresUrl);
  let workers: Child[] = [];
  try {
    const webhooks = await addWebhooks(db, receivers.urls, ctx.secret);
    const seedStart = Date.now();
    await seedDeliveries(db, webhooks, count);
    ctx.log(`  seeded ${count} deliveries in ${((Date.now() - seedStart) / 1000).toFixed(1)} s`);
    await receivers.reset();
    workers = startWorkers(deployment.workers, hooklineEnv(db.databaseUrl, db.apiKey));

    // CPU is counted from the first delivery, so start-up (tsx, migrations) is left out.
    const first = await waitFor(
      receivers,
      (s) => totals(s).distinct > 0,
      60_000,
      25,
      () => assertRunning(workers),
    );
    if (first.timedOut) throw new Error('no delivery arrived within 60 s of starting the workers');
    const cpu0 = combineSamples(workers.map((w) => sampleProcess(w.pid)));
    const sql0 = await sqlStatements(workers);
    const { stats, timedOut } = await waitFor(
      receivers,
      (s) => totals(s).distinct >= count,
      budgetMs(count, 100, 30_000),
      100,
      () => assertRunning(workers),
    );
    // Succeeded means the attempt and the status are committed, not only sent.
    let left = Number.POSITIVE_INFINITY;
    const until = Date.now() + 30_000;
    while (!timedOut && Date.now() < until) {
      left = await unfinished(db);
      if (left === 0) break;
      await sleep(25);
    }
    const end = performance.timeOrigin + performance.now();
    const cpu1 = combineSamples(workers.map((w) => sampleProcess(w.pid)));
    const sql1 = await sqlStatements(workers);
    const t = totals(stats);
    const counts = await deliveryCounts(db);
    const succeeded = counts.byStatus.succeeded ?? 0;
    if (timedOut || left !== 0 || t.firstArrival === null) {
      return {
        ...base,
        status: 'error',
        note: `${t.distinct} of ${count} delivered and ${succeeded} succeeded before the time limit`,
        attemptsLogged: counts.attempts,
      };
    }
    const seconds = (end - t.firstArrival) / 1000;
    return {
      ...base,
      status: 'ok',
      deliveries: succeeded,
      seconds,
      deliveriesPerSecond: rate(succeeded, seconds),
      cpuPercent: (100 * (cpu1.cpuSeconds - cpu0.cpuSeconds)) / seconds,
      peakRssMb: cpu1.peakRssMb,
      sqlStatements: sql0 === undefined || sql1 === undefined ? undefined : sql1 - sql0,
      attemptsLogged: counts.attempts,
      badSignatures: t.badSignatures,
      duplicates: t.duplicates,
    };
  } finally {
    await Promise.all(workers.map((w) => stopChild(w, 15_000)));
    await db.drop();
  }
}
