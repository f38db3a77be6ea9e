import { chmodSync, existsSync, mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresAdapter, PostgresDialect, SqliteDialect } from 'kysely';
import type { SqliteDatabase as SqliteDialectDatabase } from 'kysely';
import { LRUCache } from 'lru-cache';
import pg from 'pg';
import type { DatabaseTarget } from '../config/config.js';
import type { Engine } from './migrations.js';
import { isStalePlan } from './errors.js';
import type { Database } from './schema.js';
import { StatementNames } from './statement-names.js';

/**
 * An open database: the Kysely handle plus what the few engine-specific callers need
 * (the dispatcher's claim query, LISTEN/NOTIFY).
 */
export interface Store {
  readonly db: Kysely<Database>;
  readonly engine: Engine;
  /**
   * PostgreSQL only: the connection string and schema, so that a dedicated LISTEN connection
   * can be opened on the same database. `schema` is also the NOTIFY channel's namespace, so
   * that test databases living side by side in one server do not wake each other.
   */
  readonly postgres?: { readonly connectionString: string; readonly schema: string };
  /**
   * SQLite only: the store's own better-sqlite3 connection for hand-written hot statements
   * (see {@link sqlTransaction}). Absent on PostgreSQL and on stores built around a bare Kysely
   * handle (some tests), where {@link sqlTransaction} goes through Kysely instead.
   */
  readonly sqlite?: SqliteDatabase.Database;
  /** Closes every connection. Idempotent. */
  close(): Promise<void>;
}

/** Runs hand-written SQL (`?` placeholders) inside {@link sqlTransaction}. */
export interface SqlRunner {
  /** The rows of a query. */
  all<R>(text: string, params: readonly unknown[]): R[] | Promise<R[]>;
  /** Runs a statement; the number of rows it changed. */
  run(text: string, params: readonly unknown[]): number | Promise<number>;
}

/**
 * One SQLite transaction (`begin immediate`) of hand-written statements, for the dispatcher's
 * hot paths (claim, record): Kysely builds and compiles a query on every call, which cost a
 * third of the dispatcher's busy time at 1,000 deliveries/s (issue 21), while a prepared
 * better-sqlite3 statement runs its text again for a few microseconds.
 *
 * It first takes Kysely's connection, so it never interleaves with a Kysely transaction on the
 * same connection, then runs the statements directly on better-sqlite3 (cached prepared
 * statements, synchronous). `fn` must run only statements through its runner. A store without
 * its own connection (a test's bare Kysely handle) runs the same texts through Kysely, so query
 * logs and plans still see them.
 */
export async function sqlTransaction<T>(
  store: Pick<Store, 'db' | 'sqlite'>,
  fn: (sql: SqlRunner) => Promise<T>,
): Promise<T> {
  const raw = store.sqlite;
  if (!raw) {
    return store.db.transaction().execute((trx) =>
      fn({
        all: async <R>(text: string, params: readonly unknown[]) =>
          (await trx.executeQuery(CompiledQuery.raw(text, [...params]))).rows as R[],
        run: async (text: string, params: readonly unknown[]) =>
          Number(
            (await trx.executeQuery(CompiledQuery.raw(text, [...params]))).numAffectedRows ?? 0,
          ),
      }),
    );
  }
  const statement = preparedOn(raw);
  const runner: SqlRunner = {
    all: <R>(text: string, params: readonly unknown[]) => statement(text).all(...params) as R[],
    run: (text: string, params: readonly unknown[]) => statement(text).run(...params).changes,
  };
  return store.db.connection().execute(async () => {
    statement('begin immediate').run();
    try {
      const result = await fn(runner);
      statement('commit').run();
      return result;
    } catch (error) {
      if (raw.inTransaction) statement('rollback').run();
      throw error;
    }
  });
}

/** The statement cache of each connection (shared with Kysely's, see withStatementCache). */
const caches = new WeakMap<SqliteDatabase.Database, (text: string) => SqliteDatabase.Statement>();
function preparedOn(sqlite: SqliteDatabase.Database): (text: string) => SqliteDatabase.Statement {
  let cached = caches.get(sqlite);
  if (!cached) {
    cached = statementCache(sqlite);
    caches.set(sqlite, cached);
  }
  return cached;
}

/**
 * The engine behind a Kysely handle (a store's `db` or a transaction on it), for the few
 * writes that take an engine-specific shape.
 */
