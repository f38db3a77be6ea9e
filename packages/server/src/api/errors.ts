import { NotFoundError, ValidationError } from '../domain/errors.js';

/**
 * The one HTTP error of the API. The central handler renders every error as Partnero's
 * (Laravel's) stable body: `{message, errors?: {field: [messages]}}`.
 */
export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly errors?: Readonly<Record<string, readonly string[]>>,
    options?: { cause?: unknown; headers?: Readonly<Record<string, string>> },
  ) {
    super(message, options?.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'HttpError';
    this.headers = options?.headers;
  }
  readonly headers: Readonly<Record<string, string>> | undefined;
}

/** 404 for an unknown resource, or one that belongs to another program (indistinguishable). */
export function notFound(what: string): HttpError {
  return new HttpError(404, `${what} not found.`);
}

/**
 * Most fields an error body lists. A 200 KB body of 100,000 wrong array items would otherwise
 * be answered with 7 MB of errors; the message still counts them all.
 */
export const MAX_FIELD_ERRORS = 100;

/**
 * The first {@link MAX_FIELD_ERRORS} fields of `errors`, in a null-prototype object (field
 * names come from the client: `__proto__` is a field like any other).
 */
export function firstFieldErrors(
  errors: Readonly<Record<string, readonly string[]>>,
): Record<string, readonly string[]> {
  const out = Object.create(null) as Record<string, readonly string[]>;
  for (const field of Object.keys(errors).slice(0, MAX_FIELD_ERRORS)) {
    out[field] = errors[field] as readonly string[];
  }
  return out;
}

/**
 * 422 with field errors, Laravel style: the message repeats the first error and counts the
 * others (`total` fields in all, when the caller stopped describing them past the cap).
 */
export function validationFailed(
  errors: Record<string, string[]>,
  total = Object.keys(errors).length,
): HttpError {
  const fields = Object.keys(errors);
  const first = errors[fields[0] ?? '']?.[0] ?? 'The given data was invalid.';
  const more = total > 1 ? ` (and ${total - 1} more error${total > 2 ? 's' : ''})` : '';
  return new HttpError(422, `${first}${more}`, firstFieldErrors(errors));
}

/** 422 for one field. */
export function invalidField(field: string, message: string): HttpError {
  return validationFailed({ [field]: [message] });
}

/**
 * The HTTP form of an error thrown below the API (the domain's own errors), or `undefined` when
 * `error` is not one of them.
 */
export function httpErrorOf(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof NotFoundError)
    return new HttpError(404, error.message, undefined, { cause: error });
  if (error instanceof ValidationError) {
    return new HttpError(422, error.message, error.errors, { cause: error });
  }
  // PostgreSQL refuses NUL characters in text (22021, e.g. `GET /v1/partners/%00`), where
  // SQLite stores them: bad input either way, never a 500.
  if ((error as { code?: unknown } | null)?.code === '22021') {
    const message = 'Text must not contain NUL characters.';
    return new HttpError(422, message, { request: [message] }, { cause: error });
  }
  return undefined;
}
