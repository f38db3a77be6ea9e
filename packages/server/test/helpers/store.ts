import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../../src/config/config.js';
import { migrateToLatest, openStore } from '../../src/storage/index.js';
import type { Engine, Store } from '../../src/storage/index.js';

/**
 * The PostgreSQL database the tests use: the run's own database (made by the global setup,
 * `postgres-run-database.ts`); every test store gets its own schema in it.
 */
export const TEST_POSTGRES_URL =
  process.env.HOOKLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

async function postgresReachable(): Promise<boolean> {
  const client = new pg.Client({
    connectionString: TEST_POSTGRES_URL,
    connectionTimeoutMillis: 3000,
  });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

/**
 * The engines every storage test runs on. Under `CI=true` an unreachable PostgreSQL fails the
 * run (it must not silently shrink to SQLite); locally it is skipped with a warning.
 */
export const engines: readonly Engine[] = await (async () => {
  if (await postgresReachable()) return ['sqlite', 'postgres'] as const;
  if (process.env.CI === 'true') {
    throw new Error(`PostgreSQL is required under CI=true but ${TEST_POSTGRES_URL} is unreachable`);
  }
  console.warn(`PostgreSQL unreachable at ${TEST_POSTGRES_URL}: running SQLite tests only`);
  return ['sqlite'] as const;
})();

/** A test store plus what it needs to be found again by a child process. */
export interface TestStore extends Store {
  /** The database target, to hand to a child `hookline` process via DATABASE_URL. */
  readonly target: DatabaseTarget;
  /** DATABASE_URL for a child process (PostgreSQL: schema passed via `options`). */
  readonly databaseUrl: string;
}

/**
 * Opens a fresh, migrated, isolated database: a temp SQLite file, or a new PostgreSQL schema.
 * `close()` removes the SQLite file; PostgreSQL schemas stay until the run's database is dropped
 * at global teardown, because dropping one while another file migrates broke Kysely's schema
 * listing (see `postgres-run-database.ts`).
 */
export async function openTestStore(engine: Engine): Promise<TestStore> {
  if (engine === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'hookline-test-'));
    const target: DatabaseTarget = { engine: 'sqlite', filename: join(dir, 'test.db') };
    const store = await openStore(target);
    await migrateToLatest(store);
    return {
      ...store,
      target,
      databaseUrl: `sqlite:${target.filename}`,
      async close() {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const schema = `t_${randomBytes(6).toString('hex')}`;
  const target: DatabaseTarget = { engine: 'postgres', connectionString: TEST_POSTGRES_URL };
  const store = await openStore(target, { schema, poolSize: 5 });
  await migrateToLatest(store);
  const url = new URL(TEST_POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return {
    ...store,
    target,
    databaseUrl: url.toString(),
    async close() {
      await store.close();
    },
  };
}
