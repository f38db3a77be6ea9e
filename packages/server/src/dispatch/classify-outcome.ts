import type { ErrorClass } from '../model.js';

/** Error code of a connect-time SSRF refusal (see guarded-connector.ts). */
export const SSRF_BLOCKED_CODE = 'HOOKLINE_SSRF_BLOCKED';
/** Error code of a `listener:` delivery with no connected `hookline listen` session. */
export const LISTENER_NOT_CONNECTED_CODE = 'HOOKLINE_LISTENER_NOT_CONNECTED';

/** How an attempt ended: an HTTP answer, or an error before one arrived. */
export type RawOutcome =
  | { readonly kind: 'response'; readonly statusCode: number }
  | { readonly kind: 'error'; readonly error: unknown };

/** The verdict on an attempt: success, or the class of failure and a readable message. */
export type Classification =
  | { readonly succeeded: true; readonly errorClass: null; readonly message: null }
  | { readonly succeeded: false; readonly errorClass: ErrorClass; readonly message: string };

const SUCCESS: Classification = { succeeded: true, errorClass: null, message: null };

const TIMEOUT_CODES = new Set([
  'UND_ERR_CONNECT_TIMEOUT',
  'UND_ERR_HEADERS_TIMEOUT',
  'UND_ERR_BODY_TIMEOUT',
  'ETIMEDOUT',
  'ABORT_ERR',
  'ERR_HOOKLINE_TIMEOUT',
]);
// ETIMEOUT: c-ares (dns-resolver.ts) got no answer in time.
const DNS_CODES = new Set([
  'ETIMEOUT',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EAI_NODATA',
  'EAI_FAIL',
  'EAI_NONAME',
]);
const TLS_CODES = new Set([
  'EPROTO',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'UNABLE_TO_GET_ISSUER_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'HOSTNAME_MISMATCH',
  'ERR_TLS_CERT_ALTNAME_INVALID',
]);

/**
 * Classifies an attempt's outcome. Success is a 2xx; any other status (3xx included: redirects
 * are never followed) is `http_status`. Errors are read from their `code` (undici's and
 * Node's), following `cause` chains, and fall back to `connection`.
 *
 * @example classifyOutcome({ kind: 'response', statusCode: 302 }).errorClass // 'http_status'
 */
export function classifyOutcome(outcome: RawOutcome): Classification {
  if (outcome.kind === 'response') {
    const status = outcome.statusCode;
    if (status >= 200 && status < 300) return SUCCESS;
    const note = status >= 300 && status < 400 ? ' (redirects are not followed)' : '';
    return { succeeded: false, errorClass: 'http_status', message: `HTTP ${status}${note}` };
  }
  return { succeeded: false, ...classifyError(outcome.error) };
}

/** The class and message of an error thrown while sending. */
export function classifyError(error: unknown): { errorClass: ErrorClass; message: string } {
  const seen = new Set<unknown>();
  let current: unknown = error;
  // Look through `cause` chains: undici and fetch wrap the socket error.
  while (current !== null && typeof current === 'object' && !seen.has(current)) {
    seen.add(current);
    const e = current as { code?: unknown; name?: unknown; message?: unknown; cause?: unknown };
    const code = typeof e.code === 'string' ? e.code : '';
    const name = typeof e.name === 'string' ? e.name : '';
    const message = typeof e.message === 'string' && e.message !== '' ? e.message : code || name;
    if (code === SSRF_BLOCKED_CODE) return { errorClass: 'ssrf_blocked', message };
    if (code === LISTENER_NOT_CONNECTED_CODE) return { errorClass: 'connection', message };
    if (TIMEOUT_CODES.has(code) || name === 'TimeoutError') {
      return { errorClass: 'timeout', message: name === 'TimeoutError' ? 'timed out' : message };
    }
    if (DNS_CODES.has(code)) return { errorClass: 'dns', message };
    if (TLS_CODES.has(code) || code.startsWith('ERR_TLS_') || code.startsWith('ERR_SSL_')) {
      return { errorClass: 'tls', message };
    }
    if (code !== '' && code !== 'UND_ERR_ABORTED' && e.cause === undefined) {
      return {
        errorClass: 'connection',
        message: message.includes(code) ? message : `${code}: ${message}`,
      };
    }
    if (e.cause === undefined)
      return { errorClass: 'connection', message: message || 'connection failed' };
    current = e.cause;
  }
  return { errorClass: 'connection', message: String(error) };
}
