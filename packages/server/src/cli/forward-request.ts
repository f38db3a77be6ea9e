import { performance } from 'node:perf_hooks';
import { request } from 'undici';
import { describeNetworkError, errorCode } from './api-client.js';

/** Most of a local response body reported back (the server keeps 16 KiB). */
export const REPORTED_BODY_LIMIT = 16 * 1024;

/** How forwarding one attempt to the local endpoint ended. */
export type ForwardResult =
  | {
      readonly ok: true;
      readonly status: number;
      readonly headers: Record<string, string>;
      readonly body: string;
      readonly durationMs: number;
    }
  | {
      readonly ok: false;
      readonly errorClass: 'connection' | 'timeout' | 'dns';
      readonly message: string;
      readonly durationMs: number;
    };

/**
 * POSTs the exact body with the signed headers to the developer's local endpoint, like the
 * dispatcher would: no redirects followed, a hard timeout, the answer's body capped.
 *
 * @example await forwardRequest('http://localhost:3000/webhooks', body, headers, 4000)
 */
export async function forwardRequest(
  url: string,
  body: string,
  headers: Readonly<Record<string, string>>,
  timeoutMs: number,
): Promise<ForwardResult> {
  const t0 = performance.now();
  const elapsed = () => Math.round(performance.now() - t0);
  const signal = AbortSignal.timeout(timeoutMs);
  try {
    const res = await request(url, { method: 'POST', headers: { ...headers }, body, signal });
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of res.body as AsyncIterable<Buffer>) {
      chunks.push(chunk);
      size += chunk.length;
      if (size >= REPORTED_BODY_LIMIT) {
        res.body.destroy();
        break;
      }
    }
    const flat: Record<string, string> = {};
    for (const [name, value] of Object.entries(res.headers)) {
      if (value !== undefined)
        flat[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
    }
    return {
      ok: true,
      status: res.statusCode,
      headers: flat,
      body: Buffer.concat(chunks).subarray(0, REPORTED_BODY_LIMIT).toString('utf8'),
      durationMs: elapsed(),
    };
  } catch (error) {
    const code = errorCode(error);
    if (signal.aborted || code === 'UND_ERR_HEADERS_TIMEOUT' || code === 'UND_ERR_BODY_TIMEOUT') {
      return {
        ok: false,
        errorClass: 'timeout',
        message: `no answer within ${timeoutMs} ms`,
        durationMs: elapsed(),
      };
    }
    const dns = code === 'ENOTFOUND' || code === 'EAI_AGAIN';
    return {
      ok: false,
      errorClass: dns ? 'dns' : 'connection',
      message: describeNetworkError(error, url),
      durationMs: elapsed(),
    };
  }
}
