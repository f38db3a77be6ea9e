import type { Selectable } from 'kysely';
import type { AttemptTrigger, DeliveryStatus } from '../model.js';
import type { AttemptsTable, DeliveriesTable, Store } from '../storage/index.js';
import { newId, randomAlphanumeric } from '../util/ids.js';
import { activeSecrets } from '../webhooks/webhook-store.js';
import { attemptRow, lastErrorOf } from './attempt-recorder.js';
import type { AttemptEvent, DeliveryEvents } from './delivery-events.js';
import { manualResultStatus } from './retry-policy.js';
import type { ManualResultStatus } from './retry-policy.js';
import type { Sender } from './sender.js';

/** Why an immediate attempt could not start. */
export type AttemptNowRefusal =
  | { readonly refused: 'not_found' }
  | { readonly refused: 'webhook_deleted' }
  | { readonly refused: 'webhook_inactive' }
  | { readonly refused: 'in_flight' };

/** An immediate attempt that ran: the delivery and attempt rows after it. */
export interface AttemptNowResult {
  readonly refused?: undefined;
  readonly delivery: Selectable<DeliveriesTable>;
  readonly attempt: Selectable<AttemptsTable>;
}

/**
 * Makes one attempt of a delivery now, in the caller's request (manual retry, test send), and
 * records it. The attempt takes its own short lease first, so the dispatcher cannot send the
 * same delivery at the same moment, and an attempt already in flight is refused.
 *
 * - `manual`: a success makes the delivery `succeeded`; a failure leaves the status and the
 *   schedule as they were (see `manualResultStatus`).
 * - `test`: the delivery is final after its one attempt (`succeeded` or `failed`); the
 *   dispatcher never picks test deliveries up.
 */
export async function attemptNow(input: {
  readonly store: Store;
  readonly sender: Sender;
  readonly events: DeliveryEvents;
  readonly programId: string;
  readonly deliveryId: string;
  readonly trigger: Exclude<AttemptTrigger, 'scheduled'>;
  readonly leaseMs: number;
  readonly clock: () => number;
}): Promise<AttemptNowResult | AttemptNowRefusal> {
  const { store, programId, deliveryId } = input;
  const db = store.db;
  const lockId = `api_${randomAlphanumeric(10)}`;
  const now = input.clock();

  const claimed = await db.transaction().execute(async (trx) => {
    const delivery = await trx
      .selectFrom('deliveries')
      .selectAll()
      .where('program_id', '=', programId)
      .where('id', '=', deliveryId)
      .executeTakeFirst();
    if (!delivery) return { refused: 'not_found' } as const;
    const webhook = await trx
      .selectFrom('webhooks')
      .select(['id', 'is_active', 'secret', 'previous_secrets'])
      .where('id', '=', delivery.webhook_id)
      .executeTakeFirst();
    if (!webhook) return { refused: 'webhook_deleted' } as const;
    if (webhook.is_active !== 1) return { refused: 'webhook_inactive' } as const;
    const locked = await trx
      .updateTable('deliveries')
      .set({ locked_until: now + input.leaseMs, locked_by: lockId })
      .where('id', '=', deliveryId)
      .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) === 0) return { refused: 'in_flight' } as const;
    return { delivery, secrets: activeSecrets(webhook, now) };
  });
  if ('refused' in claimed) return claimed as AttemptNowRefusal;
  const { delivery } = claimed;

  const outcome = await input.sender.send({
    deliveryId,
    eventId: delivery.event_id,
    url: delivery.url,
    body: delivery.body,
    secrets: claimed.secrets,
  });
  const finishedAt = input.clock();
  const attemptId = newId('att', outcome.startedAt);

  const written = await db.transaction().execute(async (trx) => {
    const current = await trx
      .selectFrom('deliveries')
      .select(['status', 'attempts', 'next_attempt_at', 'completed_at', 'locked_by'])
      .where('id', '=', deliveryId)
      .executeTakeFirstOrThrow();
    const number = Number(current.attempts) + 1;
    const status: DeliveryStatus =
      input.trigger === 'test'
        ? outcome.succeeded
          ? 'succeeded'
          : 'failed'
        : manualResultStatus(current.status as ManualResultStatus, outcome.succeeded);
    const final = status !== 'pending';
    const row = attemptRow({
      attemptId,
      deliveryId,
      programId,
      webhookId: delivery.webhook_id,
      number,
      trigger: input.trigger,
      outcome,
      status,
      nextAttemptAt: null,
      finishedAt,
    });
    await trx.insertInto('attempts').values(row).execute();
    await trx
      .updateTable('deliveries')
      .set({
        status,
        attempts: number,
        next_attempt_at: final ? null : current.next_attempt_at,
        last_status_code: outcome.responseStatus,
        last_error: lastErrorOf(outcome),
        last_attempt_at: outcome.startedAt,
        updated_at: finishedAt,
        completed_at: final
          ? status === current.status
            ? current.completed_at
            : finishedAt
          : null,
        // Our lease only; a dispatcher lease taken meanwhile stays.
        ...(current.locked_by === lockId ? { locked_until: null, locked_by: null } : {}),
      })
      .where('id', '=', deliveryId)
      .execute();
    const after = await trx
      .selectFrom('deliveries')
      .selectAll()
      .where('id', '=', deliveryId)
      .executeTakeFirstOrThrow();
    const attempt = await trx
      .selectFrom('attempts')
      .selectAll()
      .where('id', '=', attemptId)
      .executeTakeFirstOrThrow();
    return { delivery: after, attempt, number, previous: current.status };
  });

  const event: AttemptEvent = {
    programId,
    deliveryId,
    eventId: delivery.event_id,
    eventType: delivery.event_type,
    webhookId: delivery.webhook_id,
    webhookKey: delivery.webhook_key,
    url: delivery.url,
    attemptId,
    attemptNumber: written.number,
    trigger: input.trigger,
    outcome,
    status: written.delivery.status as DeliveryStatus,
    nextAttemptAt: written.delivery.next_attempt_at,
  };
  input.events.emit(
    outcome.succeeded ? 'delivery:attempt:succeeded' : 'delivery:attempt:failed',
    event,
  );
  if (written.previous !== written.delivery.status) {
    if (written.delivery.status === 'succeeded') input.events.emit('delivery:succeeded', event);
    else if (written.delivery.status === 'failed') input.events.emit('delivery:failed', event);
  }
  return { delivery: written.delivery, attempt: written.attempt };
}
