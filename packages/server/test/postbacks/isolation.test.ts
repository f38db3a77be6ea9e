import { verify } from '@hookline/receiver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDeliveryServices } from '../../src/dispatch/delivery-services.js';
import type { DeliveryServices } from '../../src/dispatch/delivery-services.js';
import { createDispatcher } from '../../src/dispatch/dispatcher.js';
import type { Dispatcher } from '../../src/dispatch/dispatcher.js';
import { POSTBACK_MACROS } from '../../src/webhooks/postbacks-macros.js';
import { POSTBACK_EVENTS } from '../../src/webhooks/postbacks.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { signInPartner } from '../helpers/portal.js';
import { engines } from '../helpers/store.js';
import { call } from '../domain/helpers.js';
import { eventually, startReceiver } from '../dispatch/receiver.js';
import type { Received, Receiver } from '../dispatch/receiver.js';

// Partner postbacks on both engines, through the real API and a running dispatcher to loopback
// receivers: partners A and B each have a url postback (GET template) and a webhook postback;
// every postback event type is driven for both, and each partner receives only its own, with
// macros filled, signatures valid (the receiver SDK), PII trimmed by default. Then the portal's
// isolation (another partner's postback is a 404), owner credentials, CSRF, and the limits.

const TEMPLATE =
  '/url?e={event}&id={event_id}&p={partner_key}&c={customer_key}&t={transaction_key}&a={amount}&cur={currency}&com={commission}&r={reward_id}&rs={reward_status}&at={created_at}';

interface Side {
  readonly id: string;
  readonly key: string;
  readonly receiver: Receiver;
  secret: string;
  urlPostback: string;
  hookPostback: string;
}

