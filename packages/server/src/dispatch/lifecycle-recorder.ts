import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import {
  FREE_THROTTLES,
  cancelForWebhook,
  lastErrorOf,
  nextDeliveryStateAfter,
} from '../deliveries/index.js';
import type { AttemptOutcome, ClaimedDelivery, NextDeliveryState } from '../deliveries/index.js';
import { createNotifier } from '../notifications/notifier.js';
import type { Notifier } from '../notifications/notifier.js';
import type { Store } from '../storage/index.js';
import { formatTimestamp } from '../util/time.js';
import { isOperationalEventType } from '../webhooks/operational-notices.js';
import type { WebhookRef } from '../webhooks/operational-notices.js';
import { disableWebhook, pauseWebhook } from '../webhooks/index.js';
import { createFailureRecordWriter } from './failure-record-writer.js';
import { disableReason, disablesAt, nextFailureRecord, WARN_EVERY } from './endpoint-lifecycle.js';
import type { AttemptVerdict, FailureRecord } from './endpoint-lifecycle.js';
import { receiverSignal } from './receiver-signals.js';
import type { ReceiverSignal } from './receiver-signals.js';

/** What a scheduled attempt leads to: the delivery's next state, and for its webhook. */
export interface AttemptDecision {
  readonly next: NextDeliveryState;
  /** A free throttled attempt (does not use the retry budget). */
  readonly throttled: boolean;
  readonly signal: ReceiverSignal;
  readonly verdict: AttemptVerdict;
}

/** The endpoint lifecycle of one dispatcher: decisions (pure) and their writes and notices. */
export interface EndpointLifecycle {
  /** Decides, without I/O, what a finished scheduled attempt leads to. */
  decide(d: ClaimedDelivery, outcome: AttemptOutcome, now: number): AttemptDecision;
  /**
   * Before the attempt is recorded (and its slot freed): pauses the webhook when the receiver
   * asked to wait, so that no claim, here or in another worker, sends to it meanwhile.
   */
  applySignal(d: ClaimedDelivery, decision: AttemptDecision): Promise<void>;
  /**
   * After the attempt was recorded: update its webhook's failure
   * record, disable it when due, and notify the owner. Never throws.
   */
  afterAttempt(
    d: ClaimedDelivery,
    outcome: AttemptOutcome,
    decision: AttemptDecision,
    now: number,
  ): Promise<void>;
  close(): void;
}

/** Options of {@link createEndpointLifecycle}. */
export interface EndpointLifecycleOptions {
  readonly store: Store;
  readonly config: Pick<
    Config,
    | 'retrySchedule'
    | 'retryAfterMaxMs'
    | 'disableAfterMs'
    | 'disableAfterFailures'
    | 'smtpUrl'
    | 'smtpFrom'
    | 'operationsEmail'
  >;
  readonly logger?: Logger | undefined;
  readonly notifier?: Notifier;
  /** Operational deliveries were enqueued: wake the dispatcher. */
  readonly onEnqueued?: () => void;
}

/**
 * Creates the endpoint lifecycle: receiver signals (429/503 `Retry-After` pause the webhook
 * and reschedule the delivery without using its retry budget; 410 disables the webhook), the
 * failure record, disabling after `HOOKLINE_DISABLE_AFTER` of continuous failure or
 * `HOOKLINE_DISABLE_AFTER_FAILURES` exhausted deliveries in a row, and the owner's notices
 * (`delivery.exhausted`, `webhook.failing`, `webhook.disabled`). Healthy attempts of healthy
 * webhooks cost no write.
 */
