import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { call, eventCount } from './helpers.js';

const percent = {
  name: 'Spring',
  coupon_discount_type: 'percent',
  coupon_discount_amount: 10,
  coupon_duration_type: 'once',
};

describe.each(engines)('coupons and promotion codes on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    await call(
      ctx,
      'POST',
      '/v1/partners',
      { email: 'ann@example.com', id: 'ann', name: 'Ann' },
      201,
    );
    await call(
      ctx,
      'POST',
      '/v1/partners',
      { email: 'bob@example.com', id: 'bob', key: 'bobkey' },
      201,
    );
  });
  afterAll(async () => ctx.close());

  it('creates, lists, shows, updates and deletes coupons, numbering them per program', async () => {
    const events = await eventCount(ctx);
    const a = await call(ctx, 'POST', '/v1/coupons', { ...percent, uuid_code: 'SPRING-25' }, 201);
    expect(a.data).toMatchObject({
      id: 1,
      uuid_code: 'SPRING-25',
      name: 'Spring',
      active: true,
      coupon_discount_type: 'percent',
      coupon_discount_amount: 10,
      coupon_duration_type: 'once',
      coupon_duration_value: null,
      redemption_times_status: false,
      promotion_codes: { data: [] },
      deleted_at: null,
    });
    const b = await call(
      ctx,
      'POST',
      '/v1/coupons',
      {
        coupon_discount_type: 'fixed',
        coupon_discount_amount: '5.50',
        coupon_duration_type: 'months',
        coupon_duration_value: 3,
        redemption_times_value: 100,
        metadata: { source: 'test' },
      },
      201,
    );
    // `fixed` is Partnero's `static`; a generated uuid_code names it; a limit turns its switch on.
    expect(b.data).toMatchObject({
      id: 2,
      coupon_discount_type: 'static',
      coupon_discount_amount: 5.5,
      coupon_duration_value: 3,
      redemption_times_status: true,
      redemption_times_value: 100,
      metadata: { source: 'test' },
    });
    expect(b.data.uuid_code).toMatch(/^[A-Z0-9]{8}$/);
    expect(b.data.name).toBe(b.data.uuid_code);

    const page = await call(ctx, 'GET', '/v1/coupons?limit=1', undefined, 200);
    expect(page.data.map((c: { id: number }) => c.id)).toEqual([1]);
    expect(page.links.next).toBe('http://hookline.test/v1/coupons?limit=1&page=2');
    const desc = await call(ctx, 'GET', '/v1/coupons?sort=desc', undefined, 200);
    expect(desc.data.map((c: { id: number }) => c.id)).toEqual([2, 1]);

    // By uuid_code, or by numeric id.
    expect((await call(ctx, 'GET', '/v1/coupons/SPRING-25', undefined, 200)).data.id).toBe(1);
    expect((await call(ctx, 'GET', '/v1/coupons/2', undefined, 200)).data.uuid_code).toBe(
      b.data.uuid_code,
    );
    await call(ctx, 'GET', '/v1/coupons/99', undefined, 404);

    const renamed = await call(
      ctx,
      'PUT',
      '/v1/coupons/1',
      { name: 'Spring!', active: false },
      200,
    );
    expect(renamed.data).toMatchObject({ name: 'Spring!', active: false });
    const byBody = await call(
      ctx,
      'PUT',
      '/v1/coupons',
      { uuid_code: 'SPRING-25', active: true, metadata: { a: 1 } },
      200,
    );
    expect(byBody.data).toMatchObject({ name: 'Spring!', active: true, metadata: { a: 1 } });

    await call(ctx, 'DELETE', `/v1/coupons/${b.data.uuid_code}`, undefined, 200);
    await call(ctx, 'GET', `/v1/coupons/${b.data.uuid_code}`, undefined, 404);
    // Partnero has no coupon events, and Hookline adds none.
    expect(await eventCount(ctx)).toBe(events);
  });

  it('answers invalid coupons with 422 and Laravel-style messages', async () => {
    const bad = async (body: unknown, field: string, message?: RegExp) => {
      const res = await call(ctx, 'POST', '/v1/coupons', body, 422);
      expect(Object.keys(res.errors ?? {}), JSON.stringify(res)).toContain(field);
      if (message) expect(res.errors[field][0]).toMatch(message);
      expect(typeof res.message).toBe('string');
    };
    await bad({ ...percent, coupon_discount_type: undefined }, 'coupon_discount_type');
    await bad({ ...percent, coupon_discount_type: 'half' }, 'coupon_discount_type');
    await bad({ ...percent, coupon_discount_amount: 120 }, 'coupon_discount_amount', /100/);
    await bad({ ...percent, coupon_discount_amount: -1 }, 'coupon_discount_amount');
    await bad({ ...percent, coupon_duration_type: 'days' }, 'coupon_duration_value', /required/);
    await bad({ ...percent, redemption_times_status: true }, 'redemption_times_value', /required/);
    await bad({ ...percent, uuid_code: 'has space' }, 'uuid_code');
    await bad({ ...percent, uuid_code: 'SPRING-25' }, 'uuid_code', /taken/);
    await bad({ ...percent, metadata: { constructor: 'x' } }, 'metadata.constructor');
    await bad(
      { ...percent, redemption_specific_date_value: 'soon' },
      'redemption_specific_date_value',
    );
    await bad({ ...percent, promotion_codes: [{ code: 'a b' }] }, 'promotion_codes.0.code');
    const update = await call(ctx, 'PUT', '/v1/coupons/1', { coupon_discount_amount: 50 }, 422);
    expect(update.errors).toHaveProperty('coupon_discount_amount');
  });

  it('creates promotion codes for a coupon and its partner, matched in any case', async () => {
    const coupon = await call(
      ctx,
      'POST',
      '/v1/coupons',
      {
        ...percent,
        uuid_code: 'WINTER',
        promotion_codes: [{ code: 'Ann10', partner: { id: 'ann' } }, { code: 'open10' }],
      },
      201,
    );
    expect(coupon.data.promotion_codes.data.map((c: { code: string }) => c.code)).toEqual([
      'Ann10',
      'open10',
    ]);
    const ann = await call(ctx, 'GET', '/v1/promotion-codes/ANN10', undefined, 200);
    expect(ann.data).toMatchObject({
      code: 'Ann10',
      coupon_uuid: 'WINTER',
      coupon: { uuid_code: 'WINTER', coupon_discount_type: 'percent' },
      partner: 'ann',
      limit_to_specific_partner: true,
      coupon_specific_partners: [{ id: 'ann', full_name: 'Ann' }],
      active: true,
    });

    // Partnero's form of the partner, by coupon_id (the Python SDK's) and by coupon_uuid.
    const bob = await call(
      ctx,
      'POST',
      '/v1/promotion-codes',
      {
        coupon_id: coupon.data.id,
        code: 'BOB5',
        limit_to_specific_partner: true,
        coupon_specific_partners: { id: 'bob', full_name: 'Bob' },
        expiration_date_value: '2099-12-31',
      },
      201,
    );
    expect(bob.data).toMatchObject({
      partner: 'bob',
      expiration_date_status: true,
      expiration_date_value: '2099-12-31',
    });
    const generated = await call(
      ctx,
      'POST',
      '/v1/promotion-codes',
      { coupon_uuid: 'WINTER', partner: { key: 'bobkey' } },
      201,
    );
    expect(generated.data.code).toMatch(/^[A-Z0-9]{8}$/);
    expect(generated.data.partner).toBe('bob');
    await call(ctx, 'POST', '/v1/promotion-code', { coupon_uuid: 'WINTER', code: 'legacy' }, 201);

    const list = await call(ctx, 'GET', '/v1/promotion-codes?coupon_uuid=WINTER', undefined, 200);
    expect(list.data.map((c: { code: string }) => c.code)).toEqual([
      'Ann10',
      'open10',
      'BOB5',
      generated.data.code,
      'legacy',
    ]);

    const codeErrors = async (body: unknown, field: string, message?: RegExp) => {
      const res = await call(ctx, 'POST', '/v1/promotion-codes', body, 422);
      expect(Object.keys(res.errors ?? {}), JSON.stringify(res)).toContain(field);
      if (message) expect(res.errors[field][0]).toMatch(message);
    };
    await codeErrors({ coupon_uuid: 'WINTER', code: 'ann10' }, 'code', /taken/);
    await codeErrors({ coupon_uuid: 'NOPE', code: 'x1' }, 'coupon_uuid', /invalid/);
    await codeErrors({ coupon_id: 999, code: 'x1' }, 'coupon_id', /invalid/);
    await codeErrors({ code: 'x1' }, 'coupon_uuid', /required/);
    await codeErrors({ coupon_uuid: 'WINTER', partner: { id: 'nobody' } }, 'partner', /invalid/);
    await codeErrors(
      { coupon_uuid: 'WINTER', limit_to_specific_partner: true },
      'coupon_specific_partners',
      /required/,
    );
    await codeErrors(
      { coupon_uuid: 'WINTER', limit_to_specific_customer: true },
      'limit_to_specific_customer',
    );
    await codeErrors(
      { coupon_uuid: 'WINTER', minimum_order_status: true },
      'minimum_order_value',
      /required/,
    );

    const moved = await call(
      ctx,
      'PUT',
      '/v1/promotion-codes/open10',
      { partner: { email: 'bob@example.com' }, active: false },
      200,
    );
    expect(moved.data).toMatchObject({ code: 'open10', partner: 'bob', active: false });
    const cleared = await call(
      ctx,
      'PUT',
      '/v1/promotion-codes/OPEN10',
      { limit_to_specific_partner: false, active: true },
      200,
    );
    expect(cleared.data).toMatchObject({ partner: null, coupon_specific_partners: [] });
    await call(ctx, 'PUT', '/v1/promotion-codes/open10', { code: 'other' }, 422);
    await call(ctx, 'DELETE', '/v1/promotion-codes/Legacy', undefined, 200);
    await call(ctx, 'GET', '/v1/promotion-codes/legacy', undefined, 404);
  });

  it("keeps programs apart: another program's coupons and codes are 404s, and its codes free", async () => {
    const other = await ctx.otherProgram();
    const as = (method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
      ctx.request(method, url, body, { authorization: `Bearer ${other.apiKey}` });
    expect((await as('GET', '/v1/coupons/WINTER')).statusCode).toBe(404);
    expect((await as('GET', '/v1/coupons/1')).statusCode).toBe(404);
    expect((await as('PUT', '/v1/coupons/WINTER', { name: 'x' })).statusCode).toBe(404);
    expect((await as('DELETE', '/v1/coupons/WINTER')).statusCode).toBe(404);
    expect((await as('GET', '/v1/promotion-codes/ann10')).statusCode).toBe(404);
    expect((await as('PUT', '/v1/promotion-codes/ann10', { active: false })).statusCode).toBe(404);
    expect((await as('DELETE', '/v1/promotion-codes/ann10')).statusCode).toBe(404);
    expect((await as('GET', '/v1/coupons')).json().data).toEqual([]);
    expect((await as('GET', '/v1/promotion-codes')).json().data).toEqual([]);
    // Its own numbering starts at 1, and the same uuid_code and code are its to take.
    const mine = await as('POST', '/v1/coupons', { ...percent, uuid_code: 'WINTER' });
    expect(mine.statusCode).toBe(201);
    expect(mine.json().data.id).toBe(1);
    // Another program's partner cannot own a code here.
    const foreign = await as('POST', '/v1/promotion-codes', {
      coupon_uuid: 'WINTER',
      code: 'ANN10',
      partner: { id: 'ann' },
    });
    expect(foreign.statusCode).toBe(422);
    const code = await as('POST', '/v1/promotion-codes', { coupon_uuid: 'WINTER', code: 'ANN10' });
    expect(code.statusCode).toBe(201);
    expect((await call(ctx, 'GET', '/v1/promotion-codes/ann10', undefined, 200)).data.partner).toBe(
      'ann',
    );
  });

  it('attributes a sale with a partner code to that partner when the customer has none', async () => {
    // "Nobody" as an affiliate customer's partner is refused on create: a walk-in customer
    // comes with its first sale (create_customer), which its promotion code attributes.
    await call(ctx, 'POST', '/v1/customers', { key: 'walk-in', email: 'w@example.com' }, 422);
    await call(ctx, 'POST', '/v1/customers', { key: 'ref', partner: { id: 'bob' } }, 201);
    const walkIn = { key: 'walk-in', email: 'w@example.com' };
    const create = { create_customer: true };

    // Without a code (or with a code that names no partner) the sale cannot be attributed.
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { customer: walkIn, amount: 10, options: create },
      422,
    );
    await call(
      ctx,
      'POST',
      '/v1/transactions',
      { customer: walkIn, amount: 10, discount_code: 'open10', options: create },
      422,
    );

    const sale = await call(
      ctx,
      'POST',
      '/v1/transactions',
      { customer: walkIn, key: 'o-1', amount: 100, discount_code: ' ann10 ', options: create },
      201,
    );
    expect(sale.data.partner).toBe('ann');
    expect(sale.data.discount_code).toBe('ann10');
    expect(sale.data.rewards).toHaveLength(1);
    // Only the sale is attributed: the customer stays without a partner.
    const customer = await call(ctx, 'GET', '/v1/customers/walk-in', undefined, 200);
    expect(customer.data.partner).toBeNull();

    // A referred customer keeps its partner, whatever code it uses.
    const referred = await call(
      ctx,
      'POST',
      '/v1/transactions',
      { customer: { key: 'ref' }, amount: 20, discount_code: 'ANN10' },
      201,
    );
    expect(referred.data.partner).toBe('bob');

    // A new customer created with the sale is attributed too.
    const created = await call(
      ctx,
      'POST',
      '/v1/transactions',
      {
        customer: { key: 'fresh', email: 'f@example.com' },
        amount: 5,
        discount_code: 'BOB5',
        options: { create_customer: true },
      },
      201,
    );
    expect(created.data.partner).toBe('bob');
  });

  it('stops attributing when the code or coupon is off, expired, or its partner deleted', async () => {
    const sale = (code: string) =>
      ctx.request('POST', '/v1/transactions', {
        customer: { key: 'walk-in' },
        amount: 1,
        discount_code: code,
      });
    expect((await sale('ann10')).statusCode).toBe(201);

    await call(ctx, 'PUT', '/v1/promotion-codes/ann10', { active: false }, 200);
    expect((await sale('ann10')).statusCode).toBe(422);
    await call(ctx, 'PUT', '/v1/promotion-codes/ann10', { active: true }, 200);

    await call(ctx, 'PUT', '/v1/coupons/WINTER', { active: false }, 200);
    expect((await sale('ann10')).statusCode).toBe(422);
    await call(ctx, 'PUT', '/v1/coupons/WINTER', { active: true }, 200);

    await call(
      ctx,
      'PUT',
      '/v1/promotion-codes/ann10',
      { expiration_date_value: '2020-01-01' },
      200,
    );
    expect((await sale('ann10')).statusCode).toBe(422);
    // A sale backdated into the code's validity is attributed.
    const backdated = await ctx.request('POST', '/v1/transactions', {
      customer: { key: 'walk-in' },
      amount: 1,
      discount_code: 'ann10',
      created_at: '2019-12-31T12:00:00Z',
    });
    expect(backdated.statusCode, backdated.body).toBe(201);
    await call(ctx, 'PUT', '/v1/promotion-codes/ann10', { expiration_date_status: false }, 200);
    expect((await sale('ann10')).statusCode).toBe(201);

    await call(ctx, 'POST', '/v1/partners', { email: 'gone@example.com', id: 'gone' }, 201);
    await call(
      ctx,
      'POST',
      '/v1/promotion-codes',
      { coupon_uuid: 'WINTER', code: 'GONE', partner: { id: 'gone' } },
      201,
    );
    expect((await sale('gone')).statusCode).toBe(201);
    await call(ctx, 'DELETE', '/v1/partners/gone', undefined, 200);
    expect((await sale('gone')).statusCode).toBe(422);

    // Deleting the coupon deletes its codes; recorded sales keep their partner.
    await call(ctx, 'DELETE', '/v1/coupons/WINTER', undefined, 200);
    await call(ctx, 'GET', '/v1/promotion-codes/ann10', undefined, 404);
    expect((await sale('ann10')).statusCode).toBe(422);
    expect((await call(ctx, 'GET', '/v1/transactions/o-1', undefined, 200)).data.partner).toBe(
      'ann',
    );
  });

  it('answers odd inputs with a 4xx in the error shape, never a 5xx', async () => {
    const raw = (method: 'GET' | 'POST' | 'PUT', url: string, body?: string) =>
      ctx.request(
        method,
        url,
        body,
        body === undefined ? {} : { 'content-type': 'application/json' },
      );
    const coupon = JSON.stringify(percent).slice(1, -1);
    const cases: [ReturnType<typeof raw>, number][] = [
      [raw('GET', '/v1/coupons?limit=0'), 422],
      // Fastify refuses a `__proto__` member outright.
      [raw('POST', '/v1/coupons', `{${coupon}, "metadata": {"__proto__": "x"}}`), 400],
      [raw('POST', '/v1/coupons', `{${coupon}, "metadata": {"a": {"b": 1}}}`), 422],
      [raw('POST', '/v1/coupons', `{${coupon}, "coupon_discount_amount": 1e400}`), 422],
      [raw('POST', '/v1/coupons', `{${coupon}, "promotion_codes": {"0": {}}}`), 422],
      [raw('POST', '/v1/promotion-codes', '{"coupon_id": 1e20, "code": "X1"}'), 422],
      [raw('POST', '/v1/promotion-codes', '{"coupon_id": -1, "code": "X1"}'), 422],
      [
        raw(
          'POST',
          '/v1/promotion-codes',
          '{"coupon_uuid": "W", "coupon_specific_partners": {"id": {}}}',
        ),
        422,
      ],
      [raw('GET', '/v1/coupons/%E2%80%8B'), 404],
      [raw('GET', `/v1/promotion-codes/${'x'.repeat(300)}`), 422],
    ];
    for (const [pending, status] of cases) {
      const res = await pending;
      expect(res.statusCode, res.body).toBe(status);
      expect(typeof res.json().message).toBe('string');
    }
  });

  it('shows a coupon with its first 100 codes; the list pages through all of them', async () => {
    const codes = Array.from({ length: 50 }, (_, i) => ({ code: `MANY${i}` }));
    await call(
      ctx,
      'POST',
      '/v1/coupons',
      { ...percent, uuid_code: 'MANY', promotion_codes: codes },
      201,
    );
    for (let i = 50; i < 101; i++) {
      await call(
        ctx,
        'POST',
        '/v1/promotion-codes',
        { coupon_uuid: 'MANY', code: `MANY${i}` },
        201,
      );
    }
    const coupon = await call(ctx, 'GET', '/v1/coupons/MANY', undefined, 200);
    expect(coupon.data.promotion_codes.data).toHaveLength(100);
    expect(coupon.data.promotion_codes.data[0].code).toBe('MANY0');
    const page = (n: number) =>
      call(ctx, 'GET', `/v1/promotion-codes?coupon_uuid=MANY&limit=100&page=${n}`, undefined, 200);
    const [first, second] = [await page(1), await page(2)];
    expect(first.links.next).not.toBeNull();
    expect(second.links.next).toBeNull();
    const all = [...first.data, ...second.data].map((c: { code: string }) => c.code);
    expect(new Set(all)).toEqual(new Set(Array.from({ length: 101 }, (_, i) => `MANY${i}`)));
  });

  it('numbers concurrent coupon creates without refusing any', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => ctx.request('POST', '/v1/coupons', percent)),
    );
    expect(
      results.map((r) => r.statusCode),
      results.map((r) => r.body).join('\n'),
    ).toEqual(Array(8).fill(201));
    const ids = results.map((r) => r.json().data.id as number);
    expect(new Set(ids).size).toBe(8);
  });
});
