import type { AttemptResult, ClaimedDelivery } from '../../packages/server/src/deliveries/index.js';
import { newId } from './workload.js';

/** What a receiver's 200 looked like, as the attempt log keeps it. */
export interface OkAnswer {
  readonly durationMs: number;
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly responseHeaders: Readonly<Record<string, string>>;
  readonly responseBody: string;
}

/**
 * The result of a claimed delivery's next scheduled attempt, answered 200 at `at`: the row the
 * dispatcher's recorder writes after a success, for the benchmarks that drive the storage
 * layer without HTTP (soak, purge under load, the SQLite cycle).
 */
export function succeededAttempt(d: ClaimedDelivery, at: number, answer: OkAnswer): AttemptResult {
  return {
    attemptId: newId('att', at),
    deliveryId: d.id,
    programId: d.programId,
    webhookId: d.webhookId,
    number: d.attempts + 1,
    trigger: 'scheduled',
    outcome: {
      startedAt: at,
      durationMs: answer.durationMs,
      requestHeaders: answer.requestHeaders,
      responseStatus: 200,
      responseHeaders: answer.responseHeaders,
      responseBody: answer.responseBody,
      succeeded: true,
      errorClass: null,
      errorMessage: null,
      aborted: false,
    },
    status: 'succeeded',
    nextAttemptAt: null,
    finishedAt: at,
  };
}
