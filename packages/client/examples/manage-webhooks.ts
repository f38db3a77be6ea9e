// examples/manage-webhooks.ts (type-checked; README.md shows this file verbatim)
import type { HooklineClient } from '@hookline/client';

/** Subscribes an endpoint to reward events; the answer carries its signing secret once. */
export async function subscribe(hookline: HooklineClient, url: string) {
  const { data, error } = await hookline.POST('/v1/webhooks', {
    body: { name: 'Rewards to billing', url, events: ['reward.paid', 'reward.approved'] },
  });
  if (error) throw new Error(error.message);
  const { key, signature } = data.data;
  return { key, signature };
}

/** The keys and URLs of every webhook, one page of up to 100. */
export async function listWebhooks(hookline: HooklineClient) {
  const { data, error } = await hookline.GET('/v1/webhooks', { params: { query: { limit: 100 } } });
  if (error) throw new Error(error.message);
  return data.data.map((webhook) => ({ key: webhook.key, url: webhook.url }));
}

/** Pauses a webhook: `PUT` changes only the fields it names. */
export async function pause(hookline: HooklineClient, key: string) {
  const { data, error } = await hookline.PUT('/v1/webhooks/{key}', {
    params: { path: { key } },
    body: { is_active: false },
  });
  if (error) throw new Error(error.message);
  return data.data.is_active;
}
