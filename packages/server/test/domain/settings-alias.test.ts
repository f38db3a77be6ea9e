import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call } from './helpers.js';

// PUT /v1/settings: Partnero's PHP SDK `settings()->update([...])` (captured in
// /work/shared/wire/partnero-php-sdk.jsonl as `{"settings":{"website_url":"https:\/\/acme.test"}}`),
// an alias of PUT /v1/program.
describe.each(engines)('PUT /v1/settings on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => ctx?.close());

  it("takes the PHP SDK's body byte for byte and answers the program", async () => {
    const res = await ctx.app.inject({
      method: 'PUT',
      url: '/v1/settings',
      headers: { authorization: `Bearer ${ctx.apiKey}`, 'content-type': 'application/json' },
      payload: '{"settings":{"website_url":"https:\\/\\/acme.test"}}',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ id: ctx.programId, website_url: 'https://acme.test' });
    const program = (await call(ctx, 'GET', '/v1/program', undefined, 200)).data;
    expect(program.website_url).toBe('https://acme.test');
  });

  it('changes only what it is given, wrapped or flat, like PUT /v1/program', async () => {
    await call(ctx, 'PUT', '/v1/settings', { settings: { default_currency: 'eur' } }, 200);
    await call(ctx, 'PUT', '/v1/settings', { review_period_days: 7 }, 200);
    const program = (await call(ctx, 'GET', '/v1/program', undefined, 200)).data;
    expect(program).toMatchObject({
      website_url: 'https://acme.test',
      default_currency: 'EUR',
      review_period_days: 7,
    });
  });

  it('refuses bad input with a 422 and changes nothing', async () => {
    const before = (await call(ctx, 'GET', '/v1/program', undefined, 200)).data;
    for (const body of [
      { settings: 'acme' },
      { settings: { website_url: 'ftp://acme.test' } },
      { settings: { default_currency: 'euro' } },
      { review_period_days: -1 },
    ]) {
      const res = await ctx.request('PUT', '/v1/settings', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(422);
      expect(res.json()).toMatchObject({ message: expect.any(String) });
    }
    const after = (await call(ctx, 'GET', '/v1/program', undefined, 200)).data;
    expect(after).toEqual(before);
  });

  it('refuses a program type change that would strand a webhook, as PUT /v1/program does', async () => {
    await ctx.createWebhook('https://hooks.example.test/t', { events: ['transaction.created'] });
    const res = await ctx.request('PUT', '/v1/settings', {
      settings: { program_type: 'newsletter' },
    });
    expect(res.statusCode).toBe(422);
    const program = (await call(ctx, 'GET', '/v1/program', undefined, 200)).data;
    expect(program.program_type).toBe('affiliate');
  });
});
