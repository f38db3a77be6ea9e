import type { FastifyRequest } from 'fastify';
import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { validationMessage } from './validation-message.js';

/** Where a failed value came from, in the words of the error message. */
const PART_NAMES: Readonly<Record<string, string>> = {
  querystring: 'query',
  params: 'path',
  body: 'body',
  headers: 'headers',
};

/**
 * Laravel's `errors` object (`{field: [messages]}`) for a failed schema validation. An unknown
 * query parameter is named, with the parameters the route does support, so a filter is never
 * silently ignored and the user sees what to send instead.
 */
export function validationErrorsOf(
  error: { validation: FastifySchemaValidationError[]; validationContext?: string },
  request: FastifyRequest,
): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const where = error.validationContext;
  const add = (field: string, message: string) => {
    const list = errors[field] ?? [];
    list.push(message);
    errors[field] = list;
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
    const field = path !== '' ? path : (PART_NAMES[where ?? ''] ?? 'request');
    add(field, validationMessage(field, issue.message ?? 'invalid'));
  }
  return errors;
}

function unknownKeyMessage(field: string, where: string | undefined, supported: string[]): string {
  const noun = where === 'querystring' ? 'parameter' : 'field';
  const list = supported.length > 0 ? ` Supported ${noun}s: ${supported.join(', ')}.` : '';
  return `The ${field} ${noun} is not supported.${list}`;
}

/** The top-level keys the route's schema for `part` declares (zod objects only). */
function supportedKeys(request: FastifyRequest, part: string | undefined): string[] {
  const schema = (request.routeOptions.schema as Record<string, unknown> | undefined)?.[
    part ?? ''
  ] as { shape?: Record<string, unknown> } | undefined;
  return schema?.shape ? Object.keys(schema.shape) : [];
}
