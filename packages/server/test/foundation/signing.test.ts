import { Webhook } from 'standardwebhooks';
import { describe, expect, it } from 'vitest';
import { buildEnvelopeBody } from '../../src/webhooks/envelope.js';
import {
  partneroSignature,
  signAttempt,
  standardWebhooksSignature,
} from '../../src/webhooks/signing.js';
import { generateSecret } from '../../src/webhooks/webhook-store.js';
import { randomAlphanumeric } from '../../src/util/ids.js';
import { formatTimestamp } from '../../src/util/time.js';

describe('envelope', () => {
  it('has Partnero five fields plus id, in a fixed order, with microsecond timestamps', () => {
    const body = buildEnvelopeBody({
      eventId: 'evt_1',
      event: 'transaction.created',
      url: 'https://example.com/hooks',
      webhookKey: 'uLbBzVvN7ARX',
      createdAt: Date.UTC(2026, 4, 7, 10, 30, 0, 123),
      data: { key: 't1' },
    });
    expect(body).toBe(
      '{"id":"evt_1","event":"transaction.created","url":"https://example.com/hooks","webhook_key":"uLbBzVvN7ARX","created_at":"2026-05-07T10:30:00.123000Z","data":{"key":"t1"}}',
    );
    expect(formatTimestamp(0)).toBe('1970-01-01T00:00:00.000000Z');
  });
});

describe('signing', () => {
  it('computes the Partnero Signature as hex HMAC-SHA256 of the raw body, keyed with the secret as UTF-8', () => {
    // Independent vector, computed with:
    //   printf '%s' '{"event":"partner.created","data":{"name":"Zoë"}}' \
    //     | openssl dgst -sha256 -hmac 'Sjn3sNnmh14yk6zbSjn3sNnmh14yk6zb'
    const body = '{"event":"partner.created","data":{"name":"Zoë"}}';
    expect(partneroSignature(body, 'Sjn3sNnmh14yk6zbSjn3sNnmh14yk6zb')).toBe(
      '7cf40f0ada7653c5c8579b144b3b70a300dac630c47b7adf0a97e401bd9a1ee9',
    );
  });

  it('produces Standard Webhooks headers that the standardwebhooks package verifies', () => {
    const secret = generateSecret();
    const body = JSON.stringify({
      id: 'evt_x',
      event: 'reward.paid',
      url: 'https://a.test/\u00e9',
      data: { n: '日本' },
    });
    const ts = Math.floor(Date.now() / 1000);
    const headers = signAttempt({
      eventId: 'evt_x',
      body,
      timestampSeconds: ts,
      secrets: [secret],
    });
    const verifier = new Webhook(secret);
    expect(verifier.verify(body, headers)).toEqual(JSON.parse(body));
    // The same secret string with the whsec_ prefix users may paste works too.
    expect(new Webhook(`whsec_${secret}`).verify(body, headers)).toEqual(JSON.parse(body));
    expect(() => verifier.verify(`${body} `, headers)).toThrow();
  });

  it('signs with every secret during a rotation; Signature carries the oldest still valid', () => {
    const [newer, middle, older] = [generateSecret(), generateSecret(), generateSecret()];
    const body = '{"a":1}';
    const headers = signAttempt({
      eventId: 'evt_r',
      body,
      timestampSeconds: 1_700_000_000,
      secrets: [newer, middle, older],
    });
    const entries = headers['webhook-signature'].split(' ');
    expect(entries).toEqual([
      standardWebhooksSignature('evt_r', 1_700_000_000, body, newer),
      standardWebhooksSignature('evt_r', 1_700_000_000, body, middle),
      standardWebhooksSignature('evt_r', 1_700_000_000, body, older),
    ]);
    // A Signature-only receiver knows the secret it had before the rotation.
    expect(headers.Signature).toBe(partneroSignature(body, older));
    expect(headers['webhook-id']).toBe('evt_r');
    expect(headers['webhook-timestamp']).toBe('1700000000');
  });

  it('generates 32-character alphanumeric secrets without modulo bias in range', () => {
    const seen = new Set<string>();
    for (let i = 0; i < 200; i++) {
      const s = generateSecret();
      expect(s).toMatch(/^[A-Za-z0-9]{32}$/);
      seen.add(s);
    }
    expect(seen.size).toBe(200);
    const chars = new Set(randomAlphanumeric(20_000));
    expect(chars.size).toBe(62);
  });
});
