/**
 * `npm run bench [-- --quick]`: runs every scenario, then writes the markdown report, its SVG
 * chart and the raw JSON. Exits 0 even when targets are missed; non-zero only when the
 * harness itself breaks (or, with --strict, when a scenario errs).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { runBullmq } from './bullmq-peer.js';
import { runCeiling, runCeilingMedian } from './ceiling.js';
import { renderChart } from './chart.js';
import type { BenchContext } from './context.js';
import { SIZES } from './context.js';
import { dropAllDatabases } from './database.js';
import { commandAvailable } from './hookline.js';
import { machineInfo, versions } from './machine.js';
import { REPO_ROOT, killAllNow, removeSqlCountDir, setVerbose, stopAll } from './procs.js';
import { startReceivers } from './receivers.js';
import type { BenchmarkReport, RunResult, Scenario } from './results.js';
import { SCENARIOS } from './results.js';
import { renderMarkdown } from './report.js';
import type { Deployment } from './scenarios/deployments.js';
import {
  DEPLOYMENTS,
  POSTGRES_1,
  POSTGRES_2,
  POSTGRES_SERVE,
  POSTGRES_SERVE_NONE,
  SQLITE_1,
  SQLITE_1_DTHREAD,
  SQLITE_1_NONE,
} from './scenarios/deployments.js';
import { runDrain } from './scenarios/drain.js';
import { runEndToEnd } from './scenarios/e2e.js';
import type { Fault } from './scenarios/fairness.js';
import { FAULTS, fairnessRate, faultVariant, runFairness } from './scenarios/fairness.js';
import { PARTNERS, runPostbacks } from './scenarios/postbacks.js';
import { evaluateTargets } from './targets.js';
import { newSecret } from './workload.js';

const USAGE = `usage: npm run bench -- [options]
  --quick               small sizes and a subset of runs, under a minute (CI)
  --only <list>         scenarios to run: ${SCENARIOS.join(',')}
  --deployments <list>  Hookline deployments: ${DEPLOYMENTS.map((d) => d.key).join(',')}
  --out <file.md>       report path (default docs/benchmarks.md; quick: bench/results/quick.md)
  --postgres-url <url>  default $HOOKLINE_TEST_DATABASE_URL or postgres://postgres@127.0.0.1:5432/test
                        (a throw-away schema per run)
  --redis-url <url>     default $REDIS_URL or redis://127.0.0.1:6379
  --backlog <n>         pending deliveries of the drain and the peers (full 100000, quick 5000)
  --scale <n>           pending deliveries of the scale run (full 1000000, quick 20000)
  --seconds <s>         publishing time of each end-to-end run (full 15, quick 2.5)
  --strict              exit 1 when a scenario errs (not when a target is missed)
  --verbose             echo the child processes' output`;

const { values } = parseArgs({
  options: {
    quick: { type: 'boolean', default: false },
    only: { type: 'string' },
    deployments: { type: 'string' },
    out: { type: 'string' },
    'postgres-url': {
      type: 'string',
      default: process.env.HOOKLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    'redis-url': { type: 'string', default: process.env.REDIS_URL ?? 'redis://127.0.0.1:6379' },
    backlog: { type: 'string' },
    scale: { type: 'string' },
    seconds: { type: 'string' },
    strict: { type: 'boolean', default: false },
    verbose: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});
if (values.help) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}

const mode = values.quick ? 'quick' : 'full';
function positive(raw: string | undefined, name: string): number | undefined {
  if (raw === undefined) return undefined;
  const n = Number(raw);
  if (!(n > 0)) {
    process.stderr.write(`--${name} must be a positive number\n`);
    process.exit(2);
  }
  return n;
}
const sizes = {
  ...SIZES[mode],
  ...(positive(values.backlog, 'backlog') !== undefined
    ? { backlog: Math.round(Number(values.backlog)) }
    : {}),
  ...(positive(values.scale, 'scale') !== undefined
    ? { scale: Math.round(Number(values.scale)) }
    : {}),
  ...(positive(values.seconds, 'seconds') !== undefined
    ? { e2eSeconds: Number(values.seconds) }
    : {}),
};
const startedAt = Date.now();
// Quick mode must finish within a minute in CI: later runs are skipped when time runs short.
const deadline = startedAt + (mode === 'quick' ? 40_000 : 4 * 3_600_000);
const runTimeoutMs = mode === 'quick' ? 40_000 : 30 * 60_000;
setVerbose(values.verbose ?? false);

const log = (message: string) => process.stderr.write(`${message}\n`);

function pickList<T extends string>(
  raw: string | undefined,
  all: readonly T[],
  what: string,
): T[] | undefined {
  if (raw === undefined) return undefined;
  const items = raw
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const bad = items.filter((i) => !(all as readonly string[]).includes(i));
  if (bad.length > 0) {
    process.stderr.write(`unknown ${what}: ${bad.join(', ')}\n${USAGE}\n`);
    process.exit(2);
  }
  return items as T[];
}
const only = new Set<Scenario>(pickList(values.only, SCENARIOS, 'scenario') ?? SCENARIOS);
const chosenKeys = pickList(
  values.deployments,
  DEPLOYMENTS.map((d) => d.key),
  'deployment',
);

/** Which deployments each scenario runs on, per mode (quick keeps the headline ones). */
function deploymentsFor(scenario: Scenario): Deployment[] {
  const defaults: Record<Scenario, Deployment[]> =
    mode === 'quick'
      ? {
          ceiling: [],
          bullmq: [],
          drain: [SQLITE_1, POSTGRES_2],
          e2e: [SQLITE_1],
          fairness: [SQLITE_1],
          scale: [SQLITE_1],
        }
      : {
          ceiling: [],
          bullmq: [],
          drain: [SQLITE_1, POSTGRES_1, POSTGRES_2],
          // serve's default threading against the others, on both engines (issue 21, item 2).
          e2e: [
            SQLITE_1,
            SQLITE_1_NONE,
            SQLITE_1_DTHREAD,
            POSTGRES_1,
            POSTGRES_2,
            POSTGRES_SERVE,
            POSTGRES_SERVE_NONE,
          ],
          fairness: [SQLITE_1, POSTGRES_2],
          scale: [SQLITE_1, POSTGRES_2],
        };
  const list = defaults[scenario];
  return chosenKeys
    ? DEPLOYMENTS.filter(
        (d) => chosenKeys.includes(d.key) && (list.includes(d) || values.deployments !== undefined),
      )
    : list;
}
const faultsFor: readonly Fault[] =
  process.env.BENCH_FAULTS !== undefined
    ? FAULTS.filter((f) => process.env.BENCH_FAULTS?.split(',').includes(f))
    : mode === 'quick'
      ? ['timeout']
      : FAULTS;

