/**
 * Turns zod's terse issue messages into Laravel-style sentences a user can act on, e.g.
 * `Too small: expected number to be >=0` → `The review_period_days must be at least 0.`
 * Unrecognised messages are kept, prefixed with the field, so nothing is ever lost.
 *
 * @example validationMessage('name', 'Invalid input: expected string, received undefined')
 * // 'The name field is required.'
 */
export function validationMessage(field: string, message: string): string {
  const the = `The ${field}`;
  // `""` arrives as null (Laravel's ConvertEmptyStringsToNull), so null in a field that needs a
  // value reads as Laravel's `required` does.
  if (/received (undefined|null)$/.test(message)) return `${the} field is required.`;
  let m = /^Too (small|big): expected (\w+) to (?:be|have) ([<>]=?)(-?[\d.]+)(?: (\w+))?/.exec(
    message,
  );
  if (m) {
    const [, , kind, op, bound, unit] = m;
    const atLeast = op?.startsWith('>');
    const strict = op === '>' || op === '<';
    const limit = strict
      ? atLeast
        ? 'greater than'
        : 'less than'
      : atLeast
        ? 'at least'
        : 'at most';
    if (kind === 'string')
      return `${the} must be ${limit} ${bound} ${plural(bound, 'character')} long.`;
    if (kind === 'array' || kind === 'set')
      return `${the} must have ${limit} ${bound} ${plural(bound, 'item')}.`;
    return `${the} must be ${limit} ${bound}${unit && unit !== 'characters' && unit !== 'items' ? ` ${unit}` : ''}.`;
  }
  m = /^Invalid input: expected (\w+), received (.+)$/.exec(message);
  if (m) {
    const expected = article(m[1] ?? 'value');
    const received = article(m[2] ?? 'value');
    // Query values arrive as strings and are coerced: "abc" for a number is NaN, "1.5" for an
    // integer is a number, "soon" for a date an Invalid Date. Naming what was received then
    // misleads ("must be a number, not a number"); say only what is expected.
    if (COERCION_FAILURES.has(m[2] ?? '') || received === expected || m[1] === 'int') {
      return m[1] === 'date' ? `${the} must be a valid date.` : `${the} must be ${expected}.`;
    }
    return `${the} must be ${expected}, not ${received}.`;
  }
  m = /^Invalid option: expected one of (.+)$/.exec(message);
  if (m) return `${the} must be one of ${(m[1] ?? '').replaceAll('|', ', ')}.`;
  if (/^Invalid string: must match pattern/.test(message)) return `${the} has an invalid format.`;
  if (/^Invalid (url|URL)/.test(message)) return `${the} must be a valid URL.`;
  if (/^Invalid email/.test(message)) return `${the} must be a valid email address.`;
  if (/^Unrecognized key/.test(message))
    return `${the} has an unknown field: ${message.replace(/^Unrecognized keys?: /, '')}.`;
  const text = message.replace(/^Invalid input: /, '').replace(/\.$/, '');
  return `${the} field is invalid: ${text}.`;
}

/** What zod reports as received when coercing a query string failed. */
const COERCION_FAILURES = new Set(['NaN', 'Invalid Date', 'Date']);

function plural(n: string | undefined, word: string): string {
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
    NaN: 'a number',
  };
  return names[type] ?? type;
}
