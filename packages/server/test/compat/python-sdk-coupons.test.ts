import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { PYTHON_SDK, tickingClock } from './replay.js';
import type { Answer } from './replay.js';

/**
 * Replays what the unmodified Python SDK (simon-offerwell/partnero-sdk, partnero/coupon_api.py
 * and partnero/promotion_code_api.py) sent for coupons and promotion codes, byte for byte, with
 * the ids of the recording remapped to those this replay created:
 *
 * - `FIRST_RECORDING`: the coupon lines of the first recording (shared/wire, 2026-12-06), made
 *   before coupons existed, with a placeholder coupon id;
 * - `recordings/partnero-python-sdk-coupons.jsonl`: the SDK run again against this branch
 *   through a logging proxy (list, create, fetch, update, delete of each, and a partner's code).
 *
 * Every request must succeed as the SDK expects (`response.ok`, a JSON body), with the answer
 * shape its callers read (`data.id`, `data.uuid_code`, `data.code`...).
 */

interface Line {
  method: 'GET' | 'POST' | 'PUT' | 'DELETE';
  path: string;
  content_type: string | null;
  body: string;
}

const FIRST_RECORDING: Line[] = [
  {
    method: 'GET',
    path: '/v1/coupons?limit=15&page=1',
    content_type: 'application/json',
    body: '',
  },
  {
    method: 'POST',
    path: '/v1/coupons',
    content_type: 'application/json',
    body: '{"name": "C", "coupon_discount_type": "percent", "coupon_discount_amount": 10, "coupon_duration_type": "forever", "coupon_duration_value": 0, "redemption_times_value": 100}',
  },
  {
    method: 'GET',
    path: '/v1/coupons/00000000-0000-0000-0000-000000000000',
    content_type: 'application/json',
    body: '',
  },
  {
    method: 'GET',
    path: '/v1/promotion-codes?limit=15&page=1',
    content_type: 'application/json',
    body: '',
  },
  {
    method: 'POST',
    path: '/v1/promotion-codes',
    content_type: 'application/json',
    body: '{"coupon_id": 1, "code": "SPRING"}',
  },
];

const RERECORDED: Line[] = readFileSync(
  new URL('./recordings/partnero-python-sdk-coupons.jsonl', import.meta.url),
  'utf8',
)
  .split('\n')
  .filter((l) => l.trim() !== '')
  .map((l) => JSON.parse(l) as Line);

/** Partnero's documented fields of each answer, with their JSON types. */
const COUPON_FIELDS: Record<string, string> = {
  id: 'number',
  uuid_code: 'string',
  name: 'string',
  active: 'boolean',
  coupon_discount_type: 'string',
  coupon_discount_amount: 'number',
  coupon_duration_type: 'string',
  redemption_specific_date_status: 'boolean',
  redemption_times_status: 'boolean',
  times_redeemed: 'number',
  metadata: 'object',
  promotion_codes: 'object',
  created_at: 'string',
  updated_at: 'string',
};
const CODE_FIELDS: Record<string, string> = {
  code: 'string',
  coupon: 'object',
  first_time_order: 'boolean',
  limit_to_specific_partner: 'boolean',
  coupon_specific_partners: 'object',
  limit_to_specific_customer: 'boolean',
  minimum_order_status: 'boolean',
  expiration_date_status: 'boolean',
  redemption_times_status: 'boolean',
  times_redeemed: 'number',
  metadata: 'object',
};

function expectFields(value: Answer, fields: Record<string, string>, where: string): void {
  for (const [field, type] of Object.entries(fields)) {
    expect(value, `${where}.${field}`).toHaveProperty(field);
    expect(typeof value[field], `${where}.${field}`).toBe(type);
  }
}

/** What the replay created, to put in place of the recording's ids. */
interface Created {
  coupon?: { id: number; uuid_code: string };
  partnerId?: string;
}

/** The recorded request with this replay's ids: coupon paths and `coupon_id`, partner ids. */
function remap(line: Line, created: Created): { path: string; body: string } {
  let { path, body } = line;
  const coupon = created.coupon;
  if (coupon) {
    path = path.replace(/^\/v1\/coupons\/[^/?]+/, `/v1/coupons/${coupon.uuid_code}`);
    body = body.replace(/"coupon_id": \d+/, `"coupon_id": ${coupon.id}`);
  }
  if (created.partnerId) body = body.replace(/prt_[0-9a-z]{26}/g, created.partnerId);
  return { path, body };
}

