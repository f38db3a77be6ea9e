/**
 * Inputs for the robustness sweep (`fuzz.test.ts`): odd path segments, query strings and body
 * values, and a valid body per route that the sweep mutates one field at a time, so that odd
 * values get past the schema's other checks and reach the database.
 */

/** Path segments, already URL-encoded: NUL, invalid and odd UTF-8, overlong, numeric extremes. */
export const PATH_VARIANTS = [
  '%00',
  'a%00b',
  '%ED%A0%80', // a lone surrogate, UTF-8 encoded (invalid UTF-8)
  '%C0%80', // an overlong NUL
  '%FF',
  '%F0%9F%98%80',
  '%2F',
  '..',
  '-1',
  '9223372036854775808',
  'x'.repeat(300),
  'x'.repeat(501),
] as const;

/** Path segments that are not UTF-8 once decoded: a stray byte, a surrogate, overlong, cut short. */
export const INVALID_UTF8_SEGMENTS = ['%FF', '%ED%A0%80', '%C0%80', '%E0%A4%A'] as const;

/** Query strings: repeated, empty, unknown, NUL, out-of-range numbers and dates. */
export const QUERY_VARIANTS = [
  '?limit=1&limit=2&sort=asc&sort=desc',
  '?limit=&page=&sort=',
  '?foo=1',
  '?limit=%00',
  '?x%00=1',
  '?page=9007199254740993',
  '?limit=1e400',
  '?since=%2B275760-09-13T00:00:00.000Z',
  '?since=99999-01-01&until=0000-00-00',
  '?status=&event=%ED%A0%80',
  '?event=a%00b&webhook=%00',
  '?key=%00&email=%00&customer=%00&partner=%00',
] as const;

/** Body values as JSON text (so lone surrogates and huge integers survive). */
export const BODY_VARIANTS = [
  '""',
  '"\\u0000"',
  '"a\\u0000b"',
  '"\\ud800"',
  '"\\udfff\\ud800"',
  '1e300',
  '-1e300',
  '2147483648',
  '-2147483649',
  '9007199254740993',
  '9223372036854775808',
  '1.5',
  '-1',
  '0',
  '"9999-12-31T23:59:59Z"',
  '"+275760-09-13T00:00:00.000Z"',
  'null',
  '[]',
  '{}',
  'true',
  `"${'x'.repeat(3000)}"`,
] as const;

/** A valid body per route (`METHOD url`), with the fixtures `fuzz.test.ts` creates. */
export const BASELINE_BODIES: Readonly<Record<string, unknown>> = {
  'POST /v1/webhooks': {
    name: 'n',
    url: 'http://127.0.0.1:9/',
    events: ['*'],
    key: 'k1',
    is_active: true,
  },
  'PUT /v1/webhooks/fuzzkey': {
    update: { name: 'n', url: 'http://127.0.0.1:9/', events: ['*'], is_active: true },
  },
  'POST /v1/webhooks/fuzzkey/test': { event: 'partner.created' },
  'POST /v1/webhooks/fuzzkey/rotate-secret': { grace_period_seconds: 10 },
  'POST /v1/events': {
    event: 'partner.created',
    data: { id: 'p1', email: 'a@example.com', name: 'A' },
  },
  'POST /v1/deliveries/retry': {
    webhook: 'fuzzkey',
    status: 'failed',
    since: '2026-01-01T00:00:00Z',
  },
  'PUT /v1/program': {
    name: 'p',
    website_url: 'https://acme.test',
    default_currency: 'USD',
    commission: { type: 'percent', value: 30 },
    review_period_days: 0,
    require_partner_approval: false,
  },
  'POST /v1/partners': {
    email: 'p2@example.com',
    name: 'A',
    surname: 'B',
    id: 'p2',
    key: 'pk2',
    tags: ['t'],
  },
  'PUT /v1/partners/fuzzpartner': { update: { name: 'A', surname: 'B', tags: ['t'] } },
  'POST /v1/customers': {
    key: 'c2',
    email: 'c2@example.com',
    name: 'C',
    tags: ['t'],
    partner: { key: 'fuzzpk' },
  },
  'PUT /v1/customers/fuzzcust': { update: { name: 'C', email: 'c3@example.com' } },
  'POST /v1/transactions': {
    key: 't2',
    amount: 12.5,
    action: 'sale',
    product_id: 'p',
    customer: { key: 'fuzzcust' },
    options: { create_customer: false },
  },
  'PUT /v1/transactions/fuzztx': { update: { amount: 11, action: 'sale' } },
  'POST /v1/listeners': { device: 'dev', events: ['*'] },
  'POST /v1/listeners/x/responses': { attempt: 'a', status: 200, headers: { a: 'b' }, body: '' },
};

