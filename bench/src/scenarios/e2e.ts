import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchContext } from '../context.js';
import { assertRunning } from '../hookline.js';
import { REPO_ROOT, combineSamples, sampleProcess, sleep, sqlStatements } from '../procs.js';
import { deliveriesTo, pendingTo } from '../database.js';
import type { PublishResult, PublishSource } from '../publisher.js';
import { Publisher } from '../publisher.js';
import type { Receivers } from '../receivers.js';
import { totals, waitFor } from '../receivers.js';
import type { RunResult } from '../results.js';
import { rate, summarize } from '../stats.js';
import type { Deployment } from './deployments.js';
import type { HooklineEnvironment } from './environment.js';
import { startEnvironment } from './environment.js';

/** Whether this checkout has the partner-program API (`POST /v1/transactions`). */
export function transactionsApi(): boolean {
  return existsSync(join(REPO_ROOT, 'packages/server/src/api/routes/transactions.ts'));
}

/** Index of the endpoint that misbehaves in the fairness runs (healthy in the others). */
export const FAULTY_ENDPOINT = 0;

/** A load: closed loop at full speed, or open loop at a fixed event rate. */
export type Load =
  | { readonly kind: 'max' }
  | { readonly kind: 'rate'; readonly eventsPerSecond: number };

/** Figures of one measured publishing phase. */
export interface PhaseFigures {
  readonly publish: PublishResult;
  readonly result: Omit<RunResult, 'id' | 'scenario' | 'system' | 'variant'>;
}

/**
 * One measured phase: publish for `seconds` under `load`, wait (bounded) until every healthy
 * endpoint got every event, then read throughput, CPU, RSS and the latency from the receivers.
 */
export async function measurePhase(
  ctx: BenchContext,
  env: HooklineEnvironment,
  receivers: Receivers,
  load: Load,
  seconds: number,
  source: PublishSource = 'events',
): Promise<PhaseFigures> {
  const healthy = (index: number) => receivers.modes[index] === 'ok';
  const healthyUrls = receivers.urls.filter((_, i) => healthy(i));
  const publisher = new Publisher(env.apiUrl, env.db.apiKey, source);
  try {
    await publisher.prepare();
    // Start from a quiet system: everything from before (warm-up, preparation) delivered.
    const quietBy = Date.now() + 20_000;
    while ((await pendingTo(env.db, healthyUrls)) > 0 && Date.now() < quietBy) await sleep(50);
    await receivers.reset();
    const before = await deliveriesTo(env.db, healthyUrls);
    const cpu0 = combineSamples(env.processes.map((p) => sampleProcess(p.pid)));
    const sql0 = await sqlStatements(env.processes);
    const publish =
      load.kind === 'max'
        ? await publisher.closedLoop(ctx.sizes.publishConcurrency, seconds)
        : await publisher.openLoop(load.eventsPerSecond, seconds);
    if (publish.published === 0) {
      throw new Error(`no event could be published: ${publish.firstError ?? 'unknown error'}`);
    }
    // One request may fire several events (a sale also creates a reward): count the rows.
    const expected = (await deliveriesTo(env.db, healthyUrls)) - before;
    const { stats, timedOut } = await waitFor(
      receivers,
      (s) => totals(s, (e) => healthy(e.index)).distinct >= expected,
      Math.max(20_000, seconds * 4000),
      50,
      () => assertRunning(env.processes),
    );
    const cpu1 = combineSamples(env.processes.map((p) => sampleProcess(p.pid)));
    const sql1 = await sqlStatements(env.processes);
    ctx.log(
      `  ${load.kind === 'max' ? 'max rate' : `${Math.round(load.eventsPerSecond)} events/s`}: published ${publish.published} events in ${publish.seconds.toFixed(1)} s, ${totals(stats).distinct} of ${expected} deliveries after ${((performance.timeOrigin + performance.now() - publish.startedAt) / 1000).toFixed(1)} s`,
    );
    const latencies = await receivers.latencies();
    const all = totals(stats, (e) => healthy(e.index));
    const healthyOnly = totals(stats, (e) => healthy(e.index) && e.index !== FAULTY_ENDPOINT);
    const end = all.lastArrival ?? publish.startedAt;
    const elapsed = (end - publish.startedAt) / 1000;
    const healthyElapsed =
      ((healthyOnly.lastArrival ?? publish.startedAt) - publish.startedAt) / 1000;
    const notes: string[] = [];
    if (timedOut) notes.push(`only ${all.distinct} of ${expected} deliveries arrived in time`);
    if (publish.failed > 0)
      notes.push(`${publish.failed} publish requests failed (${publish.firstError})`);
    return {
      publish,
      result: {
        status: timedOut ? 'error' : 'ok',
        note: notes.length > 0 ? notes.join('; ') : undefined,
        deliveries: all.distinct,
        seconds: elapsed,
        deliveriesPerSecond: rate(all.distinct, elapsed),
        eventsPerSecond: rate(publish.published, publish.seconds),
        cpuPercent: (100 * (cpu1.cpuSeconds - cpu0.cpuSeconds)) / elapsed,
        peakRssMb: cpu1.peakRssMb,
        sqlStatements: sql0 === undefined || sql1 === undefined ? undefined : sql1 - sql0,
        latency: summarize(latencies.filter((_, i) => healthy(i)).flat()),
        publishLatency: publish.latency,
        healthy: {
          deliveries: healthyOnly.distinct,
          deliveriesPerSecond: rate(healthyOnly.distinct, healthyElapsed),
          latency: summarize(
            latencies.filter((_, i) => healthy(i) && i !== FAULTY_ENDPOINT).flat(),
          ),
        },
        badSignatures: all.badSignatures,
        duplicates: all.duplicates,
        workers: env.processes.length,
      },
    };
  } finally {
    await publisher.close();
  }
}

