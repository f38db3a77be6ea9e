import { isIP } from 'node:net';
import { resolve } from 'node:path';
import { parseEncryptionKey } from './encryption-key.js';
import { formatDuration, parseDuration } from './duration.js';

/** Log levels accepted by `LOG_LEVEL` (pino's names). */
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** One of {@link LOG_LEVELS}. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** Where the data lives: the embedded SQLite file, or a PostgreSQL server. */
export type DatabaseTarget =
  | { readonly engine: 'sqlite'; readonly filename: string }
  | {
      readonly engine: 'postgres';
      readonly connectionString: string;
      /**
       * Run repeated statements as named, server-side prepared statements
       * (`HOOKLINE_PG_PREPARED_STATEMENTS`, default true; storage/statement-names.ts). Off for a
       * pooler that cannot keep them across transactions (PgBouncer in transaction mode before
       * 1.21, or without `max_prepared_statements`).
       */
      readonly preparedStatements?: boolean;
    };

/**
 * The validated, frozen configuration of one Hookline process. Built once by
 * {@link loadConfig} (the only place that reads `process.env`) and injected everywhere else.
 */
export interface Config {
  /** HTTP port of the API and dashboard. Default `8080`. */
  readonly port: number;
  /** Interface to bind. Default `0.0.0.0`. */
  readonly host: string;
  /** Base URL users reach the service at, used in pagination links and sign-in links. */
  readonly publicUrl: string;
  /** Directory of the SQLite file and other local state. Default `./data`. */
  readonly dataDir: string;
  readonly database: DatabaseTarget;
  /** When set, the API key that bootstrap creates for the default program. */
  readonly bootstrapApiKey: string | undefined;
  /** Delay before each attempt, in ms; its length is the number of attempts. */
  readonly retrySchedule: readonly number[];
  /** Hard limit for one whole HTTP exchange with an endpoint, in ms. Default 5000. */
  readonly deliveryTimeoutMs: number;
  /** Lets deliveries reach private, loopback and link-local addresses (development, tests). */
  readonly allowPrivateNetworks: boolean;
  readonly logLevel: LogLevel;
  /** Deliveries in flight at once in one dispatcher. Default 256. */
  readonly maxInFlight: number;
  /** Deliveries in flight at once to one webhook. Default 16. */
  readonly maxInFlightPerWebhook: number;
  /**
   * Most of `maxInFlight` that partners' postbacks (delivery lane 1) may hold, in percent
   * (`HOOKLINE_POSTBACK_SHARE`, default 50): the rest stays reserved for the owner's webhooks.
   */
  readonly postbackSharePercent: number;
  /**
   * Most postback attempts one dispatcher starts per second, in bursts of at most 16
   * (`HOOKLINE_POSTBACK_START_RATE`, default 128; 0 = unpaced), so that a share of postbacks
   * that timed out together is restarted over a second instead of in one claim.
   */
  readonly postbackStartRate: number;
  /**
   * How many levels of niceness the thread that sends partners' postbacks takes below the rest
   * of the process (`HOOKLINE_POSTBACK_NICE`, default 10, 0 to 19; 0 = the same priority; Linux
   * only), so that when the cores are full the owner's claims and sends run first.
   */
  readonly postbackNice: number;
  /** How long a claimed delivery stays locked before another worker may take it. Default 30 s. */
  readonly leaseMs: number;
  /** Backstop poll interval of the dispatcher when no wake-up arrives. Default 1 s. */
  readonly pollIntervalMs: number;
  /** How long SIGTERM waits for in-flight attempts before releasing them. Default 10 s. */
  readonly shutdownTimeoutMs: number;
  /** How long a rotated-out secret keeps signing by default. Default 24 h. */
  readonly secretGracePeriodMs: number;
  /** How often due rewards leave their review period (`HOOKLINE_REWARD_SWEEP_INTERVAL`). Default 1 min. */
  readonly rewardSweepIntervalMs: number;
  /** `/v1` requests per API key (`HOOKLINE_RATE_LIMIT`, default 1,000 per second); `null` is off. */
  readonly apiRateLimit: RateLimit | null;
  /**
   * Failed authentications (API key, session or sign-in) per client address before that
   * address's *failing* attempts get 429s (`HOOKLINE_AUTH_FAILURE_LIMIT`, default 10 per
   * minute); `null` is off. Valid credentials are always served.
   */
  readonly authFailureLimit: RateLimit | null;
  /**
   * Requests without credentials (sign-in, `/openapi.json`, unknown paths) per client address
   * before that address's failing ones get 429s (`HOOKLINE_UNAUTHENTICATED_LIMIT`, default 60
   * per minute); `null` is off. A valid sign-in is always served.
   */
  readonly unauthenticatedLimit: RateLimit | null;
  /** Which peers may name the client in `X-Forwarded-For` (`HOOKLINE_TRUST_PROXY`). */
  readonly trustProxy: TrustProxy;
  /**
   * How long events, deliveries and their attempts are kept (`HOOKLINE_RETENTION`, default
   * 30 days); `null` keeps them forever.
   */
  readonly retentionMs: number | null;
  /**
   * Keys that encrypt signing secrets at rest, as hex (`HOOKLINE_ENCRYPTION_KEY`, and during a
   * key rotation `HOOKLINE_ENCRYPTION_KEY_PREVIOUS`, comma-separated). No current key: new
   * secrets are stored in clear.
   */
  readonly encryptionKeys: {
    readonly current: string | undefined;
    readonly previous: readonly string[];
  };
  /** When set, `GET /metrics` requires `Authorization: Bearer <token>` (`HOOKLINE_METRICS_TOKEN`). */
  readonly metricsToken: string | undefined;
  /** DNS servers for deliveries (`HOOKLINE_DNS_SERVERS`, comma-separated); empty: the system's. */
  readonly dnsServers: readonly string[];
  /** Longest `Retry-After` honoured on 429/503 (`HOOKLINE_RETRY_AFTER_MAX`). Default 1 h. */
  readonly retryAfterMaxMs: number;
  /**
   * How long a webhook may fail without a success before it is disabled
   * (`HOOKLINE_DISABLE_AFTER`, default 5 days as Svix); `null` (`off`) never.
   */
  readonly disableAfterMs: number | null;
  /**
   * Deliveries failed for good in a row that disable a webhook
   * (`HOOKLINE_DISABLE_AFTER_FAILURES`); `null` (default, `off`) never.
   */
  readonly disableAfterFailures: number | null;
  /** SMTP server for owner notices (`HOOKLINE_SMTP_URL`, `smtp://user:pass@host:port`). */
  readonly smtpUrl: string | undefined;
  /** Sender address of notices (`HOOKLINE_SMTP_FROM`). Default `hookline@localhost`. */
  readonly smtpFrom: string;
  /** Default recipient of notices (`HOOKLINE_OPERATIONS_EMAIL`), unless the program sets one. */
  readonly operationsEmail: string | undefined;
}

