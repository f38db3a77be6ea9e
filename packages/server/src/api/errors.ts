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
