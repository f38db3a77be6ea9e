import { deliveryBody } from '../../src/deliveries/index.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventType } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

describe.each(engines)('publishing events on %s', (engine) => {
  let ctx: TestContext;
  const partner = getEventType('partner.created')!.sample;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    for (const [key, events, active] of [
      ['all', ['*'], true],
      ['partners', ['partner.created', 'partner.updated'], true],
      ['rewards', ['reward.paid'], true],
      ['inactive', ['*'], false],
    ] as const) {
      const res = await ctx.request('POST', '/v1/webhooks', {
        name: key,
        url: `https://example.com/${key}`,
        events,
        key,
        is_active: active,
      });
      expect(res.statusCode).toBe(201);
    }
  });
  afterAll(async () => ctx.close());

  it('records the event and one pending delivery per subscribed active webhook, and wakes the dispatcher', async () => {
    const before = ctx.wakeups.count;
    const res = await ctx.request('POST', '/v1/events', {
      event: 'partner.created',
      data: partner,
    });
    expect(res.statusCode).toBe(201);
    const { data } = res.json();
    expect(data.id).toMatch(/^evt_[0-9a-z]{26}$/);
    expect(data.event).toBe('partner.created');
    expect(data.deliveries.map((d: { webhook_key: string }) => d.webhook_key).sort()).toEqual([
      'all',
      'partners',
    ]);
    expect(data.deliveries.every((d: { status: string }) => d.status === 'pending')).toBe(true);
    expect(ctx.wakeups.count).toBe(before + 1);

    const rows = await ctx.store.db
      .selectFrom('deliveries')
      .selectAll()
      .where('event_id', '=', data.id)
      .orderBy('webhook_key')
      .execute();
    expect(rows).toHaveLength(2);
    const stored = await ctx.store.db
      .selectFrom('events')
      .select('data')
      .where('id', '=', data.id)
      .executeTakeFirstOrThrow();
    for (const row of rows) {
      const envelope = JSON.parse(deliveryBody(row, stored.data));
      expect(Object.keys(envelope)).toEqual([
        'id',
        'event',
        'url',
        'webhook_key',
        'created_at',
        'data',
      ]);
      expect(envelope).toMatchObject({
        id: data.id,
        event: 'partner.created',
        url: row.url,
        webhook_key: row.webhook_key,
        data: partner,
      });
    }

    const shown = await ctx.request('GET', `/v1/events/${data.id}`);
    expect(shown.json().data).toMatchObject({ id: data.id, data: partner });
    const list = await ctx.request('GET', '/v1/events?event=partner.created');
    expect(list.json().data[0].id).toBe(data.id);
  });

  it('records an event with no subscriber and no delivery', async () => {
    const res = await ctx.request('POST', '/v1/events', {
      event: 'customer.created',
      data: getEventType('customer.created')!.sample,
    });
    expect(res.statusCode).toBe(201);
    // Only the wildcard webhook wants customer events.
    expect(res.json().data.deliveries).toHaveLength(1);
  });

  it('validates the event name and its data against the catalog schema', async () => {
    const unknown = await ctx.request('POST', '/v1/events', { event: 'order.placed', data: {} });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.event[0]).toMatch(/Unknown event/);

    const bad = await ctx.request('POST', '/v1/events', {
      event: 'partner.created',
      data: { ...partner, email: 42, status: 'sleeping' },
    });
    expect(bad.statusCode).toBe(422);
    expect(Object.keys(bad.json().errors).sort()).toEqual(['data.email', 'data.status']);

    const notObject = await ctx.request('POST', '/v1/events', {
      event: 'partner.created',
      data: [1],
    });
    expect(notObject.statusCode).toBe(422);
  });

  it('honours Idempotency-Key: the same request returns the first result, a different one is refused', async () => {
    const headers = { 'idempotency-key': `k-${engine}-1` };
    const body = { event: 'partner.updated', data: partner };
    const first = await ctx.request('POST', '/v1/events', body, headers);
    const second = await ctx.request('POST', '/v1/events', body, headers);
    expect(first.statusCode).toBe(201);
    expect(second.statusCode).toBe(201);
    expect(second.headers['idempotent-replayed']).toBe('true');
    expect(second.json().data.id).toBe(first.json().data.id);
    const count = await ctx.store.db
      .selectFrom('events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', '=', first.json().data.id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(1);

    const conflict = await ctx.request(
      'POST',
      '/v1/events',
      { ...body, event: 'partner.created' },
      headers,
    );
    expect(conflict.statusCode).toBe(422);
    expect(conflict.json().errors['Idempotency-Key']).toBeDefined();

    // Concurrent retries of the same request create one event.
    const concurrent = await Promise.all(
      Array.from({ length: 5 }, () =>
        ctx.request('POST', '/v1/events', body, { 'idempotency-key': `k-${engine}-2` }),
      ),
    );
    expect(new Set(concurrent.map((r) => r.json().data.id)).size).toBe(1);
  });

  it('keeps events of one program invisible to another', async () => {
    const res = await ctx.request('POST', '/v1/events', {
      event: 'reward.paid',
      data: getEventType('reward.paid')!.sample,
    });
    const id = res.json().data.id;
    const other = await ctx.otherProgram();
    const auth = { authorization: `Bearer ${other.apiKey}` };
    expect((await ctx.request('GET', `/v1/events/${id}`, undefined, auth)).statusCode).toBe(404);
    expect((await ctx.request('GET', '/v1/events', undefined, auth)).json().data).toEqual([]);
    // Their publish reaches none of our webhooks.
    const theirs = await ctx.request(
      'POST',
      '/v1/events',
      { event: 'reward.paid', data: getEventType('reward.paid')!.sample },
      auth,
    );
    expect(theirs.json().data.deliveries).toEqual([]);
  });
});
