/**
 * The domain's own errors. The domain knows nothing of HTTP: the API's central error handler
 * maps these to status codes (`NotFoundError` → 404, `ValidationError` → 422), and the worker,
 * which never loads the API, can still throw and catch them.
 */

/** A resource that does not exist, or belongs to another program (the two are indistinguishable). */
export class NotFoundError extends Error {
  constructor(readonly resource: string) {
    super(`${resource} not found.`);
    this.name = 'NotFoundError';
  }
}

/**
 * Input the domain refuses, with messages per field (Laravel's shape). The message repeats the
 * first error and counts the rest, as Laravel does.
 */
export class ValidationError extends Error {
  constructor(readonly errors: Readonly<Record<string, readonly string[]>>) {
    super(summarise(errors));
    this.name = 'ValidationError';
  }
}

function summarise(errors: Readonly<Record<string, readonly string[]>>): string {
  const fields = Object.keys(errors);
  const first = errors[fields[0] ?? '']?.[0] ?? 'The given data was invalid.';
  const more =
    fields.length > 1
      ? ` (and ${fields.length - 1} more error${fields.length > 2 ? 's' : ''})`
      : '';
  return `${first}${more}`;
}

/** {@link NotFoundError} for `what` ("Partner", "Webhook"). */
export function notFound(what: string): NotFoundError {
  return new NotFoundError(what);
}

/** {@link ValidationError} with field errors. */
export function validationFailed(errors: Record<string, string[]>): ValidationError {
  return new ValidationError(errors);
}

/** {@link ValidationError} for one field. */
export function invalidField(field: string, message: string): ValidationError {
  return validationFailed({ [field]: [message] });
}
