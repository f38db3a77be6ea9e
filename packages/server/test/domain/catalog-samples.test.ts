import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listEventTypes } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { call, expectValidData } from './helpers.js';

/** Keys of an object, recursively for nested objects and the first element of arrays. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.length > 0 ? [shape(value[0])] : [];
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [k, shape((value as Record<string, unknown>)[k])]),
    );
  }
  return 'scalar';
}

// The catalog's samples (served by GET /v1/event-types and used for test sends) must have
// the real resources' fields, so receivers written against a sample see the same shape.
describe('catalog samples match the real resources', () => {
  let ctx: TestContext;
  const real: Record<string, unknown> = {};
  beforeAll(async () => {
    ctx = await createTestContext('sqlite');
    await call(ctx, 'PUT', '/v1/program', { website_url: 'https://acme.test' }, 200);
    real.partner = (
      await call(
        ctx,
        'POST',
        '/v1/partners',
        { email: 's@example.com', name: 'S', surname: 'T', tags: ['x'] },
        201,
      )
    ).data;
    const partnerId = (real.partner as { id: string }).id;
    real.customer = (
      await call(
        ctx,
        'POST',
        '/v1/customers',
        { key: 'c', email: 'c@example.com', name: 'C', surname: 'D', partner: { id: partnerId } },
        201,
      )
    ).data;
    real.transaction = (
      await call(
        ctx,
        'POST',
        '/v1/transactions',
        { key: 't', amount: 10, product_id: 'p', product_type: 'm', customer: { key: 'c' } },
        201,
      )
    ).data;
    real.reward = (real.transaction as { rewards: unknown[] }).rewards[0];
  });
  afterAll(async () => ctx.close());

  it('has the same keys (nested ones too) as a real resource, and valid data', () => {
    for (const def of listEventTypes()) {
      expect(shape(def.sample), def.name).toEqual(shape(real[def.resource]));
      expectValidData(def.name, def.sample);
      expectValidData(def.name, real[def.resource]);
    }
  });
});
