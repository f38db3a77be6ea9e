import type { FastifyRequest } from 'fastify';
import { safeParse } from 'zod/v4/core';
import type { $ZodType } from 'zod/v4/core';
import { validationFailed } from './errors.js';
import { MAX_JSON_DEPTH } from './json-body.js';

/**
 * What real clients send, accepted the way Laravel (Partnero) accepts it, in one place so that no
 * route can forget it:
 * - a repeated query parameter takes its last value (`?limit=10&limit=100` is `limit=100`);
 * - `""` is null (Laravel's ConvertEmptyStringsToNull), in query strings and JSON bodies;
 * - a null (or absent) body is an empty one, so a route that needs fields answers with field
 *   errors, and one that needs none proceeds;
 * - null in an optional field that cannot hold null means "not given";
 * - a value PostgreSQL cannot store (U+0000, lone surrogates, integers past 2^53) is a 422 naming
 *   the field, on both engines, instead of a driver error;
 * - a JSON body is input on GET and DELETE too, merged with the query string, the body winning
 *   (Laravel's `$request->input()`: `json()->all() + query->all()`), see {@link mergeJsonInput}.
 */

/**
 * Methods whose routes read their input from the query schema. Partnero's PHP SDK sends the
 * parameters of these as a JSON body (`GET /partners/{key}` with `{"key": …}`, `DELETE /partners`
 * with `{"email": …}`), which Laravel reads as input on every method.
 */
const QUERY_INPUT_METHODS: ReadonlySet<string> = new Set(['GET', 'DELETE']);

/** Laravel's `Request::isJson()`: a `/json` or `+json` media type. */
function isJsonRequest(request: FastifyRequest): boolean {
  const type = request.headers['content-type'];
  return typeof type === 'string' && /^[^;]*[/+]json\s*(;|$)/i.test(type);
}

/**
 * Laravel's input on GET and DELETE: the JSON body's top-level members united with the query
 * parameters, the body winning where both name a parameter (PHP's array `+`, so `partner` in the
 * body replaces `partner[...]` in the query wholesale, nested members are not merged). Nested
 * objects are spelled as the query string spells them (`partner[key]`, see `flattenInto`). The
 * result becomes the request's query, which the route's query schema then validates like any query
 * string: an undeclared member is a 422 naming it, `""` is null. The body is emptied, so nothing
 * reads it twice. A route that declares a body schema (`DELETE /coupons`) keeps its body as is.
 *
 * PHP's `json_encode([])` is `[]`: an empty list is no input. Any other body that is not an object
 * (a list with items, a scalar) is a 422, where Laravel would make numbered parameters of it.
 */
export function mergeJsonInput(request: FastifyRequest): void {
  if (!QUERY_INPUT_METHODS.has(request.method)) return;
  const schema = request.routeOptions.schema as { body?: unknown } | undefined;
  if (schema?.body !== undefined) return;
  // `""` is null, and a null body an empty one, as on every other method.
  const body = emptyStringsToNull(request.body);
  request.body = undefined;
  // Laravel reads a non-JSON body of a GET as nothing; a JSON Content-Type with no bytes is an
  // empty body (the parser gives `undefined`).
  if (!isJsonRequest(request) || body === undefined || body === null) return;
  if (Array.isArray(body) && body.length === 0) return;
  if (!isPlainObject(body)) {
    throw validationFailed({
      body: [
        'The request body must be a JSON object of parameters (they are read with the query string).',
      ],
    });
  }
  const merged = Object.create(null) as Record<string, unknown>;
  for (const [key, value] of Object.entries(request.query as Record<string, unknown>)) {
    merged[key] = value;
  }
  // The body's members replace the query's whole: `partner` in the body also replaces
  // `partner[key]` in the query, as PHP's `+` replaces the nested array.
  for (const key of Object.keys(body)) {
    for (const name of Object.keys(merged)) {
      if (name.startsWith(`${key}[`)) delete merged[name];
    }
  }
  for (const [key, value] of Object.entries(body)) flattenInto(merged, key, value);
  request.query = merged;
}

/**
 * Spells a body member as the query string would: PHP parses `?partner[key]=x` and
 * `{"partner": {"key": "x"}}` to the same input, and Hookline's query schemas name nested
 * parameters in brackets (`partner[key]`). Objects are flattened to their leaves, within the
 * body's depth cap; lists and scalars are kept as sent, with `""` as null.
 */
function flattenInto(target: Record<string, unknown>, name: string, value: unknown): void {
  const pending: [string, unknown][] = [[name, value]];
  for (let entry = pending.pop(); entry !== undefined; entry = pending.pop()) {
    const [path, member] = entry;
    if (isPlainObject(member) && Object.keys(member).length > 0) {
      const members = Object.entries(member);
      for (let i = members.length - 1; i >= 0; i--) {
        const [k, v] = members[i] as [string, unknown];
        pending.push([`${path}[${k}]`, v]);
      }
    } else {
      target[path] = emptyStringsToNull(member);
    }
  }
}

