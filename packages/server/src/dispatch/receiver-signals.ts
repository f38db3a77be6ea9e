/**
 * What a receiver's answer asks of Hookline, as a pure function of the status, the headers and
 * the clock (no I/O): slow down (429 or 503 with `Retry-After`), or stop for good (410 Gone).
 * Standard Webhooks: "410 disables the endpoint; 429/502/504 throttle".
 */

/** A receiver's request, read from one answer. */
export type ReceiverSignal =
  | { readonly kind: 'none' }
  /** No attempt to this webhook before `until` (epoch ms): the delivery and its siblings wait. */
  | { readonly kind: 'throttle'; readonly until: number }
  /** 410 Gone: the endpoint was removed on purpose; disable the webhook. */
  | { readonly kind: 'gone' };

const NONE: ReceiverSignal = { kind: 'none' };

/**
 * Parses `Retry-After`: delay-seconds (`120`) or an HTTP-date (`Wed, 21 Oct 2026 07:28:00 GMT`).
 *
 * @returns the delay in ms from `now` (≥ 0), or `undefined` when absent or unreadable
 * @example parseRetryAfter('120', 0) // 120_000
 */
export function parseRetryAfter(value: string | undefined, now: number): number | undefined {
  if (value === undefined) return undefined;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  // RFC 9110 HTTP-date; Date.parse also reads the obsolete RFC 850 and asctime forms.
  if (!/[a-z]/i.test(text)) return undefined;
  const at = Date.parse(text);
  if (Number.isNaN(at)) return undefined;
  return Math.max(0, at - now);
}

/**
 * Reads an answer's signal:
 * - 410 → `gone`;
 * - 429 or 503 with a readable, positive `Retry-After` → `throttle` until then, at most
 *   `maxDelayMs` away (a receiver cannot park a webhook for a year);
 * - anything else (a 429 without `Retry-After` too) → `none`: an ordinary failure or success.
 *
 * @param headers - response headers, lowercase names
 * @example
 * receiverSignal({ statusCode: 429, headers: { 'retry-after': '30' }, now: 0, maxDelayMs: 3_600_000 })
 * // { kind: 'throttle', until: 30_000 }
 */
export function receiverSignal(input: {
  readonly statusCode: number | null;
  readonly headers: Readonly<Record<string, string>> | null;
  readonly now: number;
  readonly maxDelayMs: number;
}): ReceiverSignal {
  const { statusCode } = input;
  if (statusCode === 410) return { kind: 'gone' };
  if (statusCode !== 429 && statusCode !== 503) return NONE;
  const delay = parseRetryAfter(input.headers?.['retry-after'], input.now);
  if (delay === undefined || delay <= 0) return NONE;
  return { kind: 'throttle', until: input.now + Math.min(delay, input.maxDelayMs) };
}
