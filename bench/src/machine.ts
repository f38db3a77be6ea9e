import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import Database from 'better-sqlite3';
import { Redis } from 'ioredis';
import pg from 'pg';
import { VERSION } from '../../packages/server/src/version.js';
import { bullmqVersion } from './bullmq-peer.js';
import type { MachineInfo, Versions } from './results.js';

/** CPU model, cores, RAM and OS of this machine. */
export function machineInfo(): MachineInfo {
  let cpuModel = os.cpus()[0]?.model ?? 'unknown';
  try {
    const line = readFileSync('/proc/cpuinfo', 'utf8')
      .split('\n')
      .find((l) => l.startsWith('model name'));
    if (line) cpuModel = line.slice(line.indexOf(':') + 1).trim();
  } catch {
    // not Linux: os.cpus() is good enough
  }
  return {
    cpuModel,
    cores: os.availableParallelism?.() ?? os.cpus().length,
    ramBytes: os.totalmem(),
    os: `${os.type()} ${os.release()} (${os.arch()})`,
  };
}

function packageVersion(name: string): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    return (
      JSON.parse(readFileSync(require.resolve(`${name}/package.json`), 'utf8')) as {
        version: string;
      }
    ).version;
  } catch {
    return undefined;
  }
}

/** The PostgreSQL server's version, or undefined when it cannot be reached within 3 s. */
export async function postgresVersion(url: string): Promise<string | undefined> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ server_version: string }>('show server_version');
    return rows[0]?.server_version;
  } catch {
    return undefined;
  } finally {
    await client.end().catch(() => {});
  }
}

/** The Redis server's version, or undefined when it cannot be reached within 3 s. */
export async function redisVersion(url: string): Promise<string | undefined> {
  const redis = new Redis(url, {
    lazyConnect: true,
    connectTimeout: 3000,
    maxRetriesPerRequest: 0,
    retryStrategy: () => null,
  });
  redis.on('error', () => {});
  try {
    await redis.connect();
    const info = await redis.info('server');
    return /redis_version:(\S+)/.exec(info)?.[1];
  } catch {
    return undefined;
  } finally {
    redis.disconnect();
  }
}

/** Versions of everything measured. */
export async function versions(postgresUrl: string, redisUrl: string): Promise<Versions> {
  const sqlite = new Database(':memory:');
  const sqliteVersion = (sqlite.prepare('select sqlite_version() as v').get() as { v: string }).v;
  sqlite.close();
  return {
    node: process.version,
    hookline: VERSION,
    sqlite: `${sqliteVersion} (better-sqlite3 ${packageVersion('better-sqlite3') ?? '?'})`,
    postgres: await postgresVersion(postgresUrl),
    redis: await redisVersion(redisUrl),
    bullmq: bullmqVersion(),
    undici: packageVersion('undici'),
  };
}
