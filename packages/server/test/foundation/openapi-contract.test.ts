import { readFileSync, readdirSync } from 'node:fs';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, expectTypeOf, it } from 'vitest';
import { z } from 'zod';
import type { Api } from '../../src/api/app.js';
import type { Attempt, DeliveryDetail, DeliverySummary, Webhook } from '../../src/api/contract.js';
import { dataOf, errorBody, statusOnly } from '../../src/api/routes/common-schemas.js';
import {
  overviewData,
  sessionSchema,
  webhookStatsList,
} from '../../src/api/routes/dashboard-schemas.js';
import {
  bulkRetryData,
  deliveryDetailData,
  deliveryPage,
  retryResultData,
  testSendResultData,
} from '../../src/api/routes/delivery-schemas.js';
import { eventTypeData, eventTypeList } from '../../src/api/routes/event-type-schemas.js';
import { healthSchema, readySchema } from '../../src/api/routes/health-schemas.js';
import { webhookData, webhookPage } from '../../src/api/routes/webhook-schemas.js';
import { withDashboard } from '../../src/dashboard/index.js';
import type {
  presentAttempt,
  presentDeliveryDetail,
  presentDeliverySummary,
} from '../../src/api/routes/deliveries-present.js';
import { createLogger } from '../../src/observability/logger.js';
import type { presentWebhook } from '../../src/webhooks/webhook-store.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

const METHODS = ['get', 'put', 'post', 'delete', 'patch', 'head', 'options'] as const;

interface OpenApiResponse {
  content?: Record<string, { schema?: unknown }>;
}

/** `METHOD /path` of every documented operation without a success answer it describes. */
function operationsWithoutResponseSchema(doc: {
  paths: Record<string, Partial<Record<string, { responses?: Record<string, OpenApiResponse> }>>>;
}): string[] {
  const missing: string[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const method of METHODS) {
      const operation = item[method];
      if (!operation) continue;
      const described = Object.entries(operation.responses ?? {}).some(([status, response]) => {
        if (!/^[23]/.test(status)) return false;
        // 204 and redirects declare `null` (no body); every other success carries a schema.
        if (status === '204' || status.startsWith('3')) return response.content === undefined;
        return Object.values(response.content ?? {}).some((media) => media.schema !== undefined);
      });
      if (!described) missing.push(`${method.toUpperCase()} ${path}`);
    }
  }
  return missing.sort();
}

describe('the OpenAPI document', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    // The document does not depend on the engine.
    ctx = await createTestContext('sqlite', {
      extend: (deps) => withDashboard(deps, { dir: '/nonexistent' }),
    });
  });
  afterAll(async () => ctx?.close());

  it('describes a success answer of every operation', async () => {
    const doc = (await ctx.app.inject({ url: '/openapi.json' })).json();
    const missing = operationsWithoutResponseSchema(doc);
    expect(missing).toEqual([]);
  });

  it('declares the one error body on every operation (4xx and 5xx), from one place', async () => {
    const doc = (await ctx.app.inject({ url: '/openapi.json' })).json() as {
      paths: Record<string, Record<string, { responses: Record<string, unknown> }>>;
    };
    const without: string[] = [];
    let operations = 0;
    for (const [path, item] of Object.entries(doc.paths)) {
      for (const [method, op] of Object.entries(item)) {
        operations++;
        if (!op.responses['4XX'] || !op.responses['5XX']) without.push(`${method} ${path}`);
      }
    }
    expect(operations).toBeGreaterThan(100);
    expect(without).toEqual([]);
    // Routes declare only their successes: no route module spreads the error entries itself,
    // but for a handler that sends its own error body (its reply type comes from its schema).
    const routes = new URL('../../src/api/routes/', import.meta.url);
    const spreaders = readdirSync(routes)
      .filter((f) => readFileSync(new URL(f, routes), 'utf8').includes('...errorResponses'))
      .sort();
    expect(spreaders).toEqual(['metrics.ts']);
  });

  it('documents the error body and the probes', async () => {
    const doc = (await ctx.app.inject({ url: '/openapi.json' })).json();
    const list = doc.paths['/v1/webhooks'].get.responses;
    expect(list['4XX'].content['application/json'].schema.required).toEqual(['message']);
    expect(list['200'].content['application/json'].schema.required).toEqual([
      'data',
      'links',
      'meta',
      'status',
    ]);
    expect(doc.paths['/healthz'].get.security).toEqual([]);
    expect(doc.paths['/metrics'].get.responses['200'].content['text/plain']).toBeDefined();
    expect(doc.paths['/readyz'].get.responses['503']).toBeDefined();
  });
});

