import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator, sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { migrateToLatest, openStore } from '../../src/storage/index.js';
import type { Store } from '../../src/storage/index.js';
import { migrations } from '../../src/storage/migrations.js';
import { TEST_POSTGRES_URL, engines } from '../helpers/store.js';

// 0008 relaxes NOT NULL on rewards.transaction_id/customer_id; on SQLite that rebuilds the
// table, which must keep every row, column and index of a database that already has rewards.
describe.each(engines)('migration 0008_program_types on an existing %s database', (engine) => {
  let store: Store | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps existing rewards and indexes, and allows rewards without a transaction', async () => {
    if (engine === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'hookline-0008-'));
      store = await openStore({ engine, filename: join(dir, 'db.sqlite') });
    } else {
      store = await openStore(
        { engine, connectionString: TEST_POSTGRES_URL },
        { schema: `t_${randomBytes(6).toString('hex')}`, poolSize: 2 },
      );
    }
    const s = store;
    const before = Object.fromEntries(
      Object.entries(migrations(s.engine)).filter(([name]) => name < '0008'),
    );
    const migrator = new Migrator({
      db: s.db,
      provider: { getMigrations: async () => before },
      ...(s.postgres ? { migrationTableSchema: s.postgres.schema } : {}),
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    const reward = {
      id: 'rwd_old',
      program_id: 'prg',
      transaction_id: 'txn',
      partner_id: 'p',
      customer_id: 'cus',
      action: 'sale',
      status: 'review_period',
      amount_minor: 3000,
      amount_units: 'USD',
      is_currency: 1,
      credit: 0,
      product_id: null,
      product_type: null,
      review_ends_at: 5,
      created_at: 1,
      updated_at: 1,
      approved_at: null,
      paid_at: null,
      deleted_at: null,
    };
    // biome-ignore lint/suspicious/noExplicitAny: the table predates the typed schema's columns
    await (s.db as any).insertInto('rewards').values(reward).execute();

    const report = await migrateToLatest(s);
    expect(report.applied).toContain('0008_program_types');
    const kept = await s.db.selectFrom('rewards').selectAll().executeTakeFirstOrThrow();
    expect(kept).toMatchObject({
      ...reward,
      amount_minor: 3000,
      note: null,
      payout_request_id: null,
    });
    await s.db
      .insertInto('rewards')
      .values({
        ...reward,
        id: 'rwd_bonus',
        transaction_id: null,
        customer_id: null,
        note: 'bonus',
        payout_request_id: null,
      })
      .execute();
    // The partial index that the review sweep relies on survived the rebuild.
    const due = await s.db
      .selectFrom('rewards')
      .select('id')
      .where(sql<boolean>`status = 'review_period'`)
      .where('review_ends_at', '<=', 10)
      .execute();
    expect(due.map((r) => r.id).sort()).toEqual(['rwd_bonus', 'rwd_old']);
    if (engine === 'sqlite') {
      const indexes = await sql<{
        name: string;
      }>`select name from sqlite_master where type = 'index' and tbl_name = 'rewards'`.execute(
        s.db,
      );
      expect(indexes.rows.map((r) => r.name)).toEqual(
        expect.arrayContaining([
          'rewards_review_due',
          'rewards_transaction',
          'rewards_program_partner',
          'rewards_payout_request',
        ]),
      );
    }
  });
});