export function engineOf(db: Kysely<Database>): Engine {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/** Options of {@link openStore}. */
export interface OpenStoreOptions {
  /** PostgreSQL schema to use (created if missing). Default `public`. Tests use one each. */
  readonly schema?: string;
  /** Size of the PostgreSQL pool. Default 10. */
  readonly poolSize?: number;
}

/**
 * Opens the configured database. SQLite runs in WAL mode with `synchronous=NORMAL`: a commit
 * survives a killed process (our promise), and costs no fsync; see docs/operations.md for
 * power-loss durability.
 *
 * @example
 * const store = await openStore({ engine: 'sqlite', filename: './data/hookline.db' });
 */
export async function openStore(
  target: DatabaseTarget,
  options: OpenStoreOptions = {},
): Promise<Store> {
  if (target.engine === 'sqlite') {
    if (target.filename !== ':memory:') {
      // The database holds signing secrets and API-key hashes: a new data directory is the
      // owner's alone (an existing one keeps the mode its operator chose).
      mkdirSync(dirname(target.filename), { recursive: true, mode: 0o700 });
    }
    const isNew = target.filename !== ':memory:' && !existsSync(target.filename);
    const sqlite = new SqliteDatabase(target.filename);
    if (isNew) {
      chmodSync(target.filename, 0o600);
      // Only settable before the first table: lets the retention job hand deleted history's
      // pages back to the file system (`incremental_vacuum`) instead of only reusing them.
      sqlite.pragma('auto_vacuum = INCREMENTAL');
    }
    sqlite.pragma('journal_mode = WAL');
    sqlite.pragma('synchronous = NORMAL');
    sqlite.pragma('foreign_keys = ON');
    // Another process (the CLI, a second `hookline` command) may hold the write lock briefly.
    sqlite.pragma('busy_timeout = 5000');
    // The dispatcher rewrites the same hot pages (the due-queue indexes) in every commit; a
    // 16 MiB page cache keeps them in memory. The checkpoint stays at SQLite's default (1,000
    // WAL pages): 8,000 measured no faster in a drain and made each checkpoint a longer stall,
    // raising the end-to-end p99 at 50% load from ~50 ms to ~140 ms.
    sqlite.pragma('cache_size = -16384');
    // A write inside a transaction that may change several rows keeps a statement journal (the
    // pages it changed, to undo it alone if it fails halfway); past 64 KiB SQLite spills it to a
    // temporary file, which by default is a real file: a 10-delivery publish, a claim and a
    // result batch each created, wrote and deleted one. In memory, the storage work of a
    // delivery costs ~15% less CPU (docs/design-measurements.md, "Statement journals in
    // memory"). Bulk statements run in chunks (deliveries/cancel.ts) so that no journal grows
    // with a backlog.
    sqlite.pragma('temp_store = MEMORY');
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({ database: withStatementCache(sqlite) }),
    });
    let closed = false;
    return {
      db,
      engine: 'sqlite',
      sqlite,
      async close() {
        if (closed) return;
        closed = true;
        await db.destroy();
      },
    };
  }

  // A child process gets its schema through DATABASE_URL (`?options=-c search_path=x`); take it
  // from there too, or the migration bookkeeping would land in `public` while the tables land
  // in `x`, and the next schema would skip its migrations.
  const schema = options.schema ?? searchPathOf(target.connectionString) ?? 'public';
  if (!/^[a-z_][a-z0-9_]{0,62}$/.test(schema)) throw new Error(`Invalid schema name ${schema}`);
  if (schema !== 'public') {
    const admin = new pg.Client({ connectionString: target.connectionString });
    await admin.connect();
    try {
      await admin.query(`create schema if not exists ${schema}`);
    } finally {
      await admin.end();
    }
  }
  const pool = new pg.Pool({
    connectionString: target.connectionString,
    max: options.poolSize ?? 10,
    options: schema === 'public' ? undefined : `-c search_path=${schema}`,
    types: pgTypes,
    ...(target.preparedStatements === false
      ? {}
      : { Client: namingClient(new StatementNames()) as unknown as typeof pg.Client }),
  });
  // An idle client that loses its server connection emits 'error'; without a listener that
  // would crash the process. The next query reconnects.
  pool.on('error', () => {});
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  let closed = false;
  return {
    db,
    engine: 'postgres',
    postgres: { connectionString: target.connectionString, schema },
    async close() {
      if (closed) return;
      closed = true;
      await db.destroy();
    },
  };
}

