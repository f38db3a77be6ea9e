import type { Selectable } from 'kysely';
import type { AttemptTrigger, DeliveryStatus } from '../model.js';
import type { AttemptsTable, DeliveriesTable, Store } from '../storage/index.js';
import { newId, randomAlphanumeric } from '../util/ids.js';
import { activeSecrets } from '../webhooks/webhook-store.js';
import type { AttemptNotice } from './feed.js';
import type { AttemptOutcome } from './outcome.js';
import { deliveryBody, eventDataOf } from './body.js';
import { attemptRow, lastErrorOf } from './record.js';
import { manualResultStatus } from './retry-policy.js';
import type { ManualResultStatus } from './retry-policy.js';

/** Why a request-bound attempt could not start. */
export type ManualAttemptRefusal =
  | { readonly refused: 'not_found' }
  | { readonly refused: 'webhook_deleted' }
  | { readonly refused: 'webhook_inactive' }
  | { readonly refused: 'in_flight' };

/** A request-bound attempt that holds its lease: what the sender needs, and how to finish. */
export interface ManualAttempt {
  readonly refused?: undefined;
  readonly delivery: Selectable<DeliveriesTable>;
  /** The exact body (rebuilt from the event's payload, as on every attempt). */
  readonly body: string;
  /** `endpoint` or `listener`: picks the destination. */
  readonly webhookKind: string;
  /** Secrets valid now, newest first. */
  readonly secrets: readonly string[];
  readonly lockId: string;
}

/** A finished request-bound attempt: the rows after it, and the event to emit. */
export interface ManualAttemptResult {
  readonly delivery: Selectable<DeliveriesTable>;
  readonly attempt: Selectable<AttemptsTable>;
  readonly event: AttemptNotice;
  /** The status before the attempt, for `emitAttemptOutcome`. */
  readonly previous: DeliveryStatus;
}

/**
 * Takes the lease of a delivery for an attempt made in a request (manual retry, test send):
 * `locked_by = api_…`, `locked_until` = lease end and, for a delivery with a scheduled
 * attempt, `next_attempt_at` no earlier than the lease end (the convention in index.ts), so the
 * dispatcher cannot send it at the same moment. An attempt already in flight is refused.
 */
export async function beginManualAttempt(
  store: Store,
  input: {
    programId: string;
    deliveryId: string;
    now: number;
    leaseMs: number;
    /** Only a delivery of this lane (the owner's routes: `0`, never a partner's postback). */
    lane?: 0 | 1 | undefined;
  },
): Promise<ManualAttempt | ManualAttemptRefusal> {
  const { programId, deliveryId, now } = input;
  const lockId = `api_${randomAlphanumeric(10)}`;
  const leaseEnd = now + input.leaseMs;
  return store.db.transaction().execute(async (trx) => {
    let query = trx
      .selectFrom('deliveries')
      .selectAll()
      .where('program_id', '=', programId)
      .where('id', '=', deliveryId);
    if (input.lane !== undefined) query = query.where('lane', '=', input.lane);
    const delivery = await query.executeTakeFirst();
    if (!delivery) return { refused: 'not_found' } as const;
    const webhook = await trx
      .selectFrom('webhooks')
      .select(['id', 'is_active', 'kind', 'secret', 'previous_secrets'])
      .where('id', '=', delivery.webhook_id)
      .executeTakeFirst();
    if (!webhook) return { refused: 'webhook_deleted' } as const;
    if (webhook.is_active !== 1) return { refused: 'webhook_inactive' } as const;
    const scheduled = delivery.next_attempt_at;
    const locked = await trx
      .updateTable('deliveries')
      .set({
        locked_until: leaseEnd,
        locked_by: lockId,
        next_attempt_at: scheduled === null ? null : Math.max(scheduled, leaseEnd),
      })
      .where('id', '=', deliveryId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) === 0) return { refused: 'in_flight' } as const;
    const data = await eventDataOf(trx, [delivery.event_id]);
    return {
      delivery,
      body: deliveryBody(delivery, data.get(delivery.event_id) ?? 'null'),
      webhookKind: webhook.kind,
      secrets: activeSecrets(webhook, now),
      lockId,
    };
  });
}

/**
 * Records a request-bound attempt and the delivery state it leads to, and gives the lease back:
 *
 * - `manual`: a success makes the delivery `succeeded`; a failure leaves the status and the
 *   schedule as they were (`manualResultStatus`);
 * - `test`: the delivery is final after its one attempt (`succeeded` or `failed`).
 *
 * A lease the dispatcher took meanwhile (ours ran out) is left alone.
 */
export async function finishManualAttempt(
  store: Store,
  input: {
    readonly attempt: ManualAttempt;
    readonly trigger: Exclude<AttemptTrigger, 'scheduled'>;
    readonly outcome: AttemptOutcome;
    readonly finishedAt: number;
  },
): Promise<ManualAttemptResult> {
  const { attempt, outcome, finishedAt } = input;
  const d = attempt.delivery;
  const attemptId = newId('att', outcome.startedAt);
  return store.db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('deliveries')
      .select(['status', 'attempts', 'next_attempt_at', 'completed_at', 'locked_by'])
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    const previous = current.status as DeliveryStatus;
    const number = Number(current.attempts) + 1;
    const status: DeliveryStatus =
      input.trigger === 'test'
        ? outcome.succeeded
          ? 'succeeded'
          : 'failed'
        : manualResultStatus(previous as ManualResultStatus, outcome.succeeded);
    const final = status !== 'pending';
    const ours = current.locked_by === attempt.lockId;
    await trx
      .insertInto('attempts')
      .values(
        attemptRow({
          attemptId,
          deliveryId: d.id,
          programId: d.program_id,
          webhookId: d.webhook_id,
          number,
          trigger: input.trigger,
          outcome,
          status,
          nextAttemptAt: null,
          finishedAt,
        }),
      )
      .execute();
    await trx
      .updateTable('deliveries')
      .set({
        status,
        attempts: number,
        // Our lease only moved the schedule; put it back. A dispatcher lease taken since stays.
        next_attempt_at: final ? null : ours ? d.next_attempt_at : current.next_attempt_at,
        last_status_code: outcome.responseStatus,
        last_error: lastErrorOf(outcome),
        last_attempt_at: outcome.startedAt,
        updated_at: finishedAt,
        completed_at: final ? (status === previous ? current.completed_at : finishedAt) : null,
        ...(ours ? { locked_until: null, locked_by: null } : {}),
      })
      .where('id', '=', d.id)
      .execute();
    const after = await trx
      .selectFrom('deliveries')
      .selectAll()
      .where('id', '=', d.id)
      .executeTakeFirstOrThrow();
    const row = await trx
      .selectFrom('attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    const event: AttemptNotice = {
      programId: d.program_id,
      deliveryId: d.id,
      eventId: d.event_id,
      eventType: d.event_type,
      webhookId: d.webhook_id,
      webhookKey: d.webhook_key,
      url: d.url,
      attemptId,
      attemptNumber: number,
      trigger: input.trigger,
      outcome,
      status: after.status as DeliveryStatus,
      nextAttemptAt: after.next_attempt_at,
    };
    return { delivery: after, attempt: row, event, previous };
  });
}
