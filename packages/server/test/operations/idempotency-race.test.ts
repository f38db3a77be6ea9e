import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { getEventType } from '../../src/webhooks/catalog.js';
import { engines } from '../helpers/store.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

describe.each(engines)('a race on one Idempotency-Key on %s', (engine) => {
  let ctx: TestContext;
  const lines: string[] = [];
  beforeAll(async () => {
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    ctx = await createTestContext(engine, {
      extend: (deps) => ({ ...deps, logger: createLogger('info', stream) }),
    });
    await ctx.createWebhook('http://127.0.0.1:9/hooks');
  });
  afterAll(async () => ctx?.close());

  it('answers every request with the one event, and logs no error', async () => {
    const body = { event: 'partner.created', data: getEventType('partner.created')?.sample };
    const answers = await Promise.all(
      Array.from({ length: 12 }, () =>
        ctx.request('POST', '/v1/events', body, { 'idempotency-key': 'order-42' }),
      ),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(12).fill(201));
    expect(new Set(answers.map((a) => a.json().data.id)).size).toBe(1);
    const errors = lines
      .map((l) => JSON.parse(l) as { level: number; msg: string })
      .filter((l) => l.level >= 50);
    expect(errors).toEqual([]);
    const events = await ctx.store.db.selectFrom('events').select('id').execute();
    expect(events).toHaveLength(1);
  });
});
