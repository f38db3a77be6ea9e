import { call } from '../domain/helpers.js';
import type { TestContext } from './context.js';

/** The portal's Set-Cookie line of a response, and its `name=value` pair ('' when absent). */
export function portalSetCookie(headers: Record<string, unknown>): { pair: string; line: string } {
  const raw = headers['set-cookie'];
  const lines = raw === undefined ? [] : Array.isArray(raw) ? raw.map(String) : [String(raw)];
  const line = lines.find((l) => l.startsWith('hookline_portal=')) ?? '';
  return { pair: line.split(';')[0] ?? '', line };
}

/** The portal cookie of a response, as `name=value` ('' when absent). */
export function portalCookie(headers: Record<string, unknown>): string {
  return portalSetCookie(headers).pair;
}

/**
 * Signs partner `id` in as the owner's integration would: `POST /v1/partners:sign-in-url`, then
 * the one-time URL opened. Returns the portal cookie it set ('' when none was).
 */
export async function signInPartner(ctx: TestContext, id: string): Promise<string> {
  const link = (await call(ctx, 'POST', '/v1/partners:sign-in-url', { id }, 200)).data
    .url as string;
  const opened = await ctx.app.inject({
    method: 'GET',
    url: link.replace(ctx.config.publicUrl, ''),
  });
  return portalCookie(opened.headers);
}
