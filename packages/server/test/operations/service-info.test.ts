import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { VERSION } from '../../src/version.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

describe('GET /v1/service', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite', {
      env: {
        HOOKLINE_RETENTION: '90d',
        HOOKLINE_RETRY_SCHEDULE: '0s,1m,5m',
        HOOKLINE_RATE_LIMIT: '50/1s',
      },
    });
  });
  afterAll(async () => ctx?.close());

  it('tells API users the retention window, retry schedule, timeout and rate limit', async () => {
    const res = await ctx.request('GET', '/v1/service');
    expect(res.statusCode).toBe(200);
    expect(res.json().data).toEqual({
      version: VERSION,
      retention_days: 90,
      retry_schedule_seconds: [0, 60, 300],
      delivery_timeout_seconds: 5,
      rate_limit: { requests: 50, per_seconds: 1 },
    });
  });

  it('needs an API key', async () => {
    const res = await ctx.app.inject({ method: 'GET', url: '/v1/service' });
    expect(res.statusCode).toBe(401);
  });
});
