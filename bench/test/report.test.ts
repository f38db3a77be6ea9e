import { describe, expect, it } from 'vitest';
import { barsOf, niceMax, renderChart } from '../src/chart.js';
import { fmtInt, fmtMs, renderMarkdown, renderTable } from '../src/report.js';
import type { BenchmarkReport, RunResult } from '../src/results.js';
import { percentile, rate, summarize } from '../src/stats.js';
import { evaluateTargets } from '../src/targets.js';

const lat = (p50: number, p99: number) => ({ count: 1000, p50, p95: p99, p99, max: p99 * 2 });

function run(partial: Partial<RunResult> & Pick<RunResult, 'id' | 'scenario'>): RunResult {
  return { system: 'sys', variant: 'v', status: 'ok', ...partial };
}

/** A full set of runs that meets every target. */
function passingRuns(): RunResult[] {
  return [
    run({
      id: 'ceiling',
      scenario: 'ceiling',
      deliveriesPerSecond: 7000,
      deliveries: 100_000,
      seconds: 10,
      cpuPercent: 150, // 150 µs per delivery
    }),
    run({ id: 'bullmq', scenario: 'bullmq', deliveriesPerSecond: 2000 }),
    run({
      id: 'drain/sqlite-1',
      scenario: 'drain',
      deliveriesPerSecond: 5600,
      deliveries: 100_000,
      seconds: 10,
      cpuPercent: 250, // 250 µs per delivery
      attemptsLogged: 100_000,
    }),
    run({
      id: 'drain/postgres-2',
      scenario: 'drain',
      deliveriesPerSecond: 4500,
      deliveries: 100_000,
      attemptsLogged: 100_000,
    }),
    run({
      id: 'e2e/sqlite-1/100',
      scenario: 'e2e',
      deliveriesPerSecond: 3000,
      deliveries: 30_000,
      seconds: 10,
      cpuPercent: 90, // 300 µs per delivery
      latency: lat(20, 80),
      publishLatency: lat(4, 12),
    }),
    run({
      id: 'e2e/sqlite-1/1k',
      scenario: 'e2e',
      deliveriesPerSecond: 1000,
      latency: lat(3, 9),
    }),
    run({ id: 'e2e/postgres-2/100', scenario: 'e2e', deliveriesPerSecond: 2500 }),
    run({
      id: 'e2e/sqlite-1/50',
      scenario: 'e2e',
      deliveriesPerSecond: 1500,
      latency: lat(4, 12),
      healthy: { deliveries: 9000, deliveriesPerSecond: 1350, latency: lat(4, 12) },
    }),
    ...(['timeout', '500'] as const).map((fault) =>
      run({
        id: `fairness/sqlite-1/${fault}-quiet`,
        scenario: 'fairness',
        healthy: { deliveries: 9000, deliveriesPerSecond: 1350, latency: lat(4, 12) },
      }),
    ),
    run({
      id: 'fairness/sqlite-1/timeout',
      scenario: 'fairness',
      healthy: { deliveries: 9000, deliveriesPerSecond: 1300, latency: lat(5, 20) },
    }),
    run({
      id: 'fairness/sqlite-1/500',
      scenario: 'fairness',
      healthy: { deliveries: 9000, deliveriesPerSecond: 1340, latency: lat(4, 13) },
    }),
    run({
      id: 'scale/sqlite-1',
      scenario: 'scale',
      deliveriesPerSecond: 5200,
      deliveries: 1_000_000,
      peakRssMb: 180,
    }),
  ];
}

describe('percentile and summarize', () => {
  it('uses the nearest-rank method', () => {
    const sorted = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];
    expect(percentile(sorted, 50)).toBe(5);
    expect(percentile(sorted, 90)).toBe(9);
    expect(percentile(sorted, 99)).toBe(10);
    expect(percentile(sorted, 100)).toBe(10);
    expect(percentile([42], 1)).toBe(42);
  });

  it('reports a p99 that some sample actually had', () => {
    const samples = Array.from({ length: 1000 }, (_, i) => i + 1);
    expect(percentile(samples, 99)).toBe(990);
    expect(percentile(samples, 95)).toBe(950);
  });

  it('rejects percentiles outside (0, 100] and is NaN for no samples', () => {
    expect(() => percentile([1], 0)).toThrow(RangeError);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(percentile([], 50)).toBeNaN();
  });

  it('sorts numerically without modifying the input', () => {
    const samples = [10, 9, 100, 1, 2];
    const s = summarize(samples);
    expect(s).toEqual({ count: 5, p50: 9, p95: 100, p99: 100, max: 100 });
    expect(samples).toEqual([10, 9, 100, 1, 2]);
    expect(summarize([])).toBeUndefined();
  });

  it('computes rates and guards empty windows', () => {
    expect(rate(5000, 2)).toBe(2500);
    expect(rate(5, 0)).toBe(0);
  });
});

