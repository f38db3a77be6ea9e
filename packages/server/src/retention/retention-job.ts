import { performance } from 'node:perf_hooks';
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
  /** Most events per batch; batches start at 100 and adapt to ~10 ms each. Default 500. */
  readonly batchSize?: number;
  /** Least pause between two batches (at least the last batch's duration). Default 20 ms. */
  readonly pauseMs?: number;
  /** Told after each purge that deleted something. */
  readonly onPurged?: (counts: PurgeCounts) => void;
  readonly onError: (error: unknown) => void;
}

const MAX_TIMER_MS = 2 ** 31 - 1;
/** How long one purge transaction should hold the write lock, in ms. */
const TARGET_BATCH_MS = 10;
/** Pages given back per step of the incremental vacuum (one short transaction). */
const PAGES_PER_RELEASE = 128;
/** The smallest batch, in events. */
const MIN_BATCH = 10;

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
    // The batch adapts so that one transaction holds the write lock for about
    // TARGET_BATCH_MS (SQLite has one writer: the dispatcher's commits wait behind each
    // batch), and the job rests at least as long as it worked, so it never takes more than
    // half of the writer's time.
    let size = Math.min(batchSize, 100);
    for (;;) {
      const started = performance.now();
      const counts = await purgeBatch(options.store, {
        now: options.clock(),
        retentionMs: options.retentionMs,
        batchSize: size,
      });
      const tookMs = performance.now() - started;
      for (const key of Object.keys(total) as (keyof PurgeCounts)[]) total[key] += counts[key];
      const more = counts.events === size || counts.idempotencyKeys >= size;
      if (!more || stopped) break;
      if (tookMs > 2 * TARGET_BATCH_MS) size = Math.max(MIN_BATCH, Math.floor(size / 2));
      else if (tookMs < TARGET_BATCH_MS / 2) size = Math.min(batchSize, size * 2);
      await new Promise((resolve) => setTimeout(resolve, Math.max(pauseMs, tookMs)));
    }
    for (;;) {
      const started = performance.now();
      const released = await releaseFreePages(options.store, PAGES_PER_RELEASE);
      if (released <= 0 || stopped) break;
      await new Promise((resolve) =>
        setTimeout(resolve, Math.max(pauseMs, performance.now() - started)),
      );
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
    timer = setTimeout(
      () => {
        runOnce().then(
          () => schedule(options.intervalMs ?? 600_000),
          (error: unknown) => {
            options.onError(error);
            schedule(options.intervalMs ?? 600_000);
          },
        );
      },
      Math.min(delayMs, MAX_TIMER_MS),
    );
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
