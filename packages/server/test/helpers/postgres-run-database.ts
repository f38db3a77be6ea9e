import { randomBytes } from 'node:crypto';
import pg from 'pg';

/**
 * Vitest global setup: one PostgreSQL database for this run of the suite, dropped when the run
 * ends. Test files still get a schema each inside it, but no schema is dropped while the run
 * goes on. Dropping schemas per file raced with other files' migrations: Kysely's migrator
 * lists every schema and table of the database (`pg_catalog` joins, `has_schema_privilege`),
 * and a schema dropped between two of its catalog reads failed that listing with 3F000 or
 * 42P01, failing `npm test` on a fresh clone about one run in three. A database per run also
 * keeps two runs on one machine (a developer's and CI's) out of each other's catalogs.
 */
export default async function setup(): Promise<(() => Promise<void>) | undefined> {
  const base = process.env.HOOKLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const admin = new pg.Client({ connectionString: base, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    // Unreachable: store.ts decides (fail under CI=true, skip with a warning otherwise).
    await admin.end().catch(() => {});
    return undefined;
  }
  await dropAbandoned(admin);
  const name = `${PREFIX}${process.pid}_${randomBytes(4).toString('hex')}`;
  await admin.query(`create database ${name}`);
  await admin.end();

  const url = new URL(base);
  url.pathname = `/${name}`;
  // Inherited by the test workers, which vitest forks after global setup.
  process.env.HOOKLINE_TEST_DATABASE_URL = url.toString();

  return async () => {
    const client = new pg.Client({ connectionString: base });
    await client.connect();
    try {
      await client.query(`drop database if exists ${name} with (force)`);
    } finally {
      await client.end();
    }
  };
}

const PREFIX = 'hookline_test_';

/** Drops run databases left by runs that were killed before their teardown (their pid is gone). */
async function dropAbandoned(admin: pg.Client): Promise<void> {
  const { rows } = await admin.query<{ datname: string }>(
    'select datname from pg_database where datname like $1',
    [`${PREFIX}%`],
  );
  for (const { datname } of rows) {
    const pid = Number(datname.slice(PREFIX.length).split('_')[0]);
    if (Number.isInteger(pid) && pid > 0 && processAlive(pid)) continue;
    await admin.query(`drop database if exists ${datname} with (force)`).catch(() => {});
  }
}

function processAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
