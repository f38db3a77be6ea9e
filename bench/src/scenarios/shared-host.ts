/**
 * Shared host: the fairness run with every endpoint behind ONE origin (host and port), as when
 * a customer points several webhooks at one API gateway. A small routing proxy on loopback
 * forwards `/hooks/<i>` to endpoint `i` of the receiver process, so Hookline sees one origin;
 * endpoint 0 never answers (the delivery timeout) while the nine others are healthy.
 *
 * Targets (as the fairness scenario): healthy throughput within 10% of the all-healthy run on
 * the same shared host, healthy p99 latency within 2×.
 *
 * Standalone (not registered in run.ts, which another engineer is reworking):
 *   node --import tsx bench/src/scenarios/shared-host.ts [--quick] [--engine sqlite|postgres]
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import type { BenchContext } from '../context.js';
import { SIZES } from '../context.js';
import { startReceivers } from '../receivers.js';
import type { EndpointMode, Receivers } from '../receivers.js';
import type { RunResult } from '../results.js';
import { newSecret } from '../workload.js';
import type { Deployment } from './deployments.js';
import { POSTGRES_2, SQLITE_1 } from './deployments.js';
import { FAULTY_ENDPOINT, measurePhase } from './e2e.js';
import { startEnvironment } from './environment.js';

/** A loopback proxy that routes `/hooks/<i>...` to `targets[i]`, with keep-alive both ways. */
async function startRoutingProxy(
  targets: readonly number[],
): Promise<{ port: number; close(): Promise<void> }> {
  // Unlimited sockets per target: the proxy must not re-create the per-origin bottleneck.
  const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });
  const server = http.createServer({ keepAlive: true }, (req, res) => {
    const index = Number(/^\/hooks\/(\d+)/.exec(req.url ?? '')?.[1] ?? -1);
    const port = targets[index];
    if (port === undefined) {
      res.writeHead(404).end();
      return;
    }
    const upstream = http.request(
      { host: '127.0.0.1', port, method: req.method, path: req.url, headers: req.headers, agent },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    upstream.on('error', () => res.destroy());
    res.on('close', () => upstream.destroy());
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 65_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.address() as AddressInfo).port,
    async close() {
      server.closeAllConnections();
      agent.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * One shared-host run: ten webhooks on one origin, endpoint 0 timing out when `faulty`.
 * Returns the run with its healthy subset (throughput and latency of endpoints 1–9).
 */
export async function runSharedHost(
  ctx: BenchContext,
  deployment: Deployment,
  eventsPerSecond: number,
  faulty: boolean,
): Promise<RunResult> {
  const base = {
    id: `shared-host/${deployment.key}/${faulty ? 'timeout' : 'baseline'}`,
    scenario: 'fairness',
    system: deployment.label,
    variant: faulty
      ? '10 webhooks on one host, 1 times out'
      : '10 webhooks on one host, all healthy',
  } as const;
  const modes: EndpointMode[] = Array.from({ length: ctx.sizes.endpoints }, (_, i) =>
    faulty && i === FAULTY_ENDPOINT ? 'timeout' : 'ok',
  );
  const receivers = await startReceivers(modes, ctx.secret);
  const proxy = await startRoutingProxy(receivers.ports);
  const shared: Receivers = {
    ...receivers,
    urls: receivers.ports.map((_, i) => `http://127.0.0.1:${proxy.port}/hooks/${i}`),
  };
  try {
    const env = await startEnvironment(ctx, deployment, shared);
    try {
      const load = { kind: 'rate', eventsPerSecond } as const;
      await measurePhase(ctx, env, shared, load, ctx.sizes.warmupSeconds);
      const phase = await measurePhase(ctx, env, shared, load, ctx.sizes.e2eSeconds);
      return { ...base, ...phase.result };
    } finally {
      await env.close();
    }
  } finally {
    await proxy.close();
    await receivers.stop();
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      quick: { type: 'boolean', default: false },
      engine: { type: 'string', default: 'sqlite' },
      rate: { type: 'string', default: '200' },
      'postgres-url': {
        type: 'string',
        default:
          process.env.HOOKLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
      },
    },
  });
  const mode = values.quick ? 'quick' : 'full';
  const secret = newSecret();
  const log = (m: string) => process.stdout.write(`${m}\n`);
  const deployment = values.engine === 'postgres' ? POSTGRES_2 : SQLITE_1;
  const ctx: BenchContext = {
    mode,
    sizes: SIZES[mode],
    secret,
    postgresUrl: String(values['postgres-url']),
    redisUrl: '',
    // The scenarios here start their own receivers.
    receivers: undefined as unknown as Receivers,
    deadline: Number.POSITIVE_INFINITY,
    log,
  };
  const rate = Number(values.rate);
  const baseline = await runSharedHost(ctx, deployment, rate, false);
  const faulty = await runSharedHost(ctx, deployment, rate, true);
  const b = baseline.healthy;
  const f = faulty.healthy;
  const throughput = b && f ? f.deliveriesPerSecond / b.deliveriesPerSecond : Number.NaN;
  const p99 = b?.latency && f?.latency ? f.latency.p99 / b.latency.p99 : Number.NaN;
  log(JSON.stringify({ baseline, faulty }, null, 2));
  log(
    `healthy throughput ${(100 * throughput).toFixed(1)}% of baseline (target ≥ 90%): ${throughput >= 0.9 ? 'met' : 'MISSED'}`,
  );
  log(`healthy p99 ${p99.toFixed(2)}× baseline (target ≤ 2×): ${p99 <= 2 ? 'met' : 'MISSED'}`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    () => process.exit(0),
    (error: unknown) => {
      process.stderr.write(`${String(error)}\n`);
      process.exit(1);
    },
  );
}