function checkAnswer(line: Line, status: number, body: Answer, text: string): void {
  const where = `${line.method} ${line.path} → ${text}`;
  expect(status, where).toBe(line.method === 'POST' ? 201 : 200);
  expect(body?.status, where).toBe(1);
  if (line.method === 'DELETE') return;
  const isCoupon = line.path.startsWith('/v1/coupons');
  const fields = isCoupon
    ? COUPON_FIELDS
    : line.path.startsWith('/v1/promotion-codes')
      ? CODE_FIELDS
      : undefined;
  if (!fields) return;
  if (Array.isArray(body.data)) {
    for (const [i, item] of body.data.entries()) expectFields(item, fields, `data[${i}]`);
    expect(body.links, where).toHaveProperty('next');
    expect(body.meta, where).toMatchObject({ current_page: 1, per_page: 15 });
  } else {
    expectFields(body.data, fields, 'data');
  }
}

describe.each(engines)('Python SDK coupons and promotion codes, replayed, on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine, tickingClock());
  });
  afterAll(async () => ctx.close());

  for (const [name, lines] of [
    ['first recording (placeholder ids)', FIRST_RECORDING],
    ['re-recording', RERECORDED],
  ] as const) {
    it(`${name}: every request succeeds with the shape the SDK reads`, async () => {
      // Each recording starts from a program without coupons, as its run did.
      await ctx.store.db.deleteFrom('promotion_codes').execute();
      await ctx.store.db.deleteFrom('coupons').execute();
      const created: Created = {};
      for (const line of lines) {
        const { path, body } = remap(line, created);
        const headers: Record<string, string> = {
          ...PYTHON_SDK.headers,
          authorization: `Bearer ${ctx.apiKey}`,
        };
        if (line.content_type !== null) headers['content-type'] = line.content_type;
        const res = await ctx.app.inject({
          method: line.method,
          url: path,
          headers,
          ...(body === '' ? {} : { payload: body }),
        });
        // The SDK calls response.json() on every 2xx.
        expect(res.headers['content-type'], res.body).toMatch(/^application\/json/);
        const answer: Answer = res.json();
        checkAnswer(line, res.statusCode, answer, res.body);
        if (line.method === 'POST' && path === '/v1/coupons') {
          created.coupon = { id: answer.data.id, uuid_code: answer.data.uuid_code };
          // The SDK's create: "forever" is Partnero's "lifetime", the limit is on.
          expect(answer.data).toMatchObject({
            coupon_duration_type: 'lifetime',
            redemption_times_status: true,
            redemption_times_value: 100,
          });
        }
        if (line.method === 'POST' && path === '/v1/partners') created.partnerId = answer.data.id;
        if (line.method === 'POST' && path === '/v1/promotion-codes') {
          expect(answer.data.coupon_uuid).toBe(created.coupon?.uuid_code);
          const sent = JSON.parse(body);
          if (sent.limit_to_specific_partner === true) {
            expect(answer.data.partner).toBe(created.partnerId);
          }
        }
      }
      expect(created.coupon).toBeDefined();
    });
  }

  it("re-recording: the partner's code attributes a sale of a customer without partner", async () => {
    // The re-recording deleted its coupon at the end; set its partner's code up once more as
    // the SDK did, then record a sale with it.
    const partner = await ctx.request('GET', '/v1/partners?key=pycoupon');
    const partnerId = partner.json().data[0].id as string;
    const coupon = await ctx.request('POST', '/v1/coupons', {
      name: 'C',
      coupon_discount_type: 'percent',
      coupon_discount_amount: 10,
      coupon_duration_type: 'forever',
    });
    expect(coupon.statusCode).toBe(201);
    const code = await ctx.request('POST', '/v1/promotion-codes', {
      coupon_id: coupon.json().data.id,
      code: 'PyPartner10',
      limit_to_specific_partner: true,
      coupon_specific_partners: { id: partnerId, full_name: 'Py' },
    });
    expect(code.statusCode, code.body).toBe(201);
    // A walk-in customer (no partner) comes with its first sale: "Nobody" is refused on
    // POST /customers in affiliate programs.
    const sale = await ctx.request('POST', '/v1/transactions', {
      customer: { key: 'py-walk-in' },
      amount: 30,
      discount_code: 'PYPARTNER10',
      options: { create_customer: true },
    });
    expect(sale.statusCode, sale.body).toBe(201);
    expect(sale.json().data.partner).toBe(partnerId);
  });
});
