import { formatTimestamp } from '../util/time.js';

/**
 * The body of a delivery: Partnero's five fields plus `id`. Key order is fixed because the
 * body's bytes are what every signature covers.
 */
export interface Envelope {
  readonly id: string;
  readonly event: string;
  readonly url: string;
  readonly webhook_key: string;
  readonly created_at: string;
  readonly data: unknown;
}

/** What fixes a delivery's body: the event, and the webhook's URL and key at enqueue time. */
export interface EnvelopeFields {
  readonly eventId: string;
  readonly event: string;
  readonly url: string;
  readonly webhookKey: string;
  /** When the event was dispatched (epoch ms), the same for every webhook. */
  readonly createdAt: number;
}

/**
 * Builds the exact body bytes of one delivery from the event's stored `data` JSON.
 *
 * Bodies are not stored: each event's payload is written once (`events.data`), and a delivery
 * keeps only what the envelope adds and cannot be derived later (URL, webhook key, time), so
 * the body is rebuilt for every attempt, byte for byte the same. The result is identical to
 * `JSON.stringify` of the {@link Envelope} whose `data` is `JSON.parse(dataJson)`, because
 * `dataJson` is itself the output of `JSON.stringify` (see {@link buildEnvelopeBody}).
 *
 * @example
 * envelopeBody({ eventId: 'evt_1', event: 'partner.created', url, webhookKey, createdAt }, '{"id":"p1"}')
 */
export function envelopeBody(fields: EnvelopeFields, dataJson: string): string {
  return `{"id":${JSON.stringify(fields.eventId)},"event":${JSON.stringify(fields.event)},"url":${JSON.stringify(fields.url)},"webhook_key":${JSON.stringify(fields.webhookKey)},"created_at":"${formatTimestamp(fields.createdAt)}","data":${dataJson}}`;
}

/**
 * Builds the exact body bytes of one delivery from the event's `data` value (tools and tests;
 * the server stores `JSON.stringify(data)` once and uses {@link envelopeBody}).
 *
 * @example
 * buildEnvelopeBody({ eventId: 'evt_1', event: 'partner.created', url, webhookKey, createdAt, data })
 */
export function buildEnvelopeBody(input: EnvelopeFields & { readonly data: unknown }): string {
  const envelope: Envelope = {
    id: input.eventId,
    event: input.event,
    url: input.url,
    webhook_key: input.webhookKey,
    created_at: formatTimestamp(input.createdAt),
    data: input.data,
  };
  return JSON.stringify(envelope);
}
