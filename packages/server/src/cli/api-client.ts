import { createClient } from '@hookline/client';
import type { FetchLike, HooklineClient } from '@hookline/client';
import type { Middleware } from 'openapi-fetch';
import { Readable } from 'node:stream';
import { Agent, request as undiciRequest } from 'undici';
import type { Dispatcher } from 'undici';
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

/**
 * The CLI's connection to a Hookline server: the typed `@hookline/client` (paths, bodies and
 * answers typed from the API's OpenAPI document) over one keep-alive agent. Every call either
 * resolves with its answer or throws a one-line {@link CliError}: an {@link ApiError} for a
 * non-2xx answer, a readable line for a network failure; read the answer with {@link answer}.
 *
 * @example
 * const api = connectApi({ url: 'http://localhost:8080', apiKey });
 * const hooks = await answer(api.client.GET('/v1/webhooks'));
 */
export interface CliApi {
  readonly target: ApiTarget;
  readonly client: HooklineClient;
  /** Closes pooled connections. */
  close(): Promise<void>;
}

/**
 * Opens a {@link CliApi}. The agent keeps connections alive (a `tail` polling every second
 * reuses one) and times out a silent body after 45 s: the listener stream gets a comment every
 * 15 s, so a dead network is noticed and `listen` reconnects.
 */
export function connectApi(target: ApiTarget): CliApi {
  const agent = new Agent({
    connections: 8,
    keepAliveTimeout: 10_000,
    headersTimeout: 30_000,
    bodyTimeout: 45_000,
  });
  // undici's `request` on this agent, answered as a standard Response: unlike `fetch`, it
  // refuses no port (fetch's "bad ports", such as 6000, are fine for a Hookline server).
  const fetch: FetchLike = async (request) => {
    const res = await undiciRequest(request.url, {
      method: request.method as Dispatcher.HttpMethod,
      headers: [...request.headers].flat(),
      body: request.body === null ? null : Buffer.from(await request.arrayBuffer()),
      signal: request.signal,
      dispatcher: agent,
    });
    const headers = new Headers();
    for (const [name, value] of Object.entries(res.headers)) {
      for (const one of Array.isArray(value) ? value : [value ?? '']) headers.append(name, one);
    }
    if (res.statusCode === 204 || res.statusCode === 304 || request.method === 'HEAD') {
      await res.body.dump();
      return new Response(null, { status: res.statusCode, headers });
    }
    const body = Readable.toWeb(res.body) as ReadableStream<Uint8Array>;
    return new Response(body, { status: res.statusCode, headers });
  };
  const client = createClient({
    baseUrl: target.url,
    apiKey: target.apiKey,
    fetch,
    headers: { 'user-agent': `hookline-cli/${VERSION}` },
  });
  client.use(cliErrors(target.url));
  return { target, client, close: () => agent.close() };
}

/** Turns every failure into one line: non-2xx answers, unreachable servers, non-JSON answers. */
function cliErrors(url: string): Middleware {
  return {
    async onResponse({ request, response }) {
      const path = pathOf(request.url);
      if (!response.ok) {
        const text = await response.text().catch(() => '');
        let body: unknown = {};
        try {
          body = JSON.parse(text);
        } catch {}
        throw new ApiError(response.status, request.method, path, body);
      }
      const type = response.headers.get('content-type') ?? '';
      if (response.status !== 204 && !/json|event-stream/.test(type)) {
        throw new CliError(
          `${request.method} ${path}: the server at ${url} did not answer with JSON (HTTP ${response.status}); is it a Hookline server?`,
        );
      }
      return undefined;
    },
    onError({ request, error }) {
      // An abort is the caller's own doing: it gets its AbortError back unchanged.
      if (request.signal.aborted || error instanceof CliError) return undefined;
      return new CliError(
        `${describeNetworkError(error, `Hookline at ${url}`)}; is \`hookline serve\` running? (--api-url or HOOKLINE_API_URL)`,
        EXIT.failure,
        { cause: error },
      );
    },
  };
}

function pathOf(url: string): string {
  const parsed = new URL(url);
  return `${parsed.pathname}${parsed.search}`;
}

/**
 * The answer of a client call. {@link connectApi}'s client throws on every failure, so a
 * settled call always has its `data`; this narrows the type to it.
 */
export async function answer<D>(call: Promise<{ data?: D; response: Response }>): Promise<D> {
  const { data } = await call;
  return data as D;
}
