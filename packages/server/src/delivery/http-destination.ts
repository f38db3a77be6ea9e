import { Agent, request } from 'undici';
import type { AttemptResponse, Destination } from './destination.js';
import { createGuardedConnector } from './guarded-connector.js';
import type { Resolver } from './guarded-connector.js';

/** Most of a response body kept in the attempt log; the rest is discarded unread. */
export const RESPONSE_BODY_LIMIT = 16 * 1024;

/**
 * The HTTP destination: one undici `Agent` (keep-alive pool per origin) whose connector applies
 * the SSRF guard to the resolved address of every new connection. Redirects are never followed
 * (`undici.request` does not), so a 3xx comes back as the answer and is recorded as a failure.
 */
export function createHttpDestination(options: {
  /** Hard limit of the whole exchange, in ms (the sender's deadline aborts it too). */
  readonly timeoutMs: number;
  /** Skip the SSRF check (development and tests). */
  readonly allowPrivateNetworks: boolean;
  /** Keep-alive connections per origin. */
  readonly connectionsPerOrigin: number;
  /** Replaces DNS resolution in the SSRF guard (tests). */
  readonly resolver?: Resolver;
}): Destination {
  const agent = new Agent({
    connect: createGuardedConnector({
      allowPrivateNetworks: options.allowPrivateNetworks,
      connectTimeoutMs: options.timeoutMs,
      ...(options.resolver ? { resolver: options.resolver } : {}),
    }),
    connections: options.connectionsPerOrigin,
    pipelining: 1,
    keepAliveTimeout: 30_000,
    // Idle timers only; the sender's AbortSignal enforces the hard limit.
    headersTimeout: options.timeoutMs,
    bodyTimeout: options.timeoutMs,
  });
  return {
    async deliver(attempt, signal): Promise<AttemptResponse> {
      const res = await request(attempt.url, {
        method: 'POST',
        dispatcher: agent,
        headers: attempt.headers,
        body: attempt.body,
        signal,
      });
      const body = await readCapped(res.body);
      return { statusCode: res.statusCode, headers: flattenHeaders(res.headers), body };
    },
    close: () => agent.close(),
  };
}

/** Reads at most {@link RESPONSE_BODY_LIMIT} bytes, then destroys the stream (drops the rest). */
async function readCapped(body: AsyncIterable<Buffer> & { destroy(): unknown }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= RESPONSE_BODY_LIMIT) {
      body.destroy();
      break;
    }
  }
  const all = chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks);
  return all.subarray(0, RESPONSE_BODY_LIMIT).toString('utf8');
}

function flattenHeaders(
  headers: Record<string, string | string[] | undefined>,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value !== undefined) out[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return out;
}
