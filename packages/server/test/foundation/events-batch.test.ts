import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { getEventType } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

type Result = {
  index: number;
  status: string;
  event_id?: string;
  errors?: Record<string, string[]>;
};

describe.each(engines)('POST /v1/events/batch on %s', (engine) => {
  let ctx: TestContext;
  const partner = getEventType('partner.created')!.sample;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await ctx.createWebhook('https://example.com/all');
  });
  afterAll(async () => ctx.close());

  const batch = (events: unknown, headers?: Record<string, string>) =>
    ctx.request('POST', '/v1/events/batch', { events }, headers);
  const eventRows = (ids: readonly string[]) =>
    ctx.store.db.selectFrom('events').select('id').where('id', 'in', ids).execute();
  const deliveriesOf = (id: string) =>
    ctx.store.db.selectFrom('deliveries').select('id').where('event_id', '=', id).execute();

  it('records every valid item with its deliveries and answers each invalid one with its errors', async () => {
    const before = ctx.wakeups.count;
    const res = await batch([
      { event: 'partner.created', data: partner },
      { event: 'no.such.event', data: {} },
      { event: 'partner.created', data: { ...partner, email: 42 } },
      'not an object',
      { event: 'partner.created' },
      { event: 'partner.created', data: partner, extra: 1 },
      { event: 'partner.created', data: partner },
    ]);
    expect(res.statusCode).toBe(200);
    const results = res.json().data as Result[];
    expect(results.map((r) => [r.index, r.status])).toEqual([
      [0, 'created'],
      [1, 'invalid'],
      [2, 'invalid'],
      [3, 'invalid'],
      [4, 'invalid'],
      [5, 'invalid'],
      [6, 'created'],
    ]);
    expect(results[1]?.errors?.event?.[0]).toMatch(/Unknown event "no.such.event"/);
    expect(Object.keys(results[2]?.errors ?? {})).toEqual(['data.email']);
    expect(results[3]?.errors?.item).toHaveLength(1);
    expect(Object.keys(results[4]?.errors ?? {})).toEqual(['data']);
    expect(Object.keys(results[5]?.errors ?? {})).toEqual(['extra']);
    expect(results.filter((r) => r.status === 'invalid').every((r) => !r.event_id)).toBe(true);

    const ids = results.flatMap((r) => (r.event_id ? [r.event_id] : []));
    expect(ids).toHaveLength(2);
    expect(await eventRows(ids)).toHaveLength(2);
    for (const id of ids) expect(await deliveriesOf(id)).toHaveLength(1);
    // Each recorded event reads back like a published one.
    const shown = await ctx.request('GET', `/v1/events/${ids[0]}`);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().data).toMatchObject({ event: 'partner.created', source: 'api' });
    expect(ctx.wakeups.count).toBe(before + 1);
  });

  it('records nothing and does not wake the dispatcher when every item is invalid', async () => {
    const before = ctx.wakeups.count;
    const res = await batch([{ event: 'partner.created', data: [] }]);
    expect(res.statusCode).toBe(200);
    expect((res.json().data as Result[])[0]?.status).toBe('invalid');
    expect(ctx.wakeups.count).toBe(before);
  });

  it('makes each item idempotent on its own key, shared with POST /v1/events', async () => {
    const key = `batch-${engine}-1`;
    const first = await batch([
      { event: 'partner.created', data: partner, idempotency_key: key },
      { event: 'partner.created', data: partner },
    ]);
    const [keyed, plain] = first.json().data as Result[];
    expect(keyed?.status).toBe('created');
    expect(plain?.status).toBe('created');

    // Again: the keyed item is replayed (nothing recorded), the other one is recorded again.
    const again = await batch([
      { event: 'partner.created', data: partner, idempotency_key: key },
      { event: 'partner.created', data: partner },
    ]);
    const [replayed, recordedAgain] = again.json().data as Result[];
    expect(replayed).toEqual({ index: 0, status: 'replayed', event_id: keyed?.event_id });
    expect(recordedAgain?.status).toBe('created');
    expect(recordedAgain?.event_id).not.toBe(plain?.event_id);

    // The same key with other data is refused for that item only.
    const changed = await batch([
      {
        event: 'partner.created',
        data: { ...partner, name: 'Someone else' },
        idempotency_key: key,
      },
      { event: 'partner.created', data: partner, idempotency_key: `${key}-b` },
    ]);
    const [refused, fresh] = changed.json().data as Result[];
    expect(refused?.status).toBe('invalid');
    expect(refused?.errors?.idempotency_key?.[0]).toMatch(/already used/);
    expect(fresh?.status).toBe('created');

    // POST /v1/events with the same key and body replays the batch's event.
    const single = await ctx.request(
      'POST',
      '/v1/events',
      { event: 'partner.created', data: partner },
      { 'idempotency-key': key },
    );
    expect(single.statusCode).toBe(201);
    expect(single.headers['idempotent-replayed']).toBe('true');
    expect(single.json().data.id).toBe(keyed?.event_id);

    // A key repeated within one batch records the event once.
    const twice = await batch([
      { event: 'partner.created', data: partner, idempotency_key: `${key}-c` },
      { event: 'partner.created', data: partner, idempotency_key: `${key}-c` },
    ]);
    const [one, two] = twice.json().data as Result[];
    expect(one?.status).toBe('created');
    expect(two).toEqual({ index: 1, status: 'replayed', event_id: one?.event_id });
  });

  it('keeps idempotency keys per program', async () => {
    const key = `batch-${engine}-shared`;
    const mine = await batch([{ event: 'partner.created', data: partner, idempotency_key: key }]);
    const other = await ctx.otherProgram();
    const theirs = await batch(
      [{ event: 'partner.created', data: partner, idempotency_key: key }],
      {
        authorization: `Bearer ${other.apiKey}`,
      },
    );
    const a = (mine.json().data as Result[])[0];
    const b = (theirs.json().data as Result[])[0];
    expect(a?.status).toBe('created');
    expect(b?.status).toBe('created');
    expect(b?.event_id).not.toBe(a?.event_id);
    // Neither program sees the other's event.
    const cross = await ctx.request('GET', `/v1/events/${b?.event_id}`);
    expect(cross.statusCode).toBe(404);
  });

  it('refuses 101 items, an empty list and a body without events as a whole (422), recording nothing', async () => {
    const count = async () =>
      Number(
        (
          await ctx.store.db
            .selectFrom('events')
            .select((eb) => eb.fn.countAll<number>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const tooMany = await batch(
      Array.from({ length: 101 }, () => ({ event: 'partner.created', data: partner })),
    );
    expect(tooMany.statusCode).toBe(422);
    expect(tooMany.json().message).toEqual(expect.any(String));
    expect((await batch([])).statusCode).toBe(422);
    const noEvents = await ctx.request('POST', '/v1/events/batch', { event: 'partner.created' });
    expect(noEvents.statusCode).toBe(422);
    expect(await count()).toBe(before);

    // 100 is the limit, not past it.
    const hundred = await batch(
      Array.from({ length: 100 }, () => ({ event: 'partner.created', data: partner })),
    );
    expect(hundred.statusCode).toBe(200);
    expect((hundred.json().data as Result[]).every((r) => r.status === 'created')).toBe(true);
    expect(await count()).toBe(before + 100);
  });
});