describe('evaluateTargets', () => {
  it('passes every target on figures that meet them', () => {
    const targets = evaluateTargets(passingRuns());
    expect(targets.map((t) => [t.id, t.verdict])).toEqual([
      ['e2e-vs-bullmq', 'PASS'],
      ['vs-bullmq', 'PASS'],
      ['e2e-postgres', 'PASS'],
      ['publish-p99', 'PASS'],
      ['latency-1k', 'PASS'],
      ['cpu-per-delivery', 'PASS'],
      ['fairness-timeout-sqlite-1', 'PASS'],
      ['fairness-500-sqlite-1', 'PASS'],
      ['scale-sqlite-1', 'PASS'],
    ]);
    const drain = targets.find((t) => t.id === 'vs-bullmq');
    expect(drain?.measured).toBe('5,600/s = 2.80× of 2,000/s; 100,000 of 100,000 attempts logged');
    const cpu = targets.find((t) => t.id === 'cpu-per-delivery');
    expect(cpu?.measured).toBe('drain 250 µs = 1.67×; end to end 300 µs = 2.00× of 150 µs');
    expect(targets.every((t) => t.limit === undefined)).toBe(true);
  });

  it('misses at the thresholds’ wrong side', () => {
    const runs = passingRuns().map((r): RunResult => {
      switch (r.id) {
        case 'drain/sqlite-1':
          return { ...r, deliveriesPerSecond: 2990, cpuPercent: 301 }; // 1.495× BullMQ, 2.007× CPU
        case 'e2e/sqlite-1/1k':
          return { ...r, latency: lat(4, 10.5) };
        case 'e2e/postgres-2/100':
          return { ...r, deliveriesPerSecond: 1580 }; // 0.79× SQLite's 1,990/s
        case 'e2e/sqlite-1/100':
          return { ...r, deliveriesPerSecond: 1990, publishLatency: lat(4, 15.5) }; // 0.995× BullMQ
        case 'fairness/sqlite-1/timeout':
          return {
            ...r,
            healthy: { deliveries: 1, deliveriesPerSecond: 1200, latency: lat(5, 20) },
          }; // 89%
        case 'fairness/sqlite-1/500':
          return {
            ...r,
            healthy: { deliveries: 1, deliveriesPerSecond: 1350, latency: lat(5, 24.1) },
          }; // 2.01×
        case 'scale/sqlite-1':
          return { ...r, deliveriesPerSecond: 5000, peakRssMb: 301 };
        default:
          return r;
      }
    });
    const verdicts = Object.fromEntries(evaluateTargets(runs).map((t) => [t.id, t.verdict]));
    expect(verdicts['vs-bullmq']).toBe('MISS');
    expect(verdicts['cpu-per-delivery']).toBe('MISS');
    expect(verdicts['e2e-postgres']).toBe('MISS');
    expect(verdicts['latency-1k']).toBe('MISS');
    expect(verdicts['e2e-vs-bullmq']).toBe('MISS');
    expect(verdicts['publish-p99']).toBe('MISS');
    expect(verdicts['fairness-timeout-sqlite-1']).toBe('MISS');
    expect(verdicts['fairness-500-sqlite-1']).toBe('MISS');
    expect(verdicts['scale-sqlite-1']).toBe('MISS');
  });

  it('names the limit of every miss, and judges the large backlog on its memory alone', () => {
    const runs = passingRuns().map((r) =>
      r.id === 'scale/sqlite-1'
        ? { ...r, deliveriesPerSecond: 1000, peakRssMb: 300 }
        : r.id === 'e2e/sqlite-1/1k'
          ? { ...r, latency: lat(4, 30) }
          : r,
    );
    const targets = evaluateTargets(runs);
    const scale = targets.find((t) => t.id === 'scale-sqlite-1');
    expect(scale?.verdict).toBe('PASS');
    expect(scale?.measured).toBe(
      'peak RSS 300 MB; 1,000,000 pending: 1,000/s = 18% of 5,600/s (100,000 pending)',
    );
    const missed = targets.filter((t) => t.verdict === 'MISS');
    expect(missed.map((t) => t.id)).toEqual(['latency-1k']);
    expect(missed[0]?.limit).toMatch(/\S/);
  });

  it('misses the drain target when an attempt was not logged, even at full speed', () => {
    const runs = passingRuns().map((r) =>
      r.id === 'drain/sqlite-1' ? { ...r, attemptsLogged: 99_999 } : r,
    );
    expect(evaluateTargets(runs).find((t) => t.id === 'vs-bullmq')?.verdict).toBe('MISS');
  });

  it('is N/A, never PASS, when a run is missing or not ok', () => {
    const runs = passingRuns().map((r) =>
      r.id === 'ceiling'
        ? { ...r, status: 'not-available' as const, deliveriesPerSecond: undefined }
        : r,
    );
    const targets = evaluateTargets(runs);
    expect(targets.find((t) => t.id === 'cpu-per-delivery')?.verdict).toBe('N/A');
    expect(targets.find((t) => t.id === 'vs-bullmq')?.verdict).toBe('PASS');
    expect(evaluateTargets([]).every((t) => t.verdict === 'N/A')).toBe(true);
  });

  it('adds the PostgreSQL fairness and scale targets only when those runs exist', () => {
    expect(evaluateTargets(passingRuns()).some((t) => t.id.endsWith('postgres-2'))).toBe(false);
    const runs = [
      ...passingRuns(),
      run({
        id: 'scale/postgres-2',
        scenario: 'scale',
        deliveriesPerSecond: 4400,
        deliveries: 1_000_000,
        peakRssMb: 120,
      }),
    ];
    expect(evaluateTargets(runs).find((t) => t.id === 'scale-postgres-2')?.verdict).toBe('PASS');
  });
});

