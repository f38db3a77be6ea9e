import createFetchClient from 'openapi-fetch';
import type { Client, Middleware } from 'openapi-fetch';
import { retryingFetch } from './retrying-fetch.js';
import type { FetchLike, RetryOptions } from './retrying-fetch.js';
import type { paths } from './schema.js';

/** The typed Hookline client: `GET`, `POST`, `PUT`, `DELETE`... per path of the API document. */
export type HooklineClient = Client<paths>;

/** A value, or a function read on every request (a key or token that can change). */
export type Provided<T> = T | (() => T | undefined);

/** Header the dashboard's session needs on every state-changing request. */
export const CSRF_HEADER = 'x-csrf-token';

/** Options of {@link createClient}. */
export interface ClientOptions {
  /** Where Hookline is served, e.g. `https://hooks.example.com` (no `/v1`). */
  readonly baseUrl: string;
  /** An API key (`hk_...`), sent as `Authorization: Bearer`: scripts, the CLI, servers. */
  readonly apiKey?: Provided<string>;
  /**
   * Cookies for the dashboard's session. The app served by Hookline needs no setting (the
   * browser's default, `'same-origin'`); `'include'` also sends the cookie to another origin of
   * the same site (the cookie is `SameSite=Strict`). Leave unset outside a browser.
   */
  readonly credentials?: RequestInit['credentials'];
  /** The session's CSRF token, sent as `x-csrf-token` (dashboard sessions only). */
  readonly csrfToken?: Provided<string>;
  /** Headers sent with every request. */
  readonly headers?: Readonly<Record<string, string>>;
  /** The fetch to call (default `globalThis.fetch`), e.g. one with a proxy agent or a test stub. */
  readonly fetch?: FetchLike;
  /**
   * Retries of 429 and 503 answers (see `retryingFetch`): a number of retries, options, or
   * `false` for none. Default 3 retries.
   */
  readonly retries?: number | RetryOptions | false;
}

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

function read<T>(value: Provided<T> | undefined): T | undefined {
  return typeof value === 'function' ? (value as () => T | undefined)() : value;
}

/**
 * Creates a typed client of the Hookline API. Works in browsers and Node 20 (plain `fetch`, no
 * Node imports). Requests and answers are typed from `openapi.json`; each call resolves to
 * `{ data, error, response }` and never throws on an HTTP status.
 *
 * @example
 * const hookline = createClient({ baseUrl: 'http://localhost:8080', apiKey: process.env.HOOKLINE_API_KEY });
 * const { data, error } = await hookline.GET('/v1/webhooks');
 */
export function createClient(options: ClientOptions): HooklineClient {
  const base: FetchLike = options.fetch ?? ((request) => globalThis.fetch(request));
  const retries = options.retries ?? {};
  const fetch =
    retries === false
      ? base
      : retryingFetch(base, typeof retries === 'number' ? { maxRetries: retries } : retries);

  const client = createFetchClient<paths>({
    baseUrl: options.baseUrl.replace(/\/+$/, ''),
    fetch,
    ...(options.credentials === undefined ? {} : { credentials: options.credentials }),
    ...(options.headers === undefined ? {} : { headers: { ...options.headers } }),
  });
  client.use(credentialsMiddleware(options));
  return client;
}

/** Adds the API key and CSRF token, read per request so a rotated value applies at once. */
function credentialsMiddleware(options: ClientOptions): Middleware {
  return {
    onRequest({ request }) {
      const apiKey = read(options.apiKey);
      if (apiKey !== undefined && !request.headers.has('authorization')) {
        request.headers.set('authorization', `Bearer ${apiKey}`);
      }
      const csrf = read(options.csrfToken);
      if (csrf !== undefined && !SAFE_METHODS.has(request.method)) {
        request.headers.set(CSRF_HEADER, csrf);
      }
      return request;
    },
  };
}