describe('the contract', () => {
  it('reaches nothing but zod, so the dashboard can compile it', () => {
    // Walks the imports from contract.ts: every module it reaches must be one of ours or zod.
    const start = new URL('../../src/api/contract.ts', import.meta.url);
    const seen = new Set<string>([start.href]);
    const queue = [start];
    const strays: string[] = [];
    for (let file = queue.shift(); file !== undefined; file = queue.shift()) {
      for (const m of readFileSync(file, 'utf8').matchAll(
        /^(?:import|export)[^;]*?from '([^']+)'/gm,
      )) {
        const source = m[1] ?? '';
        if (!source.startsWith('.')) {
          if (source !== 'zod') strays.push(`${file.pathname.split('/src/')[1]}: ${source}`);
          continue;
        }
        const next = new URL(source.replace(/\.js$/, '.ts'), file);
        if (!seen.has(next.href)) {
          seen.add(next.href);
          queue.push(next);
        }
      }
    }
    expect(seen.size).toBeGreaterThan(5);
    expect(strays).toEqual([]);
  });
});

/** A test app with one extra route, and the lines it logs. */
async function appWithRoute(register: (app: Api) => void) {
  const lines: string[] = [];
  const sink = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = createLogger('error', sink);
  const ctx = await createTestContext('sqlite', {
    extend: (deps) => ({ ...deps, logger, plugins: [...(deps.plugins ?? []), register] }),
  });
  return { ctx, lines };
}

describe('an answer outside its schema', () => {
  const counted = dataOf(z.object({ count: z.number().int() }));

  it('is a logged server bug and a 500, never a malformed answer', async () => {
    const { ctx, lines } = await appWithRoute((app) => {
      app.get('/malformed', { schema: { response: { 200: counted } } }, async () => {
        // What a drifted presenter would return; the cast is the drift.
        return { data: { count: 'many' }, status: 1 } as unknown as z.infer<typeof counted>;
      });
    });
    try {
      const res = await ctx.app.inject({ url: '/malformed' });
      expect(res.statusCode).toBe(500);
      expect(res.json()).toEqual({ message: 'Internal server error.' });
      // An error-level line that names the route and says which field broke the schema.
      const logged = lines
        .map((line) => JSON.parse(line) as { level: number; err?: { code?: string } })
        .find((l) => l.level >= 50 && l.err?.code === 'FST_ERR_RESPONSE_SERIALIZATION');
      expect(logged?.err).toMatchObject({ method: 'GET', url: '/malformed' });
      expect(JSON.stringify(logged?.err)).toContain('count');
    } finally {
      await ctx.close();
    }
  });

  it('loses fields the schema does not name (nothing leaks past it)', async () => {
    const { ctx } = await appWithRoute((app) => {
      app.get('/extra', { schema: { response: { 200: counted } } }, async () => ({
        data: { count: 1, secret: 'internal' },
        status: 1 as const,
      }));
    });
    try {
      const res = await ctx.app.inject({ url: '/extra' });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toEqual({ data: { count: 1 }, status: 1 });
    } finally {
      await ctx.close();
    }
  });
});

/**
 * Parses `body` with `schema` and checks nothing was dropped: the answer has exactly the
 * schema's fields (z.object strips unknown keys, so an extra field would vanish here).
 */
function expectExactly(schema: z.ZodType, body: unknown): void {
  expect(schema.parse(body)).toEqual(body);
}

describe('the delivery shapes match api/routes/deliveries-present.ts', () => {
  it('in type', () => {
    expectTypeOf<ReturnType<typeof presentDeliverySummary>>().toEqualTypeOf<DeliverySummary>();
    expectTypeOf<ReturnType<typeof presentAttempt>>().toEqualTypeOf<Attempt>();
    expectTypeOf<ReturnType<typeof presentDeliveryDetail>>().toEqualTypeOf<DeliveryDetail>();
    expectTypeOf<ReturnType<typeof presentWebhook>>().toEqualTypeOf<Webhook>();
  });
});

