import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, eventCount } from './helpers.js';

describe.each(engines)('partner-program tenant isolation on %s', (engine) => {
  let ctx: TestContext;
  let rewardId: string;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 0 }, 200);
    await call(ctx, 'POST', '/v1/partners', { email: 'p@example.com', id: 'p1', key: 'k1' }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: 'c1', partner: { id: 'p1' } }, 201);
    const sale = await call(
      ctx,
      'POST',
      '/v1/transactions',
      { key: 't1', amount: 10, customer: { key: 'c1' } },
      201,
    );
    rewardId = sale.data.rewards[0].id;
  });
  afterAll(async () => ctx.close());

  it("answers 404 for another program's resources and shows it none of them", async () => {
    const other = await ctx.otherProgram();
    const as = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
      ctx.request(method, url, body, { authorization: `Bearer ${other.apiKey}` });
    const before = await eventCount(ctx);

    for (const [method, url, body] of [
      ['GET', '/v1/partners/p1'],
      ['PUT', '/v1/partners/p1', { name: 'x' }],
      ['POST', '/v1/partners/p1/approve'],
      ['POST', '/v1/partners/p1/archive'],
      ['DELETE', '/v1/partners/p1'],
      ['GET', '/v1/customers/c1'],
      ['PUT', '/v1/customers/c1', { name: 'x' }],
      ['DELETE', '/v1/customers/c1'],
      ['GET', '/v1/transactions/t1'],
      ['PUT', '/v1/transactions/t1', { amount: 1 }],
      ['DELETE', '/v1/transactions/t1'],
      ['GET', `/v1/rewards/${rewardId}`],
      ['POST', `/v1/rewards/${rewardId}/approve`],
      ['POST', `/v1/rewards/${rewardId}/mark-paid`],
    ] as const) {
      const res = await as(method, url, body);
      expect(res.statusCode, `${method} ${url}`).toBe(404);
    }
    for (const url of ['/v1/partners', '/v1/customers', '/v1/transactions', '/v1/rewards']) {
      expect((await as('GET', url)).json().data, url).toEqual([]);
    }
    // Its customers cannot name our partner, and identifiers are per program.
    expect(
      (await as('POST', '/v1/customers', { key: 'c1', partner: { id: 'p1' } })).statusCode,
    ).toBe(422);
    expect(
      (await as('POST', '/v1/partners', { email: 'p@example.com', id: 'p1', key: 'k1' }))
        .statusCode,
    ).toBe(201);
    expect((await as('GET', '/v1/program')).json().data.id).toBe(other.programId);

    expect(await eventCount(ctx)).toBe(before);
    expect((await call(ctx, 'GET', '/v1/partners/p1', undefined, 200)).data.name).toBeNull();
  });
});
