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

/** 422 with field errors, Laravel style: the message repeats the first error. */
export function validationFailed(errors: Record<string, string[]>): HttpError {
  const fields = Object.keys(errors);
  const first = errors[fields[0] ?? '']?.[0] ?? 'The given data was invalid.';
  const more =
    fields.length > 1
      ? ` (and ${fields.length - 1} more error${fields.length > 2 ? 's' : ''})`
      : '';
  return new HttpError(422, `${first}${more}`, errors);
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
