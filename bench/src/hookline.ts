import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import type { Child } from './procs.js';
import { REPO_ROOT, isRunning, sleep, spawnTs, stopChild } from './procs.js';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The CLI entry point the scenarios drive: the compiled one, as deployed (`npm run bench`
 * builds it first), so that neither CPU nor memory figures include a TypeScript loader.
 */
export const CLI = 'packages/server/dist/cli/main.js';

/** Environment of every Hookline process the benchmark starts. */
export function hooklineEnv(databaseUrl: string, apiKey: string, port = 0): Record<string, string> {
  return {
    DATABASE_URL: databaseUrl,
    HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
    HOOKLINE_BOOTSTRAP_API_KEY: apiKey,
    LOG_LEVEL: 'warn',
    PORT: String(port),
    HOST: '127.0.0.1',
    // Stated explicitly: the peers run at the same concurrency.
    HOOKLINE_MAX_IN_FLIGHT: '256',
    HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK: '16',
    HOOKLINE_DELIVERY_TIMEOUT: '5s',
    // One key publishes thousands of events a second here; the per-key limit guards against
    // runaway clients, not a benchmark's publishers.
    HOOKLINE_RATE_LIMIT: 'off',
    NODE_ENV: 'production',
  };
}

/**
 * Whether `hookline <command>` exists in this checkout (the engine may not be built yet).
 * Looks for its registration in the CLI sources: starting the CLI would cost seconds.
 */
export function commandAvailable(command: string): boolean {
  const dir = join(REPO_ROOT, 'packages/server/src/cli');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) =>
    f.endsWith('.ts'),
  );
  const pattern = new RegExp(`\\.command\\(\\s*['"\`]${command}\\b`);
  return files.some((f) => pattern.test(readFileSync(join(dir, f), 'utf8')));
}

/** A free loopback TCP port (bound, then released). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * Starts `hookline worker` processes. `BENCH_WORKER_THREAD` (`sender` or `none`) overrides the
 * worker's `--thread` default, to compare the two on the same machine.
 */
export function startWorkers(count: number, env: Record<string, string>): Child[] {
  const thread = process.env.BENCH_WORKER_THREAD;
  const args = ['worker', ...(thread ? ['--thread', thread] : [])];
  return Array.from({ length: count }, (_, i) =>
    spawnTs(`worker-${i + 1}`, CLI, args, { env, countSql: true }),
  );
}

/** Starts `hookline serve` (with or without its own dispatcher) and waits for /healthz. */
export async function startServe(
  env: Record<string, string>,
  withWorker: boolean,
  extraArgs: readonly string[] = [],
  timeoutMs = 60_000,
): Promise<{ child: Child; url: string }> {
  const port = await freePort();
  const args = [...(withWorker ? ['serve'] : ['serve', '--no-worker']), ...extraArgs];
  const child = spawnTs('serve', CLI, args, {
    env: { ...env, PORT: String(port) },
    countSql: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (!isRunning(child)) {
      throw new Error(`hookline serve exited: ${child.output().slice(-1500)}`);
    }
    try {
      const res = await request(`${url}/readyz`, { headersTimeout: 1000, bodyTimeout: 1000 });
      await res.body.text();
      if (res.statusCode === 200) return { child, url };
    } catch {
      // not listening yet
    }
    await sleep(100);
  }
  await stopChild(child);
  throw new Error(`hookline serve did not become ready within ${timeoutMs} ms`);
}

/** Throws with the process's output if any of `children` has exited. */
export function assertRunning(children: readonly Child[]): void {
  for (const c of children) {
    if (!isRunning(c)) throw new Error(`${c.name} exited: ${c.output().slice(-1500)}`);
  }
}
