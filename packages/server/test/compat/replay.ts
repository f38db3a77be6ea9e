import { expect, it } from 'vitest';
import type { AppDeps } from '../../src/api/app.js';
import type { TestContext } from '../helpers/context.js';

/**
 * A small replay harness for Partnero's clients. Each {@link Exchange} is one request exactly as
 * a client builds it (method, path, query, body, headers, taken from the client's source, cited
 * in `source`) and the answer Partnero gives it (status and shape). {@link replayExchanges}
 * registers one test per exchange, in order, sharing what earlier answers returned (`save`), so
 * a file reads as a script of what the client does.
 */

/**
 * `createTestContext` option: a clock that moves one second per reading, from now. Resources
 * created one after the other then never share a millisecond, so the order a list shows
 * (`sort`) is the order of the script, on any machine.
 */
export function tickingClock(): { extend: (deps: AppDeps) => AppDeps } {
  let now = Date.now();
  return {
    extend: (deps) => ({
      ...deps,
      clock: () => {
        now += 1000;
        return now;
      },
    }),
  };
}

/** The headers a client sends on every request. */
export interface ClientProfile {
  readonly name: string;
  readonly headers: Readonly<Record<string, string>>;
  /** Whether it sends `Content-Type: application/json` also without a body. */
  readonly jsonHeaderWithoutBody: boolean;
}

/** n8n's declarative node (`requestDefaults` of nodes/Partnero/Partnero.node.ts). */
export const N8N: ClientProfile = {
  name: 'n8n-nodes-partnero',
  headers: { accept: 'application/json', 'content-type': 'application/json' },
  jsonHeaderWithoutBody: true,
};

/** partnero-php (src/Http/HttpLayer.php: HeaderDefaultsPlugin, ContentTypePlugin). */
export const PHP_SDK: ClientProfile = {
  name: 'partnero-php',
  headers: {
    accept: 'application/json',
    'user-agent': 'partnero-php/v1',
    'sdk-version': 'v1.0.23',
  },
  jsonHeaderWithoutBody: false,
};

/**
 * The Python SDK: partnero/base_api.py (`requests.request(..., json=data, params=params)`) with
 * partnero/authentication.py's headers, which always include `Content-Type: application/json`.
 */
export const PYTHON_SDK: ClientProfile = {
  name: 'partnero (PyPI)',
  headers: {
    accept: '*/*',
    'user-agent': 'python-requests/2.32.3',
    'content-type': 'application/json',
  },
  jsonHeaderWithoutBody: true,
};

/**
 * What the API must do beyond routing for some requests to pass, provided by the API's generic
 * request layer (`src/api/request-normalisation.ts`). Documentation only: every exchange always
 * runs, so a tree without the layer (or with it moved) fails the exchanges that need it instead
 * of skipping them (it once skipped 15 when a source file was renamed).
 * - `empty-as-null`: `""` in a body or query is null (Laravel's ConvertEmptyStringsToNull).
 * - `bodyless-json`: a request with a JSON Content-Type and no body has an empty body.
 */
export type Capability = 'empty-as-null' | 'bodyless-json';

/** A request as the client sends it; `path` is below the API base (`/v1`). */
export interface ClientRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly path: string;
  /** Query parameters, in order; serialised as the client does (`URLSearchParams`). */
  readonly query?: Readonly<Record<string, string | number | boolean>>;
  readonly body?: unknown;
}

/** A field type in a Partnero shape. */
type FieldType =
  | 'string'
  | 'string|null'
  | 'number'
  | 'number|null'
  | 'boolean'
  | 'array'
  | 'object'
  | 'timestamp'
  | 'timestamp|null';

/**
 * The fields Partnero documents for each resource (docs.partnero.com API reference and the
 * legacy developers.partnero.com pages, summarised in shared/reference/partnero-format.md),
 * which every answer must carry with these types. Extra fields are allowed.
 */
export const PARTNERO_SHAPES: Record<string, Readonly<Record<string, FieldType>>> = {
  partner: {
    id: 'string',
    key: 'string',
    email: 'string',
    name: 'string|null',
    surname: 'string|null',
    status: 'string',
    approved: 'boolean',
    tags: 'array',
    referral_link: 'string|null',
    referral_links: 'array',
    referrals_count: 'number',
    created_at: 'timestamp',
    updated_at: 'timestamp',
  },
  customer: {
    key: 'string',
    partner: 'string|null',
    email: 'string|null',
    name: 'string|null',
    surname: 'string|null',
    status: 'string',
    tags: 'array',
    created_at: 'timestamp',
    updated_at: 'timestamp',
    deleted_at: 'timestamp|null',
  },
  transaction: {
    key: 'string',
    action: 'string',
    amount: 'number',
    amount_units: 'string',
    partner: 'string|null',
    customer: 'string',
    credit: 'boolean',
    is_currency: 'boolean',
    rewards: 'array',
    created_at: 'timestamp',
    deleted_at: 'timestamp|null',
  },
  referral_link: {
    id: 'string',
    key: 'string',
    url: 'string|null',
    default: 'boolean',
    is_additional: 'boolean',
    direct_tracking: 'boolean',
    direct_tracking_redirect: 'boolean',
    direct_tracking_redirect_url: 'string|null',
  },
};