export function createEndpointLifecycle(options: EndpointLifecycleOptions): EndpointLifecycle {
  const { store, config } = options;
  const notifier =
    options.notifier ??
    createNotifier({
      store,
      config,
      logger: options.logger,
      ...(options.onEnqueued ? { onEnqueued: options.onEnqueued } : {}),
    });
  const failures = createFailureRecordWriter(store.db);
  const policy = {
    disableAfterMs: config.disableAfterMs,
    disableAfterFailures: config.disableAfterFailures,
  };

  function decide(d: ClaimedDelivery, outcome: AttemptOutcome, now: number): AttemptDecision {
    const signal = outcome.succeeded
      ? ({ kind: 'none' } as const)
      : receiverSignal({
          statusCode: outcome.responseStatus,
          headers: outcome.responseHeaders,
          now,
          maxDelayMs: config.retryAfterMaxMs,
        });
    const throttleUntil = signal.kind === 'throttle' ? signal.until : null;
    const throttleIsFree = d.throttledAttempts < FREE_THROTTLES;
    const next = nextDeliveryStateAfter({
      succeeded: outcome.succeeded,
      // Free throttled attempts do not count toward the retry budget.
      attemptNumber: d.attempts - d.throttledAttempts + 1,
      schedule: config.retrySchedule,
      now,
      throttleUntil,
      throttleIsFree,
      gone: signal.kind === 'gone',
    });
    const throttled = throttleUntil !== null && throttleIsFree;
    const verdict: AttemptVerdict = outcome.succeeded
      ? 'succeeded'
      : signal.kind === 'gone'
        ? 'gone'
        : throttled
          ? 'throttled'
          : next.status === 'failed'
            ? 'exhausted'
            : 'failed';
    return { next, throttled, signal, verdict };
  }

  async function afterAttempt(
    d: ClaimedDelivery,
    outcome: AttemptOutcome,
    decision: AttemptDecision,
    now: number,
  ): Promise<void> {
    try {
      const change = nextFailureRecord(d.webhookFailure, decision.verdict, now);
      let record: FailureRecord = change.next;
      if (change.changed) {
        const kind =
          decision.verdict === 'succeeded'
            ? 'reset'
            : decision.verdict === 'exhausted'
              ? 'exhausted'
              : 'failed';
        const stored = await failures.save({ webhookId: d.webhookId, change: kind, now });
        if (!stored) return; // deleted or no longer active
        record = stored;
      }
      if (decision.verdict === 'succeeded' || decision.verdict === 'throttled') return;

      const lastError = lastErrorOf(outcome);
      // Read only when a notice goes out: a failing webhook's attempts mostly need none.
      let ref: WebhookRef | undefined;
      const webhook = async () => {
        ref ??= await webhookRef(d);
        return ref;
      };
      // Notices about deliveries of operational events would chase each other between two
      // dead operational webhooks: those are logged only.
      const aboutOperational = isOperationalEventType(d.eventType);
      if (decision.verdict === 'exhausted' && !aboutOperational) {
        await notifier.notify({
          type: 'delivery.exhausted',
          programId: d.programId,
          webhookId: d.webhookId,
          data: {
            webhook: await webhook(),
            delivery_id: d.id,
            event_id: d.eventId,
            event: d.eventType,
            attempts: d.attempts + 1,
            last_error: lastError,
          },
        });
      }
      const reason = disableReason(record, decision.verdict, now, policy);
      if (reason !== null) {
        // Off and its queue cancelled in one transaction: a crash between the two cannot
        // leave deliveries due for a disabled webhook.
        if (await disableWebhook(store.db, d.webhookId, reason, now, cancelForWebhook)) {
          options.logger?.warn({ webhook: d.webhookKey, reason }, 'webhook disabled');
          await notifier.notify({
            type: 'webhook.disabled',
            programId: d.programId,
            webhookId: d.webhookId,
            data: { webhook: await webhook(), reason, disabled_at: formatTimestamp(now) },
          });
        }
        return;
      }
      const warn =
        decision.verdict === 'exhausted' &&
        (record.consecutiveFailures === 1 || record.consecutiveFailures % WARN_EVERY === 0);
      if (warn && record.failingSince !== null && !aboutOperational) {
        const at = disablesAt(record, policy);
        await notifier.notify({
          type: 'webhook.failing',
          programId: d.programId,
          webhookId: d.webhookId,
          data: {
            webhook: await webhook(),
            failing_since: formatTimestamp(record.failingSince),
            consecutive_failures: record.consecutiveFailures,
            disables_at: at === null ? null : formatTimestamp(at),
            last_error: lastError,
          },
        });
      }
    } catch (error) {
      options.logger?.error(
        { err: error, webhook: d.webhookKey },
        'endpoint lifecycle update failed',
      );
    }
  }

  async function webhookRef(d: ClaimedDelivery): Promise<WebhookRef> {
    const row = await store.db
      .selectFrom('webhooks')
      .select(['key', 'name', 'url'])
      .where('id', '=', d.webhookId)
      .executeTakeFirst();
    return row ?? { key: d.webhookKey, name: d.webhookKey, url: d.url };
  }

  async function applySignal(d: ClaimedDelivery, decision: AttemptDecision): Promise<void> {
    if (decision.signal.kind !== 'throttle') return;
    try {
      await pauseWebhook(store.db, d.webhookId, decision.signal.until);
    } catch (error) {
      // The delivery itself is still rescheduled as asked; only its siblings may go earlier.
      options.logger?.error({ err: error, webhook: d.webhookKey }, 'pausing a webhook failed');
    }
  }

  return { decide, applySignal, afterAttempt, close: () => notifier.close() };
}
