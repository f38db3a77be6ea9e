import type { BenchContext } from '../context.js';
import type { BenchDatabase } from '../database.js';
import { addWebhooks, createDatabase } from '../database.js';
import { hooklineEnv, startServe, startWorkers } from '../hookline.js';
import type { Child } from '../procs.js';
import { stopChild } from '../procs.js';
import type { Receivers } from '../receivers.js';
import type { Deployment } from './deployments.js';

/** A running Hookline (API + dispatchers) on a fresh database, wired to some receivers. */
export interface HooklineEnvironment {
  readonly db: BenchDatabase;
  readonly apiUrl: string;
  /** Every Hookline process (serve and workers): measured for CPU and RSS. */
  readonly processes: readonly Child[];
  close(): Promise<void>;
}

/**
 * Starts Hookline for end-to-end runs. SQLite: one `serve` with its own dispatcher (threading:
 * `deployment.thread`, else serve's default). PostgreSQL: `serve --no-worker` plus
 * `deployment.workers` workers, or (`inServe`) one `serve` with its dispatcher, as on SQLite.
 */
export async function startEnvironment(
  ctx: BenchContext,
  deployment: Deployment,
  receivers: Receivers,
): Promise<HooklineEnvironment> {
  const db = await createDatabase(deployment.engine, ctx.postgresUrl);
  const processes: Child[] = [];
  const close = async () => {
    await Promise.all(processes.map((p) => stopChild(p, 15_000)));
    await db.drop();
  };
  try {
    await addWebhooks(db, receivers.urls, ctx.secret);
    const env = {
      ...hooklineEnv(db.databaseUrl, db.apiKey),
      // A timing-out endpoint must not hold the shutdown for long.
      HOOKLINE_SHUTDOWN_TIMEOUT: '1s',
    };
    const inProcess = deployment.engine === 'sqlite' || deployment.inServe === true;
    const serve = await startServe(
      env,
      inProcess,
      deployment.thread ? ['--thread', deployment.thread] : [],
    );
    processes.push(serve.child);
    if (!inProcess) processes.push(...startWorkers(deployment.workers, env));
    return { db, apiUrl: serve.url, processes, close };
  } catch (error) {
    await close();
    throw error;
  }
}
