import type { Engine } from '../../../packages/server/src/storage/index.js';

/** How Hookline is deployed for a run: the database engine and the worker processes. */
export interface Deployment {
  /** Stable key used in run ids, e.g. `postgres-2`. */
  readonly key: string;
  readonly engine: Engine;
  readonly workers: number;
  /** For the tables: "Hookline, PostgreSQL, 2 workers". */
  readonly label: string;
  /**
   * End to end where `serve` runs the dispatcher: `serve --thread` (undefined: serve's
   * default), to measure the threadings against each other in the same run.
   */
  readonly thread?: Thread;
  /**
   * PostgreSQL end to end: `serve` runs the dispatcher itself (as on SQLite) instead of
   * `serve --no-worker` plus `workers` worker processes.
   */
  readonly inServe?: boolean;
}

/** `serve --thread` values. */
export type Thread = 'none' | 'sender' | 'dispatcher';

const THREAD_KEYS = { none: 'none', sender: 'sthread', dispatcher: 'dthread' } as const;
const THREAD_LABELS = {
  none: ' (one thread)',
  sender: ' (sender thread)',
  dispatcher: ' (dispatcher thread)',
} as const;

function deployment(engine: Engine, workers: number, thread?: Thread): Deployment {
  return {
    key: `${engine}-${workers}${thread ? `-${THREAD_KEYS[thread]}` : ''}`,
    engine,
    workers,
    label: `Hookline, ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${workers} worker${workers === 1 ? '' : 's'}${thread ? THREAD_LABELS[thread] : ''}`,
    ...(thread ? { thread } : {}),
  };
}

/** PostgreSQL with `serve` running the dispatcher (no worker processes). */
function postgresInServe(thread?: Thread): Deployment {
  return {
    key: `postgres-serve${thread ? `-${THREAD_KEYS[thread]}` : ''}`,
    engine: 'postgres',
    workers: 1,
    label: `Hookline, PostgreSQL, serve's dispatcher${thread ? THREAD_LABELS[thread] : ''}`,
    inServe: true,
    ...(thread ? { thread } : {}),
  };
}

/** `serve` with its default threading (the `--thread` default). */
export const SQLITE_1 = deployment('sqlite', 1);
/** `serve --thread none` on SQLite (end to end only): API and dispatcher on one event loop. */
export const SQLITE_1_NONE = deployment('sqlite', 1, 'none');
/** `serve --thread sender` on SQLite (end to end only): HTTP attempts on a second thread. */
export const SQLITE_1_STHREAD = deployment('sqlite', 1, 'sender');
/** `serve --thread dispatcher` on SQLite (end to end only): the other threading. */
export const SQLITE_1_DTHREAD = deployment('sqlite', 1, 'dispatcher');
export const POSTGRES_1 = deployment('postgres', 1);
export const POSTGRES_2 = deployment('postgres', 2);
/** PostgreSQL, `serve` with its dispatcher at the default threading (end to end only). */
export const POSTGRES_SERVE = postgresInServe();
/** PostgreSQL, `serve --thread none` with its dispatcher (end to end only). */
export const POSTGRES_SERVE_NONE = postgresInServe('none');
/** PostgreSQL, `serve --thread dispatcher` (end to end only). */
export const POSTGRES_SERVE_DTHREAD = postgresInServe('dispatcher');
/** Every deployment, in report order. */
export const DEPLOYMENTS: readonly Deployment[] = [
  SQLITE_1,
  SQLITE_1_NONE,
  SQLITE_1_STHREAD,
  SQLITE_1_DTHREAD,
  POSTGRES_1,
  POSTGRES_2,
  POSTGRES_SERVE,
  POSTGRES_SERVE_NONE,
  POSTGRES_SERVE_DTHREAD,
];
