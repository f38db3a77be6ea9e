/**
 * What a postback delivery is sent as, fixed at enqueue and kept in the delivery's `url` column
 * (the one place a delivery keeps what its webhook adds to the event; the claim, the body
 * builder and the HTTP destination all read it, none of them needs a join). A plain
 * `https://…` URL there is an owner webhook's delivery, sent as before; a postback's starts with
 * `pb:`, which no http(s) URL does:
 *
 * | stored | sent as |
 * |---|---|
 * | `pb:json <url>` | the signed envelope, POST, as a webhook's |
 * | `pb:json:trimmed <url>` | the same with the customer's PII trimmed (postback-pii.ts) |
 * | `pb:GET <filled url>` | GET of the filled template, no body |
 * | `pb:POST <filled url> <form>` | POST of the filled template, the macros as a form body |
 *
 * A space separates the parts: a URL holds none (templates are checked at creation, and filled
 * values are URL-encoded), nor does a form body.
 */

/** A postback delivery's target, parsed. */
export type PostbackTarget =
  | { readonly format: 'webhook'; readonly url: string; readonly trimPii: boolean }
  | {
      readonly format: 'url';
      readonly method: 'GET' | 'POST';
      readonly url: string;
      /** The form body of a POST; `''` for a GET. */
      readonly form: string;
    };

const PREFIX = 'pb:';

/** The stored form of a target (the delivery's `url` column). */
export function encodeTarget(target: PostbackTarget): string {
  if (target.format === 'webhook') {
    return `${PREFIX}json${target.trimPii ? ':trimmed' : ''} ${target.url}`;
  }
  return target.method === 'GET'
    ? `${PREFIX}GET ${target.url}`
    : `${PREFIX}POST ${target.url} ${target.form}`;
}

/** The target stored in a delivery's `url`, or `undefined` for an owner webhook's plain URL. */
export function decodeTarget(stored: string): PostbackTarget | undefined {
  if (!stored.startsWith(PREFIX)) return undefined;
  const [head = '', url = '', form = ''] = stored.slice(PREFIX.length).split(' ');
  if (head === 'json') return { format: 'webhook', url, trimPii: false };
  if (head === 'json:trimmed') return { format: 'webhook', url, trimPii: true };
  if (head === 'GET') return { format: 'url', method: 'GET', url, form: '' };
  if (head === 'POST') return { format: 'url', method: 'POST', url, form };
  return undefined;
}

/** The URL a delivery goes to, as people read it (logs, the portal): the target's URL. */
export function visibleUrl(stored: string): string {
  return decodeTarget(stored)?.url ?? stored;
}

/**
 * The `Content-Type` an attempt to a stored target carries: JSON for an owner webhook and a
 * `webhook` postback, the form type for a `url` postback's POST, none for its GET (no body).
 * The sender writes it into the headers it signs and logs, so the attempt log shows the request
 * as it went on the wire.
 */
export function contentTypeOf(stored: string): string | undefined {
  const target = decodeTarget(stored);
  if (target?.format !== 'url') return 'application/json';
  return target.method === 'POST' ? 'application/x-www-form-urlencoded' : undefined;
}
