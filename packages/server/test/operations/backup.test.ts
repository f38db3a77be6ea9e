import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/observability/logger.js';
import { startService } from '../../src/service.js';
import { getEventType } from '../../src/webhooks/catalog.js';
import type { RunningService } from '../../src/service.js';
import { cleanEnv, runCli } from '../cli/run-cli.js';
import { engines, TEST_POSTGRES_URL, openTestStore } from '../helpers/store.js';

const API_KEY = 'hlk_backup_test_key_0123456789';
const sample = getEventType('partner.created')?.sample as Record<string, unknown>;

/** A service on its own data directory (the default SQLite layout), with a client for its API. */
async function startOn(env: Record<string, string>): Promise<{
  service: RunningService;
  publish(n: number, tag: string): Promise<string[]>;
}> {
  const config = loadConfig({
    PORT: '0',
    HOST: '127.0.0.1',
    HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
    ...env,
  });
  const service = await startService(config, createLogger('silent'), { dashboard: false });
  return {
    service,
    async publish(n, tag) {
      const ids: string[] = [];
      for (let i = 0; i < n; i++) {
        const res = await fetch(`${service.url}/v1/events`, {
          method: 'POST',
          headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
          body: JSON.stringify({
            event: 'partner.created',
            data: { ...sample, id: `${tag}_${i}`, email: `${tag}${i}@example.com` },
          }),
        });
        if (res.status !== 201 && res.status !== 200) {
          throw new Error(`publish answered ${res.status}: ${await res.text()}`);
        }
        ids.push(((await res.json()) as { data: { id: string } }).data.id);
      }
      return ids;
    },
  };
}

async function eventFound(url: string, id: string): Promise<boolean> {
  const res = await fetch(`${url}/v1/events/${id}`, {
    headers: { authorization: `Bearer ${API_KEY}` },
  });
  return res.status === 200;
}

describe('backup and restore of the embedded SQLite database', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-backup-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('creates a new data directory 700 and the database file 600', async () => {
    const dataDir = join(dir, 'fresh', 'data');
    const { service } = await startOn({ HOOKLINE_DATA_DIR: dataDir });
    await service.stop();
    expect(statSync(dataDir).mode & 0o777).toBe(0o700);
    expect(statSync(join(dataDir, 'hookline.db')).mode & 0o777).toBe(0o600);
  });

  it('`hookline backup FILE` copies a live database; a service started on the copy finds every event', async () => {
    const dataDir = join(dir, 'live');
    const live = await startOn({ HOOKLINE_DATA_DIR: dataDir });
    const backupFile = join(dir, 'copy.db');
    let before: string[] = [];
    try {
      before = await live.publish(40, 'before');
      // Writes keep arriving while the backup runs: the copy is one consistent moment.
      const [backup] = await Promise.all([
        runCli(['backup', backupFile, '--json'], cleanEnv({ HOOKLINE_DATA_DIR: dataDir })),
        live.publish(20, 'during'),
      ]);
      expect(backup.stderr).toBe('');
      expect(backup.code).toBe(0);
      expect(JSON.parse(backup.stdout).pages).toBeGreaterThan(0);
      expect(statSync(backupFile).mode & 0o777).toBe(0o600);

      const again = await runCli(['backup', backupFile], cleanEnv({ HOOKLINE_DATA_DIR: dataDir }));
      expect(again.code).toBe(2);
      expect(again.stderr).toMatch(/already exists/);
    } finally {
      await live.service.stop();
    }

    // Restore = start a service on the copy (docs/operations.md: stop, copy into place, start).
    const restored = await startOn({ DATABASE_URL: `sqlite:${backupFile}` });
    try {
      for (const id of before) expect(await eventFound(restored.service.url, id)).toBe(true);
    } finally {
      await restored.service.stop();
    }
  });

  it('refuses to back up PostgreSQL, pointing to pg_dump', async () => {
    const run = await runCli(
      ['backup', join(dir, 'pg.db')],
      cleanEnv({ DATABASE_URL: 'postgres://postgres@127.0.0.1:5432/test' }),
    );
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/pg_dump/);
  });
});

describe.runIf(engines.includes('postgres'))('backup and restore on PostgreSQL (pg_dump)', () => {
  it('pg_dump of the schema restored into a new database finds every event', async () => {
    const store = await openTestStore('postgres');
    const schema = store.postgres?.schema ?? '';
    const live = await startOn({ DATABASE_URL: store.databaseUrl });
    let ids: string[] = [];
    const dump = join(mkdtempSync(join(tmpdir(), 'hookline-pgdump-')), 'hookline.dump');
    try {
      ids = await live.publish(25, 'pg');
      // The commands of docs/operations.md, "Backup and restore".
      execFileSync('pg_dump', ['--format=custom', '-n', schema, '-f', dump, TEST_POSTGRES_URL]);
    } finally {
      await live.service.stop();
    }
    const restoredDb = `${new URL(TEST_POSTGRES_URL).pathname.slice(1)}_restored`;
    const adminUrl = TEST_POSTGRES_URL;
    execFileSync('psql', [adminUrl, '-qc', `drop database if exists ${restoredDb}`]);
    execFileSync('psql', [adminUrl, '-qc', `create database ${restoredDb}`]);
    try {
      const target = new URL(TEST_POSTGRES_URL);
      target.pathname = `/${restoredDb}`;
      execFileSync('pg_restore', ['--no-owner', '-d', target.toString(), dump]);
      target.searchParams.set('options', `-c search_path=${schema}`);
      const restored = await startOn({ DATABASE_URL: target.toString() });
      try {
        for (const id of ids) expect(await eventFound(restored.service.url, id)).toBe(true);
      } finally {
        await restored.service.stop();
      }
    } finally {
      execFileSync('psql', [adminUrl, '-qc', `drop database if exists ${restoredDb} with (force)`]);
      await store.close();
    }
  });
});
