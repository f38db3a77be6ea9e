import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

// `PUT /v1/program` takes the postback policy with the program's own fields, in one transaction:
// a change the program's handler refuses writes neither.
describe.each(engines)('the postback policy through PUT /v1/program on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => ctx?.close());

  const policy = async () =>
    (await ctx.request('GET', '/v1/program/portal')).json().data as Record<string, unknown>;

  it('writes nothing of a refused change, and both halves of an accepted one', async () => {
    const hook = await ctx.request('POST', '/v1/webhooks', {
      name: 'n8n',
      is_active: true,
      url: 'https://receiver.example.com/hook',
      events: ['partner.created'],
    });
    expect(hook.statusCode).toBe(201);
    const before = await policy();
    expect(before.postback_customer_pii).toBe('trimmed');

    // The type change is refused by the handler (a webhook would be stranded), after validation.
    for (const url of ['/v1/program', '/v1/settings']) {
      const refused = await ctx.request('PUT', url, {
        program_type: 'newsletter',
        postback_customer_pii: 'visible',
        max_postbacks_per_partner: 2,
      });
      expect(refused.statusCode).toBe(422);
      expect(refused.json().errors.program_type).toBeDefined();
      expect(await policy()).toEqual(before);
    }

    const accepted = await ctx.request('PUT', '/v1/settings', {
      settings: { name: 'Renamed', postback_customer_pii: 'visible' },
    });
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().data.name).toBe('Renamed');
    expect(await policy()).toEqual({ ...before, postback_customer_pii: 'visible' });
    expect((await ctx.request('DELETE', `/v1/webhooks/${hook.json().data.key}`)).statusCode).toBe(
      200,
    );
  });

  it('lets partners’ postbacks follow a program type change instead of blocking it', async () => {
    const partner = await ctx.request('POST', '/v1/partners', { id: 'pt', email: 'pt@p.test' });
    expect(partner.statusCode).toBe(201);
    const postback = await ctx.request('POST', '/v1/partners/pt/postbacks', {
      format: 'url',
      url: 'https://partner.example.com/pb?e={event}',
      events: ['transaction.created'],
    });
    expect(postback.statusCode).toBe(201);
    const changed = await ctx.request('PUT', '/v1/program', { program_type: 'newsletter' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().data.program_type).toBe('newsletter');
  });
});
