import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { envelopeBody } from '../webhooks/envelope.js';
import { trimCustomerPii } from '../webhooks/postbacks-pii.js';
import { decodeTarget } from '../webhooks/postbacks-target.js';

/** What a delivery row contributes to its body. */
export interface BodyFields {
  readonly event_id: string;
  readonly event_type: string;
  readonly url: string;
  readonly webhook_key: string;
  readonly created_at: number;
}

/**
 * The exact body of a delivery: its event's stored `data` in the envelope fixed at enqueue
 * (the same bytes on every attempt; see webhooks/envelope.ts). A partner postback's delivery
 * keeps its target in `url` (webhooks/postbacks-target.ts): the envelope carries the target's
 * URL, with the customer's PII trimmed when the program's policy said so at enqueue; a url
 * postback's body is its form (POST) or empty (GET).
 */
export function deliveryBody(row: BodyFields, dataJson: string): string {
  // Owner webhooks' URLs are http(s): one prefix check, no parse.
  if (row.url.startsWith('pb:')) {
    const target = decodeTarget(row.url);
    if (target?.format === 'url') return target.form;
    if (target?.format === 'webhook') {
      return envelopeBody(
        {
          eventId: row.event_id,
          event: row.event_type,
          url: target.url,
          webhookKey: row.webhook_key,
          createdAt: row.created_at,
        },
        target.trimPii ? trimCustomerPii(row.event_type, dataJson) : dataJson,
      );
    }
  }
  return envelopeBody(
    {
      eventId: row.event_id,
      event: row.event_type,
      url: row.url,
      webhookKey: row.webhook_key,
      createdAt: row.created_at,
    },
    dataJson,
  );
}

/** The stored `data` JSON of events, by id (one primary-key lookup per 500 events). */
export async function eventDataOf(
  db: Kysely<Database>,
  eventIds: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(eventIds)];
  const data = new Map<string, string>();
  for (let i = 0; i < unique.length; i += 500) {
    const rows = await db
      .selectFrom('events')
      .select(['id', 'data'])
      .where('id', 'in', unique.slice(i, i + 500))
      .execute();
    for (const r of rows) data.set(r.id, r.data);
  }
  return data;
}
