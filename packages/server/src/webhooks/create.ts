import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { isUniqueViolation } from '../storage/index.js';
import { findWebhook, insertWebhook } from './webhook-store.js';
import type { WebhookRow } from './webhook-store.js';

/** What a user asks for when creating a webhook; the caller has validated URL and events. */
export interface NewWebhook {
  readonly programId: string;
  /** A chosen key; generated when absent. */
  readonly key?: string | undefined;
  readonly name: string;
  readonly url: string;
  readonly events: readonly string[];
  readonly isActive: boolean;
}

/** The result of {@link createWebhook}: the row, or why not. */
export type CreateWebhookResult =
  | { readonly created: true; readonly row: WebhookRow }
  | { readonly created: false; readonly reason: 'key_taken' };

/**
 * Transition `∅ → webhook` (kind `endpoint`) with a fresh signing secret. A chosen key already
 * taken in the program is refused, also when two creates race for it (the unique constraint
 * decides).
 */
export async function createWebhook(
  db: Kysely<Database>,
  input: NewWebhook,
  now: number,
): Promise<CreateWebhookResult> {
  const taken = { created: false, reason: 'key_taken' } as const;
  if (input.key !== undefined && (await findWebhook(db, input.programId, input.key))) return taken;
  try {
    const row = await insertWebhook(db, { ...input, now });
    return { created: true, row };
  } catch (error) {
    if (input.key !== undefined && isUniqueViolation(error)) return taken;
    throw error;
  }
}
