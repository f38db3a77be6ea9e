/**
 * The dashboard's API client. It talks to the same `/v1` API as everyone else, authenticated
 * by the HttpOnly session cookie (the API key is never kept in the browser), and sends the
 * session's CSRF token on every state-changing request.
 */

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

/** A list page as the API returns it. */
export interface Page<T> {
  data: T[];
  links: { first: string; prev: string | null; next: string | null };
  meta: { current_page: number; per_page: number; from: number | null; to: number | null };
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
    const payload = (parsed ?? {}) as { message?: string; errors?: Record<string, string[]> };
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
  if (status === 404 && message === 'Not found.') {
    return 'This part of the API is not available on this server (404). Update Hookline and try again.';
  }
  if (status === 401) return message ?? 'Your session has ended. Sign in again.';
  if (status >= 500) {
    return `The server failed to handle the request (${status}). Try again; if it keeps failing, check the server's log.`;
  }
  return message ?? `The request failed (${status}).`;
}

/** Shorthands for the `{data}` envelope. */
export const api = {
  get: async <T>(path: string) => (await request<{ data: T }>('GET', path)).data,
  list: <T>(path: string) => request<Page<T>>('GET', path),
  post: async <T>(path: string, body?: unknown) =>
    (await request<{ data: T }>('POST', path, body ?? {}))?.data,
  put: async <T>(path: string, body: unknown) =>
    (await request<{ data: T }>('PUT', path, body)).data,
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

// ---- Resource types (the parts the dashboard shows) -------------------------------------

export interface Webhook {
  key: string;
  name: string;
  url: string;
  is_active: boolean;
  signature: string;
  events: string[];
  created_at: string;
  updated_at: string;
}

export interface EventType {
  name: string;
  resource: string;
  description: string;
  sample: unknown;
}

export interface WebhookStats {
  webhook_key: string;
  /** See docs/delivery.md, "Endpoint health". */
  health: 'healthy' | 'degraded' | 'failing' | 'idle' | 'disabled';
  consecutive_failures: number;
  attempts_24h: number;
  succeeded_24h: number;
  failed_24h: number;
  success_rate_24h: number | null;
  last_delivery: {
    id: string;
    status: string;
    event: string;
    last_status_code: number | null;
    created_at: string;
  } | null;
}

export interface DeliverySummary {
  id: string;
  event_id: string;
  event: string;
  webhook_key: string;
  url: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  cancel_reason: string | null;
  created_at: string;
  completed_at: string | null;
}

export interface Attempt {
  id: string;
  number: number;
  trigger: string;
  started_at: string;
  duration_ms: number;
  succeeded: boolean;
  request_headers: Record<string, string>;
  response_status: number | null;
  response_headers: Record<string, string> | null;
  response_body: string | null;
  error_class: string | null;
  error_message: string | null;
}

export interface DeliveryDetail extends DeliverySummary {
  body: string;
  attempt_log: Attempt[];
}

export interface Overview {
  range: '24h' | '7d';
  bucket_ms: number;
  totals: { succeeded: number; retrying: number; failed: number; cancelled: number };
  hours: {
    start: string;
    succeeded: number;
    retrying: number;
    failed: number;
    cancelled: number;
  }[];
  latency: {
    webhook_key: string;
    name: string;
    attempts: number;
    p50_ms: number | null;
    p90_ms: number | null;
    p99_ms: number | null;
  }[];
}

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

export interface SessionInfo {
  program: { id: string; name: string };
  csrf_token: string;
}
