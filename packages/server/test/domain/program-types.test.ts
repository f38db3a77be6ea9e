import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eventsAllowedFor } from '../../src/webhooks/catalog.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, recordedEvents } from './helpers.js';

describe.each(engines)('program types on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => ctx?.close());

  const hook = (events: string[], key?: string) =>
    ctx.request('POST', '/v1/webhooks', {
      name: 'n8n – workflow',
      url: 'https://receiver.example.com/hook',
      events,
      is_active: true,
      ...(key ? { key } : {}),
    });

  it('defaults to affiliate, shows the type and its events', async () => {
    const program = await call(ctx, 'GET', '/v1/program', undefined, 200);
    expect(program.data.program_type).toBe('affiliate');
    const events = await call(ctx, 'GET', '/v1/program/events', undefined, 200);
    expect(events.data.program_type).toBe('affiliate');
    expect(events.data.events.map((e: { name: string }) => e.name)).toEqual([
      ...eventsAllowedFor('affiliate'),
    ]);
  });

  it('refuses, naming it, an event the program type lacks, on create and on update', async () => {
    const refused = await hook(['partner.created', 'subscriber.created', 'customer.credited']);
    expect(refused.statusCode).toBe(422);
    const body = refused.json();
    expect(Object.keys(body.errors)).toEqual(['events.1', 'events.2']);
    expect(body.errors['events.1'][0]).toContain(
      '"subscriber.created" is not available in affiliate programs',
    );
    expect(body.message).toContain('subscriber.created');

    const ok = await hook(['partner.created', 'lead.submitted'], 'aff1');
    expect(ok.statusCode).toBe(201);
    const update = await ctx.request('PUT', '/v1/webhooks/aff1', {
      events: ['subscriber.rewarded'],
    });
    expect(update.statusCode).toBe(422);
    expect(update.json().errors['events.0'][0]).toContain('subscriber.rewarded');
    // Unknown names keep their own message.
    const unknown = await hook(['lead.lost']);
    expect(unknown.json().errors['events.0'][0]).toContain('Unknown event "lead.lost"');
  });

  it('refuses a type change that would strand subscriptions, and allows it once they are gone', async () => {
    const refused = await ctx.request('PUT', '/v1/program', { program_type: 'newsletter' });
    expect(refused.statusCode).toBe(422);
    expect(refused.json().errors.program_type[0]).toContain(
      'webhook "aff1" subscribes to partner.created, lead.submitted',
    );
    await call(ctx, 'DELETE', '/v1/webhooks/aff1', undefined, 200);
    const bad = await ctx.request('PUT', '/v1/program', { program_type: 'loyalty' });
    expect(bad.statusCode).toBe(422);
  });

  it('delivers to `*` only the events of the program type', async () => {
    await call(ctx, 'PUT', '/v1/program', { program_type: 'newsletter' }, 200);
    expect((await hook(['subscriber.created'], 'news')).statusCode).toBe(201);
    expect((await hook(['*'], 'all')).statusCode).toBe(201);
    // Partners are not gated by type (their routes belong to every program), but a newsletter
    // program's `*` webhook does not get their events.
    await call(ctx, 'POST', '/v1/partners', { email: 'stray@x.com' }, 201);
    await call(ctx, 'POST', '/v1/subscribers', { email: 'reader@x.com' }, 201);
    const events = await recordedEvents(ctx);
    const partner = events.find((e) => e.type === 'partner.created');
    const subscriber = events.find((e) => e.type === 'subscriber.created');
    expect(partner?.deliveries).toEqual([]);
    expect(subscriber?.deliveries.map((d) => d.webhook_key).sort()).toEqual(['all', 'news']);
  });

  it('keeps each resource in its program type', async () => {
    const lead = await ctx.request('POST', '/v1/leads', { partner: { key: 'x' }, email: 'a@b.co' });
    expect(lead.statusCode).toBe(422);
    expect(lead.json().errors.program_type[0]).toBe(
      'Leads exist only in affiliate programs; this program is newsletter.',
    );
    const credit = await ctx.request('POST', '/v1/customers/nobody/balance/credit', { amount: 1 });
    expect(credit.statusCode).toBe(422);
    await call(ctx, 'DELETE', '/v1/webhooks/news', undefined, 200);
    await call(ctx, 'PUT', '/v1/program', { program_type: 'affiliate' }, 200);
    const sub = await ctx.request('POST', '/v1/subscribers', { email: 'x@y.co' });
    expect(sub.json().errors.program_type[0]).toContain('newsletter');
    const referred = await ctx.request('POST', '/v1/customers', {
      key: 'k',
      referring_customer: { key: 'someone' },
    });
    expect(referred.statusCode).toBe(422);
    expect(referred.json().errors.referring_customer[0]).toContain('refer-a-friend programs');
  });

  it('describes every route of this part with a response schema in /openapi.json', async () => {
    const doc = (await ctx.app.inject({ url: '/openapi.json' })).json();
    const ours = Object.keys(doc.paths).filter((p) =>
      /^\/v1\/(leads|payout_requests|subscribers|rewards|program\/events)|\/reward$|\/balance|\/referrals$/.test(
        p,
      ),
    );
    expect(ours).toEqual(
      expect.arrayContaining(['/v1/payout_requests:search', '/v1/partners/{id}/reward']),
    );
    expect(ours.length).toBeGreaterThanOrEqual(20);
    for (const path of ours) {
      for (const [method, op] of Object.entries(
        doc.paths[path] as Record<string, { responses: Record<string, { content?: unknown }> }>,
      )) {
        const ok = Object.entries(op.responses).find(([code]) => code.startsWith('2'));
        expect(ok?.[1].content, `${method} ${path}`).toBeDefined();
      }
    }
  });
});