describe.each(engines)('partner postbacks on %s', (engine) => {
  let ctx: TestContext;
  let services: DeliveryServices;
  let dispatcher: Dispatcher | undefined;
  let owner: Receiver;
  const sides: Side[] = [];
  const A = () => sides[0] as Side;
  const B = () => sides[1] as Side;

  beforeAll(async () => {
    ctx = await createTestContext(engine, {
      env: { HOOKLINE_POLL_INTERVAL: '100ms', HOOKLINE_RETRY_SCHEDULE: '0s,100ms,200ms' },
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
    owner = await startReceiver();
    await ctx.createWebhook(owner.url);
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 30 }, 200);
    for (const [id, key] of [
      ['alpha', 'alphakey'],
      ['bravo', 'bravokey'],
    ] as const) {
      const receiver = await startReceiver();
      await call(ctx, 'POST', '/v1/partners', { id, key, email: `${id}@partners.test` }, 201);
      const base = receiver.url.replace(/\/hook$/, '');
      const url = await call(
        ctx,
        'POST',
        `/v1/partners/${id}/postbacks`,
        { format: 'url', url: `${base}${TEMPLATE}`, events: [...POSTBACK_EVENTS] },
        201,
      );
      // By key, as other partner routes accept.
      const hook = await call(
        ctx,
        'POST',
        `/v1/partners/${key}/postbacks`,
        { format: 'webhook', url: `${base}/hook`, events: [...POSTBACK_EVENTS] },
        201,
      );
      expect(url.data).toMatchObject({
        format: 'url',
        method: 'GET',
        secret: null,
        partner: { id, key },
      });
      expect(hook.data.secret).toMatch(/^[A-Za-z0-9]{32}$/);
      sides.push({
        id,
        key,
        receiver,
        secret: hook.data.secret,
        urlPostback: url.data.id,
        hookPostback: hook.data.id,
      });
    }
  }, 30_000);

  afterAll(async () => {
    await dispatcher?.stop();
    await services?.close();
    for (const s of sides) await s.receiver.close();
    await owner?.close();
    await ctx?.close();
  });

  const urlRequests = (s: Side) => s.receiver.received.filter((r) => r.path.startsWith('/url'));
  const hookRequests = (s: Side) => s.receiver.received.filter((r) => r.path === '/hook');
  const query = (r: Received) => new URL(r.path, 'http://x').searchParams;
  const eventsOf = (s: Side) => ({
    url: new Set(urlRequests(s).map((r) => query(r).get('e'))),
    hook: new Set(hookRequests(s).map((r) => (JSON.parse(r.body) as { event: string }).event)),
  });

  /** Every postback event about one partner's referral, through the real API. */
  const drive = async (s: Side) => {
    const p = s.id;
    await call(
      ctx,
      'POST',
      '/v1/customers',
      {
        key: `${p}-cust`,
        email: `${p}.buyer@mail.test`,
        name: 'Jane',
        surname: 'Roe',
        partner: { id: p },
      },
      201,
    );
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      {
        key: `${p}-sale&1`,
        amount: 99.5,
        amount_units: 'USD',
        customer: { key: `${p}-cust` },
      },
      201,
    );
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      {
        key: `${p}-refund`,
        amount: 10,
        customer: { key: `${p}-cust` },
      },
      201,
    );
    await call(ctx, 'DELETE', `/v1/transactions/${p}-refund`, undefined, 200);
    const rewards = (await call(ctx, 'GET', '/v1/rewards?status=review_period', undefined, 200))
      .data as {
      id: string;
      partner: string;
      transaction: string;
    }[];
    const reward = rewards.find((r) => r.partner === p && r.transaction === `${p}-sale&1`);
    expect(reward).toBeDefined();
    await call(ctx, 'POST', `/v1/rewards/${reward?.id}/approve`, undefined, 200);
    const payout = (
      await call(
        ctx,
        'POST',
        '/v1/payout_requests',
        { partner: { id: p }, amount_units: 'USD' },
        201,
      )
    ).data;
    await call(ctx, 'POST', `/v1/payout_requests/${payout.id}/approve`, undefined, 200);
    await call(ctx, 'POST', `/v1/payout_requests/${payout.id}/mark_as_paid`, undefined, 200);
    const lead = (
      await call(
        ctx,
        'POST',
        '/v1/leads',
        { partner: { id: p }, name: 'Dana Scully', email: `${p}.lead@mail.test` },
        201,
      )
    ).data;
    await call(
      ctx,
      'POST',
      '/v1/leads/convert',
      { id: lead.id, commission_transaction_amount: 1000 },
      200,
    );
    return reward?.id as string;
  };

  it('delivers every postback event to its own partner only, macros filled, signed, PII trimmed', async () => {
    const rewardA = await drive(A());
    await drive(B());
    // A publish through POST /v1/events naming A is the owner's data: no postback gets it.
    const forged = await ctx.request('POST', '/v1/events', {
      event: 'customer.created',
      data: {
        id: 'x',
        key: 'forged',
        partner: 'alpha',
        email: 'f@x.test',
        name: null,
        surname: null,
        status: 'active',
        tags: [],
        referring_customer: null,
        created_at: '2026-01-01T00:00:00.000000Z',
        updated_at: '2026-01-01T00:00:00.000000Z',
        deleted_at: null,
      },
    });
    expect(forged.statusCode, forged.body).toBeLessThan(300);

    for (const s of [A(), B()]) {
      await eventually(() => {
        const seen = eventsOf(s);
        return POSTBACK_EVENTS.every((e) => seen.url.has(e) && seen.hook.has(e));
      }, 20_000);
    }
    // The owner's webhook got the events too (its lane is untouched).
    await eventually(
      () => owner.received.some((r) => r.body.includes('"event":"lead.converted"')),
      10_000,
    );

    for (const [s, other] of [
      [A(), B()],
      [B(), A()],
    ] as const) {
      for (const r of urlRequests(s)) {
        expect(r.method).toBe('GET');
        const q = query(r);
        expect(q.get('p')).toBe(s.key);
        expect(r.path).not.toContain(other.id);
        expect(r.path).not.toContain('forged');
        expect(q.get('at')).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d+Z$/);
      }
      for (const r of hookRequests(s)) {
        expect(r.method).toBe('POST');
        expect(() => verify(r.body, r.headers as Record<string, string>, s.secret)).not.toThrow();
        expect(() => verify(r.body, r.headers as Record<string, string>, other.secret)).toThrow();
        const envelope = JSON.parse(r.body) as {
          event: string;
          url: string;
          data: Record<string, unknown>;
        };
        expect(envelope.url).toBe(`${s.receiver.url}`);
        expect(envelope.data.partner).toBe(s.id);
        expect(r.body).not.toContain(other.id);
        expect(r.body).not.toContain('forged');
        // PII trimmed by default: no customer's or lead's name or e-mail.
        expect(r.body).not.toContain('@mail.test');
        expect(r.body).not.toContain('Jane');
        expect(r.body).not.toContain('Dana');
      }
    }

    // Macros: the sale, and a reward event carrying the sale amount and the commission.
    const sale = urlRequests(A()).find((r) => query(r).get('e') === 'transaction.created');
    expect(Object.fromEntries(query(sale as Received))).toMatchObject({
      p: 'alphakey',
      c: 'alpha-cust',
      t: 'alpha-sale&1',
      a: '99.50',
      cur: 'USD',
      rs: 'review_period',
    });
    expect(sale?.path).toContain('t=alpha-sale%261');
    const commission = query(sale as Received).get('com');
    expect(commission).toMatch(/^\d+\.\d\d$/);
    const approved = urlRequests(A()).find((r) => query(r).get('e') === 'reward.approved');
    expect(Object.fromEntries(query(approved as Received))).toMatchObject({
      a: '99.50',
      com: commission,
      r: rewardA,
      rs: 'approved',
      t: 'alpha-sale&1',
    });
    const customer = urlRequests(A()).find((r) => query(r).get('e') === 'customer.created');
    expect(Object.fromEntries(query(customer as Received))).toMatchObject({
      c: 'alpha-cust',
      a: '',
      com: '',
      t: '',
    });
  }, 60_000);

  it('shows the customer’s PII when the program allows it', async () => {
    await call(ctx, 'PUT', '/v1/program/portal', { postback_customer_pii: 'visible' }, 200);
    await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'alpha-visible', email: 'seen@mail.test', partner: { id: 'alpha' } },
      201,
    );
    await eventually(
      () => hookRequests(A()).some((r) => r.body.includes('seen@mail.test')),
      10_000,
    );
    expect(hookRequests(B()).some((r) => r.body.includes('seen@mail.test'))).toBe(false);
    // And PUT /v1/program takes the same policy.
    await call(ctx, 'PUT', '/v1/program', { postback_customer_pii: 'trimmed' }, 200);
    expect(
      (await call(ctx, 'GET', '/v1/program/portal', undefined, 200)).data.postback_customer_pii,
    ).toBe('trimmed');
    const refused = await ctx.request('PUT', '/v1/program', {
      postback_customer_pii: 'everything',
    });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.postback_customer_pii).toBeDefined();
  }, 20_000);

  it('keeps postbacks out of the owner’s webhook list and delivery log, and lists them on /v1/postbacks', async () => {
    const hooks = (await call(ctx, 'GET', '/v1/webhooks', undefined, 200)).data as {
      key: string;
    }[];
    expect(hooks).toHaveLength(1);
    const log = (await call(ctx, 'GET', '/v1/deliveries?limit=100', undefined, 200)).data as {
      url: string;
    }[];
    expect(log.every((d) => d.url === owner.url)).toBe(true);
    const all = (await call(ctx, 'GET', '/v1/postbacks', undefined, 200)).data as {
      id: string;
      partner: { key: string; email: string };
      is_active: boolean;
      consecutive_failures: number;
    }[];
    expect(all.map((p) => p.partner.key).sort()).toEqual([
      'alphakey',
      'alphakey',
      'bravokey',
      'bravokey',
    ]);
    expect(all.every((p) => p.is_active && p.consecutive_failures === 0)).toBe(true);
    // The postback's own log, with attempts, shows the URL as sent.
    const deliveries = (
      await call(
        ctx,
        'GET',
        `/v1/partners/alpha/postbacks/${A().urlPostback}/deliveries`,
        undefined,
        200,
      )
    ).data as {
      url: string;
      status: string;
      attempt_log: unknown[];
    }[];
    expect(deliveries.length).toBeGreaterThanOrEqual(8);
    expect(deliveries[0]?.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/url\?e=/);
    expect(deliveries.some((d) => d.status === 'succeeded' && d.attempt_log.length >= 1)).toBe(
      true,
    );
    // ... and the owner's delivery routes do not reach them by id, nor does bulk recovery.
    const oneId = (deliveries[0] as unknown as { id: string }).id;
    expect((await ctx.request('GET', `/v1/deliveries/${oneId}`)).statusCode).toBe(404);
    expect((await ctx.request('POST', `/v1/deliveries/${oneId}/retry`)).statusCode).toBe(404);
    const failedPostbacks = () =>
      ctx.store.db
        .selectFrom('deliveries')
        .select('id')
        .where('lane', '=', 1)
        .where('status', '=', 'failed')
        .execute();
    await ctx.store.db
      .updateTable('deliveries')
      .set({ status: 'failed', next_attempt_at: null })
      .where('id', '=', oneId)
      .execute();
    const bulk = await ctx.request('POST', '/v1/deliveries/retry', { status: 'failed' });
    expect(bulk.statusCode).toBe(202);
    expect((await failedPostbacks()).map((r) => r.id)).toEqual([oneId]);
    // The owner disables one: no more deliveries to it.
    const off = await call(
      ctx,
      'PUT',
      `/v1/partners/alpha/postbacks/${A().urlPostback}`,
      { is_active: false },
      200,
    );
    expect(off.data.is_active).toBe(false);
    // Another partner's postback id under A is a 404 for the owner too.
    expect(
      (await ctx.request('GET', `/v1/partners/alpha/postbacks/${B().urlPostback}`)).statusCode,
    ).toBe(404);
    await call(
      ctx,
      'PUT',
      `/v1/partners/alpha/postbacks/${A().urlPostback}`,
      { is_active: true },
      200,
    );
  });

  it('the portal reaches only the signed-in partner’s postbacks; owner credentials and missing CSRF are refused', async () => {
    const cookie = await signInPartner(ctx, 'alpha');
    const me = await ctx.app.inject({ method: 'GET', url: '/portal/api/me', headers: { cookie } });
    const csrf = me.json().data.csrf_token as string;
    const as = (
      method: 'GET' | 'POST' | 'PUT' | 'DELETE',
      url: string,
      body?: unknown,
      headers: Record<string, string> = { cookie, 'x-csrf-token': csrf },
    ) =>
      ctx.app.inject({
        method,
        url,
        headers,
        ...(body === undefined ? {} : { payload: body as object }),
      });

    const mine = (await as('GET', '/portal/api/postbacks')).json().data as {
      id: string;
      partner: { id: string };
    }[];
    expect(mine.map((p) => p.id).sort()).toEqual([A().urlPostback, A().hookPostback].sort());
    expect(mine.every((p) => p.partner.id === 'alpha')).toBe(true);
    for (const [method, suffix] of [
      ['GET', ''],
      ['PUT', ''],
      ['DELETE', ''],
      ['POST', '/test'],
      ['POST', '/rotate-secret'],
      ['GET', '/deliveries'],
    ] as const) {
      const res = await as(
        method,
        `/portal/api/postbacks/${B().hookPostback}${suffix}`,
        method === 'PUT' ? { is_active: false } : method === 'POST' ? {} : undefined,
      );
      expect(res.statusCode, `${method} ${suffix}`).toBe(404);
    }
    // B's postback is untouched.
    const b = (
      await call(ctx, 'GET', `/v1/partners/bravo/postbacks/${B().hookPostback}`, undefined, 200)
    ).data;
    expect(b.is_active).toBe(true);

    // Owner credentials do not open the portal; a write without the CSRF token is refused.
    expect((await ctx.request('GET', '/portal/api/postbacks')).statusCode).toBe(401);
    const noCsrf = await as(
      'POST',
      '/portal/api/postbacks',
      { format: 'webhook', url: 'https://t.example/h', events: ['transaction.created'] },
      { cookie },
    );
    expect(noCsrf.statusCode).toBe(403);

    // A test send from the portal goes through the real path and shows in the log.
    const test = await as('POST', `/portal/api/postbacks/${A().hookPostback}/test`, {
      event: 'transaction.created',
    });
    expect(test.statusCode, test.body).toBe(200);
    expect(test.json().data.attempt.succeeded).toBe(true);
    const tested = A().receiver.received.at(-1) as Received;
    expect(() =>
      verify(tested.body, tested.headers as Record<string, string>, A().secret),
    ).not.toThrow();
    expect(JSON.parse(tested.body).data.partner).toBe('alpha');

    // Rotation: the new secret signs, the old one keeps signing during the grace period.
    const rotated = await as('POST', `/portal/api/postbacks/${A().hookPostback}/rotate-secret`, {});
    expect(rotated.statusCode, rotated.body).toBe(200);
    expect(rotated.json().data.secret).not.toBe(A().secret);
    expect(rotated.json().data.signature_switches_at).not.toBeNull();

    // An unknown macro is a 422; so is a 6th postback.
    const base = A().receiver.url.replace(/\/hook$/, '');
    const unknown = await as('POST', '/portal/api/postbacks', {
      format: 'url',
      url: `${base}/x?p={payout}`,
      events: ['reward.created'],
    });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.url[0]).toMatch(/\{payout\}/);
    for (let i = 0; i < 3; i++) {
      const res = await as('POST', '/portal/api/postbacks', {
        format: 'url',
        method: 'POST',
        url: `${base}/x${i}?e={event}`,
        events: ['reward.created'],
        is_active: false,
      });
      expect(res.statusCode, res.body).toBe(201);
    }
    const sixth = await as('POST', '/portal/api/postbacks', {
      format: 'url',
      url: `${base}/x9?e={event}`,
      events: ['reward.created'],
    });
    expect(sixth.statusCode).toBe(422);
    expect(sixth.json().errors.postbacks[0]).toMatch(/at most 5/);
    // Deleting its own: 204, gone, and room for another.
    const extra = (
      (await as('GET', '/portal/api/postbacks')).json().data as { id: string; is_active: boolean }[]
    ).find((p) => !p.is_active);
    const deleted = await as('DELETE', `/portal/api/postbacks/${extra?.id}`);
    expect(deleted.statusCode, deleted.body).toBe(204);
    expect(deleted.body).toBe('');
    expect((await as('GET', `/portal/api/postbacks/${extra?.id}`)).statusCode).toBe(404);
  }, 20_000);

  it('sends a POST url postback with every macro as a form body, and test-sends a url postback', async () => {
    const receiver = await startReceiver();
    try {
      await call(
        ctx,
        'POST',
        '/v1/partners',
        { id: 'charlie', key: 'charliekey', email: 'c@partners.test' },
        201,
      );
      const pb = (
        await call(
          ctx,
          'POST',
          '/v1/partners/charlie/postbacks',
          {
            format: 'url',
            method: 'POST',
            url: `${receiver.url}?k={customer_key}&src=hookline`,
            events: ['customer.created', 'transaction.created'],
          },
          201,
        )
      ).data;
      await call(
        ctx,
        'POST',
        '/v1/customers',
        { key: 'c&k=v+%é✓', partner: { id: 'charlie' } },
        201,
      );
      await eventually(() => receiver.received.length === 1, 10_000);
      const [r] = receiver.received as [Received];
      expect(r.method).toBe('POST');
      expect(r.headers['content-type']).toBe('application/x-www-form-urlencoded');
      expect(query(r).get('k')).toBe('c&k=v+%é✓');
      expect(r.path).toContain('?k=c%26k%3Dv%2B%25%C3%A9%E2%9C%93&src=hookline');
      expect(query(r).get('src')).toBe('hookline');
      const form = new URLSearchParams(r.body);
      expect([...form.keys()]).toEqual([...POSTBACK_MACROS]);
      expect(form.get('customer_key')).toBe('c&k=v+%é✓');
      expect(form.get('partner_key')).toBe('charliekey');
      expect(form.get('event')).toBe('customer.created');

      const test = await call(
        ctx,
        'POST',
        `/v1/partners/charliekey/postbacks/${pb.id}/test`,
        { event: 'transaction.created' },
        200,
      );
      expect(test.data.attempt.succeeded).toBe(true);
      // The attempt log shows the headers as sent: the form's type, not JSON's.
      expect(test.data.attempt.request_headers['Content-Type']).toBe(
        'application/x-www-form-urlencoded',
      );
      expect(test.data.delivery.url).toMatch(
        /^http:\/\/127\.0\.0\.1:\d+\/hook\?k=customer_123&src=hookline$/,
      );
      const sent = receiver.received[1] as Received;
      expect(new URLSearchParams(sent.body).get('event')).toBe('transaction.created');
      expect(new URLSearchParams(sent.body).get('partner_key')).toBe('charliekey');
    } finally {
      await receiver.close();
    }
  }, 20_000);

  it('disables a postback whose endpoint is gone, and tells the partner in the portal', async () => {
    const gone = await startReceiver(() => ({ status: 410 }));
    try {
      await call(
        ctx,
        'POST',
        '/v1/partners',
        { id: 'pc', key: 'ckey', email: 'pc@partners.test' },
        201,
      );
      const pb = (
        await call(
          ctx,
          'POST',
          '/v1/partners/pc/postbacks',
          { format: 'url', url: `${gone.url}?e={event}`, events: ['customer.created'] },
          201,
        )
      ).data;
      await call(ctx, 'POST', '/v1/customers', { key: 'pc-cust', partner: { id: 'pc' } }, 201);
      await eventually(
        async () =>
          (await call(ctx, 'GET', `/v1/partners/pc/postbacks/${pb.id}`, undefined, 200)).data
            .is_active === false,
        10_000,
      );
      const after = (await call(ctx, 'GET', `/v1/partners/pc/postbacks/${pb.id}`, undefined, 200))
        .data;
      expect(after.disabled_reason).toMatch(/410/);
      const cookie = await signInPartner(ctx, 'pc');
      await eventually(async () => {
        const notices = await ctx.app.inject({
          method: 'GET',
          url: '/portal/api/notices',
          headers: { cookie },
        });
        return (notices.json().data as unknown[]).length === 1;
      }, 5_000);
      const notices = await ctx.app.inject({
        method: 'GET',
        url: '/portal/api/notices',
        headers: { cookie },
      });
      expect(notices.json().data[0]).toMatchObject({
        type: 'postback.disabled',
        postback_id: pb.id,
      });
    } finally {
      await gone.close();
    }
  }, 20_000);
});

