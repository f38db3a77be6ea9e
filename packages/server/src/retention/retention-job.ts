import type { Store } from '../storage/index.js';
import type { Clock } from '../util/time.js';
import { purgeBatch, releaseFreePages } from './purge-expired.js';
import type { PurgeCounts } from './purge-expired.js';

/** Options of {@link startRetentionJob}. */
export interface RetentionJobOptions {
  readonly store: Store;
  readonly clock: Clock;
  /** How long events and their delivery logs are kept. */
  readonly retentionMs: number;
  /** How often a purge starts when the last one found nothing more. Default 10 min. */
  readonly intervalMs?: number;
  /** Events per batch. Default 500 (~1,500 deliveries with 3 webhooks). */
  readonly batchSize?: number;
  /** Pause between two batches, so the dispatcher's commits interleave. Default 20 ms. */
  readonly pauseMs?: number;
  /** Told after each purge that deleted something. */
  readonly onPurged?: (counts: PurgeCounts) => void;
  readonly onError: (error: unknown) => void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;

/** The running retention job. */
export interface RetentionJob {
  /** Runs one whole purge now (every batch due); for `hookline purge` and tests. */
  runOnce(): Promise<PurgeCounts>;
  /** Stops after the batch in progress. */
  stop(): Promise<void>;
}

/**
 * The retention job: every `intervalMs`, deletes what fell out of the window in small batches
 * with a pause between them, then gives freed space back (SQLite). Failures are reported and
 * retried at the next tick; they never stop it.
 */
export function startRetentionJob(options: RetentionJobOptions): RetentionJob {
  const batchSize = options.batchSize ?? 500;
  const pauseMs = options.pauseMs ?? 20;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<PurgeCounts> | undefined;

  const purgeAll = async (): Promise<PurgeCounts> => {
    const total: PurgeCounts = {
      events: 0,
      deliveries: 0,
      attempts: 0,
      idempotencyKeys: 0,
      sessions: 0,
      signInLinks: 0,
    };
    for (;;) {
      const counts = await purgeBatch(options.store, {
        now: options.clock(),
        retentionMs: options.retentionMs,
        batchSize,
      });
      for (const key of Object.keys(total) as (keyof PurgeCounts)[]) total[key] += counts[key];
      const more = counts.events === batchSize || counts.idempotencyKeys >= batchSize;
      if (!more || stopped) break;
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    while ((await releaseFreePages(options.store)) > 0 && !stopped) {
      await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    if (total.events + total.idempotencyKeys + total.sessions + total.signInLinks > 0) {
      options.onPurged?.(total);
    }
    return total;
  };

  const runOnce = () => {
    running ??= purgeAll().finally(() => {
      running = undefined;
    });
    return running;
  };

  const schedule = (delayMs: number) => {
    if (stopped) return;
    // setTimeout takes at most 2^31-1 ms (~24.8 days); longer delays would fire at once.
    timer = setTimeout(() => {
      runOnce().then(
        () => schedule(options.intervalMs ?? 600_000),
        (error: unknown) => {
          options.onError(error);
          schedule(options.intervalMs ?? 600_000);
        },
      );
    }, Math.min(delayMs, MAX_TIMER_MS));
    timer.unref();
  };
  // The first purge soon after start, not at once: start-up is busy enough.
  schedule(Math.min(options.intervalMs ?? 600_000, 30_000));

  return {
    runOnce,
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
    },
  };
}