/**
 * Body members passed through verbatim, by route (`METHOD url`): their `""` stay `""`. Published
 * event data is delivered byte for byte, and a listener's report carries what the local endpoint
 * answered.
 */
const VERBATIM_BODY_MEMBERS: ReadonlyMap<string, readonly string[]> = new Map([
  ['POST /v1/events', ['data']],
  ['POST /v1/listeners/:id/responses', ['headers', 'body']],
]);

/**
 * Fastify's `querystringParser`: the last value of a repeated parameter wins (PHP and Laravel
 * semantics) and an empty value is `null`. Keys land on a null-prototype object, so
 * `__proto__=` is an ordinary (unknown) parameter.
 *
 * @example parseQueryString('limit=10&page=2&limit=100&sort=') // {limit: '100', page: '2', sort: null}
 */
export function parseQueryString(query: string): Record<string, string | null> {
  const result: Record<string, string | null> = Object.create(null) as Record<
    string,
    string | null
  >;
  for (const [key, value] of new URLSearchParams(query)) result[key] = value === '' ? null : value;
  return result;
}

/**
 * The query string of a pagination link: the request's own parameters (last value of each, empty
 * ones left out) with `page` set, so a client that appends its query again still sends one
 * coherent request.
 */
export function canonicalQuery(search: string, overrides: Record<string, string>): string {
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(parseQueryString(search.replace(/^\?/, '')))) {
    // Own members only: a parameter named `constructor` is the client's, not Object's.
    const wanted = Object.hasOwn(overrides, key) ? (overrides[key] as string) : value;
    if (wanted !== null) params.set(key, wanted);
  }
  for (const [key, value] of Object.entries(overrides)) params.set(key, value);
  return params.toString();
}

/**
 * `""` → `null` through objects and arrays, like Laravel's ConvertEmptyStringsToNull, in place
 * (the result is `value` itself unless `value` is `""`). Iterative, so no nesting can overflow
 * the stack.
 */
export function emptyStringsToNull(value: unknown): unknown {
  if (value === '') return null;
  const pending: unknown[] = [value];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        if (node[i] === '') node[i] = null;
        else if (typeof node[i] === 'object' && node[i] !== null) pending.push(node[i]);
      }
    } else if (isPlainObject(node)) {
      for (const key of Object.keys(node)) {
        const member = node[key];
        if (member === '') node[key] = null;
        else if (typeof member === 'object' && member !== null) pending.push(member);
      }
    }
  }
  return value;
}

/** A surrogate code unit without its pair (with `u`, a valid pair is one code point). */
const LONE_SURROGATE = /\p{Cs}/u;

/** What is wrong with a scalar, or `undefined` when it can be stored. */
function scalarProblem(value: unknown): string | undefined {
  if (typeof value === 'string') {
    if (value.includes('\u0000')) return 'must not contain NUL characters';
    if (LONE_SURROGATE.test(value)) return 'must be valid Unicode text';
    return undefined;
  }
  if (typeof value === 'number' && Math.abs(value) > Number.MAX_SAFE_INTEGER) {
    const max = Number.MAX_SAFE_INTEGER;
    return `must be between -${max} and ${max}`;
  }
  return undefined;
}

/**
 * Why `value` cannot be stored as given: the path of the offending field (`''` for `value`
 * itself) and what is wrong with it, or `undefined`. PostgreSQL rejects U+0000 in text; a lone
 * surrogate has no UTF-8 form (drivers would silently replace it); integers past 2^53 have
 * already lost precision and overflow `bigint` columns once scaled to minor units. The first
 * offending field in document order is named; the walk is iterative, so no nesting can
 * overflow the stack.
 */
export function findUnstorable(
  value: unknown,
  path = '',
): { field: string; problem: string } | undefined {
  // Depth-first with an explicit stack; children are pushed in reverse to keep document order.
  // A node keeps its parent and key, and the path is spelled only for the one reported, so a
  // 100,000-element array costs no 100,000 path strings.
  interface Node {
    readonly value: unknown;
    readonly parent: Node | undefined;
    readonly key: string;
  }
  const pathOf = (node: Node): string => {
    const keys: string[] = [];
    for (let n: Node | undefined = node; n?.parent; n = n.parent) keys.push(n.key);
    return keys.reverse().reduce(join, path);
  };
  const pending: Node[] = [{ value, parent: undefined, key: '' }];
  for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
    const problem = scalarProblem(node.value);
    if (problem) return { field: pathOf(node), problem };
    if (Array.isArray(node.value)) {
      for (let i = node.value.length - 1; i >= 0; i--) {
        pending.push({ value: node.value[i], parent: node, key: String(i) });
      }
    } else if (isPlainObject(node.value)) {
      const entries = Object.entries(node.value);
      for (const [k] of entries) {
        if (k.includes('\u0000') || LONE_SURROGATE.test(k)) {
          return {
            field: pathOf(node),
            problem: 'has a field name with a NUL character or a lone surrogate',
          };
        }
      }
      for (let i = entries.length - 1; i >= 0; i--) {
        const [k, v] = entries[i] as [string, unknown];
        pending.push({ value: v, parent: node, key: k });
      }
    }
  }
  return undefined;
}

