import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, eventCount, expectValidData, recordedEvents } from './helpers.js';

// Partnero's semantics that its clients rely on (see docs/partner-program.md, "Compatibility
// with Partnero's clients"): non-unique transaction keys, rewardable, backdating, customers by
// id or email, archives, referral links, strict list filters.
describe.each(engines)('Partnero parity on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(ctx, 'PUT', '/v1/program', { review_period_days: 0 }, 200);
    await call(ctx, 'POST', '/v1/partners', { email: 'p@example.com', id: 'p1', key: 'pk' }, 201);
    await call(ctx, 'POST', '/v1/partners', { email: 'q@example.com', id: 'p2', key: 'qk' }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: 'c1', partner: { id: 'p1' } }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: 'c2', partner: { id: 'p2' } }, 201);
  });
  afterAll(async () => ctx.close());

  const sale = (key: string, amount: number, extra: Record<string, unknown> = {}) =>
    call(ctx, 'POST', '/v1/transactions', { key, amount, customer: { key: 'c1' }, ...extra }, 201);

  it('records a second sale with a key; GET and PUT act on the newest, DELETE refunds all', async () => {
    // Recorded an hour ago, so "the newest" does not hang on two creates in one millisecond.
    const first = await sale('dup', 10, { created_at: Math.floor(Date.now() / 1000) - 3600 });
    const second = await sale('dup', 20);
    expect(first.data.rewards).toHaveLength(1);
    expect(second.data.rewards).toHaveLength(1);
    expect((await call(ctx, 'GET', '/v1/transactions/dup', undefined, 200)).data.amount).toBe(20);
    const updated = await call(ctx, 'PUT', '/v1/transactions/dup', { amount: 30 }, 200);
    expect(updated.data.amount).toBe(30);
    const list = await call(ctx, 'GET', '/v1/transactions?key=dup&sort=asc', undefined, 200);
    expect(list.data.map((t: { amount: number }) => t.amount)).toEqual([10, 30]);

    const before = await eventCount(ctx);
    await call(ctx, 'DELETE', '/v1/transactions/dup', undefined, 200);
    const deleted = (await recordedEvents(ctx))
      .slice(before)
      .filter((e) => e.type === 'transaction.deleted');
    // One change: both events carry the same time, so their order is not asserted.
    expect(deleted.map((e) => e.data.amount).sort()).toEqual([10, 30]);
    const after = await call(ctx, 'GET', '/v1/transactions?key=dup', undefined, 200);
    for (const t of after.data) {
      expect(t.deleted_at).not.toBeNull();
      expect(t.rewards.map((r: { status: string }) => r.status)).toEqual(['cancelled']);
    }
    await call(ctx, 'DELETE', '/v1/transactions/dup', undefined, 422);
  });

  it('records a sale with rewardable: false without a commission or reward.created', async () => {
    const before = await eventCount(ctx);
    const t = await sale('free', 50, { rewardable: false });
    expect(t.data.rewards).toEqual([]);
    const types = (await recordedEvents(ctx)).slice(before).map((e) => e.type);
    expect(types).toEqual(['transaction.created']);
  });

  it('stores a backdated created_at and the discount fields, and validates them', async () => {
    const t = await sale('back', 90, {
      created_at: 1_767_225_600,
      gross_amount: '100.00',
      discount_amount: 10,
      discount_code: 'TEN',
    });
    expect(t.data).toMatchObject({
      created_at: '2026-01-01T00:00:00.000000Z',
      gross_amount: 100,
      discount_amount: 10,
      discount_code: 'TEN',
    });
    const event = (await recordedEvents(ctx)).findLast((e) => e.type === 'transaction.created');
    expectValidData('transaction.created', event?.data);
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { amount: 1, customer: { key: 'c1' }, created_at: '2999-01-01T00:00:00Z' },
      422,
    );
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { amount: 1, customer: { key: 'c1' }, created_at: 'yesterday' },
      422,
    );
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { amount: 1, customer: { key: 'c1' }, created_at: '-000001-01-01T00:00:00Z' },
      422,
    );
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { amount: 1, customer: { key: 'c1' }, discount_amount: 0.001 },
      422,
    );
  });

  it('addresses customers by key, id or email', async () => {
    const created = await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'c3', email: 'c3@example.com', partner: { key: 'qk' } },
      201,
    );
    expectValidData('customer.created', created.data);
    const { id } = created.data;
    for (const ref of ['c3', id, 'C3@example.com']) {
      const got = await call(
        ctx,
        'GET',
        `/v1/customers/${encodeURIComponent(ref)}`,
        undefined,
        200,
      );
      expect(got.data.key).toBe('c3');
    }
    const t = await call(ctx, 'POST', '/v1/transactions', { amount: 5, customer: { id } }, 201);
    expect(t.data).toMatchObject({ customer: 'c3', partner: 'p2' });
    expect(t.data.key).toMatch(/^txn_/);
    await call(ctx, 'GET', '/v1/customers/nobody@example.com', undefined, 404);
  });

  it('an archived customer earns no commission until restored', async () => {
    await call(ctx, 'POST', '/v1/customers/c2/archive', undefined, 200);
    await call(ctx, 'POST', '/v1/customers/c2/archive', undefined, 422);
    const t = await call(
      ctx,
      'POST',
      '/v1/transactions',
      { amount: 5, customer: { key: 'c2' } },
      201,
    );
    expect(t.data.rewards).toEqual([]);
    const restored = await call(ctx, 'POST', '/v1/customers/c2/revoke-archive', undefined, 200);
    expect(restored.data.status).toBe('active');
    const t2 = await call(
      ctx,
      'POST',
      '/v1/transactions',
      { amount: 5, customer: { key: 'c2' } },
      201,
    );
    expect(t2.data.rewards).toHaveLength(1);
  });

  it('archives a transaction unless a reward is paid; an archived one cannot be refunded', async () => {
    const paid = await sale('paid', 10);
    await call(ctx, 'POST', `/v1/rewards/${paid.data.rewards[0].id}/mark-paid`, undefined, 200);
    await call(ctx, 'POST', '/v1/transactions/paid/archive', undefined, 422);
    expect((await call(ctx, 'GET', '/v1/transactions/paid', undefined, 200)).data.deleted_at).toBe(
      null,
    );

    await sale('arch', 10);
    const archived = await call(ctx, 'POST', '/v1/transactions/arch/archive', undefined, 200);
    expect(archived.data.rewards[0].status).toBe('cancelled');
    await call(ctx, 'DELETE', '/v1/transactions/arch', undefined, 422);
    await call(ctx, 'PUT', '/v1/transactions/arch', { amount: 11 }, 422);
    const restored = await call(
      ctx,
      'POST',
      '/v1/transactions/arch/revoke-archive',
      undefined,
      200,
    );
    expect(restored.data.rewards[0]).toMatchObject({ status: 'approved', deleted_at: null });
    await call(ctx, 'DELETE', '/v1/transactions/arch', undefined, 200);
  });

  it('gives a partner additional referral links that attribute customers to it', async () => {
    await call(ctx, 'PUT', '/v1/program', { website_url: 'https://shop.test' }, 200);
    const before = await eventCount(ctx);
    await call(
      ctx,
      'POST',
      '/v1/partner_referral_links',
      { partner: { id: 'p1' }, key: 'pk2' },
      201,
    );
    const events = (await recordedEvents(ctx)).slice(before);
    expect(events.map((e) => e.type)).toEqual(['partner.updated']);
    expect(events[0]?.data.referral_links).toEqual([
      'https://shop.test?aff=pk',
      'https://shop.test?aff=pk2',
    ]);
    const links = (sort: string) =>
      call(ctx, 'GET', `/v1/partners/p1/referral_links?sort=${sort}`, undefined, 200);
    const keysOf = (page: { data: { key: string }[] }) => page.data.map((l) => l.key);
    expect(keysOf(await links('asc'))).toEqual(['pk', 'pk2']);
    expect(keysOf(await links('desc'))).toEqual(['pk2', 'pk']);
    // A key names one partner, whether a partner's own or a link's.
    await call(
      ctx,
      'POST',
      '/v1/partner_referral_links',
      { partner: { id: 'p2' }, key: 'pk' },
      422,
    );
    await call(ctx, 'POST', '/v1/partners', { email: 'r@example.com', key: 'pk2' }, 422);
    await call(ctx, 'PUT', '/v1/partners/p2', { key: 'pk2' }, 422);
    const c = await call(ctx, 'POST', '/v1/customers', { key: 'c4', partner: { key: 'pk2' } }, 201);
    expect(c.data.partner).toBe('p1');
    expect((await call(ctx, 'GET', '/v1/partner?key=pk2', undefined, 200)).data.id).toBe('p1');
    await call(ctx, 'DELETE', '/v1/partner_referral_links/pk', undefined, 422);
    await call(ctx, 'PUT', '/v1/partner_referral_links/pk', { key: 'pk9' }, 200);
    expect((await call(ctx, 'GET', '/v1/partners/p1', undefined, 200)).data.key).toBe('pk9');
    await call(ctx, 'DELETE', '/v1/partner_referral_links/pk2', undefined, 200);
    await call(ctx, 'GET', '/v1/partner_referral_links/pk2', undefined, 404);
    // A deleted partner's link keys are free again, like its own key.
    await call(ctx, 'POST', '/v1/partners', { email: 'gone@example.com', id: 'p5' }, 201);
    await call(
      ctx,
      'POST',
      '/v1/partner_referral_links',
      { partner: { id: 'p5' }, key: 'lk5' },
      201,
    );
    await call(ctx, 'DELETE', '/v1/partners/p5', undefined, 200);
    await call(
      ctx,
      'POST',
      '/v1/partner_referral_links',
      { partner: { id: 'p2' }, key: 'lk5' },
      201,
    );
  });

  it('searches by substring, treating % and _ literally, on both engines alike', async () => {
    await call(ctx, 'POST', '/v1/partners', { email: 'under_score@example.com', id: 'p%3' }, 201);
    const q = (s: string) => `/v1/partners:search?email=${encodeURIComponent(s)}`;
    expect(
      (await call(ctx, 'GET', q('R_S'), undefined, 200)).data.map((p: { id: string }) => p.id),
    ).toEqual(['p%3']);
    expect((await call(ctx, 'GET', q('%'), undefined, 200)).data).toEqual([]);
    const byId = await call(ctx, 'GET', '/v1/partners:search?id=%25', undefined, 200);
    expect(byId.data.map((p: { id: string }) => p.id)).toEqual(['p%3']);
  });

  it('reads null as "not given" on create, and on update clears only what can be cleared', async () => {
    const p = await call(
      ctx,
      'POST',
      '/v1/partners',
      { email: 'n@example.com', id: null, key: null, name: 'N', surname: null, tags: null },
      201,
    );
    expect(p.data.key).toMatch(/^[a-z0-9]{12}$/);
    const updated = await call(
      ctx,
      'PUT',
      `/v1/partners/${p.data.id}`,
      { update: { email: null, key: null, name: null, tags: null } },
      200,
    );
    expect(updated.data).toMatchObject({ email: 'n@example.com', key: p.data.key, name: null });
    await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'cn', email: 'cn@example.com', partner: { id: p.data.id, key: null } },
      201,
    );
    // `partner: null` is "not given": an affiliate customer without a partner, refused.
    const nobody = await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'organic', email: null, partner: null },
      422,
    );
    expect(nobody.errors.partner[0]).toMatch(/referring partner/);
    const c = await call(ctx, 'PUT', '/v1/customers/cn', { key: null, email: null }, 200);
    expect(c.data).toMatchObject({ key: 'cn', email: null });
    const t = await call(
      ctx,
      'POST',
      '/v1/transactions',
      {
        key: null,
        amount: 10,
        amount_units: null,
        action: null,
        rewardable: null,
        created_at: null,
        product_id: null,
        partner: null,
        options: null,
        customer: { key: 'cn', id: null, email: null },
      },
      201,
    );
    expect(t.data).toMatchObject({ action: 'sale', amount_units: 'USD', partner: p.data.id });
    expect(t.data.rewards).toHaveLength(1);
    const u = await call(ctx, 'PUT', `/v1/transactions/${t.data.key}`, { amount: null }, 200);
    expect(u.data.amount).toBe(10);
  });

  it('refuses a list filter it does not know, naming it', async () => {
    for (const url of [
      '/v1/partners?nickname=x',
      '/v1/customers?partner_name=x',
      '/v1/transactions?partner_name=x',
    ]) {
      const res = await ctx.request('GET', url);
      expect(res.statusCode, url).toBe(422);
      expect(res.body).toMatch(/partner_name|nickname/);
    }
    await call(ctx, 'GET', '/v1/partners?sort=sideways', undefined, 422);
  });
});
