import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_RETRY_SCHEDULE,
  loadConfig,
  parseRetrySchedule,
  parseTrustProxy,
} from '../../src/config/config.js';
import { formatDuration, parseDuration } from '../../src/config/duration.js';

describe('configuration', () => {
  it('defaults to SQLite under ./data, port 8080, the documented retry schedule and 5 s', () => {
    const config = loadConfig({});
    expect(config.port).toBe(8080);
    expect(config.database.engine).toBe('sqlite');
    expect(config.database.engine === 'sqlite' && config.database.filename).toMatch(
      /data\/hookline\.db$/,
    );
    expect(config.retrySchedule).toEqual([0, 60_000, 300_000, 1_800_000, 7_200_000]);
    expect(config.retrySchedule).toBe(DEFAULT_RETRY_SCHEDULE);
    expect(config.deliveryTimeoutMs).toBe(5_000);
    expect(config.allowPrivateNetworks).toBe(false);
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('reads every documented variable', () => {
    const config = loadConfig({
      PORT: '9000',
      DATABASE_URL: 'postgres://u:p@db.internal:5432/hookline',
      HOOKLINE_DATA_DIR: '/tmp/hl',
      HOOKLINE_BOOTSTRAP_API_KEY: 'hlk_automation_key_123456',
      HOOKLINE_RETRY_SCHEDULE: '0s,1s,2s',
      HOOKLINE_DELIVERY_TIMEOUT: '2500ms',
      HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
      LOG_LEVEL: 'DEBUG',
    });
    expect(config).toMatchObject({
      port: 9000,
      dataDir: '/tmp/hl',
      bootstrapApiKey: 'hlk_automation_key_123456',
      retrySchedule: [0, 1000, 2000],
      deliveryTimeoutMs: 2500,
      allowPrivateNetworks: true,
      logLevel: 'debug',
      database: {
        engine: 'postgres',
        connectionString: 'postgres://u:p@db.internal:5432/hookline',
      },
    });
    expect(loadConfig({ DATABASE_URL: 'sqlite:/tmp/x.db' }).database).toEqual({
      engine: 'sqlite',
      filename: '/tmp/x.db',
    });
  });

  it('reports every bad value at once, without echoing the database URL', () => {
    let error: unknown;
    try {
      loadConfig({
        PORT: 'eighty',
        DATABASE_URL: 'mysql://root:hunter2@x/y',
        HOOKLINE_RETRY_SCHEDULE: '0s,,5m',
        HOOKLINE_DELIVERY_TIMEOUT: 'soon',
        HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'maybe',
        LOG_LEVEL: 'loud',
        HOOKLINE_BOOTSTRAP_API_KEY: 'short',
      });
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ConfigError);
    const problems = (error as ConfigError).problems;
    expect(problems).toHaveLength(7);
    expect(problems.join('\n')).not.toContain('hunter2');
    expect(problems.find((p) => p.startsWith('PORT'))).toMatch(/integer from 0 to 65535/);
    expect(problems.find((p) => p.startsWith('HOOKLINE_RETRY_SCHEDULE'))).toMatch(
      /comma-separated/,
    );
  });

  it('refuses a lease not longer than the delivery timeout', () => {
    expect(() => loadConfig({ HOOKLINE_LEASE: '5s', HOOKLINE_DELIVERY_TIMEOUT: '5s' })).toThrow(
      /HOOKLINE_LEASE/,
    );
  });

  it('parses and formats durations and schedules', () => {
    expect(parseDuration('1m')).toBe(60_000);
    expect(parseDuration('2h')).toBe(7_200_000);
    expect(parseDuration('250ms')).toBe(250);
    expect(parseDuration('3')).toBe(3_000);
    expect(parseDuration('1 fortnight')).toBeUndefined();
    expect(formatDuration(300_000)).toBe('5m');
    expect(formatDuration(1500)).toBe('1500ms');
    expect(parseRetrySchedule('0s,1m,5m,30m,2h')).toEqual(DEFAULT_RETRY_SCHEDULE);
    expect(parseRetrySchedule('0s,8d')).toMatch(/longer than 7 days/);
    expect(parseRetrySchedule('x')).toMatch(/not a duration/);
  });

  it('reads HOOKLINE_TRUST_PROXY as a hop count or proxy addresses, true being one hop', () => {
    expect(loadConfig({}).trustProxy).toBe(false);
    expect(loadConfig({ HOOKLINE_TRUST_PROXY: 'false' }).trustProxy).toBe(false);
    expect(loadConfig({ HOOKLINE_TRUST_PROXY: '0' }).trustProxy).toBe(false);
    // `true` is one hop, never "trust every hop".
    expect(loadConfig({ HOOKLINE_TRUST_PROXY: 'true' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ HOOKLINE_TRUST_PROXY: '1' }).trustProxy).toEqual({ hops: 1 });
    expect(loadConfig({ HOOKLINE_TRUST_PROXY: '2' }).trustProxy).toEqual({ hops: 2 });
    expect(
      loadConfig({ HOOKLINE_TRUST_PROXY: '10.0.0.0/8, 192.168.1.10,fd00::/8, loopback' })
        .trustProxy,
    ).toEqual({ addresses: ['10.0.0.0/8', '192.168.1.10', 'fd00::/8', 'loopback'] });
    for (const bad of ['everyone', '10.0.0.0/33', '10.0.0/8', '::1/129', '1.2.3.4/8/8', '101']) {
      expect(parseTrustProxy(bad), bad).toEqual(expect.any(String));
    }
    expect(() => loadConfig({ HOOKLINE_TRUST_PROXY: '10.0.0.0/8,proxy.internal' })).toThrow(
      /HOOKLINE_TRUST_PROXY=.*"proxy.internal" is not one/,
    );
  });

  it('paces postback starts at 128 a second by default; 0 turns pacing off; negatives refused', () => {
    expect(loadConfig({}).postbackStartRate).toBe(128);
    expect(loadConfig({ HOOKLINE_POSTBACK_START_RATE: '0' }).postbackStartRate).toBe(0);
    expect(loadConfig({ HOOKLINE_POSTBACK_START_RATE: '500' }).postbackStartRate).toBe(500);
    expect(() => loadConfig({ HOOKLINE_POSTBACK_START_RATE: '-1' })).toThrow(ConfigError);
  });

  it('reads the unauthenticated volume limit, 60 a minute by default', () => {
    expect(loadConfig({}).unauthenticatedLimit).toEqual({ max: 60, windowMs: 60_000 });
    expect(loadConfig({ HOOKLINE_UNAUTHENTICATED_LIMIT: '5/1s' }).unauthenticatedLimit).toEqual({
      max: 5,
      windowMs: 1_000,
    });
    expect(loadConfig({ HOOKLINE_UNAUTHENTICATED_LIMIT: 'off' }).unauthenticatedLimit).toBeNull();
    expect(() => loadConfig({ HOOKLINE_UNAUTHENTICATED_LIMIT: 'lots' })).toThrow(
      /HOOKLINE_UNAUTHENTICATED_LIMIT/,
    );
  });
});
