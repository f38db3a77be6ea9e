// Cross-checks with the published Standard Webhooks verifiers users already run: they must accept
// what this package signs, and this package must accept what they sign.

import { Webhook as StandardWebhook } from 'standardwebhooks';
import { Webhook as SvixWebhook } from 'svix';
import { describe, expect, it } from 'vitest';
import * as node from '../src/index.js';
import * as web from '../src/web.js';
import { OTHER_SECRET, rewardPaid, SECRET, serverBody } from './helpers.js';

const libraries = [
  { name: 'standardwebhooks 1.1.1', create: (secret: string) => new StandardWebhook(secret) },
  { name: 'svix 1.x', create: (secret: string) => new SvixWebhook(secret) },
];

const bodies = {
  'a server envelope (escaped slashes)': serverBody(rewardPaid),
  unicode: JSON.stringify({
    id: 'evt_u',
    text: 'Zoë Müller 🦊 中文 \u2028 ✓',
    url: 'https:\\/\\/x.test\\/',
  }),
  '~1 MB': JSON.stringify({ id: 'evt_big', pad: 'é/'.repeat(400_000) }),
};

describe.each(libraries)('$name', ({ create }) => {
  describe.each(Object.entries(bodies))('with %s', (_label, body) => {
    it('verifies what this package signs (node and web)', async () => {
      const nodeHeaders = node.signPayload(body, SECRET, { id: 'evt_1' });
      const webHeaders = await web.signPayload(body, SECRET, { id: 'evt_1' });
      for (const headers of [nodeHeaders, webHeaders]) {
        expect(create(SECRET).verify(body, headers)).toEqual(JSON.parse(body));
        expect(create(`whsec_${SECRET}`).verify(Buffer.from(body), headers)).toEqual(
          JSON.parse(body),
        );
      }
    });

    it('is verified by this package (node and web)', async () => {
      const now = new Date();
      const signature = create(SECRET).sign('evt_2', now, body);
      const headers = {
        'webhook-id': 'evt_2',
        'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
        'webhook-signature': signature,
      };
      expect(node.verify(body, headers, SECRET)).toMatchObject({
        body,
        scheme: 'standard',
        id: 'evt_2',
      });
      expect(await web.verify(Buffer.from(body), headers, SECRET)).toMatchObject({
        body,
        id: 'evt_2',
      });
    });

    it('refuses a tampered body', () => {
      const headers = node.signPayload(body, SECRET);
      const tampered = body.replace('evt_', 'evt-');
      expect(() => create(SECRET).verify(tampered, headers)).toThrow();
    });
  });

  it('accepts our rotation header (several v1 entries) with either secret', () => {
    const body = serverBody(rewardPaid);
    const headers = node.signPayload(body, [OTHER_SECRET, SECRET]);
    expect(create(SECRET).verify(body, headers)).toEqual(rewardPaid);
    expect(create(OTHER_SECRET).verify(body, headers)).toEqual(rewardPaid);
    expect(() => create('AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA').verify(body, headers)).toThrow();
  });

  it('agrees with us on stale timestamps', () => {
    const body = serverBody(rewardPaid);
    const stale = node.signPayload(body, SECRET, {
      timestamp: Math.floor(Date.now() / 1000) - 600,
    });
    expect(() => create(SECRET).verify(body, stale)).toThrow(/too old/i);
    expect(() => node.verify(body, stale, SECRET)).toThrow(node.WebhookVerificationError);
  });

  it('is accepted by us during a rotation it cannot express (two secrets on our side)', () => {
    const body = serverBody(rewardPaid);
    const now = new Date();
    const headers = {
      'webhook-id': rewardPaid.id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': create(OTHER_SECRET).sign(rewardPaid.id, now, body),
    };
    expect(node.constructEvent(body, headers, [SECRET, OTHER_SECRET])).toEqual(rewardPaid);
  });
});

it('svix-branded headers are not read (Hookline sends webhook-*)', () => {
  // Documented limit: only webhook-* and Signature are checked.
  const headers = node.signPayload('{}', SECRET);
  const branded = {
    'svix-id': headers['webhook-id'],
    'svix-timestamp': headers['webhook-timestamp'],
    'svix-signature': headers['webhook-signature'],
  };
  expect(new SvixWebhook(SECRET).verify('{}', branded)).toEqual({});
  expect(() => node.verify('{}', branded, SECRET)).toThrow(/No signature headers/);
});
