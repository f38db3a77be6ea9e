import { EventEmitter } from 'node:events';
import type { AttemptTrigger, DeliveryStatus } from '../model.js';
import type { AttemptOutcome } from './outcome.js';

/** An attempt that finished (and was logged), as the feed carries it. */
export interface AttemptNotice {
  readonly programId: string;
  readonly deliveryId: string;
  readonly eventId: string;
  readonly eventType: string;
  readonly webhookId: string;
  readonly webhookKey: string;
  readonly url: string;
  readonly attemptId: string;
  readonly attemptNumber: number;
  readonly trigger: AttemptTrigger;
  readonly outcome: AttemptOutcome;
  /** The delivery's status after this attempt. */
  readonly status: DeliveryStatus;
  /** When the next scheduled attempt is due, if any (epoch ms). */
  readonly nextAttemptAt: number | null;
}

/**
 * The feed: lifecycle notices of the delivery engine, one typed map (like
 * graphile-worker's `WorkerEventMap`). The CLI's `tail`, the metrics and the logs subscribe to
 * these; only this module and the dispatcher emit them.
 */
export interface DeliveryFeedMap {
  /** An attempt answered 2xx. */
  'delivery:attempt:succeeded': [AttemptNotice];
  /** An attempt failed (non-2xx, timeout, connection, DNS, TLS or SSRF refusal). */
  'delivery:attempt:failed': [AttemptNotice];
  /** A delivery reached `succeeded` (it was not `succeeded` before this attempt). */
  'delivery:succeeded': [AttemptNotice];
  /** A delivery reached `failed` (it used up its schedule). */
  'delivery:failed': [AttemptNotice];
  /** Deliveries were cancelled because their webhook is inactive or gone. */
  'delivery:cancelled': [{ readonly deliveryIds: readonly string[]; readonly reason: string }];
  /** A claim took deliveries under a lease. */
  'dispatcher:claimed': [{ readonly count: number; readonly workerId: string }];
  /** The dispatcher started claiming. */
  'dispatcher:started': [{ readonly workerId: string }];
  /** The dispatcher stopped; `released` deliveries were given back unfinished. */
  'dispatcher:stopped': [{ readonly workerId: string; readonly released: number }];
  /** A claim or a result write failed; the dispatcher keeps going (leases protect the rows). */
  'dispatcher:error': [{ readonly stage: 'claim' | 'record' | 'listen'; readonly error: unknown }];
}

/** A typed emitter over {@link DeliveryFeedMap}. */
export class DeliveryFeed {
  readonly #emitter = new EventEmitter();

  constructor() {
    // Many subscribers (tail sessions, dashboards) are normal; don't warn at 11.
    this.#emitter.setMaxListeners(0);
  }

  /** Subscribes; returns the unsubscribe function. */
  on<K extends keyof DeliveryFeedMap>(
    name: K,
    listener: (...args: DeliveryFeedMap[K]) => void,
  ): () => void {
    this.#emitter.on(name, listener as (...args: unknown[]) => void);
    return () => this.#emitter.off(name, listener as (...args: unknown[]) => void);
  }

  emit<K extends keyof DeliveryFeedMap>(name: K, ...args: DeliveryFeedMap[K]): void {
    // A listener that throws must not break delivery.
    try {
      this.#emitter.emit(name, ...args);
    } catch {}
  }
}

/**
 * The one rule for attempt-outcome events, whatever made the attempt (dispatcher, manual
 * retry, test send): `delivery:attempt:succeeded|failed` for every logged attempt, then
 * `delivery:succeeded|failed` only when this attempt moved the delivery into that status (a
 * manual retry of an already succeeded delivery is an attempt, not a second completion).
 *
 * @param previous the delivery's status before the attempt
 */
export function emitAttemptOutcome(
  events: DeliveryFeed,
  event: AttemptNotice,
  previous: DeliveryStatus,
): void {
  events.emit(
    event.outcome.succeeded ? 'delivery:attempt:succeeded' : 'delivery:attempt:failed',
    event,
  );
  if (previous === event.status) return;
  if (event.status === 'succeeded') events.emit('delivery:succeeded', event);
  else if (event.status === 'failed') events.emit('delivery:failed', event);
}
