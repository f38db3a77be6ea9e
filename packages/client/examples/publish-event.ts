// examples/publish-event.ts (type-checked; README.md shows this file verbatim)
import type { HooklineClient } from '@hookline/client';

/**
 * Publishes `reward.paid` once per reward: the Idempotency-Key makes a resend (by this
 * client's retries, or by your own job runner) return the first answer instead of a new event.
 */
export async function publishRewardPaid(
  hookline: HooklineClient,
  rewardId: string,
  data: Record<string, unknown>,
): Promise<string> {
  const {
    data: published,
    error,
    response,
  } = await hookline.POST('/v1/events', {
    params: { header: { 'idempotency-key': `reward.paid:${rewardId}` } },
    body: { event: 'reward.paid', data },
  });
  if (error) throw new Error(`publishing failed (${response.status}): ${error.message}`);
  // `idempotent-replayed: true` marks an answer stored by an earlier request with this key.
  return published.data.id;
}

/** Every event type has a sample payload in the catalog; handy for trying a webhook out. */
export async function samplePayload(
  hookline: HooklineClient,
  event: string,
): Promise<Record<string, unknown>> {
  const { data, error } = await hookline.GET('/v1/event-types/{name}', {
    params: { path: { name: event } },
  });
  if (error) throw new Error(error.message);
  return data.data.sample as Record<string, unknown>;
}
