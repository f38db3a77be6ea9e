import type { FastifyRequest } from 'fastify';
import { HttpError } from './errors.js';

/**
 * Deepest nesting of arrays and objects accepted in a JSON request body, counting the body
 * itself as level 1 (`{"data":{}}` is 2 levels deep). An event's `data` may then nest 63 levels,
 * and the delivered envelope stays well under the shallowest common receiver default (Ruby's
 * `JSON.parse` refuses more than 100 levels). Real payloads need a handful; a bound keeps every
 * walk over request data (validation, normalisation, serialisation) far from the stack limit.
 */
export const MAX_JSON_DEPTH = 64;

/** The 400 for a body nested past {@link MAX_JSON_DEPTH}. */
export function tooDeep(): HttpError {
  return new HttpError(
    400,
    `The request body is nested more than ${MAX_JSON_DEPTH} levels deep (arrays and objects).`,
  );
}

/** The 400 for a body that sets a prototype through `__proto__` or `constructor.prototype`. */
export function forbiddenMember(): HttpError {
  return new HttpError(
    400,
    'The request body must not contain a "__proto__" member, nor "constructor" with a "prototype" member.',
  );
}

/**
 * Whether the JSON text nests arrays and objects deeper than `max`, by a single pass over the
 * characters (no recursion, no allocation), so it runs before anything parses the text. Brackets
 * inside strings do not count. Malformed text gets an answer too; the parser then refuses it.
 *
 * @example nestingExceeds('{"a":[[1]]}', 2) // true
 */
export function nestingExceeds(text: string, max: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character, `\"` included
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) {
      inString = true;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > max) return true;
    } else if (c === 0x7d || c === 0x5d) {
      depth--;
    }
  }
  return false;
}

type Done = (error: Error | null, body?: unknown) => void;
type Parse = (request: FastifyRequest, body: string, done: Done) => void;

/**
 * The `application/json` body parser: an empty body is no body (clients that always send the
 * header), nesting past {@link MAX_JSON_DEPTH} is a 400 naming the limit, checked before
 * anything recurses, and a prototype-setting member is a 400 saying so (Fastify's parser,
 * `secure-json-parse`, refuses it but reports it as malformed JSON).
 */
export function createJsonBodyParser(parseJson: Parse): Parse {
  return (request, body, done) => {
    if (body.length === 0) {
      done(null, undefined);
      return;
    }
    if (nestingExceeds(body, MAX_JSON_DEPTH)) {
      done(tooDeep());
      return;
    }
    parseJson(request, body, (error, parsed) => {
      if (!error) {
        done(null, parsed);
        return;
      }
      // The text is valid JSON that the secure parser refused: a prototype member.
      if (isJson(body)) done(forbiddenMember());
      else done(error);
    });
  };
}

function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}