/**
 * The reverse proxies trusted to append the client's address to `X-Forwarded-For`: none
 * (`false`, the socket's peer is the client), the last `hops` peers, or peers whose address is
 * in one of `addresses` (IPs, CIDRs, or proxy-addr's names `loopback`, `linklocal`,
 * `uniquelocal`). The client is the right-most address not trusted.
 */
export type TrustProxy =
  | false
  | { readonly hops: number }
  | { readonly addresses: readonly string[] };

/** At most `max` in each window of `windowMs`. */
export interface RateLimit {
  readonly max: number;
  readonly windowMs: number;
}

/** A configuration value that failed validation; `problems` lists each, one line per variable. */
export class ConfigError extends Error {
  constructor(readonly problems: readonly string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`);
    this.name = 'ConfigError';
  }
}

/** Default retry schedule: immediately, then after 1 min, 5 min, 30 min and 2 h. */
export const DEFAULT_RETRY_SCHEDULE: readonly number[] = Object.freeze([
  0, 60_000, 300_000, 1_800_000, 7_200_000,
]);

type Env = Readonly<Record<string, string | undefined>>;

/**
 * Reads, validates and defaults the configuration from the environment, then freezes it.
 * Every problem is reported at once so an operator can fix them in one go.
 *
 * @example
 * const config = loadConfig(); // throws ConfigError listing every bad variable
 */
export function loadConfig(env: Env = process.env, overrides: Partial<Config> = {}): Config {
  const problems: string[] = [];
  const read = (name: string): string | undefined => {
    const v = env[name];
    return v === undefined || v.trim() === '' ? undefined : v.trim();
  };

  const int = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const n = Number(raw);
    if (!Number.isInteger(n) || n < min || n > max) {
      problems.push(`${name}=${JSON.stringify(raw)} must be an integer from ${min} to ${max}`);
      return fallback;
    }
    return n;
  };

  const duration = (name: string, fallback: number, min: number, max: number): number => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const ms = parseDuration(raw);
    if (ms === undefined || ms < min || ms > max) {
      problems.push(
        `${name}=${JSON.stringify(raw)} must be a duration such as 500ms, 5s, 1m or 2h, from ${formatDuration(min)} to ${formatDuration(max)}`,
      );
      return fallback;
    }
    return ms;
  };

  const bool = (name: string, fallback: boolean): boolean => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const v = raw.toLowerCase();
    if (['true', '1', 'yes', 'on'].includes(v)) return true;
    if (['false', '0', 'no', 'off'].includes(v)) return false;
    problems.push(`${name}=${JSON.stringify(raw)} must be true or false`);
    return fallback;
  };

  const port = int('PORT', 8080, 0, 65_535);
  const host = read('HOST') ?? '0.0.0.0';
  const dataDir = resolve(read('HOOKLINE_DATA_DIR') ?? './data');

  let database: DatabaseTarget = { engine: 'sqlite', filename: resolve(dataDir, 'hookline.db') };
  const dbUrl = read('DATABASE_URL');
  if (dbUrl !== undefined) {
    if (/^postgres(ql)?:\/\//i.test(dbUrl)) {
      try {
        new URL(dbUrl);
        database = {
          engine: 'postgres',
          connectionString: dbUrl,
          preparedStatements: bool('HOOKLINE_PG_PREPARED_STATEMENTS', true),
        };
      } catch {
        problems.push('DATABASE_URL is not a valid postgres:// URL');
      }
    } else if (/^sqlite:/i.test(dbUrl) || /^file:/i.test(dbUrl)) {
      const path = dbUrl.replace(/^(sqlite|file):(\/\/)?/i, '');
      if (path === '')
        problems.push('DATABASE_URL=sqlite: needs a file path, e.g. sqlite:./data/hookline.db');
      else database = { engine: 'sqlite', filename: path === ':memory:' ? path : resolve(path) };
    } else {
      // Never echo the value: a DATABASE_URL usually carries a password.
      problems.push('DATABASE_URL must start with postgres://, postgresql:// or sqlite:');
    }
  }

  const bootstrapApiKey = read('HOOKLINE_BOOTSTRAP_API_KEY');
  if (bootstrapApiKey !== undefined && !/^[A-Za-z0-9_-]{16,128}$/.test(bootstrapApiKey)) {
    problems.push(
      'HOOKLINE_BOOTSTRAP_API_KEY must be 16 to 128 characters of letters, digits, "_" or "-"',
    );
  }

  let retrySchedule = DEFAULT_RETRY_SCHEDULE;
  const scheduleRaw = read('HOOKLINE_RETRY_SCHEDULE');
  if (scheduleRaw !== undefined) {
    const parsed = parseRetrySchedule(scheduleRaw);
    if (typeof parsed === 'string') problems.push(`HOOKLINE_RETRY_SCHEDULE: ${parsed}`);
    else retrySchedule = parsed;
  }

  const levelRaw = read('LOG_LEVEL')?.toLowerCase() ?? 'info';
  let logLevel: LogLevel = 'info';
  if ((LOG_LEVELS as readonly string[]).includes(levelRaw)) logLevel = levelRaw as LogLevel;
  else
    problems.push(`LOG_LEVEL=${JSON.stringify(levelRaw)} must be one of ${LOG_LEVELS.join(', ')}`);

  const rateLimit = (name: string, fallback: RateLimit): RateLimit | null => {
    const raw = read(name);
    if (raw === undefined) return fallback;
    const parsed = parseRateLimit(raw);
    if (typeof parsed === 'string') {
      problems.push(`${name}=${JSON.stringify(raw)} ${parsed}`);
      return fallback;
    }
    return parsed;
  };

  const trustProxy = (): TrustProxy => {
    const raw = read('HOOKLINE_TRUST_PROXY');
    if (raw === undefined) return false;
    const parsed = parseTrustProxy(raw);
    if (typeof parsed === 'string') {
      problems.push(`HOOKLINE_TRUST_PROXY=${JSON.stringify(raw)} ${parsed}`);
      return false;
    }
    return parsed;
  };

  const encryptionKey = (name: string, raw: string): string | undefined => {
    const key = parseEncryptionKey(raw);
    if (!key) {
      // Never echo the value: it is the key.
      problems.push(
        `${name} must be 32 bytes written as 64 hex digits or as base64 (openssl rand -base64 32)`,
      );
      return undefined;
    }
    return key.toString('hex');
  };
  const currentKeyRaw = read('HOOKLINE_ENCRYPTION_KEY');
  const encryptionKeys = {
    current:
      currentKeyRaw === undefined
        ? undefined
        : encryptionKey('HOOKLINE_ENCRYPTION_KEY', currentKeyRaw),
    previous: (read('HOOKLINE_ENCRYPTION_KEY_PREVIOUS') ?? '')
      .split(',')
      .map((k) => k.trim())
      .filter((k) => k !== '')
      .map((k) => encryptionKey('HOOKLINE_ENCRYPTION_KEY_PREVIOUS', k))
      .filter((k): k is string => k !== undefined),
  };

  const config: Config = {
    port,
    host,
    publicUrl: (read('HOOKLINE_PUBLIC_URL') ?? `http://localhost:${port}`).replace(/\/+$/, ''),
    dataDir,
    database,
    bootstrapApiKey,
    retrySchedule,
    deliveryTimeoutMs: duration('HOOKLINE_DELIVERY_TIMEOUT', 5_000, 100, 120_000),
    allowPrivateNetworks: bool('HOOKLINE_ALLOW_PRIVATE_NETWORKS', false),
    logLevel,
    maxInFlight: int('HOOKLINE_MAX_IN_FLIGHT', 256, 1, 10_000),
    maxInFlightPerWebhook: int('HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK', 16, 1, 1_000),
    postbackSharePercent: int('HOOKLINE_POSTBACK_SHARE', 50, 1, 100),
    postbackStartRate: int('HOOKLINE_POSTBACK_START_RATE', 128, 0, 100_000),
    postbackNice: int('HOOKLINE_POSTBACK_NICE', 10, 0, 19),
    leaseMs: duration('HOOKLINE_LEASE', 30_000, 1_000, 3_600_000),
    pollIntervalMs: duration('HOOKLINE_POLL_INTERVAL', 1_000, 10, 60_000),
    shutdownTimeoutMs: duration('HOOKLINE_SHUTDOWN_TIMEOUT', 10_000, 0, 600_000),
    secretGracePeriodMs: duration('HOOKLINE_SECRET_GRACE_PERIOD', 86_400_000, 0, 604_800_000),
    rewardSweepIntervalMs: duration('HOOKLINE_REWARD_SWEEP_INTERVAL', 60_000, 1_000, 86_400_000),
    apiRateLimit: rateLimit('HOOKLINE_RATE_LIMIT', { max: 1_000, windowMs: 1_000 }),
    authFailureLimit: rateLimit('HOOKLINE_AUTH_FAILURE_LIMIT', { max: 10, windowMs: 60_000 }),
    unauthenticatedLimit: rateLimit('HOOKLINE_UNAUTHENTICATED_LIMIT', {
      max: 60,
      windowMs: 60_000,
    }),
    trustProxy: trustProxy(),
    metricsToken: read('HOOKLINE_METRICS_TOKEN'),
    encryptionKeys,
    retentionMs: /^(off|forever|never)$/i.test(read('HOOKLINE_RETENTION') ?? '')
      ? null
      : duration('HOOKLINE_RETENTION', 30 * 86_400_000, 3_600_000, 3_650 * 86_400_000),
    dnsServers: (read('HOOKLINE_DNS_SERVERS') ?? '')
      .split(',')
      .map((s) => s.trim())
      .filter((s) => s !== ''),
    retryAfterMaxMs: duration('HOOKLINE_RETRY_AFTER_MAX', 3_600_000, 1_000, 86_400_000),
    disableAfterMs: /^(off|never)$/i.test(read('HOOKLINE_DISABLE_AFTER') ?? '')
      ? null
      : duration('HOOKLINE_DISABLE_AFTER', 5 * 86_400_000, 60_000, 365 * 86_400_000),
    disableAfterFailures: /^(off|never|0)$/i.test(read('HOOKLINE_DISABLE_AFTER_FAILURES') ?? 'off')
      ? null
      : int('HOOKLINE_DISABLE_AFTER_FAILURES', 20, 1, 1_000_000),
    smtpUrl: read('HOOKLINE_SMTP_URL'),
    smtpFrom: read('HOOKLINE_SMTP_FROM') ?? 'hookline@localhost',
    operationsEmail: read('HOOKLINE_OPERATIONS_EMAIL'),
    ...overrides,
  };
  if (config.leaseMs <= config.deliveryTimeoutMs) {
    problems.push(
      `HOOKLINE_LEASE (${formatDuration(config.leaseMs)}) must be longer than HOOKLINE_DELIVERY_TIMEOUT (${formatDuration(config.deliveryTimeoutMs)}), or a slow attempt could be claimed twice`,
    );
  }
  if (config.metricsToken !== undefined && config.metricsToken.length < 16) {
    problems.push('HOOKLINE_METRICS_TOKEN must be at least 16 characters');
  }
  for (const server of config.dnsServers) {
    if (!/^(\[[0-9a-fA-F:.]+\]|[0-9a-fA-F:.]+)(:\d{1,5})?$/.test(server)) {
      problems.push(
        `HOOKLINE_DNS_SERVERS: ${JSON.stringify(server)} must be an IP address, optionally with :port`,
      );
    }
  }
  if (config.smtpUrl !== undefined && !/^smtps?:\/\/[^/]+/i.test(config.smtpUrl)) {
    // Never echo the value: it usually carries a password.
    problems.push('HOOKLINE_SMTP_URL must start with smtp:// or smtps://');
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return Object.freeze(config);
}

/** What the client commands (`listen`, `trigger`, `tail`) read from the environment. */
export interface CliEnv {
  /** `HOOKLINE_API_URL`: the Hookline server to talk to, when `--api-url` is not given. */
  readonly apiUrl: string | undefined;
  /** `HOOKLINE_API_KEY`: the program's API key, when `--api-key` is not given. */
  readonly apiKey: string | undefined;
  /** `NO_COLOR` set (any value): plain output. */
  readonly noColor: boolean;
}

/**
 * Reads the client commands' settings. Kept apart from {@link loadConfig} because those
 * commands talk to a server and need none of its settings.
 *
 * @example loadCliEnv({ HOOKLINE_API_URL: 'http://localhost:8080' }).apiUrl
 */
export function loadCliEnv(env: Env = process.env): CliEnv {
  const read = (name: string) => {
    const v = env[name]?.trim();
    return v === undefined || v === '' ? undefined : v;
  };
  return Object.freeze({
    apiUrl: read('HOOKLINE_API_URL'),
    apiKey: read('HOOKLINE_API_KEY'),
    noColor: env.NO_COLOR !== undefined,
  });
}

/**
 * Parses `HOOKLINE_RETRY_SCHEDULE`: comma-separated delays before each attempt, the first
 * usually `0s`. Its length is the number of attempts.
 *
 * @example parseRetrySchedule('0s,1m,5m,30m,2h') // [0, 60000, 300000, 1800000, 7200000]
 * @returns the delays in ms, or a message saying what is wrong
 */
export function parseRetrySchedule(text: string): number[] | string {
  const parts = text.split(',').map((p) => p.trim());
  if (parts.length === 0 || parts.some((p) => p === '')) {
    return `${JSON.stringify(text)} must be a comma-separated list of durations, e.g. 0s,1m,5m,30m,2h`;
  }
  if (parts.length > 50) return 'at most 50 attempts';
  const delays: number[] = [];
  for (const part of parts) {
    const ms = parseDuration(part);
    if (ms === undefined) return `${JSON.stringify(part)} is not a duration (use ms, s, m, h or d)`;
    if (ms > 7 * 86_400_000) return `${JSON.stringify(part)} is longer than 7 days`;
    delays.push(ms);
  }
  return delays;
}

/**
 * Parses a rate limit: `N/duration` (`100/1s`, `10/1m`), or `off`.
 *
 * @example parseRateLimit('100/1s') // { max: 100, windowMs: 1000 }
 * @returns the limit, `null` for `off`, or a message saying what is wrong
 */
export function parseRateLimit(text: string): RateLimit | null | string {
  if (/^(off|false|0|none)$/i.test(text)) return null;
  const match = /^(\d{1,7})\s*\/\s*(\S+)$/.exec(text);
  const windowMs = match?.[2] === undefined ? undefined : parseDuration(match[2]);
  const max = Number(match?.[1]);
  if (!match || windowMs === undefined || max < 1 || windowMs < 100 || windowMs > 86_400_000) {
    return 'must be a count per duration such as 100/1s or 10/1m (window from 100ms to 1d), or off';
  }
  return { max, windowMs };
}

/** proxy-addr's names for address ranges, accepted in `HOOKLINE_TRUST_PROXY` as Fastify does. */
const NAMED_RANGES = ['loopback', 'linklocal', 'uniquelocal'];

/**
 * Parses `HOOKLINE_TRUST_PROXY`: `false`/`off`, a hop count (`true` is one hop, never "every
 * hop"), or comma-separated addresses and CIDRs of the proxies.
 *
 * @example parseTrustProxy('true') // { hops: 1 }
 * @example parseTrustProxy('10.0.0.0/8, ::1') // { addresses: ['10.0.0.0/8', '::1'] }
 * @returns the setting, or a message saying what is wrong
 */
export function parseTrustProxy(text: string): TrustProxy | string {
  const value = text.trim().toLowerCase();
  if (['false', 'no', 'off', 'none', '0'].includes(value)) return false;
  if (['true', 'yes', 'on'].includes(value)) return { hops: 1 };
  if (/^\d+$/.test(value)) {
    const hops = Number(value);
    return hops <= 100 ? { hops } : 'must be a hop count from 0 to 100';
  }
  const addresses = value
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '');
  const bad = addresses.filter((part) => !validProxyAddress(part));
  if (addresses.length === 0 || bad.length > 0) {
    return `must be a hop count (1 for one proxy), or comma-separated proxy addresses or CIDRs such as 10.0.0.0/8,192.168.1.10 (${bad.map((b) => JSON.stringify(b)).join(', ') || 'none given'} is not one)`;
  }
  return { addresses };
}

function validProxyAddress(part: string): boolean {
  if (NAMED_RANGES.includes(part)) return true;
  const [address = '', prefix, ...rest] = part.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  return /^\d{1,3}$/.test(prefix) && Number(prefix) <= (family === 4 ? 32 : 128);
}
