import { describe, expect, it } from 'vitest';
import * as node from '../src/index.js';
import type { SignedHeaders, VerifiedWebhook, VerifyOptions } from '../src/index.js';
import * as web from '../src/web.js';
import { OTHER_SECRET, rewardPaid, SECRET, serverBody } from './helpers.js';

// Both entry points must behave identically, so every case runs against each. The Node one is
// wrapped to return promises like the Web Crypto one.
interface Implementation {
  name: string;
  verify(
    body: unknown,
    headers: node.HeaderSource,
    secret: node.Secret,
    options?: VerifyOptions,
  ): Promise<VerifiedWebhook>;
  sign(
    body: string | Uint8Array,
    secret: node.Secret,
    options?: node.SignOptions,
  ): Promise<SignedHeaders>;
}

const implementations: Implementation[] = [
  {
    name: 'node:crypto',
    verify: async (body, headers, secret, options) =>
      node.verify(body as node.RawBody, headers, secret, options),
    sign: async (body, secret, options) => node.signPayload(body, secret, options),
  },
  {
    name: 'web crypto',
    verify: (body, headers, secret, options) =>
      web.verify(body as node.RawBody, headers, secret, options),
    sign: (body, secret, options) => web.signPayload(body, secret, options),
  },
];

// 2026-05-07T10:30:00Z, the created_at of the fixtures.
const T = 1_778_149_800;
const at = (seconds: number) => ({ now: () => seconds * 1000 });

// Independent vectors, computed once in a shell (not with this package):
//   printf '%s' "$BODY" | openssl dgst -sha256 -hmac qK7nR2vT9xW4yZ1aB3cD5eF6gH8jL0mN
//   printf '%s' "evt_01HZX3K9.1778149800.$BODY" \
//     | openssl dgst -sha256 -mac HMAC -macopt hexkey:$(printf '%s' "$SECRET" | base64 -d | xxd -p | tr -d '\n') -binary | base64
const VECTOR_BODY =
  '{"id":"evt_01HZX3K9","event":"partner.created","url":"https:\\/\\/example.com\\/hooks","webhook_key":"uLbBzVvN7ARX","created_at":"2026-05-07T10:30:00.000000Z","data":{"name":"Zoë"}}';
const VECTOR_HEX = 'f9b31ba29b061112042b62f429393a52381c4d9b5be75ef5434a30955a4dd61a';
const VECTOR_V1 = 'v1,2S0Gy1LLEMY8TSv9m+FqffvjvYBiUoR1FgLtlY6xcBQ=';

function only(headers: SignedHeaders, scheme: 'standard' | 'signature'): Record<string, string> {
  if (scheme === 'signature') return { signature: headers.signature };
  const { signature: _dropped, ...standard } = headers;
  return standard;
}

async function reason(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    expect(error).toBeInstanceOf(node.WebhookVerificationError);
    expect(error).toBeInstanceOf(Error);
    return (error as node.WebhookVerificationError).reason;
  }
  throw new Error('expected verification to fail');
}

