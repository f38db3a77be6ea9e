import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { migrateToLatest, openStore } from '../../src/storage/index.js';
import type { Store } from '../../src/storage/index.js';
import {
  MAX_NAMED_STATEMENTS,
  MAX_NAMED_TEXT_LENGTH,
  StatementNames,
  resultFollowsTableColumns,
} from '../../src/storage/statement-names.js';
import { TEST_POSTGRES_URL, engines } from '../helpers/store.js';

describe('which PostgreSQL statements run prepared', () => {
  it('names a parameterised text from its second use, under one name', () => {
    const names = new StatementNames();
    const text = 'select id from webhooks where program_id = $1';
    expect(names.nameOf(text, 1)).toBeUndefined();
    const name = names.nameOf(text, 1);
    expect(name).toMatch(/^hl_[0-9a-f]{24}$/);
    expect(names.nameOf(text, 1)).toBe(name);
    // Another process names the same text the same way.
    const other = new StatementNames();
    other.nameOf(text, 1);
    expect(other.nameOf(text, 1)).toBe(name);
    expect(names.nameOf('select id from webhooks where id = $1', 1)).toBeUndefined();
  });

  it('never names a text without parameters, a long text or one whose result follows a table', () => {
    const names = new StatementNames();
    const twice = (text: string, parameters = 1) => {
      names.nameOf(text, parameters);
      return names.nameOf(text, parameters);
    };
    expect(twice('begin', 0)).toBeUndefined();
    expect(twice(`select $1 ${' '.repeat(MAX_NAMED_TEXT_LENGTH)}`)).toBeUndefined();
    expect(twice('select * from webhooks where id = $1')).toBeUndefined();
    expect(
      twice('select "rewards".*, "customers"."key" from rewards where id = $1'),
    ).toBeUndefined();
    expect(twice('update webhooks set name = $1 returning *')).toBeUndefined();
    expect(twice('select count(*) as n from deliveries where webhook_id = $1')).toBeDefined();
    // The result batch: `*` inside a CTE does not reach the statement's result.
    expect(
      twice('with v as (select * from jsonb_to_recordset($1) as v (id text)) update d set x = 1'),
    ).toBeDefined();
  });

  it('tells a result list of table columns from other stars', () => {
    expect(resultFollowsTableColumns('select * from t')).toBe(true);
    expect(resultFollowsTableColumns('SELECT a, t.* FROM t')).toBe(true);
    expect(resultFollowsTableColumns('select "t".* from "t"')).toBe(true);
    expect(resultFollowsTableColumns('insert into t (a) values ($1) returning *')).toBe(true);
    expect(resultFollowsTableColumns('select a * 2 from t')).toBe(false);
    expect(resultFollowsTableColumns("select 'select *' as a from t")).toBe(false);
    expect(resultFollowsTableColumns('select (select * from t limit 1) as a')).toBe(false);
    expect(resultFollowsTableColumns('select count(*) from t')).toBe(false);
  });

  it(`names at most ${MAX_NAMED_STATEMENTS} texts; those keep their names`, () => {
    const names = new StatementNames();
    const first = 'select $1 as n0';
    names.nameOf(first, 1);
    const name = names.nameOf(first, 1);
    for (let i = 1; i < MAX_NAMED_STATEMENTS + 20; i++) {
      names.nameOf(`select $1 as n${i}`, 1);
      names.nameOf(`select $1 as n${i}`, 1);
    }
    expect(names.size).toBe(MAX_NAMED_STATEMENTS);
    expect(names.nameOf('select $1 as n300', 1)).toBeUndefined();
    expect(names.nameOf(first, 1)).toBe(name);
  });

  it('HOOKLINE_PG_PREPARED_STATEMENTS turns them off, for a pooler that cannot keep them', () => {
    const url = 'postgres://u@db.example:5432/hookline';
    const on = loadConfig({ DATABASE_URL: url });
    expect(on.database).toMatchObject({ engine: 'postgres', preparedStatements: true });
    const off = loadConfig({ DATABASE_URL: url, HOOKLINE_PG_PREPARED_STATEMENTS: 'false' });
    expect(off.database).toMatchObject({ engine: 'postgres', preparedStatements: false });
    expect(() =>
      loadConfig({ DATABASE_URL: url, HOOKLINE_PG_PREPARED_STATEMENTS: 'maybe' }),
    ).toThrow(/HOOKLINE_PG_PREPARED_STATEMENTS/);
  });
});