let interrupted = false;
async function cleanup(): Promise<void> {
  await stopAll();
  await dropAllDatabases();
  removeSqlCountDir();
}
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    interrupted = true;
    log(`\n${signal}: stopping child processes and dropping temporary databases...`);
    void cleanup().finally(() => process.exit(130));
  });
}
process.on('exit', killAllNow);
// Last line of defence for CI: whatever hangs, the process ends (and says why).
const watchdogMs = mode === 'quick' ? 180_000 : 8 * 3_600_000;
setTimeout(() => {
  log(`watchdog: the benchmark ran longer than ${watchdogMs / 1000} s; killing its processes`);
  killAllNow();
  process.exit(1);
}, watchdogMs).unref();

function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new Error(`${what} did not finish within ${Math.round(ms / 1000)} s`)),
      ms,
    );
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

async function main(): Promise<number> {
  log(`Hookline benchmark (${mode}) — sizes: ${JSON.stringify(sizes)}`);
  const machine = machineInfo();
  const secret = newSecret();
  const postgresUrl = values['postgres-url'] as string;
  const redisUrl = values['redis-url'] as string;
  const v = await versions(postgresUrl, redisUrl);
  log(
    `machine: ${machine.cpuModel}, ${machine.cores} cores; postgres ${v.postgres ?? 'unreachable'}; redis ${v.redis ?? 'unreachable'}`,
  );

  const needsHookline = ['drain', 'e2e', 'fairness', 'scale'].some((s) => only.has(s as Scenario));
  const hasWorker = needsHookline && commandAvailable('worker');
  if (needsHookline && !hasWorker)
    log(
      '`hookline worker` is not available yet: Hookline scenarios are reported as not available.',
    );

  const receivers = await startReceivers(Array(sizes.endpoints).fill('ok'), secret);
  const ctx: BenchContext = {
    mode,
    sizes,
    secret,
    postgresUrl,
    redisUrl,
    receivers,
    deadline,
    log,
  };
  const runs: RunResult[] = [];
  let harnessBroken = false;
  // Warm the shared receivers' JIT, so that the first measured run (the ceiling) does not pay
  // for it alone. Not measured.
  await runCeiling(ctx, Math.min(2_000, sizes.backlog)).catch((error: unknown) => {
    log(`receiver warm-up failed: ${error instanceof Error ? error.message : String(error)}`);
  });

  type Stub = Pick<RunResult, 'id' | 'scenario' | 'system' | 'variant'>;
  const record = (r: RunResult) => {
    runs.push(r);
    const figure =
      r.deliveriesPerSecond === undefined
        ? ''
        : ` ${Math.round(r.deliveriesPerSecond)} deliveries/s`;
    const lat = r.latency ? `, p99 ${r.latency.p99.toFixed(1)} ms` : '';
    log(`  → ${r.id}: ${r.status}${figure}${lat}${r.note ? ` (${r.note})` : ''}`);
  };
  /** Runs one measurement, bounded; turns failures into an `error` row. */
  const attempt = async (
    stubs: Stub[],
    fn: () => Promise<RunResult | RunResult[]>,
    critical = false,
  ) => {
    if (interrupted) return;
    if (Date.now() > deadline) {
      for (const s of stubs)
        record({ ...s, status: 'skipped', note: 'time budget of the quick run used up' });
      return;
    }
    log(`${stubs.map((s) => s.id).join(', ')} ...`);
    try {
      const result = await withTimeout(fn(), runTimeoutMs, stubs[0]?.id ?? 'run');
      for (const r of Array.isArray(result) ? result : [result]) record(r);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (critical) harnessBroken = true;
      // A timed-out run may still have children: end them (not the shared receivers).
      await stopAll(3000, [receivers.child]);
      for (const s of stubs)
        record({ ...s, status: 'error', note: message.split('\n')[0]?.slice(0, 300) });
    }
  };
  const unavailable = (stubs: Stub[], note: string) => {
    for (const s of stubs) record({ ...s, status: 'not-available', note });
  };
  const hooklineMissing = (d: Deployment): string | undefined => {
    if (!hasWorker) return '`hookline worker` does not exist in this checkout yet';
    if (d.engine === 'postgres' && !v.postgres) return `PostgreSQL unreachable at ${postgresUrl}`;
    return undefined;
  };

  // Tasks in report order; quick mode runs the headline ones first, so that when time runs
  // short it is the secondary runs that are skipped.
  const tasks: { key: string; run: () => Promise<void> }[] = [];
  /** Each deployment's maximum event rate, from its end-to-end run when that ran first. */
  const maxRate = new Map<string, number>();
  if (only.has('ceiling')) {
    tasks.push({
      key: 'ceiling',
      run: () =>
        attempt(
          [{ id: 'ceiling', scenario: 'ceiling', system: 'bare undici `request`', variant: '' }],
          () => runCeilingMedian(ctx),
          true,
        ),
    });
  }
  if (only.has('bullmq')) {
    const stub: Stub = { id: 'bullmq', scenario: 'bullmq', system: 'BullMQ on Redis', variant: '' };
    tasks.push({
      key: 'bullmq',
      run: async () => {
        if (!v.redis) unavailable([stub], `Redis unreachable at ${redisUrl}`);
        else await attempt([stub], () => runBullmq(ctx));
      },
    });
  }
  for (const d of only.has('drain') ? deploymentsFor('drain') : []) {
    const stub: Stub = {
      id: `drain/${d.key}`,
      scenario: 'drain',
      system: d.label,
      variant: `${sizes.backlog.toLocaleString('en-US')} pending`,
    };
    tasks.push({
      key: stub.id,
      run: async () => {
        const missing = hooklineMissing(d);
        if (missing) unavailable([stub], missing);
        else await attempt([stub], () => runDrain(ctx, d, sizes.backlog, 'drain'));
      },
    });
  }
  for (const d of only.has('e2e') ? deploymentsFor('e2e') : []) {
    const stubs: Stub[] = [
      { id: `e2e/${d.key}/100`, scenario: 'e2e', system: d.label, variant: '100% (max rate)' },
      { id: `e2e/${d.key}/50`, scenario: 'e2e', system: d.label, variant: '50% of max rate' },
    ];
    tasks.push({
      key: `e2e/${d.key}`,
      run: async () => {
        const missing = hooklineMissing(d);
        if (missing) unavailable(stubs, missing);
        else await attempt(stubs, () => runEndToEnd(ctx, d));
        const full = runs.find((r) => r.id === `e2e/${d.key}/100` && r.status === 'ok');
        if (full?.eventsPerSecond) maxRate.set(d.key, full.eventsPerSecond);
      },
    });
  }
  for (const d of only.has('fairness') ? deploymentsFor('fairness') : []) {
    for (const fault of faultsFor) {
      const variant = faultVariant(fault);
      const stubs: Stub[] = [
        {
          id: `fairness/${d.key}/${fault}-quiet`,
          scenario: 'fairness',
          system: d.label,
          variant: 'all healthy (its baseline)',
        },
        { id: `fairness/${d.key}/${fault}`, scenario: 'fairness', system: d.label, variant },
      ];
      tasks.push({
        key: `fairness/${d.key}`,
        run: async () => {
          const missing = hooklineMissing(d);
          const rate = fairnessRate(sizes.endpoints, maxRate.get(d.key));
          if (missing) unavailable(stubs, missing);
          else await attempt(stubs, () => runFairness(ctx, d, fault, rate));
        },
      });
    }
  }
  // Issue 22: the owner's webhooks next to 200 partners' timing-out postbacks (same-run ratio).
  for (const d of only.has('fairness') ? deploymentsFor('fairness') : []) {
    const stubs: Stub[] = ['postbacks-quiet', 'postbacks'].map((v) => ({
      id: `fairness/${d.key}/${v}`,
      scenario: 'fairness',
      system: d.label,
      variant: v === 'postbacks' ? `next to ${PARTNERS} partners' timing-out postbacks` : 'quiet',
    }));
    tasks.push({
      key: `fairness/${d.key}/postbacks`,
      run: async () => {
        const missing = hooklineMissing(d);
        const rate = fairnessRate(sizes.endpoints, maxRate.get(d.key));
        if (missing) unavailable(stubs, missing);
        else await attempt(stubs, () => runPostbacks(ctx, d, rate));
      },
    });
  }
  for (const d of only.has('scale') ? deploymentsFor('scale') : []) {
    const stub: Stub = {
      id: `scale/${d.key}`,
      scenario: 'scale',
      system: d.label,
      variant: `${sizes.scale.toLocaleString('en-US')} pending`,
    };
    tasks.push({
      key: stub.id,
      run: async () => {
        const missing = hooklineMissing(d);
        if (missing) unavailable([stub], missing);
        else await attempt([stub], () => runDrain(ctx, d, sizes.scale, 'scale'));
      },
    });
  }
  if (mode === 'quick') {
    const first = ['ceiling', 'drain/sqlite-1', 'e2e/sqlite-1', 'fairness/sqlite-1', 'bullmq'];
    const rank = (key: string) => (first.includes(key) ? first.indexOf(key) : first.length);
    tasks.sort((a, b) => rank(a.key) - rank(b.key));
  }

  try {
    for (const task of tasks) await task.run();
  } finally {
    await receivers.stop();
    await cleanup();
  }
  if (interrupted) return 130;

  const report: BenchmarkReport = {
    date: new Date().toISOString(),
    mode,
    machine,
    versions: v,
    parameters: {
      'backlog (drain)': sizes.backlog,
      'backlog (scale)': sizes.scale,
      endpoints: sizes.endpoints,
      'in flight per endpoint': sizes.perEndpoint,
      'seconds per end-to-end run': sizes.e2eSeconds,
      publishers: sizes.publishConcurrency,
    },
    runs: [...runs].sort((a, b) => SCENARIOS.indexOf(a.scenario) - SCENARIOS.indexOf(b.scenario)),
    wallSeconds: (Date.now() - startedAt) / 1000,
  };
  const outMd = resolve(
    REPO_ROOT,
    values.out ?? (mode === 'quick' ? 'bench/results/quick.md' : 'docs/benchmarks.md'),
  );
  const outSvg = `${outMd.replace(/\.md$/, '')}.svg`;
  const outJson =
    mode === 'quick' && values.out === undefined
      ? join(REPO_ROOT, 'bench/results/quick.json')
      : join(REPO_ROOT, 'bench/results', `${basename(outMd, '.md')}.json`);
  const targets = evaluateTargets(runs);
  mkdirSync(dirname(outMd), { recursive: true });
  mkdirSync(dirname(outJson), { recursive: true });
  writeFileSync(
    outSvg,
    renderChart(runs, `Hookline deliveries per second (${mode} run, ${machine.cores} cores)`),
  );
  writeFileSync(outMd, renderMarkdown(report, targets, basename(outSvg)));
  writeFileSync(outJson, `${JSON.stringify({ ...report, targets }, null, 2)}\n`);

  log('\nTargets:');
  for (const t of targets) log(`  ${t.verdict.padEnd(4)}  ${t.target}\n        ${t.measured}`);
  log(`\nWrote ${outMd}, ${outSvg} and ${outJson} in ${report.wallSeconds.toFixed(1)} s.`);
  if (harnessBroken) {
    log('The harness itself failed (see the errors above): exit 1.');
    return 1;
  }
  if (values.strict && runs.some((r) => r.status === 'error')) return 1;
  return 0;
}

main().then(
  (code) => process.exit(code),
  async (error: unknown) => {
    log(`benchmark harness failed: ${error instanceof Error ? error.stack : String(error)}`);
    await cleanup().catch(() => {});
    process.exit(1);
  },
);