/**
 * The warm-up before a baseline that a later phase is compared with (fairness): a whole phase.
 * A new environment's first 15 s phase after the short warm-up was slower than the next
 * identical one (PostgreSQL, postbacks not seeded: p99 19–92 ms, then 17–39 ms), so a baseline
 * taken there made a fault's ratio look smaller than it was.
 */
export function settleSeconds(ctx: BenchContext): number {
  return Math.max(ctx.sizes.warmupSeconds, ctx.sizes.e2eSeconds);
}

/** Warm-up: publish briefly and let it drain, so JIT and caches are warm. Not measured. */
export async function warmUp(
  ctx: BenchContext,
  env: HooklineEnvironment,
  receivers: Receivers,
): Promise<void> {
  if (ctx.sizes.warmupSeconds <= 0) return;
  await measurePhase(ctx, env, receivers, { kind: 'max' }, ctx.sizes.warmupSeconds);
}

/**
 * End to end for one deployment: the 100% run (closed loop, as fast as the publishers go),
 * then the 50% run (open loop at half the event rate the 100% run reached).
 */
export async function runEndToEnd(ctx: BenchContext, deployment: Deployment): Promise<RunResult[]> {
  const base = { scenario: 'e2e', system: deployment.label } as const;
  const env = await startEnvironment(ctx, deployment, ctx.receivers);
  try {
    await warmUp(ctx, env, ctx.receivers);
    const full = await measurePhase(ctx, env, ctx.receivers, { kind: 'max' }, ctx.sizes.e2eSeconds);
    const results: RunResult[] = [
      { ...base, id: `e2e/${deployment.key}/100`, variant: '100% (max rate)', ...full.result },
    ];
    const maxRate = full.result.eventsPerSecond ?? 0;
    if (full.result.status === 'ok' && maxRate > 0) {
      const half = await measurePhase(
        ctx,
        env,
        ctx.receivers,
        { kind: 'rate', eventsPerSecond: maxRate / 2 },
        ctx.sizes.e2eSeconds,
      );
      results.push({
        ...base,
        id: `e2e/${deployment.key}/50`,
        variant: '50% of max rate',
        ...half.result,
      });
    } else {
      results.push({
        ...base,
        id: `e2e/${deployment.key}/50`,
        variant: '50% of max rate',
        status: 'skipped',
        note: 'the 100% run did not finish',
      });
    }
    if (full.result.status === 'ok') {
      // The issue's fixed operating point: 1,000 deliveries/s (100 events/s to 10 webhooks),
      // where publish → receipt latency is judged, whatever the maximum rate.
      const variant = '1,000 deliveries/s';
      const eventsPerSecond = 1000 / ctx.sizes.endpoints;
      const fixed = await measurePhase(
        ctx,
        env,
        ctx.receivers,
        { kind: 'rate', eventsPerSecond },
        ctx.sizes.e2eSeconds,
      );
      results.push({ ...base, id: `e2e/${deployment.key}/1k`, variant, ...fixed.result });
    }
    if (transactionsApi()) {
      // The partner-program path: each request records a sale, which fires its events.
      const variant = '100% via POST /v1/transactions';
      const id = `e2e/${deployment.key}/tx100`;
      try {
        const tx = await measurePhase(
          ctx,
          env,
          ctx.receivers,
          { kind: 'max' },
          ctx.sizes.e2eSeconds,
          'transactions',
        );
        results.push({ ...base, id, variant, ...tx.result });
      } catch (error) {
        const note = (error instanceof Error ? error.message : String(error)).slice(0, 300);
        results.push({ ...base, id, variant, status: 'error', note });
      }
    }
    return results;
  } finally {
    await env.close();
  }
}