describe.each(implementations)('verify ($name)', (impl) => {
  const body = serverBody(rewardPaid);

  describe('independent vectors', () => {
    it('matches the openssl hex HMAC for Signature', async () => {
      const headers = await impl.sign(VECTOR_BODY, SECRET, { id: 'evt_01HZX3K9', timestamp: T });
      expect(headers.signature).toBe(VECTOR_HEX);
      const result = await impl.verify(VECTOR_BODY, { Signature: VECTOR_HEX }, SECRET);
      expect(result).toEqual({ body: VECTOR_BODY, scheme: 'signature' });
    });

    it('matches the openssl base64 HMAC for webhook-signature', async () => {
      const headers = await impl.sign(VECTOR_BODY, SECRET, { id: 'evt_01HZX3K9', timestamp: T });
      expect(headers['webhook-signature']).toBe(VECTOR_V1);
      const result = await impl.verify(
        Buffer.from(VECTOR_BODY),
        {
          'webhook-id': 'evt_01HZX3K9',
          'webhook-timestamp': String(T),
          'webhook-signature': VECTOR_V1,
        },
        SECRET,
        at(T),
      );
      expect(result).toEqual({
        body: VECTOR_BODY,
        scheme: 'standard',
        id: 'evt_01HZX3K9',
        timestamp: T,
      });
    });
  });

  describe('schemes', () => {
    it('prefers Standard Webhooks when both are present', async () => {
      const headers = await impl.sign(body, SECRET, { id: rewardPaid.id, timestamp: T });
      const result = await impl.verify(body, headers, SECRET, at(T));
      expect(result.scheme).toBe('standard');
      expect(result.id).toBe(rewardPaid.id);
      expect(result.timestamp).toBe(T);
      expect(JSON.parse(result.body)).toEqual(rewardPaid);
    });

    it('falls back to Signature when there are no Standard Webhooks headers', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      const result = await impl.verify(body, only(headers, 'signature'), SECRET, at(T + 86_400));
      expect(result).toEqual({ body, scheme: 'signature' });
    });

    it('does not fall back to Signature when the Standard Webhooks check fails', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      // A valid Signature must not rescue a stale timestamp: that would allow replays.
      expect(await reason(impl.verify(body, headers, SECRET, at(T + 301)))).toBe(
        'timestamp_too_old',
      );
    });

    it('honours requireScheme', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      expect(
        await reason(
          impl.verify(body, only(headers, 'signature'), SECRET, { requireScheme: 'standard' }),
        ),
      ).toBe('missing_signature');
      expect(
        await reason(
          impl.verify(body, only(headers, 'standard'), SECRET, { requireScheme: 'signature' }),
        ),
      ).toBe('missing_signature');
      const result = await impl.verify(body, headers, SECRET, { requireScheme: 'signature' });
      expect(result.scheme).toBe('signature');
    });

    it('refuses incomplete Standard Webhooks headers', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      for (const drop of ['webhook-id', 'webhook-timestamp', 'webhook-signature']) {
        const partial: Record<string, string> = { ...headers };
        delete partial[drop];
        expect(await reason(impl.verify(body, partial, SECRET, at(T)))).toBe('missing_signature');
      }
    });

    it('refuses a request with no signature at all', async () => {
      expect(await reason(impl.verify(body, { 'content-type': 'application/json' }, SECRET))).toBe(
        'missing_signature',
      );
    });

    it('refuses webhook-signature without a v1 entry', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      const v2 = headers['webhook-signature'].replace('v1,', 'v2,');
      expect(
        await reason(impl.verify(body, { ...headers, 'webhook-signature': v2 }, SECRET, at(T))),
      ).toBe('invalid_signature');
    });
  });

  describe('bodies', () => {
    it('verifies string, Buffer, Uint8Array and ArrayBuffer bodies alike', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      const bytes = new TextEncoder().encode(body);
      for (const raw of [body, Buffer.from(body), bytes, bytes.buffer]) {
        expect((await impl.verify(raw, headers, SECRET, at(T))).body).toBe(body);
      }
    });

    it('keeps unicode, escaped slashes and a leading BOM byte for byte', async () => {
      const tricky = `\uFEFF{"a":"https:\\/\\/x.test\\/p","b":"Zoë 🦊 \u2028 中文","c":"\\u00e9"}`;
      const headers = await impl.sign(tricky, SECRET, { timestamp: T });
      const result = await impl.verify(Buffer.from(tricky, 'utf8'), headers, SECRET, at(T));
      expect(result.body).toBe(tricky);
      // The same text with the slashes unescaped is another body, and must fail.
      const unescaped = tricky.replaceAll('\\/', '/');
      expect(await reason(impl.verify(unescaped, headers, SECRET, at(T)))).toBe(
        'invalid_signature',
      );
    });

    it('verifies a ~1 MB payload', async () => {
      const big = serverBody({
        ...rewardPaid,
        data: { ...rewardPaid.data, action: 'ü/'.repeat(350_000) },
      } as node.HooklineEvent);
      expect(Buffer.byteLength(big)).toBeGreaterThan(1_000_000);
      const headers = await impl.sign(big, SECRET, { timestamp: T });
      expect((await impl.verify(Buffer.from(big), headers, SECRET, at(T))).body).toBe(big);
      const tampered = `${big.slice(0, -2)} }`;
      expect(await reason(impl.verify(tampered, headers, SECRET, at(T)))).toBe('invalid_signature');
    });

    it('refuses an already-parsed body and says why', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      for (const parsed of [JSON.parse(body), [1], null, undefined, 42]) {
        expect(await reason(impl.verify(parsed, headers, SECRET, at(T)))).toBe('invalid_body');
      }
      await expect(impl.verify(JSON.parse(body), headers, SECRET, at(T))).rejects.toThrow(
        /already-parsed object.*raw request body/s,
      );
    });
  });

  describe('tampering', () => {
    it('refuses a changed body under both schemes', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      const changed = body.replace('12.5', '125');
      expect(await reason(impl.verify(changed, headers, SECRET, at(T)))).toBe('invalid_signature');
      expect(await reason(impl.verify(changed, only(headers, 'signature'), SECRET))).toBe(
        'invalid_signature',
      );
    });

    it('refuses a body that was re-serialised', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      const reserialised = JSON.stringify(JSON.parse(body));
      expect(reserialised).not.toBe(body);
      expect(await reason(impl.verify(reserialised, headers, SECRET, at(T)))).toBe(
        'invalid_signature',
      );
    });

    it('refuses a changed webhook-id or webhook-timestamp', async () => {
      const headers = await impl.sign(body, SECRET, { id: 'evt_a', timestamp: T });
      expect(
        await reason(impl.verify(body, { ...headers, 'webhook-id': 'evt_b' }, SECRET, at(T))),
      ).toBe('invalid_signature');
      expect(
        await reason(
          impl.verify(body, { ...headers, 'webhook-timestamp': String(T + 1) }, SECRET, at(T)),
        ),
      ).toBe('invalid_signature');
    });

    it('refuses a flipped or truncated signature', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      const hex = headers.signature;
      const flipped = (hex[0] === 'a' ? 'b' : 'a') + hex.slice(1);
      for (const signature of [flipped, hex.slice(0, -2), `${hex}00`, '']) {
        const got = await reason(impl.verify(body, { signature }, SECRET));
        expect(['invalid_signature', 'missing_signature']).toContain(got);
      }
      const v1 = headers['webhook-signature'];
      const truncated = { ...headers, 'webhook-signature': v1.slice(0, -4) };
      expect(await reason(impl.verify(body, truncated, SECRET, at(T)))).toBe('invalid_signature');
    });

    it('refuses the wrong secret', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      expect(await reason(impl.verify(body, headers, OTHER_SECRET, at(T)))).toBe(
        'invalid_signature',
      );
      expect(await reason(impl.verify(body, only(headers, 'signature'), OTHER_SECRET))).toBe(
        'invalid_signature',
      );
    });
  });

  describe('rotation', () => {
    it('accepts any of several v1 entries', async () => {
      const headers = await impl.sign(body, [OTHER_SECRET, SECRET], { timestamp: T });
      expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
      expect((await impl.verify(body, headers, SECRET, at(T))).scheme).toBe('standard');
      expect((await impl.verify(body, headers, OTHER_SECRET, at(T))).scheme).toBe('standard');
    });

    it('accepts any of several secrets', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      for (const secrets of [
        [OTHER_SECRET, SECRET],
        [SECRET, OTHER_SECRET],
      ]) {
        expect((await impl.verify(body, headers, secrets, at(T))).scheme).toBe('standard');
        expect((await impl.verify(body, only(headers, 'signature'), secrets)).scheme).toBe(
          'signature',
        );
      }
    });

    it('keys Signature with the first (newest) secret', async () => {
      const headers = await impl.sign(body, [OTHER_SECRET, SECRET], { timestamp: T });
      expect((await impl.verify(body, only(headers, 'signature'), OTHER_SECRET)).scheme).toBe(
        'signature',
      );
      expect(await reason(impl.verify(body, only(headers, 'signature'), SECRET))).toBe(
        'invalid_signature',
      );
    });

    it('accepts entries repeated as separate headers (joined with ", " by Node)', async () => {
      const [a, b] = [
        (await impl.sign(body, OTHER_SECRET, { id: 'evt_x', timestamp: T }))['webhook-signature'],
        (await impl.sign(body, SECRET, { id: 'evt_x', timestamp: T }))['webhook-signature'],
      ];
      const base = { 'webhook-id': 'evt_x', 'webhook-timestamp': String(T) };
      for (const joined of [`${a}, ${b}`, [a, b]]) {
        const headers = { ...base, 'webhook-signature': joined };
        expect((await impl.verify(body, headers, SECRET, at(T))).scheme).toBe('standard');
      }
    });
  });

  describe('timestamps', () => {
    it('accepts exactly at the default ±300 s edges and refuses one second past', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      expect((await impl.verify(body, headers, SECRET, at(T + 300))).timestamp).toBe(T);
      expect((await impl.verify(body, headers, SECRET, at(T - 300))).timestamp).toBe(T);
      expect(await reason(impl.verify(body, headers, SECRET, at(T + 301)))).toBe(
        'timestamp_too_old',
      );
      expect(await reason(impl.verify(body, headers, SECRET, at(T - 301)))).toBe(
        'timestamp_too_new',
      );
    });

    it('uses whole seconds of the clock', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      // 300.999 s later is still 300 whole seconds.
      await expect(
        impl.verify(body, headers, SECRET, { now: () => (T + 300) * 1000 + 999 }),
      ).resolves.toBeTruthy();
    });

    it('honours toleranceSeconds', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      const options = (now: number) => ({ ...at(now), toleranceSeconds: 10 });
      expect((await impl.verify(body, headers, SECRET, options(T + 10))).scheme).toBe('standard');
      expect(await reason(impl.verify(body, headers, SECRET, options(T + 11)))).toBe(
        'timestamp_too_old',
      );
      expect(await reason(impl.verify(body, headers, SECRET, options(T - 11)))).toBe(
        'timestamp_too_new',
      );
    });

    it('uses the real clock by default', async () => {
      const fresh = await impl.sign(body, SECRET);
      expect((await impl.verify(body, fresh, SECRET)).scheme).toBe('standard');
      const stale = await impl.sign(body, SECRET, { timestamp: new Date(Date.now() - 3_600_000) });
      expect(await reason(impl.verify(body, stale, SECRET))).toBe('timestamp_too_old');
    });

    it('refuses timestamps that are not unix seconds', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      for (const bad of [
        'abc',
        '17781498e0',
        '-1778149800',
        '1778149800.5',
        '2026-05-07T10:30:00Z',
      ]) {
        expect(
          await reason(impl.verify(body, { ...headers, 'webhook-timestamp': bad }, SECRET, at(T))),
        ).toBe('invalid_timestamp');
      }
    });
  });

  describe('headers', () => {
    it('reads headers in any case, from a record, a Headers object or a Map', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      const upper = Object.fromEntries(
        Object.entries(headers).map(([k, v]) => [k.replace(/(^|-)\w/g, (c) => c.toUpperCase()), v]),
      );
      expect(upper['Webhook-Signature']).toBeDefined();
      for (const source of [upper, new Headers(upper), new Map(Object.entries(upper))]) {
        expect((await impl.verify(body, source, SECRET, at(T))).scheme).toBe('standard');
      }
      expect((await impl.verify(body, { SIGNATURE: headers.signature }, SECRET)).scheme).toBe(
        'signature',
      );
    });

    it('accepts IncomingHttpHeaders-style array values and uppercase hex', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      const result = await impl.verify(
        body,
        { signature: [headers.signature.toUpperCase()] },
        SECRET,
      );
      expect(result.scheme).toBe('signature');
    });
  });

  describe('secrets', () => {
    it('accepts a whsec_ prefix', async () => {
      const headers = await impl.sign(body, SECRET, { id: 'evt_w', timestamp: T });
      expect((await impl.verify(body, headers, `whsec_${SECRET}`, at(T))).scheme).toBe('standard');
      expect((await impl.verify(body, only(headers, 'signature'), `whsec_${SECRET}`)).scheme).toBe(
        'signature',
      );
      const signed = await impl.sign(body, `whsec_${SECRET}`, { id: 'evt_w', timestamp: T });
      expect(signed['webhook-signature']).toBe(headers['webhook-signature']);
      // Like the server, Signature is keyed with the secret string as given, prefix included.
      expect(signed.signature).not.toBe(headers.signature);
      expect((await impl.verify(body, only(signed, 'signature'), `whsec_${SECRET}`)).scheme).toBe(
        'signature',
      );
      expect(await reason(impl.verify(body, only(signed, 'signature'), SECRET))).toBe(
        'invalid_signature',
      );
    });

    it('refuses a missing or empty secret', async () => {
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      for (const secret of ['', [], [''], 'whsec_', undefined as unknown as string]) {
        expect(await reason(impl.verify(body, headers, secret, at(T)))).toBe('missing_secret');
      }
    });

    it('refuses a secret that cannot be a Standard Webhooks key, but uses it for Signature', async () => {
      const notBase64 = 'not-base64-secret!';
      const headers = await impl.sign(body, SECRET, { timestamp: T });
      expect(await reason(impl.verify(body, headers, notBase64, at(T)))).toBe('missing_secret');
      const hex = node.signPayload(body, [SECRET]).signature;
      expect(await reason(impl.verify(body, { signature: hex }, notBase64))).toBe(
        'invalid_signature',
      );
    });
  });
});

describe('signPayload', () => {
  it('produces the same headers from both entry points', async () => {
    const body = serverBody(rewardPaid);
    const options = { id: rewardPaid.id, timestamp: new Date(T * 1000) };
    expect(await web.signPayload(body, [SECRET, OTHER_SECRET], options)).toEqual(
      node.signPayload(body, [SECRET, OTHER_SECRET], options),
    );
  });

  it('defaults to a random evt_ id and the current time', async () => {
    for (const headers of [node.signPayload('{}', SECRET), await web.signPayload('{}', SECRET)]) {
      expect(headers['webhook-id']).toMatch(/^evt_[0-9a-f]{24}$/);
      expect(Math.abs(Number(headers['webhook-timestamp']) - Date.now() / 1000)).toBeLessThan(5);
    }
    expect(node.signPayload('{}', SECRET)['webhook-id']).not.toBe(
      node.signPayload('{}', SECRET)['webhook-id'],
    );
  });
});
