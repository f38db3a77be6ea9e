// The flow every framework helper shares: verify and parse, skip duplicates, run the user's
// handler, and choose the response. The helpers only adapt requests and responses.

import type { Deduplicator } from '../deduplicator.js';
import { isWebhookVerificationError, type VerificationFailureReason } from '../errors.js';
import type { HooklineEvent } from '../events.js';
import type { VerifyOptions } from '../scheme.js';

/** Options of the framework helpers: the verification options plus deduplication. */
export interface WebhookHandlerOptions extends VerifyOptions {
  /**
   * When set, an event id seen before is answered `200 { received: true, duplicate: true }`
   * without calling the handler, and a handler that throws releases its claim so Hookline's
   * retry is processed again.
   *
   * @defaultValue undefined (every delivery reaches the handler)
   */
  deduplicator?: Deduplicator;
}

/** The JSON body the helpers answer with. */
export type WebhookResponseBody =
  | { received: true; duplicate?: true }
  | { error: VerificationFailureReason; message: string };

/** What happened to one request, for the helper to turn into a response. */
export type WebhookOutcome<R> =
  | { kind: 'handled'; event: HooklineEvent; result: R }
  | { kind: 'duplicate'; event: HooklineEvent }
  | { kind: 'rejected'; status: 400; body: WebhookResponseBody };

/**
 * Runs one request through verification, deduplication and the handler. Verification failures
 * become a `rejected` outcome (answered 400, so the failure shows in Hookline's delivery log and
 * the delivery is retried); errors thrown by the handler propagate, for a 5xx.
 */
export async function handleWebhook<R>(
  construct: () => HooklineEvent | Promise<HooklineEvent>,
  handler: (event: HooklineEvent) => R | Promise<R>,
  deduplicator: Deduplicator | undefined,
): Promise<WebhookOutcome<R>> {
  let event: HooklineEvent;
  try {
    event = await construct();
  } catch (error) {
    if (isWebhookVerificationError(error)) {
      return {
        kind: 'rejected',
        status: 400,
        body: { error: error.reason, message: error.message },
      };
    }
    throw error;
  }
  if (deduplicator === undefined) return { kind: 'handled', event, result: await handler(event) };
  const once = await deduplicator.once(event.id, () => handler(event));
  return once.duplicate
    ? { kind: 'duplicate', event }
    : { kind: 'handled', event, result: once.result };
}

/** The body acknowledging an event. */
export function acknowledgement(outcome: { kind: 'handled' | 'duplicate' }): WebhookResponseBody {
  return outcome.kind === 'duplicate' ? { received: true, duplicate: true } : { received: true };
}

/** A JSON `Response`. */
export function jsonResponse(status: number, body: unknown): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8' },
  });
}
