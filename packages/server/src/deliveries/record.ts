import { sql } from 'kysely';
import type { Insertable } from 'kysely';
import type { AttemptTrigger, DeliveryStatus } from '../model.js';
import { createGroupCommit, sqlTransaction } from '../storage/index.js';
import { stillPending } from './still-pending.js';
import type { AttemptsTable, Store } from '../storage/index.js';
import type { AttemptOutcome } from './outcome.js';

/** One finished scheduled attempt and the delivery state it leads to. */
export interface AttemptResult {
  readonly attemptId: string;
  readonly deliveryId: string;
  readonly programId: string;
  readonly webhookId: string;
  readonly number: number;
  readonly trigger: AttemptTrigger;
  readonly outcome: AttemptOutcome;
  readonly status: DeliveryStatus;
  readonly nextAttemptAt: number | null;
  readonly finishedAt: number;
  /** A 429/503 with `Retry-After` that did not use the retry budget (retry-policy.ts). */
  readonly throttled?: boolean;
}

/** Writes attempt results in batches: one transaction per event-loop turn (group commit). */
export interface AttemptRecorder {
  /** Queues a result; resolves once the transaction holding it has committed. */
  record(result: AttemptResult): Promise<void>;
  /** Resolves when everything queued so far is committed. */
  flush(): Promise<void>;
}

/** A batch is flushed at once when it reaches this size, without waiting for the next turn. */
const MAX_BATCH = 1_000;

/** Builds the row of the attempt log for a result. Never includes a secret. */
export function attemptRow(r: AttemptResult): Insertable<AttemptsTable> {
  const o = r.outcome;
  return {
    id: r.attemptId,
    delivery_id: r.deliveryId,
    program_id: r.programId,
    webhook_id: r.webhookId,
    number: r.number,
    trigger: r.trigger,
    started_at: o.startedAt,
    duration_ms: o.durationMs,
    request_headers: JSON.stringify(o.requestHeaders),
    response_status: o.responseStatus,
    response_headers: o.responseHeaders === null ? null : JSON.stringify(o.responseHeaders),
    response_body: o.responseBody,
    succeeded: o.succeeded ? 1 : 0,
    error_class: o.errorClass,
    error_message: o.errorMessage,
  };
}

/** `last_error` of a delivery: the error class and message of its last attempt. */
export function lastErrorOf(outcome: AttemptOutcome): string | null {
  if (outcome.succeeded || outcome.errorClass === null) return null;
  return `${outcome.errorClass}: ${outcome.errorMessage ?? ''}`.slice(0, 1000);
}

/**
 * Transition `pending (leased) → succeeded | pending (next retry) | failed` for scheduled
 * attempts: the group-commit writer of the dispatcher (docs/design-measurements.md: per-attempt
 * autocommits halve throughput on SQLite; one transaction per event-loop turn plus time-ordered
 * ids reaches the HTTP ceiling). Each flush is one transaction: on SQLite `begin`, one INSERT of the
 * attempts and one UPDATE ... FROM of their deliveries, `commit`; on PostgreSQL the same two in
 * one statement (one round trip).
 *
 * The delivery update only applies while the delivery is still `pending` and still leased by
 * `workerId`: an attempt that finishes after its webhook was deactivated (delivery `cancelled`)
 * is logged but does not resurrect the delivery, and a worker whose lease was taken over cannot
 * overwrite the newer state.
 */
export function createAttemptRecorder(store: Store, workerId: string): AttemptRecorder {
  const batches = createGroupCommit<AttemptResult>(async (results) => {
    await writeBatch(store, workerId, results);
    return undefined;
  }, MAX_BATCH);
  return { record: (result) => batches.add(result), flush: () => batches.flush() };
}

/**
 * The attempt rows and delivery updates of a batch on SQLite: one JSON parameter each (an array
 * of arrays, read with `json_each`), so each statement has one text whatever the batch size and
 * is prepared once; the batch is `begin`, two statements and `commit` whatever its size. The
 * multi-row INSERT it replaces had a text per batch size, longer than the statement cache keeps,
 * so SQLite parsed it again on every flush.
 */
const INSERT_ATTEMPTS_SQL = `insert into attempts (id, delivery_id, program_id, webhook_id, number,
    trigger, started_at, duration_ms, request_headers, response_status, response_headers,
    response_body, succeeded, error_class, error_message)
  select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
    value ->> 6, value ->> 7, value ->> 8, value ->> 9, value ->> 10, value ->> 11,
    value ->> 12, value ->> 13, value ->> 14
  from json_each(?)`;
const UPDATE_DELIVERIES_SQL = `with v (id, status, next_attempt_at, last_status_code, last_error,
    last_attempt_at, updated_at, completed_at, throttled) as (
    select value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, value ->> 5,
      value ->> 6, value ->> 7, value ->> 8
    from json_each(?)
  )
  update deliveries set
    status = v.status,
    attempts = attempts + 1,
    next_attempt_at = v.next_attempt_at,
    locked_until = null,
    locked_by = null,
    last_status_code = v.last_status_code,
    last_error = v.last_error,
    last_attempt_at = v.last_attempt_at,
    updated_at = v.updated_at,
    completed_at = v.completed_at,
    throttled_attempts = throttled_attempts + v.throttled
  from v
  where deliveries.id = v.id
    and deliveries.status = 'pending'
    and deliveries.locked_by = ?`;

