import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  DEFAULT_RETRY_SCHEDULE,
  loadConfig,
  parseRetrySchedule,
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
});
