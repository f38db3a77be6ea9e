import type { BenchContext } from '../context.js';
import type { EndpointMode } from '../receivers.js';
import { startReceivers } from '../receivers.js';
import type { RunResult } from '../results.js';
import type { Deployment } from './deployments.js';
import { FAULTY_ENDPOINT, measurePhase } from './e2e.js';
import { startEnvironment } from './environment.js';

/** The misbehaviours of the fairness runs. */
export const FAULTS = ['timeout', '500'] as const;
export type Fault = (typeof FAULTS)[number];

/**
 * Fairness: the 50% end-to-end run again, with one endpoint of ten never answering (the 5 s
 * timeout) or answering 500. Its own receiver process, so the healthy receivers' counters are
 * not shared with the baseline's.
 */
export async function runFairness(
  ctx: BenchContext,
  deployment: Deployment,
  fault: Fault,
  eventsPerSecond: number,
): Promise<RunResult> {
  const base = {
    id: `fairness/${deployment.key}/${fault}`,
    scenario: 'fairness',
    system: deployment.label,
    variant: fault === 'timeout' ? '1 of 10 endpoints times out' : '1 of 10 endpoints answers 500',
  } as const;
  const modes: EndpointMode[] = Array.from({ length: ctx.sizes.endpoints }, (_, i) =>
    i === FAULTY_ENDPOINT ? fault : 'ok',
  );
  const receivers = await startReceivers(modes, ctx.secret);
  try {
    const env = await startEnvironment(ctx, deployment, receivers);
    try {
      // Warm-up at the same rate: JIT and caches as warm as in the baseline, and the faulty
      // endpoint already has a backlog when measuring starts.
      await measurePhase(
        ctx,
        env,
        receivers,
        { kind: 'rate', eventsPerSecond },
        ctx.sizes.warmupSeconds,
      );
      const phase = await measurePhase(
        ctx,
        env,
        receivers,
        { kind: 'rate', eventsPerSecond },
        ctx.sizes.e2eSeconds,
      );
      return { ...base, ...phase.result };
    } finally {
      await env.close();
    }
  } finally {
    await receivers.stop();
  }
}
