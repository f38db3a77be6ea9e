import { describe, expect, it } from 'vitest';
import { buildEnvelopeBody, envelopeBody } from '../../src/webhooks/envelope.js';

// Bodies are rebuilt from the event's stored `data` JSON on every attempt: the bytes must be
// exactly what serialising the whole envelope gives, or signatures and deduplication break.
describe('envelopeBody', () => {
  const fields = {
    eventId: 'evt_01jz3k8q9x0000000000000000',
    event: 'transaction.created',
    url: 'https://example.com/hooks?a=1&b="2"',
    webhookKey: 'uLbBzVvN7ARX',
    createdAt: Date.UTC(2026, 4, 7, 10, 30, 0, 123),
  };
  it.each([
    ['a plain object', { id: 'p_1', amount: 1999, email: 'a@example.com' }],
    ['integer-like keys (reordered by JS)', { b: 1, 2: 'two', a: [3, 1], 1: null }],
    [
      'escapes and non-ASCII',
      { s: 'quote " backslash \\ tab \t nl \n', u: 'é 日本 🎉 \u2028\u2029' },
    ],
    ['numbers', { big: 1e21, small: 1e-7, neg: -0, frac: 0.1 + 0.2, max: Number.MAX_SAFE_INTEGER }],
    ['nesting and empties', { a: { b: { c: [] } }, e: {}, n: null, t: true, f: false }],
  ])('is byte-identical to the serialised envelope for %s', (_name, data) => {
    const stored = JSON.stringify(data);
    expect(envelopeBody(fields, stored)).toBe(buildEnvelopeBody({ ...fields, data }));
    // And stays so when the stored JSON is read back and rebuilt (a retry after a restart).
    expect(envelopeBody(fields, stored)).toBe(
      buildEnvelopeBody({ ...fields, data: JSON.parse(stored) as unknown }),
    );
  });
});