const TOKEN = '__fuzz_value__';

/**
 * Every body obtained by replacing one value of `baseline` (each leaf, each nested object or
 * array, and each array element) with each of `variants`, as JSON text.
 */
export function* mutations(baseline: unknown, variants: readonly string[]): Generator<string> {
  for (const path of paths(baseline, [])) {
    const text = JSON.stringify(replaceAt(baseline, path, TOKEN));
    for (const variant of variants) yield text.replace(`"${TOKEN}"`, variant);
  }
}

function paths(value: unknown, prefix: (string | number)[]): (string | number)[][] {
  const out: (string | number)[][] = prefix.length > 0 ? [prefix] : [];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...paths(v, [...prefix, i]));
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...paths(v, [...prefix, k]));
  }
  return out;
}

function replaceAt(value: unknown, path: (string | number)[], replacement: unknown): unknown {
  const [head, ...rest] = path;
  if (head === undefined) return replacement;
  if (Array.isArray(value)) {
    return value.map((v, i) => (i === head ? replaceAt(v, rest, replacement) : v));
  }
  const record = value as Record<string, unknown>;
  return { ...record, [head]: replaceAt(record[head], rest, replacement) };
}

/**
 * Names that an object inherits from `Object.prototype`: a client naming a query parameter or a
 * body member after one must meet the same answer as for any other unknown name.
 */
export const PROTOTYPE_NAMES = [
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  '__proto__',
] as const;

/** The unknown name a planted shape is compared with: an ordinary one nobody declares. */
export const PLAIN_NAME = 'zzfuzz';

/** Values a prototype-named body member is sent with, as JSON text. */
export const MEMBER_VALUES = ['{}', 'null', '[]', '1', '{"a":null}'] as const;

/** `n` nested arrays: `[[[…]]]`, the cheapest deep body (2 bytes a level). */
export function nestedArrays(n: number): string {
  return `${'['.repeat(n)}${']'.repeat(n)}`;
}

/** `n` nested objects, `{"a":{"a":…{}}}`, ending in `leaf`. */
export function nestedObjects(n: number, leaf = '{}'): string {
  return `${'{"a":'.repeat(n - 1)}${leaf}${'}'.repeat(n - 1)}`;
}

/** A JSON array of `n` zeros (2 bytes an element). */
export function hugeArray(n: number): string {
  return `[${new Array<string>(n).fill('0').join(',')}]`;
}

/**
 * Body shapes planted on every operation, each with the body it must be answered exactly like
 * (`like`), or the exact answer (`answer`: status and body). `{name}` in `like`'s answer stands
 * for the planted name, so an unknown-member error names the member the client sent.
 */
export interface PlantedBody {
  readonly label: string;
  readonly body: string | Buffer;
  /** Sent the same way, answered the same way (after naming the planted member). */
  readonly like?: string;
  /** The planted member's name, as the reference body calls it `PLAIN_NAME`. */
  readonly name?: string;
  /** The exact answer, for shapes the parser refuses whatever the route. */
  readonly answer?: 'too-deep' | 'forbidden-member' | 'lone-surrogate';
}