describe.each(engines)('answers within their schemas on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine, {
      extend: (deps) => withDashboard(deps, { dir: '/nonexistent' }),
    });
  });
  afterAll(async () => ctx?.close());

  const expectAnswer = async (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    status: number,
    schema: z.ZodType,
    body?: unknown,
  ) => {
    const res = await ctx.request(method, url, body);
    expect(res.statusCode, res.body).toBe(status);
    expectExactly(schema, res.json());
    return res.json();
  };

  it('webhooks, event types and errors', async () => {
    // Port 9 (discard) is closed on loopback: attempts fail fast with a connection error.
    const created = await expectAnswer('POST', '/v1/webhooks', 201, webhookData, {
      name: 'contract',
      url: 'http://127.0.0.1:9/hook',
      events: ['*'],
    });
    const key = created.data.key as string;
    await expectAnswer('GET', '/v1/webhooks', 200, webhookPage);
    await expectAnswer('GET', `/v1/webhooks/${key}`, 200, webhookData);
    await expectAnswer('PUT', `/v1/webhooks/${key}`, 200, webhookData, { name: 'renamed' });
    await expectAnswer('GET', '/v1/event-types', 200, eventTypeList);
    await expectAnswer('GET', '/v1/event-types/partner.created', 200, eventTypeData);
    await expectAnswer('GET', '/v1/event-types/nope.nope', 404, errorBody);
    await expectAnswer('POST', '/v1/webhooks', 422, errorBody, { name: 'x' });

    // A delivery with one failed attempt, for the delivery shapes and the stats.
    const sample = (await ctx.request('GET', '/v1/event-types/partner.created')).json().data.sample;
    const published = await ctx.request('POST', '/v1/events', {
      event: 'partner.created',
      data: sample,
    });
    expect(published.statusCode, published.body).toBeLessThan(300);
    const page = await expectAnswer('GET', '/v1/deliveries', 200, deliveryPage);
    const id = page.data[0].id as string;
    await expectAnswer('POST', `/v1/deliveries/${id}/retry`, 200, retryResultData);
    const detail = await expectAnswer('GET', `/v1/deliveries/${id}`, 200, deliveryDetailData);
    expect(detail.data.attempt_log).toHaveLength(1);
    await expectAnswer('GET', `/v1/webhooks/${key}/deliveries`, 200, deliveryPage);
    await expectAnswer('POST', '/v1/deliveries/retry', 202, bulkRetryData, {});
    await expectAnswer('POST', `/v1/webhooks/${key}/test`, 200, testSendResultData, {
      event: 'partner.created',
    });

    const stats = await expectAnswer('GET', '/v1/stats/webhooks', 200, webhookStatsList);
    expect(stats.data[0].last_delivery).not.toBeNull();
    await expectAnswer('GET', '/v1/stats/overview?range=7d', 200, overviewData);
    await expectAnswer('DELETE', `/v1/webhooks/${key}`, 200, statusOnly);
  });

  it('probes, metrics and the dashboard session', async () => {
    expectExactly(healthSchema, (await ctx.app.inject({ url: '/healthz' })).json());
    expectExactly(readySchema, (await ctx.app.inject({ url: '/readyz' })).json());
    const metrics = await ctx.app.inject({ url: '/metrics' });
    expect(metrics.statusCode).toBe(200);
    expect(metrics.headers['content-type']).toMatch(/^text\/plain/);

    const signIn = await ctx.app.inject({
      method: 'POST',
      url: '/auth/session',
      payload: { api_key: ctx.apiKey },
    });
    expect(signIn.statusCode).toBe(200);
    expectExactly(sessionSchema, signIn.json());
    const cookie = String(signIn.headers['set-cookie']).split(';')[0] ?? '';
    const who = await ctx.app.inject({ url: '/auth/session', headers: { cookie } });
    expectExactly(sessionSchema, who.json());
    const out = await ctx.app.inject({
      method: 'DELETE',
      url: '/auth/session',
      headers: { cookie, 'x-csrf-token': signIn.json().csrf_token },
    });
    expect(out.statusCode).toBe(204);
    expect(out.body).toBe('');
    const gone = await ctx.app.inject({ url: '/auth/session', headers: { cookie } });
    expect(gone.statusCode).toBe(401);
    expectExactly(errorBody, gone.json());
  });
});
