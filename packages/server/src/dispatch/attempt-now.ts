import type { Selectable } from 'kysely';
import {
  beginManualAttempt,
  emitAttemptOutcome,
  finishManualAttempt,
} from '../deliveries/index.js';
import type { DeliveryFeed, ManualAttemptRefusal } from '../deliveries/index.js';
import type { AttemptTrigger } from '../model.js';
import type { AttemptsTable, DeliveriesTable, Store } from '../storage/index.js';
import type { Sender } from './sender.js';

/** Why an immediate attempt could not start. */
export type AttemptNowRefusal = ManualAttemptRefusal;

/** An immediate attempt that ran: the delivery and attempt rows after it. */
export interface AttemptNowResult {
  readonly refused?: undefined;
  readonly delivery: Selectable<DeliveriesTable>;
  readonly attempt: Selectable<AttemptsTable>;
}

/**
 * Makes one attempt of a delivery now, in the caller's request (manual retry, test send): takes
 * the request's lease, sends, records the result and emits the outcome events, all through the
 * deliveries module's transitions (`beginManualAttempt`, `finishManualAttempt`,
 * `emitAttemptOutcome`).
 */
export async function attemptNow(input: {
  readonly store: Store;
  readonly sender: Sender;
  readonly events: DeliveryFeed;
  readonly programId: string;
  readonly deliveryId: string;
  readonly trigger: Exclude<AttemptTrigger, 'scheduled'>;
  readonly leaseMs: number;
  readonly clock: () => number;
  /** Only a delivery of this lane (`0` on the owner's routes: partners' postbacks are theirs). */
  readonly lane?: 0 | 1;
}): Promise<AttemptNowResult | AttemptNowRefusal> {
  const attempt = await beginManualAttempt(input.store, {
    programId: input.programId,
    deliveryId: input.deliveryId,
    lane: input.lane,
    now: input.clock(),
    leaseMs: input.leaseMs,
  });
  if (attempt.refused !== undefined) return attempt;
  const d = attempt.delivery;
  const outcome = await input.sender.send({
    deliveryId: d.id,
    eventId: d.event_id,
    webhookId: d.webhook_id,
    webhookKind: attempt.webhookKind,
    url: d.url,
    body: attempt.body,
    secrets: attempt.secrets,
  });
  const result = await finishManualAttempt(input.store, {
    attempt,
    trigger: input.trigger,
    outcome,
    finishedAt: input.clock(),
  });
  emitAttemptOutcome(input.events, result.event, result.previous);
  return { delivery: result.delivery, attempt: result.attempt };
}
