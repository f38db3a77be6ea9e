/**
 * The dashboard's API client: `@hookline/client`, typed from the API's OpenAPI document, on the
 * same origin. It is authenticated by the HttpOnly session cookie (the API key is never kept
 * in the browser) and sends the session's CSRF token on every state-changing request. Every
 * failure throws an {@link ApiError} in words a person can act on.
 */
import { createClient } from '@hookline/client';
import type { ErrorBody, HooklineClient, ItemOf } from '@hookline/client';

/** An API failure, in words a person can act on, with the API's field errors if any. */
export class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly fields: Record<string, string[]> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

let csrfToken = '';

/** Remembers the session's CSRF token (in memory only). */
export function setCsrfToken(token: string): void {
  csrfToken = token;
}

/** Listeners told when the session ends (a 401), so the app can show the sign-in page. */
const signedOutListeners = new Set<() => void>();

/** Subscribes to "the session is gone"; returns the unsubscribe function. */
export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/** The client every page calls: `hookline.GET('/v1/webhooks')`, read with {@link dataOf}. */
export const hookline: HooklineClient = createClient({
  baseUrl: '',
  credentials: 'same-origin',
  csrfToken: () => csrfToken,
});

hookline.use({
  async onResponse({ request, response }) {
    if (response.ok) return undefined;
    let payload: Partial<ErrorBody> = {};
    try {
      payload = JSON.parse(await response.text()) as Partial<ErrorBody>;
    } catch {}
    if (response.status === 401 && !new URL(request.url).pathname.startsWith('/auth/')) {
      for (const listener of signedOutListeners) listener();
    }
    throw new ApiError(
      messageFor(response.status, payload.message),
      response.status,
      payload.errors,
    );
  },
  onError({ request }) {
    // A cancelled load (the page moved on) keeps its AbortError; nobody sees it.
    if (request.signal.aborted) return undefined;
    return new ApiError(
      'Cannot reach the Hookline server. Check that it is running, then try again.',
      0,
    );
  },
});

function messageFor(status: number, message: string | undefined): string {
  if (status === 401) return message ?? 'Your session has ended. Sign in again.';
  if (status >= 500) {
    return `The server failed to handle the request (${status}). Try again; if it keeps failing, check the server's log.`;
  }
  return message ?? `The request failed (${status}).`;
}

/** The whole answer of a call; the client throws on failures, so a settled call has one. */
export async function answer<D>(call: Promise<{ data?: D; response: Response }>): Promise<D> {
  const { data } = await call;
  return data as D;
}

/** The `data` of a `{data}` answer. */
export async function dataOf<D>(
  call: Promise<{ data?: { data: D }; response: Response }>,
): Promise<D> {
  return (await answer(call)).data;
}

/** A query's parameters from the page's URL: empty values are left out. */
export function defined<T extends Record<string, string | number | undefined | null>>(
  params: T,
): { [K in keyof T]?: Exclude<T[K], null | ''> } {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') out[key] = value;
  }
  return out as { [K in keyof T]?: Exclude<T[K], null | ''> };
}

/** Builds a query string from defined, non-empty values (for in-app links). */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(defined(params))) search.set(key, String(value));
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

// ---- Resource types ------------------------------------------------------------------------
// The API's own types, read off the generated OpenAPI types of `@hookline/client`, so the
// dashboard cannot drift from what the server sends.

export type {
  ApiKey,
  Attempt,
  BulkRetryResult,
  CommissionRule,
  CreatedApiKey,
  DeliveryDetail,
  DeliverySummary,
  EventType,
  Lead,
  Overview,
  PayoutRequest,
  Program,
  ProgramEvents,
  ProgramType,
  RetryResult,
  ServiceInfo,
  SessionInfo,
  Subscriber,
  TestSendResult,
  Webhook,
  WebhookStats,
} from '@hookline/client';

/** A partner's postback as the owner sees it (`GET /v1/postbacks`), with its partner and health. */
export type Postback = ItemOf<'/v1/postbacks'>;