/**
 * The `preValidation` hook of every route: merges a GET or DELETE's JSON body into its query
 * ({@link mergeJsonInput}), refuses unstorable values in path parameters, query and body (422
 * naming the field), then turns the body's `""` into `null`.
 */
export async function normaliseRequest(request: FastifyRequest): Promise<void> {
  mergeJsonInput(request);
  const parts: [string, unknown][] = [
    ['path', request.params],
    ['query', request.query],
    ['body', request.body],
  ];
  for (const [label, value] of parts) {
    const found = findUnstorable(value);
    if (found) {
      const field = found.field || label;
      throw validationFailed({ [field]: [`The ${field} ${found.problem}.`] });
    }
  }
  const body = request.body;
  if (typeof body !== 'object' || body === null) return;
  const verbatim = VERBATIM_BODY_MEMBERS.get(`${request.method} ${request.routeOptions.url ?? ''}`);
  if (!verbatim || !isPlainObject(body)) {
    request.body = emptyStringsToNull(body);
    return;
  }
  for (const [k, v] of Object.entries(body)) {
    if (!verbatim.includes(k)) body[k] = emptyStringsToNull(v);
  }
}

/**
 * Prepares input for a route's zod schema: a missing or null body is `{}` when the schema needs
 * one, and a `null` in an optional member that cannot hold null is removed (so a default
 * applies, and a partial update leaves the field alone), recursively through objects, unions
 * and arrays.
 */
export function prepareForSchema(schema: $ZodType, data: unknown, httpPart?: string): unknown {
  if (httpPart === 'body' && (data === undefined || data === null) && !accepts(schema, data)) {
    return {};
  }
  dropUnholdableNulls(schema, data);
  return data;
}

/**
 * The walk follows the schema, so it goes no deeper than the schema does (free-form members
 * such as an event's `data` stop it); `depth` bounds it anyway, as the parser bounds the body.
 */
function dropUnholdableNulls(schema: $ZodType, data: unknown, depth = 0): void {
  if (depth > MAX_JSON_DEPTH) return;
  if (Array.isArray(data)) {
    const elements = arrayElements(schema);
    for (const element of elements) {
      for (const item of data) dropUnholdableNulls(element, item, depth + 1);
    }
    return;
  }
  if (!isPlainObject(data)) return;
  const shapes = objectShapes(schema);
  if (shapes.length === 0) return;
  for (const [key, value] of Object.entries(data)) {
    // Own members only: a body member named `constructor` or `valueOf` is not in the shape.
    const members = shapes.flatMap((shape) => (Object.hasOwn(shape, key) ? [shape[key]] : []));
    const declared = members.filter((m): m is $ZodType => m !== undefined);
    if (declared.length === 0) continue;
    if (value === null) {
      if (declared.every((m) => accepts(m, undefined) && !accepts(m, null))) delete data[key];
    } else if (typeof value === 'object') {
      for (const member of declared) dropUnholdableNulls(member, value, depth + 1);
    }
  }
}

function accepts(schema: $ZodType, value: unknown): boolean {
  return safeParse(schema, value).success;
}

/** The zod definition of a schema, typed loosely: only its wrapping structure is read. */
interface LooseDef {
  readonly type: string;
  readonly innerType?: $ZodType;
  readonly in?: $ZodType;
  readonly options?: readonly $ZodType[];
  readonly shape?: Readonly<Record<string, $ZodType>>;
  readonly element?: $ZodType;
  readonly left?: $ZodType;
  readonly right?: $ZodType;
}

function defOf(schema: $ZodType): LooseDef {
  return schema._zod.def as unknown as LooseDef;
}

/** The schemas a wrapper stands for: through optional, nullable, default, pipe, union. */
function unwrap(schema: $ZodType, depth = 0): $ZodType[] {
  if (depth > 8) return [];
  const def = defOf(schema);
  switch (def.type) {
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      return def.innerType ? unwrap(def.innerType, depth + 1) : [];
    case 'pipe':
      return def.in ? unwrap(def.in, depth + 1) : [];
    case 'union':
      return (def.options ?? []).flatMap((o) => unwrap(o, depth + 1));
    case 'intersection':
      return [def.left, def.right].flatMap((s) => (s ? unwrap(s, depth + 1) : []));
    default:
      return [schema];
  }
}

function objectShapes(schema: $ZodType): Readonly<Record<string, $ZodType>>[] {
  return unwrap(schema).flatMap((s) => {
    const def = defOf(s);
    return def.type === 'object' && def.shape ? [def.shape] : [];
  });
}

function arrayElements(schema: $ZodType): $ZodType[] {
  return unwrap(schema).flatMap((s) => {
    const def = defOf(s);
    return def.type === 'array' && def.element ? [def.element] : [];
  });
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}
