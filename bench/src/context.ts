import type { Receivers } from './receivers.js';

/** Sizes of one benchmark mode. */
export interface Sizes {
  /** Pending deliveries of the backlog drain (and the peers' run). */
  readonly backlog: number;
  /** Pending deliveries of the scale run. */
  readonly scale: number;
  /** Endpoints (webhooks) every event fans out to. */
  readonly endpoints: number;
  /** In flight per endpoint (Hookline's per-webhook cap; the peers use the same). */
  readonly perEndpoint: number;
  /** Seconds of publishing in each end-to-end run, and of warm-up before the first. */
  readonly e2eSeconds: number;
  readonly warmupSeconds: number;
  /** Concurrent publishers of the "100%" end-to-end run. */
  readonly publishConcurrency: number;
  /**
   * Ceiling runs; the median one is the baseline. One ceiling run on this 2-core VM varied
   * by ±12% run to run (7,811 to 9,907/s within minutes), which moved every ratio with it.
   */
  readonly ceilingRuns: number;
}

/** Full sizes (the published run) and quick sizes (CI smoke, under a minute). */
export const SIZES: Record<'full' | 'quick', Sizes> = {
  full: {
    backlog: 100_000,
    scale: 1_000_000,
    endpoints: 10,
    perEndpoint: 16,
    e2eSeconds: 15,
    warmupSeconds: 3,
    publishConcurrency: 16,
    ceilingRuns: 3,
  },
  quick: {
    backlog: 5_000,
    scale: 20_000,
    endpoints: 10,
    perEndpoint: 16,
    e2eSeconds: 2.5,
    warmupSeconds: 0.5,
    publishConcurrency: 16,
    ceilingRuns: 1,
  },
};

/** What every scenario gets from the harness. */
export interface BenchContext {
  readonly mode: 'quick' | 'full';
  readonly sizes: Sizes;
  /** The signing secret of every webhook, and the receivers' verification key. */
  readonly secret: string;
  readonly postgresUrl: string;
  readonly redisUrl: string;
  /** A receiver process with `sizes.endpoints` healthy endpoints, reset before each use. */
  readonly receivers: Receivers;
  /** Epoch ms after which remaining runs are skipped (quick mode's budget). */
  readonly deadline: number;
  log(message: string): void;
}

/** Bounded wait for a run: the larger of `floorMs` and `count / minRate` seconds. */
export function budgetMs(count: number, minRatePerSecond: number, floorMs: number): number {
  return Math.max(floorMs, Math.ceil((count / minRatePerSecond) * 1000));
}
