// examples/read-deliveries.ts (type-checked; README.md shows this file verbatim)
import type { HooklineClient } from '@hookline/client';

/** The latest failed deliveries of one webhook, with the last answer each got. */
export async function failedDeliveries(hookline: HooklineClient, webhookKey: string) {
  const { data, error } = await hookline.GET('/v1/deliveries', {
    params: { query: { webhook: webhookKey, status: 'failed', limit: 20 } },
  });
  if (error) throw new Error(error.message);
  return data.data.map((d) => ({ id: d.id, event: d.event, status: d.last_status_code }));
}

/** Recent deliveries to one webhook, newest first, whatever their status. */
export async function deliveriesOfWebhook(hookline: HooklineClient, webhookKey: string) {
  const { data, error } = await hookline.GET('/v1/webhooks/{key}/deliveries', {
    params: { path: { key: webhookKey } },
  });
  if (error) throw new Error(error.message);
  return data.data;
}
