// examples/create-client.ts (type-checked; README.md shows this file verbatim)
import { createClient } from '@hookline/client';
import type { HooklineClient } from '@hookline/client';

/** A server, a script or the CLI: an API key, 429/503 retried up to 3 times (the default). */
export function apiClient(baseUrl: string, apiKey: string): HooklineClient {
  return createClient({ baseUrl, apiKey });
}

/** The dashboard in a browser: the session cookie, and the CSRF token on every change. */
export function dashboardClient(baseUrl: string, csrfToken: () => string | undefined) {
  return createClient({ baseUrl, credentials: 'include', csrfToken });
}

/** A batch job that may wait longer: 5 retries, and a `Retry-After` of up to 2 minutes. */
export function patientClient(baseUrl: string, apiKey: string): HooklineClient {
  return createClient({ baseUrl, apiKey, retries: { maxRetries: 5, maxRetryAfterMs: 120_000 } });
}