/**
 * A pg client class whose parameterised statements run under the names `names` gives them
 * (statement-names.ts): pg parses a named statement once per connection and then only binds and
 * executes it. Kysely calls `query(text, values)`; every other call shape (a cursor, a config
 * object, a text without parameters) passes through unchanged.
 */
function namingClient(names: StatementNames) {
  return class NamingClient extends pg.Client {
    /** Names whose statement went stale on this connection, and the name used instead. */
    readonly #renamed = new Map<string, string>();
    #staleCount = 0;

    // pg's overloads cannot be restated one by one here; the call is forwarded as it came.
    // biome-ignore lint/suspicious/noExplicitAny: forwarding pg's overloaded query signature
    override query(config: any, values?: any, callback?: any): any {
      if (typeof config === 'string' && Array.isArray(values) && callback === undefined) {
        const name = names.nameOf(config, values.length);
        if (name !== undefined) {
          const current = this.#renamed.get(name) ?? name;
          return super.query({ name: current, text: config, values }).catch((error: unknown) => {
            // A migration changed the type of a column this statement returns: the server
            // refuses the prepared statement from now on. It runs again under a new name
            // (parsed afresh) from its next execution; this one fails as it came.
            if (isStalePlan(error)) this.#renamed.set(name, `${name}_${++this.#staleCount}`);
            throw error;
          });
        }
      }
      return super.query(config, values, callback);
    }
  };
}

/**
 * Epoch-ms times live in bigint columns; pg returns int8 as strings by default. Our values
 * stay far below 2^53, so numbers are exact. Scoped to our pools, not set globally.
 */
const pgTypes = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === 20) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as unknown as pg.CustomTypesConfig;

/** The first schema of `search_path` in a connection string's `options`, if any. */
function searchPathOf(connectionString: string): string | undefined {
  let options: string | null;
  try {
    options = new URL(connectionString).searchParams.get('options');
  } catch {
    return undefined;
  }
  const match = options?.match(/search_path\s*=\s*"?([A-Za-z0-9_]+)/);
  return match?.[1]?.toLowerCase();
}

/** Most prepared statements kept per SQLite connection. */
const STATEMENT_CACHE_SIZE = 500;
/**
 * Longer statements are not kept: they are the multi-row batches (one text per batch size),
 * and hundreds of those compiled programs raised a drain's peak RSS by ~35 MB (287 → 252 MB).
 */
const MAX_CACHED_SQL_LENGTH = 2_000;

/**
 * Kysely's SQLite driver prepares every statement anew; preparing is ~7% of the dispatcher's
 * CPU in a backlog drain (profiled with bench's BENCH_CPU_PROF_DIR). better-sqlite3 statements
 * are reusable, so keep the most recent ones, least recently used out first. Safe because
 * Kysely runs one statement at a time on this connection and we never stream (`iterate`).
 */
function withStatementCache(sqlite: SqliteDatabase.Database): SqliteDialectDatabase {
  const statement = preparedOn(sqlite);
  return {
    close: () => sqlite.close(),
    // Kysely opens transactions with a deferred `begin`. With two writers on one file (the
    // API and a dispatcher thread), a transaction that reads first and then writes fails at
    // once with SQLITE_BUSY when the other committed in between, without waiting for
    // busy_timeout. `begin immediate` takes the write lock up front, so it waits instead.
    prepare: (text: string) => statement(text === 'begin' ? 'begin immediate' : text),
  };
}

/**
 * Prepared statements by text, most recently used kept (an LRU of {@link STATEMENT_CACHE_SIZE}),
 * longer texts than {@link MAX_CACHED_SQL_LENGTH} prepared each time.
 */
function statementCache(
  sqlite: SqliteDatabase.Database,
): (text: string) => SqliteDatabase.Statement {
  const cache = new LRUCache<string, SqliteDatabase.Statement>({ max: STATEMENT_CACHE_SIZE });
  return (text) => {
    if (text.length > MAX_CACHED_SQL_LENGTH) return sqlite.prepare(text);
    let statement = cache.get(text);
    if (!statement) {
      statement = sqlite.prepare(text);
      cache.set(text, statement);
    }
    return statement;
  };
}
