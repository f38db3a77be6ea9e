/**
 * Interleaved A/B of `serve --thread` on a shared, noisy machine (issue 21, item 2): every
 * variant runs at once on its own database, and short phases alternate between them round after
 * round (the order rotating each round), so that the machine's other load falls on every
 * variant alike. Each round measures, per variant: the maximum rate (16 closed-loop publishers:
 * deliveries/s and `POST /v1/events` p50/p99) and 1,000 deliveries/s (100 events/s: publish →
 * receipt p50/p99). Prints the per-variant medians over the rounds as a markdown table.
 *
 *   node --import tsx bench/src/threads-ab.ts [--variants sqlite-1,sqlite-1-none,...]
 *     [--rounds 3] [--seconds 4]
 *
 * Needs the compiled CLI (`npm run build --workspace @hookline/server`).
 */
import { parseArgs } from 'node:util';
import type { BenchContext } from './context.js';
import { SIZES } from './context.js';
import { dropAllDatabases } from './database.js';
import { killAllNow, removeSqlCountDir, stopAll } from './procs.js';
import { startReceivers } from './receivers.js';
import { DEPLOYMENTS } from './scenarios/deployments.js';
import { measurePhase, warmUp } from './scenarios/e2e.js';
import type { HooklineEnvironment } from './scenarios/environment.js';
import { startEnvironment } from './scenarios/environment.js';
import { newSecret } from './workload.js';

const { values } = parseArgs({
  options: {
    variants: { type: 'string', default: 'sqlite-1,sqlite-1-none,sqlite-1-dthread' },
    rounds: { type: 'string', default: '3' },
    seconds: { type: 'string', default: '4' },
    'postgres-url': {
      type: 'string',
      default: process.env.HOOKLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
  },
});
const keys = (values.variants ?? '').split(',').filter(Boolean);
const deployments = keys.map((key) => {
  const d = DEPLOYMENTS.find((x) => x.key === key);
  if (!d) throw new Error(`unknown variant ${key}: ${DEPLOYMENTS.map((x) => x.key).join(', ')}`);
  return d;
});
const rounds = Number(values.rounds);
const seconds = Number(values.seconds);
const log = (m: string) => process.stderr.write(`${m}\n`);
process.on('exit', killAllNow);

type Figures = { dps: number; pubP50: number; pubP99: number; rcptP50: number; rcptP99: number };
const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? Number.NaN : (s[Math.floor((s.length - 1) / 2)] as number);
};

async function main(): Promise<void> {
  const secret = newSecret();
  const receivers = await startReceivers(Array(SIZES.full.endpoints).fill('ok'), secret);
  const ctx: BenchContext = {
    mode: 'full',
    sizes: { ...SIZES.full, e2eSeconds: seconds, warmupSeconds: 2 },
    secret,
    postgresUrl: values['postgres-url'] as string,
    redisUrl: '',
    receivers,
    deadline: Number.POSITIVE_INFINITY,
    log: () => {},
  };
  const envs: HooklineEnvironment[] = [];
  const figures = new Map<string, Figures[]>(keys.map((k) => [k, []]));
  try {
    for (const d of deployments) envs.push(await startEnvironment(ctx, d, receivers));
    for (const env of envs) await warmUp(ctx, env, receivers);
    for (let round = 0; round < rounds; round++) {
      for (let i = 0; i < envs.length; i++) {
        const at = (i + round) % envs.length;
        const env = envs[at] as HooklineEnvironment;
        const key = keys[at] as string;
        const max = await measurePhase(ctx, env, receivers, { kind: 'max' }, seconds);
        const fixed = await measurePhase(
          ctx,
          env,
          receivers,
          { kind: 'rate', eventsPerSecond: 100 },
          seconds,
        );
        const f: Figures = {
          dps: max.result.deliveriesPerSecond ?? Number.NaN,
          pubP50: max.publish.latency?.p50 ?? Number.NaN,
          pubP99: max.publish.latency?.p99 ?? Number.NaN,
          rcptP50: fixed.result.latency?.p50 ?? Number.NaN,
          rcptP99: fixed.result.latency?.p99 ?? Number.NaN,
        };
        figures.get(key)?.push(f);
        log(
          `round ${round + 1} ${key}: ${Math.round(f.dps)} deliveries/s, publish p50/p99 ${f.pubP50.toFixed(1)}/${f.pubP99.toFixed(1)} ms; at 1,000/s receipt p50/p99 ${f.rcptP50.toFixed(1)}/${f.rcptP99.toFixed(1)} ms`,
        );
      }
    }
  } finally {
    await Promise.all(envs.map((e) => e.close()));
    await receivers.stop();
    await stopAll();
    await dropAllDatabases();
    removeSqlCountDir();
  }
  const fmt = (x: number) => (x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US'));
  process.stdout.write(
    `| variant | deliveries/s (max rate) | publish p50 ms | publish p99 ms | receipt p50 ms at 1,000/s | receipt p99 ms at 1,000/s |\n|---|---:|---:|---:|---:|---:|\n`,
  );
  for (const [i, key] of keys.entries()) {
    const fs = figures.get(key) ?? [];
    const m = (pick: (f: Figures) => number) => fmt(median(fs.map(pick)));
    process.stdout.write(
      `| ${deployments[i]?.label} | ${m((f) => f.dps)} | ${m((f) => f.pubP50)} | ${m((f) => f.pubP99)} | ${m((f) => f.rcptP50)} | ${m((f) => f.rcptP99)} |\n`,
    );
  }
  process.stdout.write(`\nMedians of ${rounds} interleaved rounds of ${seconds} s phases.\n`);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    log(`threads-ab failed: ${error instanceof Error ? error.stack : String(error)}`);
    process.exit(1);
  },
);
