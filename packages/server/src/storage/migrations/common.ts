import type { Kysely } from 'kysely';

/** The SQL engine a migration runs on; DDL branches on it only where the engines differ. */
export type Engine = 'sqlite' | 'postgres';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an unknown schema
export type Db = Kysely<any>;

/** Epoch-ms times exceed 32 bits, so they need bigint on PostgreSQL; SQLite integers are 64-bit. */
export function bigint(engine: Engine): 'bigint' | 'integer' {
  return engine === 'postgres' ? 'bigint' : 'integer';
}
