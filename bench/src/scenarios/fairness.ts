import type { BenchContext } from '../context.js';
import type { EndpointMode } from '../receivers.js';
import { startReceivers } from '../receivers.js';
import type { RunResult } from '../results.js';
import type { Deployment } from './deployments.js';
import { FAULTY_ENDPOINT, measurePhase, settleSeconds } from './e2e.js';
import { startEnvironment } from './environment.js';

/** The misbehaviours of the fairness runs. */
export const FAULTS = ['timeout', '500'] as const;
export type Fault = (typeof FAULTS)[number];

/** The report's name of a fault run. */
export function faultVariant(fault: Fault): string {
  return fault === 'timeout' ? '1 of 10 endpoints times out' : '1 of 10 endpoints answers 500';
}

/**
 * The fairness runs' event rate: the issue's fixed operating point, 1,000 deliveries/s, or half
 * the deployment's maximum when that is lower. Not a fraction of the maximum alone: the maximum
 * varies by ±20% between runs, and at half of a high one the quiet phase itself queued (p50
 * 620 ms), so the ratio measured a backlog, not what the bad endpoint costs.
 */
export function fairnessRate(endpoints: number, maxEventsPerSecond: number | undefined): number {
  const fixed = 1000 / endpoints;
  return maxEventsPerSecond === undefined ? fixed : Math.min(fixed, maxEventsPerSecond / 2);
}

/**
 * Fairness: one environment publishing at a fixed rate to ten endpoints, first all healthy
 * (the baseline, `fairness/<deployment>/<fault>-quiet`), then with one endpoint never answering
 * (the 5 s timeout) or answering 500 (`fairness/<deployment>/<fault>`). Same processes, same
 * database, one phase right after the other, so the p99 ratio is a same-run ratio and not two
 * environments' start-up noise.
 */
export async function runFairness(
  ctx: BenchContext,
  deployment: Deployment,
  fault: Fault,
  eventsPerSecond: number,
): Promise<RunResult[]> {
  const base = {
    id: `fairness/${deployment.key}/${fault}`,
    scenario: 'fairness',
    system: deployment.label,
    variant: faultVariant(fault),
  } as const;
  const modes: EndpointMode[] = Array.from({ length: ctx.sizes.endpoints }, () => 'ok');
  const receivers = await startReceivers(modes, ctx.secret);
  try {
    const env = await startEnvironment(ctx, deployment, receivers);
    try {
      const load = { kind: 'rate', eventsPerSecond } as const;
      // Warm-up at the same rate before each phase: JIT and caches as warm in both, and the
      // faulty endpoint already has a backlog (and retries due) when its phase starts. The first
      // lasts a whole phase: a new environment's first phase was slower than the next identical
      // one (docs/design-measurements.md, "The postback thread's priority"), which flattered
      // the ratio.
      await measurePhase(ctx, env, receivers, load, settleSeconds(ctx));
      const quiet = await measurePhase(ctx, env, receivers, load, ctx.sizes.e2eSeconds);
      await receivers.setMode(FAULTY_ENDPOINT, fault);
      await measurePhase(ctx, env, receivers, load, ctx.sizes.warmupSeconds);
      const phase = await measurePhase(ctx, env, receivers, load, ctx.sizes.e2eSeconds);
      return [
        {
          ...base,
          id: `${base.id}-quiet`,
          variant: 'all healthy (its baseline)',
          ...quiet.result,
        },
        { ...base, ...phase.result },
      ];
    } finally {
      await env.close();
    }
  } finally {
    await receivers.stop();
  }
}
