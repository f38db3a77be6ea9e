/**
 * The message for a database error caused by the value of the input rather than by the service
 * (PostgreSQL class 22, "data exception": out of range, invalid text representation, untranslatable
 * character, datetime overflow; and 54000, e.g. a value too large for an index), or `undefined`.
 *
 * The request hooks refuse the known cases with a field-level 422 first; this is the backstop
 * that keeps any case they miss a 422 instead of a 500.
 */
export function storageErrorOf(error: unknown): string | undefined {
  const e = error as { code?: unknown; severity?: unknown } | null;
  // `severity` marks a PostgreSQL server error (Fastify's own errors have codes too).
  if (typeof e?.code !== 'string' || typeof e.severity !== 'string') return undefined;
  if (!/^(22[0-9A-Z]{3}|54000)$/.test(e.code)) return undefined;
  return 'A value in the request is outside what the database can store (too large, out of range, or not valid text).';
}
