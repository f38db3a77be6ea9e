import type { Engine } from '../../../packages/server/src/storage/index.js';

/** How Hookline is deployed for a run: the database engine and the worker processes. */
export interface Deployment {
  /** Stable key used in run ids, e.g. `postgres-2`. */
  readonly key: string;
  readonly engine: Engine;
  readonly workers: number;
  /** For the tables: "Hookline, PostgreSQL, 2 workers". */
  readonly label: string;
}

function deployment(engine: Engine, workers: number): Deployment {
  return {
    key: `${engine}-${workers}`,
    engine,
    workers,
    label: `Hookline, ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}, ${workers} worker${workers === 1 ? '' : 's'}`,
  };
}

export const SQLITE_1 = deployment('sqlite', 1);
export const POSTGRES_1 = deployment('postgres', 1);
export const POSTGRES_2 = deployment('postgres', 2);
/** Every deployment, in report order. */
export const DEPLOYMENTS: readonly Deployment[] = [SQLITE_1, POSTGRES_1, POSTGRES_2];
