import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { authenticateApiKey } from '../../src/programs/index.js';
import { cleanEnv, runCli } from '../cli/run-cli.js';
import { openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

describe('hookline keys list|revoke (child processes on the database)', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('sqlite');
  });
  afterAll(async () => store?.close());

  it('lists a program’s keys without the keys, and revokes one', async () => {
    const env = cleanEnv({ DATABASE_URL: store.databaseUrl });
    const created = await runCli(['programs', 'create', '--name', 'Acme', '--json'], env);
    const program = JSON.parse(created.stdout) as { id: string; api_key: string };
    const second = await runCli(
      ['keys', 'create', '--program', program.id, '--name', 'ci', '--json'],
      env,
    );
    const ci = JSON.parse(second.stdout) as { id: string; api_key: string };

    const list = await runCli(['keys', 'list', '--program', program.id, '--json'], env);
    expect(list.code).toBe(0);
    expect(list.stdout).not.toContain(program.api_key);
    expect(list.stdout).not.toContain(ci.api_key);
    const rows = list.stdout
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { id: string; name: string; revoked_at: string | null });
    expect(rows.map((r) => r.name).sort()).toEqual(['ci', 'default']);

    const revoke = await runCli(['keys', 'revoke', ci.id, '--program', program.id], env);
    expect(revoke.code).toBe(0);
    expect(revoke.stdout).toMatch(/Revoked key_/);
    expect(await authenticateApiKey(store.db, ci.api_key)).toBeNull();
    expect(await authenticateApiKey(store.db, program.api_key)).not.toBeNull();

    const unknown = await runCli(['keys', 'revoke', 'key_nope', '--program', program.id], env);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/no key key_nope/);
  }, 120_000);
});