/** The answer expected: a status, and for 2xx the envelope and the `data` shape. */
export interface Expected {
  readonly status: number;
  /**
   * `'partner'`: `{data: <partner>, status: 1}`; `'partner[]'`: a paginated list of them;
   * `'status'`: `{status: 1}`; `'error'`: `{message, errors?}`. Omitted: status only.
   */
  readonly shape?: string;
  /** Further checks on the parsed body. */
  readonly check?: (body: Answer, saved: Saved) => void;
}

/** A parsed JSON answer. */
// biome-ignore lint/suspicious/noExplicitAny: answers are checked field by field
export type Answer = any;
/** Answers kept by `save`, by name. */
export type Saved = Record<string, Answer>;

/** One client operation and Partnero's answer to it. */
export interface Exchange {
  /** What the client does, e.g. "Partner → Create". */
  readonly name: string;
  /** Where the request is built: `owner/repo: path`. */
  readonly source: string;
  readonly client: ClientProfile;
  readonly request: ClientRequest | ((saved: Saved) => ClientRequest);
  readonly expect: Expected;
  /** Keeps the answer's `data` under this name for later exchanges. */
  readonly save?: string;
  readonly needs?: readonly Capability[];
}

function checkType(value: unknown, type: FieldType, where: string): void {
  const nullable = type.endsWith('|null');
  if (nullable && value === null) return;
  const base = type.replace('|null', '');
  switch (base) {
    case 'array':
      expect(Array.isArray(value), `${where} should be an array`).toBe(true);
      return;
    case 'timestamp':
      expect(value, where).toMatch(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/);
      return;
    default:
      expect(typeof value, `${where} should be ${type}`).toBe(base);
  }
}

/** Checks a resource against its Partnero shape. */
export function expectShape(value: Answer, shape: string, where = shape): void {
  const fields = PARTNERO_SHAPES[shape];
  if (!fields) throw new Error(`no Partnero shape named ${shape}`);
  expect(value, where).toBeTypeOf('object');
  for (const [field, type] of Object.entries(fields)) {
    expect(value, `${where} should have ${field}`).toHaveProperty(field);
    checkType(value[field], type, `${where}.${field}`);
  }
}

/** Checks a whole answer body against an expected shape. */
export function expectBody(body: Answer, shape: string): void {
  if (shape === 'status') {
    expect(body).toMatchObject({ status: 1 });
    return;
  }
  if (shape === 'error') {
    expect(typeof body.message).toBe('string');
    return;
  }
  expect(body.status).toBe(1);
  if (shape.endsWith('[]')) {
    const item = shape.slice(0, -2);
    expect(Array.isArray(body.data)).toBe(true);
    for (const [i, d] of (body.data as Answer[]).entries()) expectShape(d, item, `data[${i}]`);
    // Laravel's simple paginator: n8n follows links.next until it is null.
    expect(body.links).toHaveProperty('next');
    expect(body.meta).toMatchObject({ current_page: expect.any(Number) });
    return;
  }
  expectShape(body.data, shape, 'data');
}

/** Sends one request as `client` does, with the program's API key. */
export async function send(
  ctx: TestContext,
  client: ClientProfile,
  request: ClientRequest,
): Promise<{ status: number; body: Answer }> {
  const query = request.query
    ? `?${new URLSearchParams(
        Object.entries(request.query).map(([k, v]): [string, string] => [k, String(v)]),
      ).toString()}`
    : '';
  const headers: Record<string, string> = {
    ...client.headers,
    authorization: `Bearer ${ctx.apiKey}`,
  };
  if (request.body !== undefined) headers['content-type'] = 'application/json';
  else if (!client.jsonHeaderWithoutBody) delete headers['content-type'];
  const res = await ctx.app.inject({
    method: request.method,
    url: `/v1${request.path}${query}`,
    headers,
    ...(request.body === undefined ? {} : { payload: JSON.stringify(request.body) }),
  });
  let body: Answer = null;
  try {
    body = res.body === '' ? null : res.json();
  } catch {
    body = res.body;
  }
  return { status: res.statusCode, body };
}

/**
 * Registers one test per exchange, run in order against `context()` (called when each test
 * runs, so a `beforeAll` can build it). None is ever skipped.
 */
export function replayExchanges(context: () => TestContext, exchanges: readonly Exchange[]): void {
  const saved: Saved = {};
  for (const exchange of exchanges) {
    const title = `${exchange.client.name}: ${exchange.name}`;
    it(title, async () => {
      const request =
        typeof exchange.request === 'function' ? exchange.request(saved) : exchange.request;
      const { status, body } = await send(context(), exchange.client, request);
      expect(status, `${request.method} ${request.path} → ${JSON.stringify(body)}`).toBe(
        exchange.expect.status,
      );
      if (exchange.expect.shape !== undefined) expectBody(body, exchange.expect.shape);
      exchange.expect.check?.(body, saved);
      if (exchange.save !== undefined) saved[exchange.save] = body?.data;
    });
  }
}
