import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENT_TYPES, jsonSchemaOf, listEventTypes } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

describe('event catalog', () => {
  it('has the twenty-four event types of the contract, each with a sample that its schema accepts', () => {
    expect(listEventTypes().map((d) => d.name)).toEqual([...EVENT_TYPES]);
    expect(EVENT_TYPES).toHaveLength(24);
    for (const definition of listEventTypes()) {
      expect(definition.schema.safeParse(definition.sample).success, definition.name).toBe(true);
      expect(definition.name.startsWith(`${definition.resource}.`)).toBe(true);
      const schema = jsonSchemaOf(definition);
      expect(schema.type).toBe('object');
      expect(Object.keys(schema.properties as object).sort()).toEqual(
        Object.keys(definition.sample).sort(),
      );
    }
  });

  it('samples carry the Partnero shapes: partner referral_link, transaction rewards[]', () => {
    const byName = new Map(listEventTypes().map((d) => [d.name, d.sample]));
    expect(byName.get('partner.created')).toHaveProperty('referral_link');
    const tx = byName.get('transaction.created') as {
      rewards: { partner: string; amount: number }[];
    };
    expect(tx.rewards[0]).toMatchObject({ partner: 'partner_123', amount: 30 });
  });

  describe('served by the API', () => {
    let ctx: TestContext;
    beforeAll(async () => {
      ctx = await createTestContext('sqlite');
    });
    afterAll(async () => ctx.close());

    it('lists and shows event types with JSON Schema and sample', async () => {
      const list = await ctx.request('GET', '/v1/event-types');
      expect(list.statusCode).toBe(200);
      expect(list.json().data).toHaveLength(24);
      const one = await ctx.request('GET', '/v1/event-types/reward.approved');
      expect(one.json().data).toMatchObject({ name: 'reward.approved', resource: 'reward' });
      expect(one.json().data.schema.$schema).toContain('2020-12');
      expect((await ctx.request('GET', '/v1/event-types/reward.lost')).statusCode).toBe(404);
    });
  });
});
