import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/observability/logger.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

describe.each(engines)('operations endpoints on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => ctx.close());

  it('answers /healthz and /readyz without a key', async () => {
    expect((await ctx.app.inject({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await ctx.app.inject({ url: '/readyz' })).json()).toEqual({
      status: 'ready',
      database: engine,
    });
  });

  it('serves an OpenAPI document generated from the validating schemas', async () => {
    const res = await ctx.app.inject({ url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const doc = res.json();
    expect(doc.openapi).toBe('3.1.0');
    const create = doc.paths['/v1/webhooks'].post;
    const schema = create.requestBody.content['application/json'].schema;
    expect(schema.required).toEqual(expect.arrayContaining(['name', 'url', 'events']));
    expect(schema.properties.name.maxLength).toBe(100);
    expect(doc.paths['/v1/events'].post).toBeDefined();
  });
});

describe('readiness', () => {
  it('reports 503 when the database is gone', async () => {
    const ctx = await createTestContext('sqlite');
    await ctx.store.close();
    const res = await ctx.app.inject({ url: '/readyz' });
    expect(res.statusCode).toBe(503);
    await ctx.app.close();
  });
});

describe('logs', () => {
  it('never contain an API key or a signing secret', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const logger = createLogger('trace', sink);
    const ctx = await createTestContext('sqlite', { extend: (deps) => ({ ...deps, logger }) });
    try {
      const created = await ctx.request('POST', '/v1/webhooks', {
        name: 'logged',
        url: 'https://example.com/',
        events: ['*'],
      });
      const secret = created.json().data.signature as string;
      await ctx.request('GET', '/v1/webhooks');
      await ctx.request('GET', '/v1/webhooks', undefined, {
        authorization: 'Bearer hlk_wrong_key_0000000000',
      });
      logger.info({ webhook: { secret }, apiKey: ctx.apiKey }, 'a careless log line');
      const output = lines.join('');
      expect(lines.length).toBeGreaterThan(3);
      expect(output).toContain('incoming request');
      expect(output).not.toContain(ctx.apiKey);
      expect(output).not.toContain(secret);
      expect(output).not.toContain('hlk_wrong_key');
    } finally {
      await ctx.close();
    }
  });
});
