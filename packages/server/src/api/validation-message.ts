/**
 * A zod issue as validation reports it: its code and the parameters zod gives that code
 * (`expected`, `minimum`, `values`, `format`...), flattened as fastify-type-provider-zod passes
 * them (`params`) or as zod's own issue carries them.
 */
export interface IssueLike {
  readonly code?: string;
  readonly message?: string;
  readonly expected?: unknown;
  readonly origin?: unknown;
  readonly minimum?: unknown;
  readonly maximum?: unknown;
  readonly inclusive?: unknown;
  readonly values?: unknown;
  readonly format?: unknown;
  readonly keys?: unknown;
}

/**
 * Turns a zod issue into a Laravel-style sentence a user can act on, keyed on the issue's code
 * and parameters (never on zod's English wording, which changes between releases), e.g. a
 * `too_small` with `minimum: 0` → `The review_period_days must be at least 0.` `input` is the
 * value that failed, when known: it names what was received, unless `coerced` says the schema
 * converts it first (a query string's values are all strings). A code this map does not know keeps
 * zod's message, prefixed with the field, so nothing is ever lost.
 *
 * @example validationMessage('name', { code: 'invalid_type', expected: 'string' }, undefined)
 * // 'The name field is required.'
 */
export function validationMessage(
  field: string,
  issue: IssueLike,
  input?: unknown,
  coerced = false,
): string {
  const the = `The ${field}`;
  switch (issue.code) {
    case 'invalid_type':
      return `${the} ${invalidType(String(issue.expected ?? 'value'), input, coerced)}`;
    case 'too_small':
    case 'too_big':
      return `${the} ${outOfRange(issue)}`;
    case 'invalid_value':
      if (Array.isArray(issue.values)) {
        return `${the} must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}.`;
      }
      break;
    case 'invalid_format':
      if (issue.format === 'url') return `${the} must be a valid URL.`;
      if (issue.format === 'email') return `${the} must be a valid email address.`;
      return `${the} has an invalid format.`;
    case 'unrecognized_keys':
      if (Array.isArray(issue.keys)) {
        return `${the} has an unknown field: ${issue.keys.map((k) => JSON.stringify(k)).join(', ')}.`;
      }
      break;
  }
  const text = (issue.message ?? 'invalid').replace(/\.$/, '');
  return `${the} field is invalid: ${text}.`;
}

/**
 * The value at `path` below `root` (own members only), or `undefined`: the input an issue is
 * about, to name what was received.
 */
export function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let node = root;
  for (const key of path) {
    if (typeof node !== 'object' || node === null) return undefined;
    const k = typeof key === 'symbol' ? key : String(key);
    if (!Object.hasOwn(node, k)) return undefined;
    node = (node as Record<PropertyKey, unknown>)[k];
  }
  return node;
}

function invalidType(expected: string, input: unknown, coerced: boolean): string {
  // `""` arrives as null (Laravel's ConvertEmptyStringsToNull), so null in a field that needs a
  // value reads as Laravel's `required` does.
  if (input === undefined || input === null) return 'field is required.';
  const wanted = article(expected);
  // Query values arrive as strings and are coerced: "abc" for a number is NaN, "1.5" for an
  // integer is a number, "soon" for a date an Invalid Date. Naming what was received then
  // misleads ("must be a number, not a number"); say only what is expected.
  if (expected === 'date') return 'must be a valid date.';
  const received = coerced && typeof input === 'string' ? undefined : typeName(input);
  if (received === undefined || expected === 'int' || article(received) === wanted) {
    return `must be ${wanted}.`;
  }
  return `must be ${wanted}, not ${article(received)}.`;
}

/** The JSON type of a value as the messages name it; `undefined` when coercion produced it. */
function typeName(input: unknown): string | undefined {
  if (Array.isArray(input)) return 'array';
  if (typeof input === 'number') return Number.isNaN(input) ? undefined : 'number';
  if (input instanceof Date) return undefined;
  return typeof input;
}

function outOfRange(issue: IssueLike): string {
  const small = issue.code === 'too_small';
  const bound = String(small ? issue.minimum : issue.maximum);
  const limit =
    issue.inclusive === false
      ? small
        ? 'greater than'
        : 'less than'
      : small
        ? 'at least'
        : 'at most';
  switch (issue.origin) {
    case 'string':
      return `must be ${limit} ${bound} ${plural(bound, 'character')} long.`;
    case 'array':
    case 'set':
      return `must have ${limit} ${bound} ${plural(bound, 'item')}.`;
    default:
      return `must be ${limit} ${bound}.`;
  }
}

function plural(n: string, word: string): string {
  return n === '1' ? word : `${word}s`;
}

function article(type: string): string {
  const names: Record<string, string> = {
    int: 'an integer',
    integer: 'an integer',
    array: 'a list',
    object: 'an object',
    string: 'a string',
    number: 'a number',
    boolean: 'true or false',
    null: 'null',
  };
  return Object.hasOwn(names, type) ? (names[type] as string) : type;
}
