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
   * SQLite end to end: `serve --thread` (undefined: serve's default, one thread), to measure
   * what a second thread brings.
   */
  readonly thread?: 'sender' | 'dispatcher';
}

const THREAD_LABELS = {
  sender: ' (sender thread)',
  dispatcher: ' (dispatcher thread)',
} as const;

function deployment(engine: Engine, workers: number, thread?: 'sender' | 'dispatcher'): Deployment {
  return {
    key: `${engine}-${workers}${thread ? `-${thread === 'sender' ? 'sthread' : 'dthread'}` : ''}`,
    engine,
    workers,
    label: `Hookline, ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${workers} worker${workers === 1 ? '' : 's'}${thread ? THREAD_LABELS[thread] : ''}`,
    ...(thread ? { thread } : {}),
  };
}

export const SQLITE_1 = deployment('sqlite', 1);
/** `serve --thread sender` on SQLite (end to end only): HTTP attempts on a second thread. */
export const SQLITE_1_STHREAD = deployment('sqlite', 1, 'sender');
/** `serve --thread dispatcher` on SQLite (end to end only): the other threading. */
export const SQLITE_1_DTHREAD = deployment('sqlite', 1, 'dispatcher');
export const POSTGRES_1 = deployment('postgres', 1);
export const POSTGRES_2 = deployment('postgres', 2);
/** Every deployment, in report order. */
export const DEPLOYMENTS: readonly Deployment[] = [
  SQLITE_1,
  SQLITE_1_STHREAD,
  SQLITE_1_DTHREAD,
  POSTGRES_1,
  POSTGRES_2,
];
