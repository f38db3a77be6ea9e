import { sql } from 'kysely';
import { recordEvent } from '../outbox/outbox.js';
import type { DeliveryWakeup } from '../outbox/outbox.js';
import type { Store } from '../storage/index.js';
import type { Clock } from '../util/time.js';
import { getReward, presentReward } from './rewards.js';

/** Options of {@link approveDueRewards}. */
export interface ApproveDueOptions {
  /** Rewards approved per transaction. Default 100. */
  readonly batchSize?: number;
  /** Upper bound on batches in one call, so one sweep cannot run unbounded. Default 100. */
  readonly maxBatches?: number;
  /** Delay before the first delivery attempt (the retry schedule's first entry). Default 0. */
  readonly firstAttemptDelayMs?: number;
}

/** What one {@link approveDueRewards} call did. */
export interface ApproveDueResult {
  /** Rewards approved (each fired `reward.approved`). */
  readonly approved: number;
  /** True when the last batch was full, i.e. more rewards may be due. */
  readonly more: boolean;
}

/**
 * Approves every reward whose review period has ended (`review_ends_at <= now`), in batches of
 * one transaction each: the status change and its `reward.approved` event (with deliveries)
 * commit together. Uses the partial index `rewards_review_due`, so each batch reads only due
 * rows. On PostgreSQL, concurrent sweepers (several `serve`/`worker` processes) skip each
 * other's locked rows; on both engines the update re-checks the status, so a reward approved
 * by hand meanwhile is not approved (or announced) twice.
 *
 * After it returns, wake the dispatcher if `approved > 0`.
 */
export async function approveDueRewards(
  store: Store,
  now: number,
  options: ApproveDueOptions = {},
): Promise<ApproveDueResult> {
  const batchSize = options.batchSize ?? 100;
  const maxBatches = options.maxBatches ?? 100;
  let approved = 0;
  for (let batch = 0; batch < maxBatches; batch++) {
    const { count, full } = await store.db.transaction().execute(async (trx) => {
      // The literal status matches the partial index's predicate on both engines.
      const due = await trx
        .selectFrom('rewards')
        .select(['id', 'program_id'])
        .where(sql<boolean>`status = 'review_period'`)
        .where('review_ends_at', '<=', now)
        .orderBy('review_ends_at')
        .limit(batchSize)
        .$if(store.engine === 'postgres', (q) => q.forUpdate().skipLocked())
        .execute();
      let count = 0;
      for (const reward of due) {
        const result = await trx
          .updateTable('rewards')
          .set({ status: 'approved', approved_at: now, review_ends_at: null, updated_at: now })
          .where('id', '=', reward.id)
          .where('status', '=', 'review_period')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) continue;
        const row = await getReward(trx, reward.program_id, reward.id);
        await recordEvent(trx, {
          programId: reward.program_id,
          type: 'reward.approved',
          data: presentReward(row),
          source: 'resource',
          now,
          firstAttemptDelayMs: options.firstAttemptDelayMs ?? 0,
        });
        count++;
      }
      return { count, full: due.length === batchSize };
    });
    approved += count;
    if (!full) return { approved, more: false };
  }
  return { approved, more: true };
}

/** A running review sweep. */
export interface RewardSweeper {
  /** Stops the timer and waits for a sweep in progress. */
  stop(): Promise<void>;
}

/**
 * Runs {@link approveDueRewards} every `intervalMs` (`HOOKLINE_REWARD_SWEEP_INTERVAL`, default
 * 1 min), at once on start, and again immediately while batches come back full. Errors are
 * logged and retried at the next tick; they never stop the sweeper.
 */
export function startRewardSweeper(options: {
  store: Store;
  intervalMs: number;
  wakeup: DeliveryWakeup;
  clock?: Clock;
  firstAttemptDelayMs?: number;
  onError?: (error: unknown) => void;
}): RewardSweeper {
  const clock = options.clock ?? Date.now;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let stopped = false;

  const tick = async () => {
    let more = false;
    try {
      const result = await approveDueRewards(options.store, clock(), {
        firstAttemptDelayMs: options.firstAttemptDelayMs ?? 0,
      });
      if (result.approved > 0) options.wakeup.wake();
      more = result.more;
    } catch (error) {
      options.onError?.(error);
    }
    if (!stopped) schedule(more ? 0 : options.intervalMs);
  };
  const schedule = (delay: number) => {
    timer = setTimeout(() => {
      running = tick();
    }, delay);
    timer.unref();
  };
  schedule(0);

  return {
    async stop() {
      stopped = true;
      if (timer) clearTimeout(timer);
      await running;
    },
  };
}
