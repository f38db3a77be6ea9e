import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PROGRAM_TYPES, eventsAllowedFor, listEventTypes } from '../../src/webhooks/catalog.js';
import { programTypeSchema } from '../../src/api/routes/program-events-schemas.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { call, expectValidData } from './helpers.js';

/**
 * Keys of an object, recursively for nested objects and the first element of arrays. An empty
 * array in `like` (a sample with no rewards yet) matches any array.
 */
function shape(value: unknown, like?: unknown): unknown {
  if (Array.isArray(value)) {
    if (Array.isArray(like) && like.length === 0) return [];
    return value.length > 0 ? [shape(value[0], Array.isArray(like) ? like[0] : undefined)] : [];
  }
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((k) => [
          k,
          shape(
            (value as Record<string, unknown>)[k],
            (like as Record<string, unknown> | undefined)?.[k],
          ),
        ]),
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
    real.lead = (
      await call(ctx, 'POST', '/v1/leads', { partner: { id: partnerId }, email: 'l@x.com' }, 201)
    ).data;
    // Refer-a-friend, then newsletter: the same program changes type (no webhooks hold it).
    await call(ctx, 'PUT', '/v1/program', { program_type: 'refer-a-friend' }, 200);
    await call(ctx, 'POST', '/v1/customers', { key: 'friend' }, 201);
    real.customer_credit = (
      await call(ctx, 'POST', '/v1/customers/friend/balance/credit', { amount: 5, note: 'n' }, 201)
    ).data;
    await call(ctx, 'PUT', '/v1/program', { program_type: 'newsletter' }, 200);
    const referrer = (await call(ctx, 'POST', '/v1/subscribers', { email: 'r@x.com' }, 201)).data;
    await call(ctx, 'POST', `/v1/subscribers/${referrer.id}/reward`, { name: 'Mug' }, 200);
    real.subscriber = (
      await call(ctx, 'GET', `/v1/subscribers/${referrer.id}`, undefined, 200)
    ).data;
  });
  afterAll(async () => ctx.close());

  it('has the same keys (nested ones too) as a real resource, and valid data', () => {
    for (const def of listEventTypes()) {
      expect(real[def.payload], def.name).toBeDefined();
      expect(shape(def.sample), def.name).toEqual(shape(real[def.payload], def.sample));
      expectValidData(def.name, def.sample);
      expectValidData(def.name, real[def.payload]);
    }
  });

  it('gives every event a program type, and each type its own events', () => {
    expect(programTypeSchema.options).toEqual([...PROGRAM_TYPES]);
    for (const def of listEventTypes()) expect(def.programTypes.length).toBeGreaterThan(0);
    expect(eventsAllowedFor('newsletter')).toEqual([
      'subscriber.created',
      'subscriber.updated',
      'subscriber.deleted',
      'subscriber.rewarded',
    ]);
    expect(eventsAllowedFor('refer-a-friend')).toEqual([
      'customer.created',
      'customer.updated',
      'customer.deleted',
      'customer.credited',
      'customer.rewarded',
      'transaction.created',
      'transaction.updated',
      'transaction.deleted',
    ]);
    expect(eventsAllowedFor('affiliate')).toHaveLength(18);
  });
});
