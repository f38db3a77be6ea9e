import type { FastifyRequest } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { validationMessage, valueAt } from './validation-message.js';

/** Where a failed value came from, in the words of the error message. */
const PART_NAMES: ReadonlyMap<string, string> = new Map([
  ['querystring', 'query'],
  ['params', 'path'],
  ['body', 'body'],
  ['headers', 'headers'],
]);

/**
 * Laravel's `errors` object (`{field: [messages]}`) for a failed schema validation. An unknown
 * query parameter is named, with the parameters the route does support, so a filter is never
 * silently ignored and the user sees what to send instead.
 */
export function validationErrorsOf(
  error: { validation: FastifySchemaValidationError[]; validationContext?: string },
  request: FastifyRequest,
): Record<string, string[]> {
  // Field names come from the client (`?constructor=1`): a prototype-free map, so no name
  // finds an inherited member.
  const errors = new Map<string, string[]>();
  const where = error.validationContext;
  const add = (field: string, message: string) => {
    const list = errors.get(field) ?? [];
    list.push(message);
    errors.set(field, list);
  };
  for (const issue of error.validation) {
    const path = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    const keys = (issue.params as { keys?: unknown }).keys;
    if (issue.keyword === 'unrecognized_keys' && Array.isArray(keys)) {
      const supported = supportedKeys(request, where);
      for (const key of keys as string[]) {
        const field = path === '' ? key : `${path}.${key}`;
        add(field, unknownKeyMessage(field, where, supported));
      }
      continue;
    }
    const field = path !== '' ? path : (PART_NAMES.get(where ?? '') ?? 'request');
    const input = valueAt(inputOf(request, where), path === '' ? [] : path.split('.'));
    const params = issue.params as Record<string, unknown>;
    add(
      field,
      validationMessage(
        field,
        { ...params, code: issue.keyword, message: issue.message },
        input,
        // Query values are strings the schema coerces: "abc" for a number is not "a string".
        where === 'querystring',
      ),
    );
  }
  return fieldErrors(errors);
}

/**
 * The `errors` body member from a map of field errors: a null-prototype object whose own
 * members are exactly the fields (`__proto__` included), as JSON serialises them.
 */
export function fieldErrors(errors: ReadonlyMap<string, string[]>): Record<string, string[]> {
  const out = Object.create(null) as Record<string, string[]>;
  for (const [field, messages] of errors) out[field] = messages;
  return out;
}

function unknownKeyMessage(field: string, where: string | undefined, supported: string[]): string {
  const noun = where === 'querystring' ? 'parameter' : 'field';
  const list = supported.length > 0 ? ` Supported ${noun}s: ${supported.join(', ')}.` : '';
  return `The ${field} ${noun} is not supported.${list}`;
}

/** What the failed part of the request held (query, body, path parameters or headers). */
function inputOf(request: FastifyRequest, part: string | undefined): unknown {
  switch (part) {
    case 'querystring':
      return request.query;
    case 'body':
      return request.body;
    case 'params':
      return request.params;
    case 'headers':
      return request.headers;
    default:
      return undefined;
  }
}

/** The top-level keys the route's schema for `part` declares (zod objects only). */
function supportedKeys(request: FastifyRequest, part: string | undefined): string[] {
  const schemas = request.routeOptions.schema as Record<string, unknown> | undefined;
  if (!schemas || part === undefined || !Object.hasOwn(schemas, part)) return [];
  const schema = schemas[part] as { shape?: Record<string, unknown> } | undefined;
  return schema?.shape ? Object.keys(schema.shape) : [];
}