/** Every planted body shape (36 per operation). */
export function plantedBodies(): PlantedBody[] {
  const out: PlantedBody[] = [
    { label: 'arrays nested 100,000 deep', body: nestedArrays(100_000), answer: 'too-deep' },
    { label: 'objects nested 65 deep', body: nestedObjects(65), answer: 'too-deep' },
    {
      label: 'a member nested 100,000 deep',
      body: `{"${PLAIN_NAME}":${nestedArrays(100_000)}}`,
      answer: 'too-deep',
    },
    { label: '__proto__ member', body: '{"__proto__":{"x":1}}', answer: 'forbidden-member' },
    { label: 'nested __proto__', body: '{"a":[{"__proto__":null}]}', answer: 'forbidden-member' },
    {
      label: 'escaped __proto__',
      body: '{"\\u005f_proto__":{}}',
      answer: 'forbidden-member',
    },
    {
      label: 'constructor.prototype',
      body: '{"constructor":{"prototype":{"x":1}}}',
      answer: 'forbidden-member',
    },
    {
      label: 'lone surrogate in a member',
      body: `{"${PLAIN_NAME}":"\\ud800"}`,
      answer: 'lone-surrogate',
    },
    { label: '100,000-element array', body: hugeArray(100_000), like: '[0]' },
    {
      label: '100,000-element member',
      body: `{"${PLAIN_NAME}":${hugeArray(100_000)}}`,
      like: `{"${PLAIN_NAME}":[0]}`,
    },
    {
      label: 'duplicate keys',
      body: `{"${PLAIN_NAME}":{},"${PLAIN_NAME}":[],"${PLAIN_NAME}":1}`,
      like: `{"${PLAIN_NAME}":1}`,
    },
    {
      label: 'invalid UTF-8 bytes',
      body: Buffer.concat([
        Buffer.from(`{"${PLAIN_NAME}":"`),
        Buffer.from([0xff, 0xfe, 0xc0, 0x80, 0xed, 0xa0, 0x80]),
        Buffer.from('"}'),
      ]),
      like: `{"${PLAIN_NAME}":"x"}`,
    },
  ];
  for (const name of PROTOTYPE_NAMES) {
    if (name === '__proto__') continue;
    for (const value of MEMBER_VALUES) {
      out.push({
        label: `${name}: ${value}`,
        body: `{"${name}":${value}}`,
        like: `{"${PLAIN_NAME}":${value}}`,
        name,
      });
    }
    out.push({
      label: `duplicate ${name}`,
      body: `{"${name}":{},"${name}":null,"${name}":"x"}`,
      like: `{"${PLAIN_NAME}":"x"}`,
      name,
    });
  }
  return out;
}

/**
 * Query strings planted on every operation, each with the query it must be answered exactly
 * like, `{name}` again naming the planted parameter.
 */
export function plantedQueries(): { query: string; like: string; name: string }[] {
  const out: { query: string; like: string; name: string }[] = [];
  for (const name of PROTOTYPE_NAMES) {
    for (const value of ['1', '', '%FF%FE', '1&x=2']) {
      out.push({ query: `?${name}=${value}`, like: `?${PLAIN_NAME}=${value}`, name });
    }
    out.push({ query: `?${name}=1&${name}=2`, like: `?${PLAIN_NAME}=2`, name });
  }
  // Invalid UTF-8 in an ordinary parameter's name and value.
  out.push({ query: `?${PLAIN_NAME}=%C0%80%FF`, like: `?${PLAIN_NAME}=1`, name: PLAIN_NAME });
  out.push({ query: `?${PLAIN_NAME}=%ED%A0%80`, like: `?${PLAIN_NAME}=1`, name: PLAIN_NAME });
  out.push({ query: '?%FF%FE=1', like: `?${PLAIN_NAME}=1`, name: '\ufffd\ufffd' });
  return out;
}
