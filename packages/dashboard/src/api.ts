/**
 * The dashboard's API client. It talks to the same `/v1` API as everyone else, authenticated
 * by the HttpOnly session cookie (the API key is never kept in the browser), and sends the
 * session's CSRF token on every state-changing request.
 */
import type { Data, ErrorBody, EventTypeEntry, Page } from '@hookline/server/contract';

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

/** Calls the API; resolves with the parsed body, rejects with an {@link ApiError}. */
export async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET') headers['x-csrf-token'] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
  } catch {
    throw new ApiError(
      'Cannot reach the Hookline server. Check that it is running, then try again.',
      0,
    );
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let parsed: unknown = null;
  try {
    parsed = text === '' ? null : JSON.parse(text);
  } catch {
    parsed = null;
  }
  if (!response.ok) {
    const payload = (parsed ?? {}) as Partial<ErrorBody>;
    if (response.status === 401 && !path.startsWith('/auth/')) {
      for (const listener of signedOutListeners) listener();
    }
    throw new ApiError(
      messageFor(response.status, payload.message),
      response.status,
      payload.errors,
    );
  }
  return parsed as T;
}

function messageFor(status: number, message: string | undefined): string {
  if (status === 401) return message ?? 'Your session has ended. Sign in again.';
  if (status >= 500) {
    return `The server failed to handle the request (${status}). Try again; if it keeps failing, check the server's log.`;
  }
  return message ?? `The request failed (${status}).`;
}

/** Shorthands for the `{data}` envelope. */
export const api = {
  get: async <T>(path: string) => (await request<Data<T>>('GET', path)).data,
  list: <T>(path: string) => request<Page<T>>('GET', path),
  post: async <T>(path: string, body?: unknown) =>
    (await request<Data<T>>('POST', path, body ?? {}))?.data,
  put: async <T>(path: string, body: unknown) => (await request<Data<T>>('PUT', path, body)).data,
  delete: (path: string) => request<unknown>('DELETE', path),
};

/** Builds a query string from defined, non-empty values. */
export function query(params: Record<string, string | number | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  }
  const text = search.toString();
  return text === '' ? '' : `?${text}`;
}

// ---- Resource types ------------------------------------------------------------------------
// The API's own types, inferred from the response schemas of its routes (see
// packages/server/src/api/contract.ts), so the dashboard cannot drift from what the server sends.

export type {
  Attempt,
  BulkRetryResult,
  DeliveryDetail,
  DeliverySummary,
  EventTypeEntry,
  Overview,
  Page,
  RetryResult,
  SessionInfo,
  TestSendResult,
  Webhook,
  WebhookStats,
} from '@hookline/server/contract';

/** A catalog entry; the contract calls it `EventTypeEntry`. */
export type EventType = EventTypeEntry;

/** A commission rule: a percent (0–100) of the amount, or a fixed major-unit amount. */
export interface CommissionRule {
  type: 'percent' | 'fixed';
  value: number;
}

/** `GET|PUT /v1/program`: the program and its partner-program settings. */
export interface Program {
  id: string;
  name: string;
  website_url: string | null;
  default_currency: string;
  commission: CommissionRule & { overrides: (CommissionRule & { product_type: string })[] };
  review_period_days: number;
  require_partner_approval: boolean;
  created_at: string;
  updated_at: string;
}
