import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

/**
 * Replays of what Partnero's own clients send for the program-type operations: the n8n nodes
 * (`partnero/n8n-nodes-partnero`: PartneroTrigger, Partnero lead / partner addReward /
 * payoutRequest resources) and the PHP SDK (`partnero/partnero-php`: Subscribers,
 * ReferralCustomers). Each request is sent as the client builds it (method, path, query, JSON
 * body, headers) and checked for the answer the client reads.
 */

// n8n's requestDefaults also label bodyless requests (approve, DELETE) application/json. The
// API accepts that (an empty JSON body is no body: src/api/request-normalisation.ts), and the
// n8n replays of replay.ts send it so (`N8N.jsonHeaderWithoutBody`); these replays send the
// header only with a body, like the PHP SDK, so they do not test that rule.
const N8N = { accept: 'application/json' };
const PHP = {
  accept: 'application/json',
  'user-agent': 'partnero-php/v1',
  'sdk-version': 'v1.0.23',
};

describe.each(engines)('client replays (program types) on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => ctx?.close());

  const send = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body: unknown,
    headers: Record<string, string>,
  ) =>
    body === undefined
      ? ctx.request(method, url, undefined, headers)
      : // php-http's ContentTypePlugin labels a JSON body application/json, as n8n does.
        ctx.request(method, url, JSON.stringify(body), {
          'content-type': 'application/json',
          ...headers,
        });

  it('n8n trigger: activation fails for an event the program type lacks, works otherwise', async () => {
    const body = (events: string[]) => ({
      name: 'n8n – Leads to CRM'.slice(0, 100),
      url: 'https://n8n.example.com/webhook/abc/webhook',
      events,
      is_active: true,
    });
    const refused = await send(
      'POST',
      '/v1/webhooks',
      body(['lead.submitted', 'subscriber.created']),
      N8N,
    );
    expect(refused.statusCode).toBe(422);
    const created = await send(
      'POST',
      '/v1/webhooks',
      body(['lead.submitted', 'lead.converted']),
      N8N,
    );
    expect(created.statusCode).toBe(201);
    const webhook = created.json().data ?? created.json();
    expect(webhook.key).toMatch(/^[A-Za-z0-9]{12}$/);
    expect(typeof webhook.signature).toBe('string');
  });

  it('n8n lead resource: create, get many, get, convert, reject, delete', async () => {
    await ctx.request('POST', '/v1/partners', { email: 'p@x.com', id: 'p_1', key: 'pkey' });
    // routing.send property "partner.key" is set as a nested object by n8n.
    const created = await send(
      'POST',
      '/v1/leads',
      { partner: { key: 'pkey' }, name: 'Dana', email: 'dana@x.com' },
      N8N,
    );
    expect(created.statusCode).toBe(201);
    const id = created.json().data.id as number;
    expect(typeof id).toBe('number');
    const many = await send('GET', '/v1/leads?limit=50&sort=desc', undefined, N8N);
    expect(many.json().data[0].id).toBe(id);
    expect(many.json().links).toHaveProperty('next', null);
    expect((await send('GET', `/v1/leads/${id}`, undefined, N8N)).json().data.email).toBe(
      'dana@x.com',
    );
    const converted = await send(
      'POST',
      '/v1/leads/convert',
      { id, commission_transaction_amount: 2500.5 },
      N8N,
    );
    expect(converted.statusCode).toBe(200);
    expect(converted.json().data).toMatchObject({
      status: 'converted',
      commission_transaction_amount: 2500.5,
    });
    const second = (
      await send(
        'POST',
        '/v1/leads',
        { partner: { email: 'p@x.com' }, name: 'Eve', email: 'eve@x.com' },
        N8N,
      )
    ).json().data;
    expect(
      (await send('POST', '/v1/leads/reject', { id: second.id }, N8N)).json().data.status,
    ).toBe('rejected');
    const deleted = await send('DELETE', `/v1/leads/${second.id}`, undefined, N8N);
    expect(deleted.json()).toEqual({ status: 1 });
  });

  it('n8n partner Add Reward: amount, date (dateTime) and note', async () => {
    const res = await send(
      'POST',
      '/v1/partners/p_1/reward',
      { amount: 50, date: '2026-03-01T09:30:00.000Z', note: 'Webinar co-host' },
      N8N,
    );
    expect(res.statusCode).toBe(201);
    expect(res.json().data).toMatchObject({
      partner: 'p_1',
      amount: 50,
      note: 'Webinar co-host',
      action: 'bonus',
    });
    // A referral key is not an id here, as in Partnero ("a referral key returns not found").
    expect((await send('POST', '/v1/partners/pkey/reward', { amount: 5 }, N8N)).statusCode).toBe(
      404,
    );
  });

  it('n8n payout request resource: create, search, approve, mark as paid', async () => {
    const created = await send(
      'POST',
      '/v1/payout_requests',
      {
        partner: { key: 'pkey' },
        amount_units: 'usd',
        gateway: 'paypal',
        payout_settings: { username: 'p@pay.example' },
      },
      N8N,
    );
    expect(created.statusCode).toBe(201);
    const payout = created.json().data;
    expect(payout).toMatchObject({ amount: 50, amount_units: 'USD', status: 'requested' });
    // n8n sends Partnero's numeric reward ids; Hookline's ids are strings, so they match none.
    const numeric = await send(
      'POST',
      '/v1/payout_requests',
      { partner: { id: 'p_1' }, amount_units: 'usd', reward_ids: [101, 102] },
      N8N,
    );
    expect(numeric.statusCode).toBe(422);
    expect(numeric.json().errors.reward_ids[0]).toContain('101, 102');
    const search = await send(
      'GET',
      '/v1/payout_requests:search?status=requested&partner_key=pkey&amount_units=usd',
      undefined,
      N8N,
    );
    expect(search.json().data.map((p: { id: number }) => p.id)).toEqual([payout.id]);
    expect(
      (await send('POST', `/v1/payout_requests/${payout.id}/approve`, undefined, N8N)).json().data
        .status,
    ).toBe('approved');
    const paid = await send(
      'POST',
      `/v1/payout_requests/${payout.id}/mark_as_paid`,
      undefined,
      N8N,
    );
    expect(paid.json().data.status).toBe('finished');
    expect(
      (await send('GET', `/v1/payout_requests/${payout.id}`, undefined, N8N)).json().data.paid_at,
    ).not.toBeNull();
  });

  it('PHP SDK ReferralCustomers: createReferring, createReferred, credit, balance, referrals', async () => {
    const hooks = (await ctx.request('GET', '/v1/webhooks')).json().data as { key: string }[];
    for (const h of hooks) await ctx.request('DELETE', `/v1/webhooks/${h.key}`);
    expect(
      (await ctx.request('PUT', '/v1/program', { program_type: 'refer-a-friend' })).statusCode,
    ).toBe(200);
    const referring = { key: 'cust_ann', name: 'Ann', surname: 'Lee', email: 'ann@x.com' };
    expect((await send('POST', '/v1/customers', referring, PHP)).statusCode).toBe(201);
    const referred = await send(
      'POST',
      '/v1/customers',
      { key: 'cust_bob', name: 'Bob', email: 'bob@x.com', referring_customer: referring },
      PHP,
    );
    expect(referred.json().data.referring_customer).toEqual({ key: 'cust_ann' });
    const credit = await send(
      'POST',
      '/v1/customers/cust_ann/balance/credit',
      { amount: 15.5, amount_units: 'USD', is_currency: true },
      PHP,
    );
    expect(credit.statusCode).toBe(201);
    expect(
      (await send('GET', '/v1/customers/cust_ann/balance', undefined, PHP)).json().data.balance,
    ).toEqual([{ amount: 15.5, amount_units: 'USD', is_currency: true }]);
    const referrals = await send('GET', '/v1/customers/cust_ann/referrals', undefined, PHP);
    expect(referrals.json().data.map((c: { key: string }) => c.key)).toEqual(['cust_bob']);
  });

  it('PHP SDK Subscribers: create (with referral), list, find, update, search, delete', async () => {
    expect(
      (await ctx.request('PUT', '/v1/program', { program_type: 'newsletter' })).statusCode,
    ).toBe(200);
    const ross = await send(
      'POST',
      '/v1/subscribers',
      {
        id: 'esp_1',
        email: 'ross@x.com',
        name: 'Ross',
        approved: true,
        tos: true,
        marketing_consent: true,
        status: 'active',
      },
      PHP,
    );
    expect(ross.statusCode).toBe(201);
    const rachel = await send(
      'POST',
      '/v1/subscribers',
      { email: 'rachel@x.com', name: 'Rachel', referral: { id: 'esp_1', email: 'ross@x.com' } },
      PHP,
    );
    expect(rachel.json().data.is_referred).toBe(true);
    const list = await send(
      'GET',
      '/v1/subscribers?limit=10&refer_status=non_referred',
      undefined,
      PHP,
    );
    expect(list.json().data.map((s: { id: string }) => s.id)).toEqual(['esp_1']);
    const found = await send('GET', '/v1/subscribers/esp_1?id=esp_1', undefined, PHP);
    expect(found.json().data.referrals_count).toBe(1);
    const updated = await send(
      'PUT',
      '/v1/subscribers',
      { update: { name: 'Ross G.' }, id: 'esp_1' },
      PHP,
    );
    expect(updated.json().data.name).toBe('Ross G.');
    const search = await send('GET', '/v1/subscribers:search?email=rachel%40x.com', undefined, PHP);
    expect(search.json().data).toHaveLength(1);
    expect((await send('DELETE', '/v1/subscribers?id=esp_1', undefined, PHP)).json()).toEqual({
      status: 1,
    });
    expect((await send('GET', '/v1/subscribers/esp_1', undefined, PHP)).statusCode).toBe(404);
    // The legacy reference types `referral` as object[].
    const legacy = await send(
      'POST',
      '/v1/subscribers',
      { email: 'monica@x.com', referral: [{ email: 'rachel@x.com' }] },
      PHP,
    );
    expect(legacy.json().data).toMatchObject({
      is_referred: true,
      referring_subscriber: rachel.json().data.id,
    });
  });
});
