import { Agent, request } from 'undici';
import type { Dispatcher } from 'undici';
import type { Data, Page } from '../api/contract.js';
import { VERSION } from '../version.js';
import { CliError, EXIT, usageError } from './cli-error.js';

/** Where the client commands reach Hookline, and as which program. */
export interface ApiTarget {
  /** Base URL without trailing slash, e.g. `http://localhost:8080`. */
  readonly url: string;
  readonly apiKey: string;
}

/** An API answer other than 2xx, with the server's `{message, errors}` body. */
export class ApiError extends CliError {
  constructor(
    readonly status: number,
    readonly method: string,
    readonly path: string,
    readonly body: unknown,
  ) {
    super(describeApiError(status, method, path, body), EXIT.failure);
    this.name = 'ApiError';
  }
}

function describeApiError(status: number, method: string, path: string, body: unknown): string {
  const b = (body ?? {}) as { message?: unknown; errors?: Record<string, unknown> };
  if (status === 401) {
    return 'the API key was refused (401): check --api-key or HOOKLINE_API_KEY';
  }
  let message = typeof b.message === 'string' ? b.message : `HTTP ${status}`;
  const firstField = b.errors ? Object.values(b.errors)[0] : undefined;
  if (Array.isArray(firstField) && typeof firstField[0] === 'string' && firstField[0] !== message) {
    message = `${message} ${firstField[0]}`;
  }
  return `${method} ${path} failed (${status}): ${message}`;
}

/**
 * Checks an `--api-url` / `--forward-to` style value: an absolute http(s) URL.
 *
 * @throws CliError (usage) naming the flag
 */
export function parseHttpUrl(raw: string, flag: string): URL {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw usageError(`${flag} must be an absolute http(s) URL, got ${JSON.stringify(raw)}`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw usageError(`${flag} must be an http:// or https:// URL, got ${JSON.stringify(raw)}`);
  }
  return url;
}

/** Turns a low-level network error into one readable line. */
export function describeNetworkError(error: unknown, target: string): string {
  const code = errorCode(error);
  const reason =
    code === 'ECONNREFUSED'
      ? 'connection refused'
      : code === 'ENOTFOUND' || code === 'EAI_AGAIN'
        ? 'host not found'
        : code === 'ECONNRESET' || code === 'UND_ERR_SOCKET'
          ? 'connection reset'
          : code === 'UND_ERR_CONNECT_TIMEOUT' || code === 'UND_ERR_HEADERS_TIMEOUT'
            ? 'timed out'
            : code !== ''
              ? code
              : error instanceof Error
                ? error.message
                : String(error);
  return `cannot reach ${target} (${reason})`;
}

/** The `code` of an error or of the first error in its `cause` chain that has one. */
export function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current !== null && typeof current === 'object'; depth++) {
    const e = current as { code?: unknown; cause?: unknown };
    if (typeof e.code === 'string') return e.code;
    current = e.cause;
  }
  return '';
}

/** An open server-sent-events response. */
export interface EventStreamResponse {
  readonly body: AsyncIterable<Buffer | string>;
  close(): void;
}

/**
 * A small client of the Hookline REST API: bearer auth, JSON in and out, `{data}` unwrapped,
 * errors turned into one-line {@link CliError}s.
 *
 * @example
 * const api = new ApiClient({ url: 'http://localhost:8080', apiKey });
 * const webhooks = await api.get<Webhook[]>('/v1/webhooks');
 */
export class ApiClient {
  private readonly agent: Dispatcher;

  constructor(readonly target: ApiTarget) {
    // keep-alive so a `tail` polling every second reuses one connection.
    this.agent = new Agent({ connections: 8, keepAliveTimeout: 10_000 });
  }

  /** `GET` and return `data`. */
  async get<T>(path: string, query: Record<string, string | number | undefined> = {}): Promise<T> {
    return (await this.call<Data<T>>('GET', withQuery(path, query))).data;
  }

  /** `GET` and return the whole body (lists: `data`, `links`, `meta`). */
  async getPage<T>(
    path: string,
    query: Record<string, string | number | undefined> = {},
  ): Promise<Page<T>> {
    return this.call('GET', withQuery(path, query));
  }

  /** `POST` a JSON body and return `data`. */
  async post<T>(
    path: string,
    body: unknown = {},
    headers: Record<string, string> = {},
  ): Promise<T> {
    return (await this.call<Data<T>>('POST', path, body, headers)).data;
  }

  /** `PUT` a JSON body and return `data`. */
  async put<T>(path: string, body: unknown): Promise<T> {
    return (await this.call<Data<T>>('PUT', path, body)).data;
  }

  /** `DELETE`. */
  async delete(path: string): Promise<void> {
    await this.call('DELETE', path);
  }

  /** Any method; returns the parsed body of a 2xx, throws {@link ApiError} otherwise. */
  async call<T>(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<T> {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(`${this.target.url}${path}`, {
        method,
        dispatcher: this.agent,
        headers: {
          authorization: `Bearer ${this.target.apiKey}`,
          accept: 'application/json',
          'user-agent': `hookline-cli/${VERSION}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
          ...headers,
        },
        body: body === undefined ? undefined : JSON.stringify(body),
        headersTimeout: 30_000,
        bodyTimeout: 30_000,
      });
    } catch (error) {
      throw new CliError(
        `${describeNetworkError(error, `Hookline at ${this.target.url}`)}; is \`hookline serve\` running? (--api-url or HOOKLINE_API_URL)`,
        EXIT.failure,
        { cause: error },
      );
    }
    const text = await res.body.text();
    let parsed: unknown;
    try {
      parsed = text === '' ? {} : JSON.parse(text);
    } catch {
      throw new CliError(
        `${method} ${path}: the server at ${this.target.url} did not answer with JSON (HTTP ${res.statusCode}); is it a Hookline server?`,
      );
    }
    if (res.statusCode < 200 || res.statusCode >= 300) {
      throw new ApiError(res.statusCode, method, path, parsed);
    }
    return parsed as T;
  }

  /**
   * Opens a `text/event-stream` response. `bodyTimeout` makes a silent connection fail (the
   * server sends a comment every 15 s), so a dead network is noticed and the caller reconnects.
   */
  async stream(path: string, signal: AbortSignal): Promise<EventStreamResponse> {
    let res: Dispatcher.ResponseData;
    try {
      res = await request(`${this.target.url}${path}`, {
        method: 'GET',
        dispatcher: this.agent,
        signal,
        headers: {
          authorization: `Bearer ${this.target.apiKey}`,
          accept: 'text/event-stream',
          'user-agent': `hookline-cli/${VERSION}`,
        },
        headersTimeout: 30_000,
        bodyTimeout: 45_000,
      });
    } catch (error) {
      if (signal.aborted) throw error;
      throw new CliError(
        describeNetworkError(error, `Hookline at ${this.target.url}`),
        EXIT.failure,
        {
          cause: error,
        },
      );
    }
    if (res.statusCode !== 200) {
      const text = await res.body.text().catch(() => '');
      let parsed: unknown = {};
      try {
        parsed = JSON.parse(text);
      } catch {}
      throw new ApiError(res.statusCode, 'GET', path, parsed);
    }
    return {
      body: res.body,
      close: () => res.body.destroy(),
    };
  }

  /** Closes pooled connections. */
  async close(): Promise<void> {
    await this.agent.close();
  }
}

function withQuery(path: string, query: Record<string, string | number | undefined>): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(query)) if (v !== undefined) params.set(k, String(v));
  const qs = params.toString();
  return qs === '' ? path : `${path}?${qs}`;
}
