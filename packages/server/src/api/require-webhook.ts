import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { findWebhook } from '../webhooks/index.js';
import type { WebhookRow } from '../webhooks/index.js';
import { notFound } from './errors.js';

/**
 * The webhook of a program with this key, or a 404 (an unknown key and another program's key
 * are indistinguishable).
 */
export async function requireWebhook(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<WebhookRow> {
  const row = await findWebhook(db, programId, key);
  if (!row) throw notFound('Webhook');
  return row;
}
