import type { BenchContext } from './context.js';
import { budgetMs } from './context.js';
import { nextMessage, sampleProcess, spawnTs, stopChild } from './procs.js';
import { totals } from './receivers.js';
import type { RunResult } from './results.js';
import { rate } from './stats.js';

type Done = { type: 'done'; ok: number; failed: number; firstStart: number; lastEnd: number };

/** The ceiling run: bare undici, no persistence, the same bodies, receivers and concurrency. */
export async function runCeiling(ctx: BenchContext, count = ctx.sizes.backlog): Promise<RunResult> {
  const { sizes, receivers } = ctx;
  const concurrency = sizes.endpoints * sizes.perEndpoint;
  const base = {
    id: 'ceiling',
    scenario: 'ceiling',
    system: 'bare undici `request`',
    variant: `${count.toLocaleString('en-US')} deliveries`,
    concurrency,
  } as const;
  await receivers.reset();
  const sender = spawnTs(
    'ceiling',
    'bench/src/ceiling-sender.ts',
    [
      '--urls',
      receivers.urls.join(','),
      '--count',
      String(count),
      '--per-endpoint',
      String(sizes.perEndpoint),
    ],
    { env: { BENCH_SECRET: ctx.secret }, ipc: true },
  );
  try {
    await nextMessage(
      sender,
      (m): m is { type: 'ready' } => (m as { type?: string }).type === 'ready',
      30_000,
    );
    const cpu0 = sampleProcess(sender.pid);
    sender.proc.send({ type: 'go' });
    const done = await nextMessage(
      sender,
      (m): m is Done => (m as Done).type === 'done',
      budgetMs(count, 300, 30_000),
    );
    const cpu1 = sampleProcess(sender.pid);
    const t = totals(await receivers.stats());
    const start = t.firstArrival ?? done.firstStart;
    const seconds = (done.lastEnd - start) / 1000;
    return {
      ...base,
      status: 'ok',
      deliveries: done.ok,
      seconds,
      deliveriesPerSecond: rate(done.ok, seconds),
      cpuPercent: cpu0 && cpu1 ? (100 * (cpu1.cpuSeconds - cpu0.cpuSeconds)) / seconds : undefined,
      peakRssMb: cpu1?.peakRssMb,
      badSignatures: t.badSignatures,
      duplicates: t.duplicates,
      note: done.failed > 0 ? `${done.failed} requests failed` : undefined,
    };
  } finally {
    await stopChild(sender);
  }
}

/**
 * The ceiling as the median of `runs` runs (odd numbers give a run that happened), with every
 * run's rate in the note so that the spread is visible in the report.
 */
export async function runCeilingMedian(ctx: BenchContext, runs = ctx.sizes.ceilingRuns) {
  const results: RunResult[] = [];
  for (let i = 0; i < runs; i++) results.push(await runCeiling(ctx));
  const sorted = [...results].sort(
    (a, b) => (a.deliveriesPerSecond ?? 0) - (b.deliveriesPerSecond ?? 0),
  );
  const median = sorted[Math.floor((sorted.length - 1) / 2)] as RunResult;
  if (runs === 1) return median;
  const rates = results.map((r) => Math.round(r.deliveriesPerSecond ?? 0).toLocaleString('en-US'));
  const note = `median of ${runs} runs: ${rates.join(', ')}/s`;
  return { ...median, note: median.note ? `${median.note}; ${note}` : note };
}
