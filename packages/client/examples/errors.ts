// examples/errors.ts (type-checked; README.md shows this file verbatim)
import type { HooklineClient } from '@hookline/client';

/** A webhook, or `undefined` when there is none with this key; other failures throw. */
export async function findWebhook(hookline: HooklineClient, key: string) {
  const { data, error, response } = await hookline.GET('/v1/webhooks/{key}', {
    params: { path: { key } },
  });
  if (response.status === 404) return undefined;
  // `error` is Hookline's error body; a 422 adds `errors`, messages per field ("events.0").
  if (error) throw new Error(`${response.status}: ${error.message}`);
  return data.data;
}
