import { sql } from 'kysely';
import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { z } from 'zod';
import type { Api, ResolvedDeps } from '../api/app.js';
import { principalOf } from '../api/auth.js';
import { ok } from '../api/responses.js';
import { overviewData, webhookStatsList } from '../api/routes/dashboard-schemas.js';
import type { Overview } from '../api/routes/dashboard-schemas.js';
import { FAILING_STREAK, endpointHealth } from '../dispatch/endpoint-health.js';
import { formatNullableTimestamp, formatTimestamp } from '../util/time.js';

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
/** Latency percentiles use at most this many recent attempts per webhook, to bound the work. */
const LATENCY_SAMPLE = 2_000;

const overviewQuery = z.object({ range: z.enum(['24h', '7d']).default('24h') });

/** Counts of one hour's deliveries by outcome. */
type HourBucket = Overview['hours'][number];

/** The `p`-quantile (0..1) of ascending-sorted numbers, nearest-rank. */
export function percentile(sorted: readonly number[], p: number): number | null {
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil(p * sorted.length));
  return sorted[Math.min(sorted.length, rank) - 1] ?? null;
}

/**
 * Attempts and successes of one webhook since `since`. Per webhook, so that the
 * (webhook_id, started_at) index bounds the read to that window; grouping a whole program's
 * attempts scanned the entire attempts table on SQLite.
 */
export function webhookAttemptsSince(db: Kysely<Database>, webhookId: string, since: number) {
  return db
    .selectFrom('attempts')
    .select((eb) => [
      eb.fn.countAll().as('attempts'),
      eb.fn.sum<number | string | null>('succeeded').as('succeeded'),
    ])
    .where('webhook_id', '=', webhookId)
    .where('started_at', '>=', since);
}

/** The newest `limit` attempts of one webhook since `since`, newest first. */
function recentAttempts(db: Kysely<Database>, webhookId: string, since: number, limit: number) {
  return db
    .selectFrom('attempts')
    .select(['succeeded', 'duration_ms'])
    .where('webhook_id', '=', webhookId)
    .where('started_at', '>=', since)
    .orderBy('started_at', 'desc')
    .limit(limit)
    .execute();
}

/** Maps a delivery status to the chart's outcome; pending ones are still being retried. */
function outcomeOf(status: string): keyof Omit<HourBucket, 'start'> {
  if (status === 'succeeded' || status === 'failed' || status === 'cancelled') return status;
  return 'retrying';
}

/**
 * Dashboard-only aggregates under `/v1/stats`: per-webhook health over 24 h, and deliveries
 * per hour by outcome plus latency percentiles per webhook. Computed portably: hours are
 * integer division of epoch-ms in SQL (integer on both engines), percentiles in JS.
 */
export function registerStatsRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['dashboard'];

  app.get(
    '/stats/webhooks',
    {
      schema: {
        tags,
        summary: 'Health, success rate and last delivery of each webhook over 24 h',
        response: { 200: webhookStatsList },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const since = deps.clock() - DAY_MS;
      const webhooks = await db
        .selectFrom('webhooks')
        .select(['id', 'key', 'is_active'])
        .where('program_id', '=', programId)
        .where('kind', '<>', 'postback')
        .orderBy('id')
        .execute();
      const data = await Promise.all(
        webhooks.map(async (w) => {
          const last = await db
            .selectFrom('deliveries')
            .select([
              'id',
              'status',
              'event_type',
              'created_at',
              'last_status_code',
              'last_attempt_at',
            ])
            .where('webhook_id', '=', w.id)
            .orderBy('id', 'desc')
            .limit(1)
            .executeTakeFirst();
          const c = await webhookAttemptsSince(db, w.id, since).executeTakeFirst();
          const attempts = Number(c?.attempts ?? 0);
          const succeeded = Number(c?.succeeded ?? 0);
          const recent = await recentAttempts(db, w.id, since, FAILING_STREAK);
          const streak = recent.findIndex((a) => Number(a.succeeded) === 1);
          const consecutiveFailures = streak === -1 ? recent.length : streak;
          return {
            webhook_key: w.key,
            health: endpointHealth({
              isActive: w.is_active === 1,
              attempts,
              succeeded,
              consecutiveFailures,
            }),
            consecutive_failures: consecutiveFailures,
            attempts_24h: attempts,
            succeeded_24h: succeeded,
            failed_24h: attempts - succeeded,
            success_rate_24h: attempts === 0 ? null : succeeded / attempts,
            last_delivery: last
              ? {
                  id: last.id,
                  status: last.status,
                  event: last.event_type,
                  last_status_code: last.last_status_code,
                  created_at: formatTimestamp(Number(last.created_at)),
                  last_attempt_at: formatNullableTimestamp(
                    last.last_attempt_at === null ? null : Number(last.last_attempt_at),
                  ),
                }
              : null,
          };
        }),
      );
      return ok(data);
    },
  );

  app.get(
    '/stats/overview',
    {
      schema: {
        tags,
        summary: 'Deliveries per hour by outcome, and latency percentiles per webhook',
        querystring: overviewQuery,
        response: { 200: overviewData },
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const hours = request.query.range === '7d' ? 168 : 24;
      const now = deps.clock();
      const firstHour = Math.floor(now / HOUR_MS) - hours + 1;
      const since = firstHour * HOUR_MS;

      // Integer division of bigint epoch-ms is an integer on PostgreSQL and SQLite alike.
      const hourExpr = sql<number | string>`created_at / 3600000`;
      const rows = await db
        .selectFrom('deliveries')
        .select((eb) => [hourExpr.as('hour'), 'status', eb.fn.countAll().as('n')])
        .where('program_id', '=', programId)
        .where('created_at', '>=', since)
        .where('lane', '=', 0)
        .groupBy([hourExpr, 'status'])
        .execute();
      const buckets: HourBucket[] = Array.from({ length: hours }, (_, i) => ({
        start: formatTimestamp((firstHour + i) * HOUR_MS),
        succeeded: 0,
        retrying: 0,
        failed: 0,
        cancelled: 0,
      }));
      const totals = { succeeded: 0, retrying: 0, failed: 0, cancelled: 0 };
      for (const row of rows) {
        const bucket = buckets[Number(row.hour) - firstHour];
        if (!bucket) continue;
        const outcome = outcomeOf(row.status);
        bucket[outcome] += Number(row.n);
        totals[outcome] += Number(row.n);
      }

      const webhooks = await db
        .selectFrom('webhooks')
        .select(['id', 'key', 'name'])
        .where('program_id', '=', programId)
        .where('kind', '<>', 'postback')
        .orderBy('id')
        .execute();
      const latency = (
        await Promise.all(
          webhooks.map(async (w) => {
            const durations = await recentAttempts(db, w.id, since, LATENCY_SAMPLE);
            const sorted = durations.map((d) => Number(d.duration_ms)).sort((a, b) => a - b);
            return {
              webhook_key: w.key,
              name: w.name,
              attempts: sorted.length,
              p50_ms: percentile(sorted, 0.5),
              p90_ms: percentile(sorted, 0.9),
              p99_ms: percentile(sorted, 0.99),
            };
          }),
        )
      ).filter((l) => l.attempts > 0);

      return ok({
        range: request.query.range,
        bucket_ms: HOUR_MS,
        since: formatTimestamp(since),
        totals,
        hours: buckets,
        latency,
      });
    },
  );
}
