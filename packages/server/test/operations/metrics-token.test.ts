import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

const TOKEN = 'scrape-token-0123456789';

describe('GET /metrics with HOOKLINE_METRICS_TOKEN', () => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext('sqlite', { env: { HOOKLINE_METRICS_TOKEN: TOKEN } });
  });
  afterAll(async () => ctx?.close());

  const scrape = (authorization?: string) =>
    ctx.app.inject({
      method: 'GET',
      url: '/metrics',
      headers: authorization ? { authorization } : {},
    });

  it('answers 401 without the token or with another one', async () => {
    for (const auth of [undefined, 'Bearer wrong-token-0123456789', `Basic ${TOKEN}`]) {
      const res = await scrape(auth);
      expect(res.statusCode).toBe(401);
      expect(res.body).not.toContain('hookline_');
    }
  });

  it('serves the metrics to the bearer of the token', async () => {
    const res = await scrape(`Bearer ${TOKEN}`);
    expect(res.statusCode).toBe(200);
    expect(res.body).toContain('# TYPE');
  });

  it('refuses a token too short to be a secret', () => {
    expect(() => loadConfig({ HOOKLINE_METRICS_TOKEN: 'short' })).toThrow(ConfigError);
  });
});
