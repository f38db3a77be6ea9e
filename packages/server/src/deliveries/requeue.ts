import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';

/** Which deliveries {@link requeueFailed} takes back. */
export interface RequeueFilter {
  readonly programId: string;
  readonly status: 'failed' | 'cancelled';
  readonly webhookId?: string | undefined;
  readonly eventType?: string | undefined;
  /** Id bounds of a creation-time window (ids start with their creation time). */
  readonly fromId?: string | undefined;
  readonly toId?: string | undefined;
  /** Only this lane (the owner's bulk recovery: `0`, never partners' postbacks). */
  readonly lane?: 0 | 1 | undefined;
}

/**
 * Transition `failed | cancelled → pending (due now)` (bulk recovery): matching deliveries of
 * active webhooks get one more scheduled attempt; attempt numbers continue. Test deliveries
 * are one-offs and never requeued, and one whose manual attempt is in flight is left to it.
 *
 * @returns how many deliveries were queued
 */
export async function requeueFailed(
  db: Kysely<Database>,
  filter: RequeueFilter,
  now: number,
): Promise<number> {
  const { programId } = filter;
  let query = db
    .updateTable('deliveries')
    .set({
      status: 'pending',
      next_attempt_at: now,
      locked_until: null,
      locked_by: null,
      completed_at: null,
      cancel_reason: null,
      updated_at: now,
    })
    .where('program_id', '=', programId)
    .where('status', '=', filter.status)
    // A delivery whose manual attempt is in flight keeps its holder's lease.
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<=', now)]))
    .where('webhook_id', 'in', (eb) =>
      eb
        .selectFrom('webhooks')
        .select('id')
        .where('program_id', '=', programId)
        .where('is_active', '=', 1),
    )
    .where('event_id', 'not in', (eb) =>
      eb
        .selectFrom('events')
        .select('id')
        .where('program_id', '=', programId)
        .where('source', '=', 'test'),
    );
  if (filter.webhookId !== undefined) query = query.where('webhook_id', '=', filter.webhookId);
  if (filter.eventType !== undefined) query = query.where('event_type', '=', filter.eventType);
  if (filter.fromId !== undefined) query = query.where('id', '>=', filter.fromId);
  if (filter.toId !== undefined) query = query.where('id', '<', filter.toId);
  if (filter.lane !== undefined) query = query.where('lane', '=', filter.lane);
  const result = await query.executeTakeFirst();
  return Number(result.numUpdatedRows);
}
