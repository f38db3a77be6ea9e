import { formatTimestamp } from '../util/time.js';

/**
 * The body of a delivery: Partnero's five fields plus `id`. Key order is fixed because the
 * body is serialised once and its bytes are what every signature covers.
 */
export interface Envelope {
  readonly id: string;
  readonly event: string;
  readonly url: string;
  readonly webhook_key: string;
  readonly created_at: string;
  readonly data: unknown;
}

/**
 * Builds the exact body bytes of one delivery. Serialised once, stored, and re-sent byte for
 * byte on every retry.
 *
 * @param createdAt when the event was dispatched (epoch ms), the same for every webhook
 * @example
 * buildEnvelopeBody({ eventId: 'evt_1', event: 'partner.created', url, webhookKey, createdAt, data })
 */
export function buildEnvelopeBody(input: {
  eventId: string;
  event: string;
  url: string;
  webhookKey: string;
  createdAt: number;
  data: unknown;
}): string {
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
