import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { withDashboard } from '../../src/dashboard/index.js';
import { createSignInLink } from '../../src/dashboard/sessions.js';
import { createLogger } from '../../src/observability/logger.js';
import { redactUrl } from '../../src/observability/redact-url.js';
import { createTestContext } from '../helpers/context.js';

describe('credentials in logged URLs', () => {
  it('redacts credential-like query values and keeps the rest', () => {
    expect(redactUrl('/auth/link?token=abc&next=%2F')).toBe('/auth/link?token=[redacted]&next=%2F');
    expect(redactUrl('/v1/webhooks?api_key=hlk_x&limit=5')).toBe(
      '/v1/webhooks?api_key=[redacted]&limit=5',
    );
    expect(redactUrl('/v1/x?%74oken=abc')).toBe('/v1/x?%74oken=[redacted]');
    expect(redactUrl('/v1/x?a=%E0%A4%A&flag')).toBe('/v1/x?a=%E0%A4%A&flag');
    expect(redactUrl('/healthz')).toBe('/healthz');
  });

  it('a used sign-in link leaves no token in the request log', async () => {
    const lines: string[] = [];
    const stream = new Writable({
      write(chunk, _encoding, done) {
        lines.push(String(chunk));
        done();
      },
    });
    const ctx = await createTestContext('sqlite', {
      extend: (deps) =>
        withDashboard({ ...deps, logger: createLogger('info', stream) }, { dir: '/nonexistent' }),
    });
    try {
      const { token } = await createSignInLink(ctx.store.db, ctx.programId, Date.now());
      const res = await ctx.app.inject({ method: 'GET', url: `/auth/link?token=${token}` });
      expect(res.statusCode).toBeLessThan(400);
      const log = lines.join('');
      expect(log).toContain('/auth/link?token=[redacted]');
      expect(log).not.toContain(token);
    } finally {
      await ctx.close();
    }
  });
});
