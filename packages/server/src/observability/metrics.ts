import { sql } from 'kysely';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import { LANES } from '../deliveries/index.js';
import type { DeliveryFeed } from '../deliveries/index.js';
import type { Store } from '../storage/index.js';

/** How long a queue-depth count is reused, so scrapes never hammer a large backlog. */
const QUEUE_DEPTH_CACHE_MS = 5_000;

/**
 * The Prometheus metrics of one Hookline process, in their own registry (so several services
 * can live in one process, as in tests). Labels are low-cardinality: trigger, outcome, status;
 * never URLs, webhook keys or programs.
 */
export interface DeliveryMetrics {
  readonly registry: Registry;
  /** Reports the dispatcher's in-flight count in `hookline_delivery_in_flight`. */
  setInFlightSource(source: () => number): void;
  /** Prometheus text exposition. */
  render(): Promise<string>;
}

/**
 * Creates the metrics and subscribes them to the delivery events.
 *
 * - `hookline_delivery_attempts_total{trigger, outcome}`: outcome is `success` or an error class
 * - `hookline_deliveries_completed_total{status}`: `succeeded`, `failed`, `cancelled`
 * - `hookline_delivery_attempt_duration_seconds{outcome}`: `success` or `failure`
 * - `hookline_delivery_queue_depth`: pending deliveries due now (cached 5 s)
 * - `hookline_delivery_in_flight`: attempts in flight in this process
 * - `hookline_delivery_claims_total`, plus Node's default process metrics
 */
export function createDeliveryMetrics(store: Store, events: DeliveryFeed): DeliveryMetrics {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'hookline_' });

  const attempts = new Counter({
    name: 'hookline_delivery_attempts_total',
    help: 'Delivery attempts by trigger (scheduled, manual, test) and outcome (success or error class).',
    labelNames: ['trigger', 'outcome'] as const,
    registers: [registry],
  });
  const completed = new Counter({
    name: 'hookline_deliveries_completed_total',
    help: 'Deliveries that reached a final status.',
    labelNames: ['status'] as const,
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'hookline_delivery_attempt_duration_seconds',
    help: 'Duration of delivery attempts (the whole HTTP exchange).',
    labelNames: ['outcome'] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30],
    registers: [registry],
  });
  const claims = new Counter({
    name: 'hookline_delivery_claimed_total',
    help: 'Deliveries claimed by this process.',
    registers: [registry],
  });
  let inFlight: () => number = () => 0;
  new Gauge({
    name: 'hookline_delivery_in_flight',
    help: 'Delivery attempts in flight in this process.',
    registers: [registry],
    collect() {
      this.set(inFlight());
    },
  });
  let cached: { at: number; value: number } | undefined;
  new Gauge({
    name: 'hookline_delivery_queue_depth',
    help: 'Pending deliveries that are due now (all programs, all workers).',
    registers: [registry],
    async collect() {
      const now = Date.now();
      if (!cached || now - cached.at > QUEUE_DEPTH_CACHE_MS) {
        // Lane by lane (deliveries/lanes.ts), each a literal, so every lane's head index applies
        // (on PostgreSQL one partial index per lane, migration 0020).
        const result = await sql<{ n: number | string }>`
          select ${sql.join(
            LANES.map(
              (lane) => sql`(select count(*) from deliveries
                where status = 'pending' and lane = ${sql.lit(lane)} and next_attempt_at <= ${now})`,
            ),
            sql` + `,
          )} as n
        `.execute(store.db);
        cached = { at: now, value: Number(result.rows[0]?.n ?? 0) };
      }
      this.set(cached.value);
    },
  });

  events.on('delivery:attempt:succeeded', (e) => {
    attempts.inc({ trigger: e.trigger, outcome: 'success' });
    duration.observe({ outcome: 'success' }, e.outcome.durationMs / 1000);
  });
  events.on('delivery:attempt:failed', (e) => {
    attempts.inc({ trigger: e.trigger, outcome: e.outcome.errorClass ?? 'unknown' });
    duration.observe({ outcome: 'failure' }, e.outcome.durationMs / 1000);
  });
  events.on('delivery:succeeded', () => completed.inc({ status: 'succeeded' }));
  events.on('delivery:failed', () => completed.inc({ status: 'failed' }));
  events.on('delivery:cancelled', (e) =>
    completed.inc({ status: 'cancelled' }, e.deliveryIds.length),
  );
  events.on('dispatcher:claimed', (e) => claims.inc(e.count));

  return {
    registry,
    setInFlightSource(source) {
      inFlight = source;
    },
    render: () => registry.metrics(),
  };
}

const byEvents = new WeakMap<DeliveryFeed, DeliveryMetrics>();

/**
 * The metrics subscribed to one set of delivery events, created on first use: the service and
 * the `/metrics` route of one process share them.
 */
export function metricsOf(store: Store, events: DeliveryFeed): DeliveryMetrics {
  let metrics = byEvents.get(events);
  if (!metrics) {
    metrics = createDeliveryMetrics(store, events);
    byEvents.set(events, metrics);
  }
  return metrics;
}
