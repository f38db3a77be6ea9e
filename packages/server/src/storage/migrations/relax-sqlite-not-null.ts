import { sql } from 'kysely';
import type { Db } from './common.js';

/**
 * SQLite cannot drop a NOT NULL constraint, so the table is rebuilt from its own stored DDL
 * with the constraint removed from the named columns (the documented 12-step procedure, without
 * foreign keys, which these tables do not have). Working from the stored DDL keeps columns and
 * indexes that other migrations added.
 */
export async function relaxSqliteNotNull(db: Db, table: string, columns: readonly string[]) {
  const rows = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const create = rows.rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`table ${table} not found`);
  let ddl = create.replace(/^create table "?\w+"?/i, `create table "${table}_rebuilt"`);
  for (const column of columns) {
    ddl = ddl.replace(new RegExp(`("?${column}"? \\w+) not null`, 'i'), '$1');
  }
  await sql.raw(ddl).execute(db);
  await sql.raw(`insert into "${table}_rebuilt" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${table}_rebuilt" rename to "${table}"`).execute(db);
  for (const index of rows.rows) {
    if (index.type === 'index' && index.sql !== null) await sql.raw(index.sql).execute(db);
  }
}