describe.runIf(engines.includes('postgres'))('prepared statements on a PostgreSQL store', () => {
  /** A migrated store on one connection, so the session's prepared statements can be listed. */
  const open = async (preparedStatements?: boolean): Promise<Store> => {
    const store = await openStore(
      { engine: 'postgres', connectionString: TEST_POSTGRES_URL, preparedStatements },
      { schema: `t_${randomBytes(6).toString('hex')}`, poolSize: 1 },
    );
    await migrateToLatest(store);
    return store;
  };
  const prepared = async (store: Store) =>
    (
      await sql<{ name: string; statement: string }>`
        select name, statement from pg_prepared_statements where name like 'hl\\_%'
      `.execute(store.db)
    ).rows;
  const byId = (store: Store, id: string) =>
    store.db.selectFrom('programs').select(['id', 'name']).where('id', '=', id).execute();

  it('runs a repeated statement prepared on the connection', async () => {
    const store = await open();
    try {
      for (let i = 0; i < 3; i++) await byId(store, 'prg_none');
      await store.db.selectFrom('programs').selectAll().where('id', '=', 'prg_none').execute();
      await store.db.selectFrom('programs').selectAll().where('id', '=', 'prg_none').execute();
      const statements = (await prepared(store)).map((s) => s.statement);
      expect(statements).toContain('select "id", "name" from "programs" where "id" = $1');
      expect(statements.filter((s) => s.includes('"programs"'))).toHaveLength(1);
    } finally {
      await store.close();
    }
  });

  it('keeps working across a migration that adds a column', async () => {
    const store = await open();
    try {
      await sql`insert into programs (id, name, created_at, updated_at) values ('prg_1', 'One', 0, 0)`.execute(
        store.db,
      );
      for (let i = 0; i < 3; i++) expect(await byId(store, 'prg_1')).toHaveLength(1);
      const all = () => store.db.selectFrom('programs').selectAll().where('id', '=', 'prg_1');
      await all().execute();
      await all().execute();
      await sql`alter table programs add column added_later text`.execute(store.db);
      expect(await byId(store, 'prg_1')).toEqual([{ id: 'prg_1', name: 'One' }]);
      // An unnamed `select *` simply returns the new column.
      expect((await all().executeTakeFirstOrThrow()) as Record<string, unknown>).toHaveProperty(
        'added_later',
        null,
      );
    } finally {
      await store.close();
    }
  });

  it('recovers from a migration that changes a returned column type after one failure', async () => {
    const store = await open();
    try {
      await sql`create table typed (id text primary key, n integer)`.execute(store.db);
      await sql`insert into typed values ('a', 1)`.execute(store.db);
      const read = () =>
        sql<{ id: string; n: number | string }>`select id, n from typed where id = ${'a'}`.execute(
          store.db,
        );
      for (let i = 0; i < 3; i++) await read();
      await sql`alter table typed alter column n type text`.execute(store.db);
      // The statement prepared before the change is refused once, on this connection...
      await expect(read()).rejects.toThrow(/cached plan must not change result type/);
      // ...then runs prepared again under a new name, with the new type.
      for (let i = 0; i < 3; i++) expect((await read()).rows).toEqual([{ id: 'a', n: '1' }]);
      const statements = (await prepared(store)).filter((s) => s.statement.includes('typed'));
      expect(statements.map((s) => s.name).sort()).toEqual([
        expect.stringMatching(/^hl_[0-9a-f]{24}$/),
        expect.stringMatching(/^hl_[0-9a-f]{24}_1$/),
      ]);
    } finally {
      await store.close();
    }
  });

  it('prepares nothing when turned off', async () => {
    const store = await open(false);
    try {
      for (let i = 0; i < 3; i++) await byId(store, 'prg_none');
      expect(await prepared(store)).toEqual([]);
    } finally {
      await store.close();
    }
  });
});