describe('markdown rendering', () => {
  const report: BenchmarkReport = {
    date: '2026-05-07T10:30:00.000Z',
    mode: 'full',
    machine: { cpuModel: 'AMD EPYC', cores: 2, ramBytes: 24 * 2 ** 30, os: 'Linux 6.1 (x64)' },
    versions: {
      node: 'v20.20.2',
      hookline: '0.1.0',
      sqlite: '3.50.2',
      postgres: '15.18',
      redis: '7.0.15',
      bullmq: '6.7.0',
      undici: '7.30.2',
    },
    parameters: { 'backlog (drain)': 100_000 },
    runs: [
      ...passingRuns(),
      run({
        id: 'drain/postgres-1',
        scenario: 'drain',
        status: 'not-available',
        note: 'PostgreSQL | unreachable',
      }),
    ],
    wallSeconds: 600,
  };

  it('renders machine, versions, targets, the chart and a table per scenario', () => {
    const md = renderMarkdown(report, evaluateTargets(report.runs), 'benchmarks.svg');
    expect(md).toContain('| CPU | AMD EPYC |');
    expect(md).toContain('| cores | 2 |');
    expect(md).toContain('| RAM | 24.0 GiB |');
    expect(md).toContain('| PostgreSQL server | 15.18 |');
    expect(md).toContain('| date | 2026-05-07T10:30:00.000Z |');
    expect(md).toContain('![Deliveries per second, per system and scenario](benchmarks.svg)');
    for (const title of [
      '## Ceiling',
      '## Peer: BullMQ',
      '## Backlog drain',
      '## End to end',
      '## Fairness',
      '## Scale',
    ]) {
      expect(md).toContain(title);
    }
    expect(md).toMatch(/\| Backlog drain on SQLite ≥ 1.5× the BullMQ.* \| PASS \|/);
    expect(md).toMatch(/\| CPU µs \/ delivery \| CPU × ceiling \|/);
    // The unavailable run is listed with its reason, and the pipe is escaped.
    expect(md).toContain('NOT-AVAILABLE: PostgreSQL \\| unreachable');
    expect(md).not.toContain('Quick mode');
  });

  it('names what limits each missed target under the table, and nothing when all pass', () => {
    expect(renderMarkdown(report, evaluateTargets(report.runs), 'x.svg')).not.toContain(
      'What limits each missed target',
    );
    const slow = report.runs.map((r) =>
      r.id === 'e2e/sqlite-1/100' ? { ...r, publishLatency: lat(40, 90) } : r,
    );
    const md = renderMarkdown({ ...report, runs: slow }, evaluateTargets(slow), 'x.svg');
    expect(md).toContain('What limits each missed target');
    expect(md).toMatch(/- \*\*POST \/v1\/events p99 ≤ 15 ms[^*]*\*\*: \S/);
  });

  it('marks quick reports and bold-faces misses', () => {
    const md = renderMarkdown({ ...report, mode: 'quick', runs: [] }, evaluateTargets([]), 'x.svg');
    expect(md).toContain('--quick');
    expect(md).toContain('**Quick mode**');
    expect(md).toContain('**N/A**');
  });

  it('renders aligned tables and formats numbers', () => {
    expect(renderTable(['a', 'b'], [['1', '2']], [false, true])).toBe(
      '| a | b |\n|---|---:|\n| 1 | 2 |',
    );
    expect(fmtInt(12345.6)).toBe('12,346');
    expect(fmtInt(undefined)).toBe('–');
    expect(fmtMs(3.125)).toBe('3.1');
    expect(fmtMs(123.4)).toBe('123');
  });
});

describe('chart', () => {
  it('draws a bar per run with a throughput, and the ceiling line', () => {
    const runs = passingRuns();
    const bars = barsOf(runs);
    expect(bars).toHaveLength(runs.length);
    expect(bars.find((b) => b.kind === 'peer')?.value).toBe(2000);
    const svg = renderChart(runs, 'Title <&>');
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('Title &lt;&amp;&gt;');
    expect(svg).toContain('>ceiling</text>');
    expect(svg.match(/<rect /g)).toHaveLength(runs.length + 1); // + background
    expect(svg.trim().endsWith('</svg>')).toBe(true);
  });

  it('says so when nothing was measured, and picks round axis maxima', () => {
    expect(renderChart([], 't')).toContain('No run produced a throughput.');
    expect(niceMax(7123)).toBe(10_000);
    expect(niceMax(2100)).toBe(2500);
    expect(niceMax(0)).toBe(1);
  });
});
