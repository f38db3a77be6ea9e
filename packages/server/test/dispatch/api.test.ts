import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { closedPort, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

describe.each(engines)('delivery API on %s', (engine) => {
  let ctx: TestContext;
  let ok: Receiver;
  let failing: Receiver;
  let flaky: Receiver;
  let flakyCalls = 0;
  beforeAll(async () => {
    ctx = await createTestContext(engine, { env: { HOOKLINE_DELIVERY_TIMEOUT: '2s' } });
    ok = await startReceiver();
    failing = await startReceiver(() => ({ status: 500, body: 'nope' }));
    flaky = await startReceiver(() => (++flakyCalls === 1 ? { status: 502 } : undefined));
  });
  afterAll(async () => {
    await ctx.close();
    for (const r of [ok, failing, flaky]) await r.close();
  });

  const createWebhook = (url: string, extra?: Record<string, unknown>) =>
    ctx.createWebhook(url, extra);

  it('test send: signs and sends the sample through the real path and returns the attempt', async () => {
    const webhook = await createWebhook(ok.url);
    const res = await ctx.request('POST', `/v1/webhooks/${webhook.key}/test`, {
      event: 'transaction.created',
    });
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data.attempt).toMatchObject({
      number: 1,
      trigger: 'test',
      succeeded: true,
      response_status: 200,
      response_body: 'ok',
      error_class: null,
    });
    expect(data.attempt.duration_ms).toBeGreaterThanOrEqual(0);
    expect(data.delivery).toMatchObject({
      status: 'succeeded',
      attempts: 1,
      event: 'transaction.created',
      next_attempt_at: null,
    });
    const got = ok.received.at(-1)!;
    expect(JSON.parse(got.body)).toMatchObject({
      id: data.event_id,
      event: 'transaction.created',
      webhook_key: webhook.key,
    });
    expect(() =>
      new Webhook(webhook.signature).verify(got.body, got.headers as Record<string, string>),
    ).not.toThrow();
    const event = await ctx.request('GET', `/v1/events/${data.event_id}`);
    expect(event.json().data.source).toBe('test');
  });

  it('test send: a failing endpoint gives a failed attempt, final and never retried', async () => {
    const webhook = await createWebhook(failing.url);
    const res = await ctx.request('POST', `/v1/webhooks/${webhook.key}/test`, {
      event: 'partner.created',
    });
    expect(res.statusCode).toBe(200);
    const { data } = res.json();
    expect(data.attempt).toMatchObject({
      succeeded: false,
      response_status: 500,
      response_body: 'nope',
      error_class: 'http_status',
      error_message: 'HTTP 500',
    });
    expect(data.delivery).toMatchObject({ status: 'failed', next_attempt_at: null });
  });

  it('test send: connection refused is reported, not a 500', async () => {
    const port = await closedPort();
    const webhook = await createWebhook(`http://127.0.0.1:${port}/x`);
    const res = await ctx.request('POST', `/v1/webhooks/${webhook.key}/test`, {
      event: 'partner.created',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().data.attempt).toMatchObject({ succeeded: false, error_class: 'connection' });
  });

  it('test send: 422 for an unknown or missing event, 404 for another program, 409 when inactive', async () => {
    const webhook = await createWebhook(ok.url);
    expect(
      (await ctx.request('POST', `/v1/webhooks/${webhook.key}/test`, { event: 'nope.nope' }))
        .statusCode,
    ).toBe(422);
    expect((await ctx.request('POST', `/v1/webhooks/${webhook.key}/test`, {})).statusCode).toBe(
      422,
    );
    const other = await ctx.otherProgram();
    const foreign = await ctx.request(
      'POST',
      `/v1/webhooks/${webhook.key}/test`,
      { event: 'partner.created' },
      { authorization: `Bearer ${other.apiKey}` },
    );
    expect(foreign.statusCode).toBe(404);
    await ctx.request('PUT', `/v1/webhooks/${webhook.key}`, { is_active: false });
    expect(
      (await ctx.request('POST', `/v1/webhooks/${webhook.key}/test`, { event: 'partner.created' }))
        .statusCode,
    ).toBe(409);
  });

  it('rotate-secret: new signature, the old one keeps signing during the grace period', async () => {
    const webhook = await createWebhook(ok.url);
    const res = await ctx.request('POST', `/v1/webhooks/${webhook.key}/rotate-secret`, {
      grace_period_seconds: 3600,
    });
    expect(res.statusCode).toBe(200);
    const rotated = res.json().data;
    expect(rotated.signature).toMatch(/^[A-Za-z0-9]{32}$/);
    expect(rotated.signature).not.toBe(webhook.signature);
    await ctx.request('POST', `/v1/webhooks/${webhook.key}/test`, { event: 'partner.created' });
    const got = ok.received.at(-1)!;
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const s of [webhook.signature, rotated.signature]) {
      expect(() =>
        new Webhook(s).verify(got.body, got.headers as Record<string, string>),
      ).not.toThrow();
    }
    // No grace: only the newest signs.
    const again = await ctx.request('POST', `/v1/webhooks/${webhook.key}/rotate-secret`, {
      grace_period_seconds: 0,
    });
    const newest = again.json().data.signature;
    await ctx.request('POST', `/v1/webhooks/${webhook.key}/test`, { event: 'partner.created' });
    const last = ok.received.at(-1)!;
    // The 1 h grace of the first rotation still holds, the second added none: two entries.
    expect(String(last.headers['webhook-signature']).split(' ')).toHaveLength(2);
    expect(() =>
      new Webhook(newest).verify(last.body, last.headers as Record<string, string>),
    ).not.toThrow();
    expect(
      (
        await ctx.request('POST', `/v1/webhooks/${webhook.key}/rotate-secret`, {
          grace_period_seconds: 999_999,
        })
      ).statusCode,
    ).toBe(422);
    expect((await ctx.request('POST', '/v1/webhooks/unknown/rotate-secret')).statusCode).toBe(404);
    const noBody = await ctx.request('POST', `/v1/webhooks/${webhook.key}/rotate-secret`);
    expect(noBody.statusCode).toBe(200);
  });

  it('lists deliveries with filters, newest first, and shows one with every attempt', async () => {
    const webhook = await createWebhook(failing.url, { events: ['reward.paid'] });
    const t0 = Date.now();
    for (let i = 0; i < 3; i++) {
      const res = await ctx.request('POST', '/v1/events', {
        event: 'reward.paid',
        data: (await ctx.request('GET', '/v1/event-types/reward.paid')).json().data.sample,
      });
      expect(res.statusCode).toBe(201);
    }
    const list = await ctx.request('GET', `/v1/webhooks/${webhook.key}/deliveries?limit=2`);
    expect(list.statusCode).toBe(200);
    const page = list.json();
    expect(page.data).toHaveLength(2);
    expect(page.links.next).toContain('page=2');
    expect(page.data[0].id > page.data[1].id).toBe(true);
    expect(page.data[0]).toMatchObject({
      status: 'pending',
      webhook_key: webhook.key,
      event: 'reward.paid',
      attempts: 0,
    });

    const all = await ctx.request(
      'GET',
      `/v1/deliveries?webhook=${webhook.key}&status=pending&event=reward.paid&since=${new Date(t0 - 1000).toISOString()}&until=${Date.now() + 1000}`,
    );
    expect(all.json().data).toHaveLength(3);
    expect(
      (
        await ctx.request(
          'GET',
          `/v1/deliveries?webhook=${webhook.key}&until=${Math.floor(t0 / 1000) - 10}`,
        )
      ).json().data,
    ).toHaveLength(0);
    expect(
      (await ctx.request('GET', `/v1/deliveries?webhook=${webhook.key}&status=succeeded`)).json()
        .data,
    ).toHaveLength(0);
    expect((await ctx.request('GET', '/v1/deliveries?status=bogus')).statusCode).toBe(422);

    // `sort=asc` lists oldest first, on deliveries and events alike; anything else is a 422.
    const ids = (await ctx.request('GET', `/v1/webhooks/${webhook.key}/deliveries?sort=desc`))
      .json()
      .data.map((d: { id: string }) => d.id) as string[];
    const ascending = (await ctx.request('GET', `/v1/webhooks/${webhook.key}/deliveries?sort=asc`))
      .json()
      .data.map((d: { id: string }) => d.id) as string[];
    expect(ascending).toEqual([...ids].reverse());
    expect(
      (await ctx.request('GET', `/v1/deliveries?webhook=${webhook.key}&sort=asc&limit=1`)).json()
        .data[0].id,
    ).toBe(ascending[0]);
    const events = (await ctx.request('GET', '/v1/events?event=reward.paid&sort=asc')).json()
      .data as { id: string }[];
    expect(events.map((e) => e.id)).toEqual(events.map((e) => e.id).sort());
    expect((await ctx.request('GET', '/v1/deliveries?sort=sideways')).statusCode).toBe(422);
    expect((await ctx.request('GET', '/v1/events?sort=sideways')).statusCode).toBe(422);
    expect((await ctx.request('GET', '/v1/deliveries?since=yesterday')).statusCode).toBe(422);

    // Manual retry: the attempt runs now and is returned; a failure leaves the delivery pending.
    const id = page.data[0].id as string;
    const retry = await ctx.request('POST', `/v1/deliveries/${id}/retry`);
    expect(retry.statusCode).toBe(200);
    expect(retry.json().data.attempt).toMatchObject({
      number: 1,
      trigger: 'manual',
      succeeded: false,
      response_status: 500,
    });
    expect(retry.json().data.delivery).toMatchObject({
      status: 'pending',
      attempts: 1,
      last_status_code: 500,
    });

    const detail = await ctx.request('GET', `/v1/deliveries/${id}`);
    expect(detail.statusCode).toBe(200);
    const d = detail.json().data;
    expect(JSON.parse(d.body)).toMatchObject({ event: 'reward.paid', webhook_key: webhook.key });
    expect(d.attempt_log).toHaveLength(1);
    expect(d.attempt_log[0]).toMatchObject({
      trigger: 'manual',
      response_status: 500,
      response_body: 'nope',
      error_class: 'http_status',
    });
    expect(d.attempt_log[0].request_headers['webhook-id']).toBe(d.event_id);
    expect(JSON.stringify(d)).not.toContain(webhook.signature);

    const other = await ctx.otherProgram();
    const auth = { authorization: `Bearer ${other.apiKey}` };
    expect((await ctx.request('GET', `/v1/deliveries/${id}`, undefined, auth)).statusCode).toBe(
      404,
    );
    expect(
      (await ctx.request('POST', `/v1/deliveries/${id}/retry`, undefined, auth)).statusCode,
    ).toBe(404);
    expect((await ctx.request('GET', '/v1/deliveries', undefined, auth)).json().data).toHaveLength(
      0,
    );
    expect(
      (await ctx.request('GET', `/v1/webhooks/${webhook.key}/deliveries`, undefined, auth))
        .statusCode,
    ).toBe(404);
    expect((await ctx.request('GET', '/v1/deliveries/dlv_unknown')).statusCode).toBe(404);
  });

  it('manual retry of a failed delivery: success makes it succeeded; bulk retry queues failed ones', async () => {
    const webhook = await createWebhook(flaky.url, { events: ['customer.deleted'] });
    const sample = (await ctx.request('GET', '/v1/event-types/customer.deleted')).json().data
      .sample;
    await ctx.request('POST', '/v1/events', { event: 'customer.deleted', data: sample });
    await ctx.request('POST', '/v1/events', { event: 'customer.deleted', data: sample });
    const list = (await ctx.request('GET', `/v1/webhooks/${webhook.key}/deliveries`)).json()
      .data as { id: string }[];
    // Mark both failed, as the dispatcher would after the last attempt.
    await ctx.store.db
      .updateTable('deliveries')
      .set({ status: 'failed', next_attempt_at: null, attempts: 5 })
      .where(
        'id',
        'in',
        list.map((x) => x.id),
      )
      .execute();

    const first = await ctx.request('POST', `/v1/deliveries/${list[0]!.id}/retry`);
    expect(first.json().data.attempt).toMatchObject({
      number: 6,
      succeeded: false,
      response_status: 502,
    });
    expect(first.json().data.delivery.status).toBe('failed');
    const second = await ctx.request('POST', `/v1/deliveries/${list[0]!.id}/retry`);
    expect(second.json().data.attempt).toMatchObject({ number: 7, succeeded: true });
    expect(second.json().data.delivery).toMatchObject({ status: 'succeeded', attempts: 7 });

    const wakeupsBefore = ctx.wakeups.count;
    const bulk = await ctx.request('POST', '/v1/deliveries/retry', { webhook: webhook.key });
    expect(bulk.statusCode).toBe(202);
    expect(bulk.json()).toEqual({ data: { queued: 1 }, status: 1 });
    expect(ctx.wakeups.count).toBe(wakeupsBefore + 1);
    const queued = (await ctx.request('GET', `/v1/deliveries/${list[1]!.id}`)).json().data;
    expect(queued).toMatchObject({ status: 'pending', attempts: 5, completed_at: null });
    expect(
      (await ctx.request('POST', '/v1/deliveries/retry', { webhook: 'unknown' })).statusCode,
    ).toBe(422);
    expect(
      (await ctx.request('POST', '/v1/deliveries/retry', { status: 'succeeded' })).statusCode,
    ).toBe(422);
    // Another program's bulk retry touches nothing of ours.
    const other = await ctx.otherProgram();
    const foreign = await ctx.request(
      'POST',
      '/v1/deliveries/retry',
      {},
      { authorization: `Bearer ${other.apiKey}` },
    );
    expect(foreign.json().data.queued).toBe(0);
  });

  it('manual retry refuses deliveries of deleted webhooks', async () => {
    const webhook = await createWebhook(ok.url, { events: ['partner.deleted'] });
    const sample = (await ctx.request('GET', '/v1/event-types/partner.deleted')).json().data.sample;
    await ctx.request('POST', '/v1/events', { event: 'partner.deleted', data: sample });
    const [delivery] = (await ctx.request('GET', `/v1/webhooks/${webhook.key}/deliveries`)).json()
      .data as { id: string }[];
    await ctx.request('DELETE', `/v1/webhooks/${webhook.key}`);
    const shown = (await ctx.request('GET', `/v1/deliveries/${delivery!.id}`)).json().data;
    expect(shown).toMatchObject({ status: 'cancelled', cancel_reason: 'webhook deleted' });
    expect((await ctx.request('POST', `/v1/deliveries/${delivery!.id}/retry`)).statusCode).toBe(
      409,
    );
    // Still listed by the key it was sent under.
    expect(
      (await ctx.request('GET', `/v1/deliveries?webhook=${webhook.key}`)).json().data,
    ).toHaveLength(1);
  });

  it('serves Prometheus metrics without URLs in labels', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/metrics' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toContain('text/plain');
    expect(res.body).toContain(
      'hookline_delivery_attempts_total{trigger="test",outcome="success"}',
    );
    expect(res.body).toContain(
      'hookline_delivery_attempts_total{trigger="manual",outcome="http_status"}',
    );
    expect(res.body).toContain('hookline_delivery_attempt_duration_seconds_bucket');
    expect(res.body).toMatch(/hookline_delivery_queue_depth \d+/);
    expect(res.body).toContain('hookline_delivery_in_flight 0');
    expect(res.body).not.toContain('127.0.0.1');
  });
});
