import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isUniqueViolation } from '../../src/storage/index.js';
import {
  authenticateApiKey,
  bootstrap,
  createApiKey,
  createProgram,
  hashApiKey,
} from '../../src/programs/index.js';
import { migrateToLatest } from '../../src/storage/index.js';
import { newId } from '../../src/util/ids.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import { engines, openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

// The storage conformance suite: the same expectations on every engine.
describe.each(engines)('storage on %s', (engine) => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(async () => store.close());

  it.runIf(engine === 'postgres')(
    "runs in this run's own database, so no other run's teardown can touch its schemas",
    async () => {
      const { rows } = await sql<{ db: string }>`select current_database() as db`.execute(store.db);
      expect(rows[0]?.db).toMatch(/^hookline_test_\d+_[0-9a-f]{8}$/);
    },
  );

  it('applies migrations once; a second run applies nothing', async () => {
    expect((await migrateToLatest(store)).applied).toEqual([]);
  });

  it('round-trips epoch-ms times beyond 32 bits as numbers, and 0/1 booleans', async () => {
    const now = Date.UTC(2090, 0, 1, 0, 0, 0, 123);
    const program = await createProgram(store.db, { name: 'P', now });
    const row = await store.db
      .selectFrom('programs')
      .selectAll()
      .where('id', '=', program.id)
      .executeTakeFirstOrThrow();
    expect(row.created_at).toBe(now);
    expect(typeof row.created_at).toBe('number');
    const webhook = await insertWebhook(store.db, {
      programId: program.id,
      name: 'w',
      url: 'https://example.com/',
      events: ['*'],
      isActive: false,
      now,
    });
    const stored = await store.db
      .selectFrom('webhooks')
      .selectAll()
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow();
    expect(stored.is_active).toBe(0);
    expect(stored.kind).toBe('endpoint');
  });

  it('enforces one webhook key per program, and reports the violation recognisably', async () => {
    const a = await createProgram(store.db, { name: 'A' });
    const b = await createProgram(store.db, { name: 'B' });
    const base = {
      name: 'w',
      url: 'https://example.com/',
      events: ['*'],
      isActive: true,
      now: Date.now(),
      key: 'samekey',
    };
    await insertWebhook(store.db, { ...base, programId: a.id });
    await insertWebhook(store.db, { ...base, programId: b.id });
    const error = await insertWebhook(store.db, { ...base, programId: a.id }).catch(
      (e: unknown) => e,
    );
    expect(isUniqueViolation(error)).toBe(true);
  });

  it('stores API keys only as hashes and authenticates them', async () => {
    const program = await createProgram(store.db, { name: 'K' });
    const { apiKey, id } = await createApiKey(store.db, program.id);
    expect(apiKey).toMatch(/^hlk_[A-Za-z0-9]{40}$/);
    const row = await store.db
      .selectFrom('api_keys')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toContain(apiKey);
    expect(row.key_hash).toBe(hashApiKey(apiKey));
    expect(await authenticateApiKey(store.db, apiKey)).toEqual({
      programId: program.id,
      apiKeyId: id,
    });
    expect(await authenticateApiKey(store.db, `${apiKey}x`)).toBeNull();
    expect(await authenticateApiKey(store.db, '')).toBeNull();
    await store.db
      .updateTable('api_keys')
      .set({ revoked_at: Date.now() })
      .where('id', '=', id)
      .execute();
    expect(await authenticateApiKey(store.db, apiKey)).toBeNull();
  });

  it('orders time-ordered ids by creation time', () => {
    const ids = [newId('evt', 1_000), newId('evt', 2_000), newId('evt', 1_700_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
  });
});

describe.each(engines)('bootstrap on %s', (engine) => {
  it('creates one program and key on an empty database only, even when raced', async () => {
    const store = await openTestStore(engine);
    try {
      const results = await Promise.all([
        bootstrap(store.db, { apiKey: 'hlk_bootstrap_key_for_tests_0001' }),
        bootstrap(store.db, { apiKey: 'hlk_bootstrap_key_for_tests_0001' }),
      ]);
      expect(results.filter((r) => r.created)).toHaveLength(1);
      const programs = await store.db.selectFrom('programs').selectAll().execute();
      expect(programs).toHaveLength(1);
      expect(await authenticateApiKey(store.db, 'hlk_bootstrap_key_for_tests_0001')).toMatchObject({
        programId: programs[0]!.id,
      });
      expect((await bootstrap(store.db)).created).toBe(false);
    } finally {
      await store.close();
    }
  });
});