describe.each(engines)('postback URL policy on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine, { env: { HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'false' } });
    await call(
      ctx,
      'POST',
      '/v1/partners',
      { id: 'alpha', key: 'alphakey', email: 'alpha@partners.test' },
      201,
    );
  });
  afterAll(async () => ctx?.close());

  it('refuses http unless the program allows it', async () => {
    const body = {
      format: 'url',
      url: 'http://track.example/cb?e={event}',
      events: ['reward.created'],
    };
    const refused = await ctx.request('POST', '/v1/partners/alpha/postbacks', body);
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.url[0]).toMatch(/https/);
    await call(ctx, 'PUT', '/v1/program', { postback_allow_http: true }, 200);
    await call(ctx, 'POST', '/v1/partners/alpha/postbacks', body, 201);
    const local = await ctx.request('POST', '/v1/partners/alpha/postbacks', {
      ...body,
      url: 'http://127.0.0.1/cb',
    });
    expect(local.statusCode).toBe(422);
  });

  it('refuses events the program does not offer, and everything when postbacks are off', async () => {
    await call(ctx, 'PUT', '/v1/program/portal', { postback_events: ['reward.created'] }, 200);
    const refused = await ctx.request('POST', '/v1/partners/alpha/postbacks', {
      format: 'webhook',
      url: 'https://track.example/h',
      events: ['customer.created'],
    });
    expect(refused.statusCode).toBe(422);
    await call(ctx, 'PUT', '/v1/program/portal', { postbacks_enabled: false }, 200);
    const off = await ctx.request('POST', '/v1/partners/alpha/postbacks', {
      format: 'webhook',
      url: 'https://track.example/h',
      events: ['reward.created'],
    });
    expect(off.statusCode).toBe(422);
  });
});