async function writeBatchOnSqlite(
  store: Store,
  workerId: string,
  results: readonly AttemptResult[],
): Promise<void> {
  const attempts: unknown[] = [];
  const updates: unknown[] = [];
  for (const r of results) {
    const o = r.outcome;
    attempts.push([
      r.attemptId,
      r.deliveryId,
      r.programId,
      r.webhookId,
      r.number,
      r.trigger,
      o.startedAt,
      o.durationMs,
      JSON.stringify(o.requestHeaders),
      o.responseStatus,
      o.responseHeaders === null ? null : JSON.stringify(o.responseHeaders),
      o.responseBody,
      o.succeeded ? 1 : 0,
      o.errorClass,
      o.errorMessage,
    ]);
    updates.push([
      r.deliveryId,
      r.status,
      r.nextAttemptAt,
      o.responseStatus,
      lastErrorOf(o),
      o.startedAt,
      r.finishedAt,
      r.status !== 'pending' ? r.finishedAt : null,
      r.throttled ? 1 : 0,
    ]);
  }
  await sqlTransaction(store, async (q) => {
    await q.run(INSERT_ATTEMPTS_SQL, [JSON.stringify(attempts)]);
    await q.run(UPDATE_DELIVERIES_SQL, [JSON.stringify(updates), workerId]);
  });
}

/**
 * A batch on PostgreSQL in one statement, so one round trip and no `BEGIN`/`COMMIT` (a
 * statement is atomic): the rows travel as one JSON parameter, the attempt rows are inserted by
 * a data-modifying CTE and the deliveries updated by the outer UPDATE. Before, a batch was four
 * round trips (begin, insert, update, commit) with texts that changed with the batch size.
 *
 * The deliveries are reached through the primary key whatever the statistics say: the ids also
 * come as an array (`id = any`), which the planner counts exactly, where it guesses 100 rows for
 * `jsonb_to_recordset`; and the pending guard is written `status || ''`, which proves no partial
 * index's `status = 'pending'` (still-pending.ts, qualified here because `v` has a `status`
 * too). With the plain join and guard, and statistics from before a
 * backlog grew, the planner expected one pending row leased by this worker and read all of them
 * through `deliveries_lane_webhook_due`: 22 ms for 7 rows next to 9,000 partners' postbacks
 * pending (docs/design-measurements.md, "The result batch's plan, PostgreSQL").
 */
async function writeBatchOnPostgres(
  store: Store,
  workerId: string,
  results: readonly AttemptResult[],
): Promise<void> {
  const rows = results.map((r) => {
    const o = r.outcome;
    return {
      attempt_id: r.attemptId,
      delivery_id: r.deliveryId,
      program_id: r.programId,
      webhook_id: r.webhookId,
      number: r.number,
      trigger: r.trigger,
      started_at: o.startedAt,
      duration_ms: o.durationMs,
      request_headers: JSON.stringify(o.requestHeaders),
      response_status: o.responseStatus,
      response_headers: o.responseHeaders === null ? null : JSON.stringify(o.responseHeaders),
      response_body: o.responseBody,
      succeeded: o.succeeded ? 1 : 0,
      error_class: o.errorClass,
      error_message: o.errorMessage,
      status: r.status,
      next_attempt_at: r.nextAttemptAt,
      last_error: lastErrorOf(o),
      finished_at: r.finishedAt,
      completed_at: r.status !== 'pending' ? r.finishedAt : null,
      throttled: r.throttled ? 1 : 0,
    };
  });
  await sql`
    with v as (
      select * from jsonb_to_recordset(cast(${JSON.stringify(rows)} as jsonb)) as v (
        attempt_id text, delivery_id text, program_id text, webhook_id text, number integer,
        trigger text, started_at bigint, duration_ms integer, request_headers text,
        response_status integer, response_headers text, response_body text, succeeded integer,
        error_class text, error_message text, status text, next_attempt_at bigint,
        last_error text, finished_at bigint, completed_at bigint, throttled integer)
    ), logged as (
      insert into attempts (id, delivery_id, program_id, webhook_id, number, trigger, started_at,
        duration_ms, request_headers, response_status, response_headers, response_body,
        succeeded, error_class, error_message)
      select attempt_id, delivery_id, program_id, webhook_id, number, trigger, started_at,
        duration_ms, request_headers, response_status, response_headers, response_body,
        succeeded, error_class, error_message
      from v
    )
    update deliveries set
      status = v.status,
      attempts = attempts + 1,
      next_attempt_at = v.next_attempt_at,
      locked_until = null,
      locked_by = null,
      last_status_code = v.response_status,
      last_error = v.last_error,
      last_attempt_at = v.started_at,
      updated_at = v.finished_at,
      completed_at = v.completed_at,
      throttled_attempts = throttled_attempts + v.throttled
    from v
    where deliveries.id = v.delivery_id
      and deliveries.id = any(cast(${rows.map((r) => r.delivery_id)} as text[]))
      and ${stillPending('deliveries.status')}
      and deliveries.locked_by = ${workerId}
  `.execute(store.db);
}

async function writeBatch(store: Store, workerId: string, results: readonly AttemptResult[]) {
  if (store.engine === 'sqlite') return writeBatchOnSqlite(store, workerId, results);
  // Results that queued up past a batch while one was written: one statement per batch.
  for (let i = 0; i < results.length; i += MAX_BATCH) {
    await writeBatchOnPostgres(store, workerId, results.slice(i, i + MAX_BATCH));
  }
}
