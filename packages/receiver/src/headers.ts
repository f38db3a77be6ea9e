/**
 * Request headers in any of the shapes receivers meet: Node's `IncomingHttpHeaders` (values may
 * be arrays), a Fetch `Headers` object, or a plain record with keys in any case.
 */
export type HeaderSource =
  | HeadersLike
  | ReadonlyMap<string, string | readonly string[]>
  | Readonly<Record<string, string | readonly string[] | number | undefined>>;

/** The part of the Fetch `Headers` class that is read here (lookups are case-insensitive). */
export interface HeadersLike {
  get(name: string): string | null;
}

/**
 * Reads one header case-insensitively. Repeated values (arrays) are joined with a space, which is
 * the separator the signature headers use between entries.
 *
 * @returns the value, or `undefined` when the header is absent or empty
 */
export function getHeader(headers: HeaderSource, name: string): string | undefined {
  const wanted = name.toLowerCase();
  let value: unknown;
  if (headers instanceof Map) {
    value = findCaseInsensitive(headers.entries(), wanted);
  } else if (typeof (headers as HeadersLike).get === 'function') {
    value = (headers as HeadersLike).get(wanted);
  } else {
    const record = headers as Readonly<Record<string, unknown>>;
    // Node lower-cases incoming header names, so the direct hit is the common case.
    value = Object.hasOwn(record, wanted)
      ? record[wanted]
      : findCaseInsensitive(Object.entries(record), wanted);
  }
  if (Array.isArray(value)) value = value.join(' ');
  if (typeof value === 'number') value = String(value);
  if (typeof value !== 'string') return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

function findCaseInsensitive(entries: Iterable<[string, unknown]>, wanted: string): unknown {
  for (const [key, value] of entries) {
    if (key.toLowerCase() === wanted) return value;
  }
  return undefined;
}
