import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('delivery lifecycle settings', () => {
  it('defaults: system DNS, 1 h Retry-After bound, disabled after 5 days, no email', () => {
    const c = loadConfig({});
    expect(c.dnsServers).toEqual([]);
    expect(c.retryAfterMaxMs).toBe(3_600_000);
    expect(c.disableAfterMs).toBe(5 * 86_400_000);
    expect(c.disableAfterFailures).toBeNull();
    expect(c.smtpUrl).toBeUndefined();
    expect(c.smtpFrom).toBe('hookline@localhost');
    expect(c.operationsEmail).toBeUndefined();
  });

  it('reads every variable', () => {
    const c = loadConfig({
      HOOKLINE_DNS_SERVERS: '10.0.0.2, 127.0.0.1:5353,[::1]:53',
      HOOKLINE_RETRY_AFTER_MAX: '10m',
      HOOKLINE_DISABLE_AFTER: 'off',
      HOOKLINE_DISABLE_AFTER_FAILURES: '20',
      HOOKLINE_SMTP_URL: 'smtp://user:pw@mail.example.test:587',
      HOOKLINE_SMTP_FROM: 'hooks@example.test',
      HOOKLINE_OPERATIONS_EMAIL: 'owner@example.test',
    });
    expect(c.dnsServers).toEqual(['10.0.0.2', '127.0.0.1:5353', '[::1]:53']);
    expect(c.retryAfterMaxMs).toBe(600_000);
    expect(c.disableAfterMs).toBeNull();
    expect(c.disableAfterFailures).toBe(20);
    expect(c.smtpUrl).toBe('smtp://user:pw@mail.example.test:587');
    expect(c.operationsEmail).toBe('owner@example.test');
    expect(loadConfig({ HOOKLINE_DISABLE_AFTER: '36h' }).disableAfterMs).toBe(129_600_000);
  });

  it('names each bad value, without echoing an SMTP password', () => {
    let error: unknown;
    try {
      loadConfig({
        HOOKLINE_DNS_SERVERS: 'dns.example.test',
        HOOKLINE_DISABLE_AFTER_FAILURES: 'many',
        HOOKLINE_DISABLE_AFTER: '5 days',
        HOOKLINE_SMTP_URL: 'mailto://user:s3cret@x',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems.join('\n');
    expect(problems).toMatch(/HOOKLINE_DNS_SERVERS/);
    expect(problems).toMatch(/HOOKLINE_DISABLE_AFTER_FAILURES/);
    expect(problems).toMatch(/HOOKLINE_DISABLE_AFTER=/);
    expect(problems).toMatch(/HOOKLINE_SMTP_URL/);
    expect(problems).not.toMatch(/s3cret/);
  });
});
