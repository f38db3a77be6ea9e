import { createHmac, timingSafeEqual } from 'node:crypto';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryServices } from '../../src/dispatch/delivery-services.js';
import type { DeliveryServices } from '../../src/dispatch/delivery-services.js';
import { createDispatcher } from '../../src/dispatch/dispatcher.js';
import type { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { signInPartner } from '../helpers/portal.js';
import { engines } from '../helpers/store.js';
import { call } from '../domain/helpers.js';
import { eventually, startReceiver } from '../dispatch/receiver.js';
import type { Received, Receiver } from '../dispatch/receiver.js';

// A partner's `webhook`-format postback, delivered by a running dispatcher to a loopback
// receiver after a real sale, checked the way a partner would: with the published Standard
// Webhooks verifier (`standardwebhooks`, not this project's receiver SDK) keyed with the secret
// the portal shows, and the Partnero-style `Signature` recomputed here with node:crypto (not the
// server's signing module), so a shared mistake in our own signing and verifying code shows.

/** Partnero's `Signature`: lowercase hex HMAC-SHA256 of the raw body, keyed with the secret. */
function partneroSignature(rawBody: string, secret: string): string {
  return createHmac('sha256', Buffer.from(secret, 'utf8'))
    .update(Buffer.from(rawBody, 'utf8'))
    .digest('hex');
}

/** A receiver's check of `Signature` (constant time, as a careful receiver would). */
function partneroValid(rawBody: string, header: string | undefined, secret: string): boolean {
  if (header === undefined) return false;
  const want = Buffer.from(partneroSignature(rawBody, secret), 'utf8');
  const got = Buffer.from(header, 'utf8');
  return got.length === want.length && timingSafeEqual(got, want);
}

/** The Standard Webhooks headers as a plain record (the library wants string values). */
function standardHeaders(r: Received): {
  'webhook-id': string;
  'webhook-timestamp': string;
  'webhook-signature': string;
} {
  return {
    'webhook-id': String(r.headers['webhook-id']),
    'webhook-timestamp': String(r.headers['webhook-timestamp']),
    'webhook-signature': String(r.headers['webhook-signature']),
  };
}

describe.each(engines)('a third-party verifier on a webhook postback on %s', (engine) => {
  let ctx: TestContext;
  let services: DeliveryServices;
  let dispatcher: Dispatcher | undefined;
  let receiver: Receiver;
  let postbackId: string;
  /** The secret as the owner's create answered it. */
  let createdSecret: string;
  let cookie: string;

  beforeAll(async () => {
    // Loopback receivers: private networks (and so plain http) allowed, as the other postback
    // tests run; short poll and retry so a delivery lands within a second.
    ctx = await createTestContext(engine, {
      env: {
        HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
        HOOKLINE_POLL_INTERVAL: '100ms',
        HOOKLINE_RETRY_SCHEDULE: '0s,100ms,200ms',
      },
      extend: (deps) => ({ ...deps, wakeup: { wake: () => dispatcher?.wake() } }),
    });
    services = createDeliveryServices({ config: ctx.config });
    dispatcher = createDispatcher({
      store: ctx.store,
      config: ctx.config,
      sender: services.sender,
      events: services.events,
    });
    dispatcher.start();
    receiver = await startReceiver();
    await call(
      ctx,
      'POST',
      '/v1/partners',
      { id: 'alpha', key: 'alphakey', email: 'alpha@partners.test' },
      201,
    );
    const created = (
      await call(
        ctx,
        'POST',
        '/v1/partners/alpha/postbacks',
        { format: 'webhook', url: receiver.url, events: ['transaction.created'] },
        201,
      )
    ).data;
    postbackId = created.id;
    createdSecret = created.secret;
    expect(createdSecret).toMatch(/^[A-Za-z0-9]{32}$/);
    await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'alpha-cust', email: 'buyer@mail.test', partner: { id: 'alpha' } },
      201,
    );
    cookie = await signInPartner(ctx, 'alpha');
    expect(cookie).toMatch(/^hookline_portal=.+/);
  }, 30_000);

  afterAll(async () => {
    await dispatcher?.stop();
    await services?.close();
    await receiver?.close();
    await ctx?.close();
  });

  /** The secret the partner sees in the portal (what it would give its verifier). */
  const portalSecret = async (): Promise<string> => {
    const res = await ctx.app.inject({
      method: 'GET',
      url: `/portal/api/postbacks/${postbackId}`,
      headers: { cookie },
    });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data.secret as string;
  };

  /** Records a sale for alpha's customer and waits for its postback at the receiver. */
  const sale = async (key: string): Promise<Received> => {
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key, amount: 120, amount_units: 'USD', customer: { key: 'alpha-cust' } },
      201,
    );
    const delivered = () =>
      receiver.received.find((r) => r.path === '/hook' && r.body.includes(`"key":"${key}"`));
    await eventually(() => delivered() !== undefined, 15_000);
    return delivered() as Received;
  };

  it('standardwebhooks and an independent HMAC accept the sale’s postback; a tampered body fails both', async () => {
    const secret = await portalSecret();
    expect(secret).toBe(createdSecret);
    const owner = (
      await call(ctx, 'GET', `/v1/partners/alpha/postbacks/${postbackId}`, undefined, 200)
    ).data;
    expect(owner.secret).toBe(secret);

    const r = await sale('sale-1');
    expect(r.method).toBe('POST');
    expect(r.headers['content-type']).toMatch(/^application\/json/);

    // The published verifier, given the secret exactly as shown (and with Svix's prefix).
    const payload = new Webhook(secret).verify(r.body, standardHeaders(r)) as {
      event: string;
      data: { key: string; partner: string; amount: number };
    };
    expect(payload).toEqual(JSON.parse(r.body));
    expect(payload.event).toBe('transaction.created');
    expect(payload.data).toMatchObject({ key: 'sale-1', partner: 'alpha' });
    expect(new Webhook(`whsec_${secret}`).verify(Buffer.from(r.body), standardHeaders(r))).toEqual(
      payload,
    );
    // The id it signs is the one it carries in `webhook-id`, the envelope's id.
    expect(r.headers['webhook-id']).toBe((JSON.parse(r.body) as { id: string }).id);

    // Partnero's Signature, recomputed from the raw bytes.
    const signature = r.headers.signature as string;
    expect(signature).toMatch(/^[0-9a-f]{64}$/);
    expect(partneroValid(r.body, signature, secret)).toBe(true);

    // Tampering: one changed byte in the body, and a different secret, both fail both checks.
    const tampered = r.body.replace('"sale-1"', '"sale-2"');
    expect(tampered).not.toBe(r.body);
    expect(() => new Webhook(secret).verify(tampered, standardHeaders(r))).toThrow();
    expect(partneroValid(tampered, signature, secret)).toBe(false);
    const other = 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp';
    expect(() => new Webhook(other).verify(r.body, standardHeaders(r))).toThrow();
    expect(partneroValid(r.body, signature, other)).toBe(false);
    // A replayed id or timestamp under the same signature fails too.
    expect(() =>
      new Webhook(secret).verify(r.body, { ...standardHeaders(r), 'webhook-id': 'evt_other' }),
    ).toThrow();
  }, 30_000);

  it('after a rotation the library accepts either secret, and Signature stays on the old one', async () => {
    const old = await portalSecret();
    const rotated = await call(
      ctx,
      'POST',
      `/v1/partners/alpha/postbacks/${postbackId}/rotate-secret`,
      { grace_period_seconds: 3600 },
      200,
    );
    const fresh = rotated.data.secret as string;
    expect(fresh).not.toBe(old);
    expect(await portalSecret()).toBe(fresh);

    const r = await sale('sale-after-rotation');
    const headers = standardHeaders(r);
    expect(headers['webhook-signature'].split(' ')).toHaveLength(2);
    expect(new Webhook(fresh).verify(r.body, headers)).toEqual(JSON.parse(r.body));
    expect(new Webhook(old).verify(r.body, headers)).toEqual(JSON.parse(r.body));
    const tampered = r.body.replace('"sale-after-rotation"', '"sale-after-rotatioN"');
    expect(tampered).not.toBe(r.body);
    expect(() => new Webhook(fresh).verify(tampered, headers)).toThrow();
    expect(() => new Webhook(old).verify(tampered, headers)).toThrow();
    // A Partnero receiver configured once keeps verifying until `signature_switches_at`.
    const signature = r.headers.signature as string;
    expect(partneroValid(r.body, signature, old)).toBe(true);
    expect(partneroValid(r.body, signature, fresh)).toBe(false);
  }, 30_000);
});
