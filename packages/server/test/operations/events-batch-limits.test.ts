import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BODY_LIMIT } from '../../src/api/app.js';
import { MAX_BATCH_EVENTS } from '../../src/api/routes/publish-batch.js';
import { getEventType } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

// Issue 21, item 2: a batch carries up to 100 events within the 1 MiB body limit. At the
// limits: 100 events close to 1 MiB are all recorded in one answer; a body over it is refused
// whole with a 413 and the API's error body, and records nothing.
describe.each(engines)('POST /v1/events/batch at its limits on %s', (engine) => {
  let ctx: TestContext;
  const sample = getEventType('partner.created')?.sample as Record<string, unknown>;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await ctx.createWebhook('https://example.com/all');
  });
  afterAll(async () => ctx.close());

  const countEvents = async () =>
    Number(
      (
        await ctx.store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  /** `count` items whose whole body is about `bytes` long. */
  const items = (count: number, bytes: number) => {
    const pad = 'x'.repeat(
      Math.max(0, Math.floor(bytes / count) - JSON.stringify(sample).length - 60),
    );
    return Array.from({ length: count }, (_, i) => ({
      event: 'partner.created',
      data: { ...sample, name: `${pad}${i}` },
      idempotency_key: `limit-${engine}-${i}`,
    }));
  };

  it(`records ${MAX_BATCH_EVENTS} events in a body just under 1 MiB`, async () => {
    const events = items(MAX_BATCH_EVENTS, BODY_LIMIT - 8_192);
    const size = Buffer.byteLength(JSON.stringify({ events }));
    expect(size).toBeLessThan(BODY_LIMIT);
    expect(size).toBeGreaterThan(BODY_LIMIT * 0.9);
    const before = await countEvents();
    const res = await ctx.request('POST', '/v1/events/batch', { events });
    expect(res.statusCode).toBe(200);
    const results = res.json().data as { status: string }[];
    expect(results).toHaveLength(MAX_BATCH_EVENTS);
    expect(results.every((r) => r.status === 'created')).toBe(true);
    expect(await countEvents()).toBe(before + MAX_BATCH_EVENTS);
  });

  it('refuses a body over 1 MiB whole (413, the error body), recording nothing', async () => {
    const events = items(10, BODY_LIMIT + 4_096);
    expect(Buffer.byteLength(JSON.stringify({ events }))).toBeGreaterThan(BODY_LIMIT);
    const before = await countEvents();
    const res = await ctx.request('POST', '/v1/events/batch', { events });
    expect(res.statusCode).toBe(413);
    expect(typeof res.json().message).toBe('string');
    expect(await countEvents()).toBe(before);
  });
});
