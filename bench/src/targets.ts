import { LIMITS } from './limits.js';
import type { RunResult } from './results.js';

/** The outcome of one target: PASS, MISS, or N/A when a run it needs did not produce figures. */
export type Verdict = 'PASS' | 'MISS' | 'N/A';

/** One target with the measured figure it was judged on. */
export interface TargetResult {
  readonly id: string;
  /** What is promised, e.g. "Backlog drain on SQLite ≥ 70% of the ceiling". */
  readonly target: string;
  /** The measured figure, human-readable, e.g. "5,120/s = 73% of 7,010/s". */
  readonly measured: string;
  readonly verdict: Verdict;
  /** What limits it (a profile line, limits.ts): set on a MISS only. */
  readonly limit?: string;
}

const n0 = (x: number): string => Math.round(x).toLocaleString('en-US');
const pct = (x: number): string => `${Math.round(x * 100)}%`;
const ms = (x: number): string => `${x < 10 ? x.toFixed(1) : Math.round(x)} ms`;

/** CPU µs per delivery of a run (its processes' CPU time over its deliveries). */
export function cpuMicros(r: RunResult): number | undefined {
  if (r.cpuPercent === undefined || r.seconds === undefined || !r.deliveries) return undefined;
  return ((r.cpuPercent / 100) * r.seconds * 1e6) / r.deliveries;
}

/** Figures of an `ok` run, or undefined. */
function ok(runs: readonly RunResult[], id: string): RunResult | undefined {
  const run = runs.find((r) => r.id === id);
  return run?.status === 'ok' ? run : undefined;
}

function na(id: string, target: string, missing: string): TargetResult {
  return { id, target, measured: `not measured (${missing})`, verdict: 'N/A' };
}

function ratioTarget(
  runs: readonly RunResult[],
  id: string,
  target: string,
  subjectId: string,
  baseId: string,
  minRatio: number,
  extra?: (subject: RunResult) => { pass: boolean; text: string } | undefined,
): TargetResult {
  const subject = ok(runs, subjectId);
  const base = ok(runs, baseId);
  if (!subject?.deliveriesPerSecond) return na(id, target, subjectId);
  if (!base?.deliveriesPerSecond) return na(id, target, baseId);
  const ratio = subject.deliveriesPerSecond / base.deliveriesPerSecond;
  const more = extra?.(subject);
  const measured = `${n0(subject.deliveriesPerSecond)}/s = ${
    minRatio >= 1 ? `${ratio.toFixed(2)}×` : pct(ratio)
  } of ${n0(base.deliveriesPerSecond)}/s${more ? `; ${more.text}` : ''}`;
  const pass = ratio >= minRatio && (more?.pass ?? true);
  return { id, target, measured, verdict: pass ? 'PASS' : 'MISS' };
}

/**
 * Judges the issue's targets against the runs. Pure: the same runs always give the same
 * verdicts. A target whose runs are missing (not available, failed, skipped) is `N/A`, never
 * a silent PASS.
 */
export function evaluateTargets(runs: readonly RunResult[]): TargetResult[] {
  const results: TargetResult[] = [];

  results.push(
    ratioTarget(
      runs,
      'e2e-vs-bullmq',
      "End to end on SQLite ≥ 1.0× the BullMQ pipeline's deliveries/s",
      'e2e/sqlite-1/100',
      'bullmq',
      1.0,
    ),
  );

  results.push(
    ratioTarget(
      runs,
      'vs-bullmq',
      "Backlog drain on SQLite ≥ 1.5× the BullMQ pipeline's deliveries/s, every attempt logged",
      'drain/sqlite-1',
      'bullmq',
      1.5,
      (run) => {
        if (run.attemptsLogged === undefined || run.deliveries === undefined) return undefined;
        return {
          pass: run.attemptsLogged >= run.deliveries,
          text: `${n0(run.attemptsLogged)} of ${n0(run.deliveries)} attempts logged`,
        };
      },
    ),
  );

  {
    // The best PostgreSQL deployment that ran end to end (2 workers, else 1).
    const pg = ok(runs, 'e2e/postgres-2/100') ? 'e2e/postgres-2/100' : 'e2e/postgres-1/100';
    results.push(
      ratioTarget(
        runs,
        'e2e-postgres',
        'PostgreSQL end to end ≥ 0.8× SQLite end to end (deliveries/s)',
        pg,
        'e2e/sqlite-1/100',
        0.8,
      ),
    );
  }

  {
    const id = 'publish-p99';
    const target =
      'POST /v1/events p99 ≤ 15 ms with 16 publishers while delivering (SQLite, max rate)';
    const run = ok(runs, 'e2e/sqlite-1/100');
    if (!run?.publishLatency) results.push(na(id, target, 'e2e/sqlite-1/100'));
    else {
      const l = run.publishLatency;
      results.push({
        id,
        target,
        measured: `p99 ${ms(l.p99)} (p50 ${ms(l.p50)}, ${n0(l.count)} requests)`,
        verdict: l.p99 <= 15 ? 'PASS' : 'MISS',
      });
    }
  }

  {
    const id = 'latency-1k';
    const target = 'Publish → receipt p99 ≤ 10 ms at 1,000 deliveries/s (SQLite)';
    const run = ok(runs, 'e2e/sqlite-1/1k');
    if (!run?.latency) results.push(na(id, target, 'e2e/sqlite-1/1k'));
    else {
      results.push({
        id,
        target,
        measured: `p99 ${ms(run.latency.p99)} (p50 ${ms(run.latency.p50)}, ${n0(run.latency.count)} deliveries)`,
        verdict: run.latency.p99 <= 10 ? 'PASS' : 'MISS',
      });
    }
  }

  {
    // One target (the issue's), judged where the CPU goes at saturation: the backlog drain and
    // end to end at the maximum rate, each against the ceiling's µs per delivery.
    const id = 'cpu-per-delivery';
    const target =
      "CPU per delivery ≤ 2× the ceiling's (SQLite: backlog drain and end to end at the maximum rate)";
    const theirs = (() => {
      const base = ok(runs, 'ceiling');
      return base && cpuMicros(base);
    })();
    const parts: { what: string; mine: number }[] = [];
    const missing: string[] = [];
    for (const [subjectId, what] of [
      ['drain/sqlite-1', 'drain'],
      ['e2e/sqlite-1/100', 'end to end'],
    ] as const) {
      const subject = ok(runs, subjectId);
      const mine = subject && cpuMicros(subject);
      if (mine === undefined) missing.push(subjectId);
      else parts.push({ what, mine });
    }
    if (theirs === undefined) results.push(na(id, target, 'ceiling'));
    else if (parts.length === 0) results.push(na(id, target, missing.join(', ')));
    else {
      const worst = Math.max(...parts.map((p) => p.mine / theirs));
      const measured = `${parts
        .map((p) => `${p.what} ${n0(p.mine)} µs = ${(p.mine / theirs).toFixed(2)}×`)
        .join(
          '; ',
        )} of ${n0(theirs)} µs${missing.length > 0 ? ` (${missing.join(', ')} not measured)` : ''}`;
      results.push({
        id,
        target,
        measured,
        verdict: worst <= 2 && missing.length === 0 ? 'PASS' : worst <= 2 ? 'N/A' : 'MISS',
      });
    }
  }

  for (const mode of ['timeout', '500'] as const) {
    for (const deployment of ['sqlite-1', 'postgres-2']) {
      const id = `fairness-${mode}-${deployment}`;
      const what = mode === 'timeout' ? 'A timing-out (5 s) endpoint' : 'An endpoint answering 500';
      const target = `${what} costs the healthy ones ≤ 10% throughput and ≤ 2× p99 (${deployment})`;
      const faulty = ok(runs, `fairness/${deployment}/${mode}`);
      // Its own all-healthy phase, at the same rate in the same environment, just before.
      const base = ok(runs, `fairness/${deployment}/${mode}-quiet`);
      if (!faulty?.healthy) {
        // The headline (SQLite, timeout) is always judged; the others only when they ran.
        const headline = deployment === 'sqlite-1' && mode === 'timeout';
        if (headline || runs.some((r) => r.id === `fairness/${deployment}/${mode}`)) {
          results.push(na(id, target, `fairness/${deployment}/${mode}`));
        }
        continue;
      }
      if (!base?.healthy) {
        results.push(na(id, target, `fairness/${deployment}/${mode}-quiet`));
        continue;
      }
      const tput = faulty.healthy.deliveriesPerSecond / base.healthy.deliveriesPerSecond;
      const p99 = faulty.healthy.latency?.p99;
      const baseP99 = base.healthy.latency?.p99;
      const p99Ratio = p99 !== undefined && baseP99 ? p99 / baseP99 : undefined;
      const pass = tput >= 0.9 && p99Ratio !== undefined && p99Ratio <= 2;
      results.push({
        id,
        target,
        measured: `healthy ${n0(faulty.healthy.deliveriesPerSecond)}/s = ${pct(tput)} of ${n0(
          base.healthy.deliveriesPerSecond,
        )}/s; p99 ${p99 === undefined ? '?' : ms(p99)} vs ${baseP99 === undefined ? '?' : ms(baseP99)}${
          p99Ratio === undefined ? '' : ` (${p99Ratio.toFixed(2)}×)`
        }`,
        verdict: pass ? 'PASS' : 'MISS',
      });
    }
  }

  // Issue 22: the owner's webhooks keep their latency next to partners' timing-out postbacks.
  for (const deployment of ['sqlite-1', 'postgres-2']) {
    const id = `postbacks-${deployment}`;
    const target = `200 partners' timing-out postbacks: the owner's webhook p99 ≤ 2× the quiet run (${deployment})`;
    const loaded = ok(runs, `fairness/${deployment}/postbacks`)?.latency;
    const quiet = ok(runs, `fairness/${deployment}/postbacks-quiet`)?.latency;
    if (!loaded || !quiet) {
      if (runs.some((r) => r.id === `fairness/${deployment}/postbacks`)) {
        results.push(na(id, target, `fairness/${deployment}/postbacks`));
      }
      continue;
    }
    const ratio = loaded.p99 / quiet.p99;
    results.push({
      id,
      target,
      measured: `p99 ${ms(loaded.p99)} vs ${ms(quiet.p99)} (${ratio.toFixed(2)}×)`,
      verdict: ratio <= 2 ? 'PASS' : 'MISS',
    });
  }

  for (const deployment of ['sqlite-1', 'postgres-2']) {
    // The issue's target is the memory bound; throughput against the smaller drain is shown.
    const id = `scale-${deployment}`;
    const target = `1,000,000-pending drain at ≤ 300 MB peak RSS (${deployment})`;
    const big = ok(runs, `scale/${deployment}`);
    if (!big?.deliveriesPerSecond) {
      if (deployment === 'sqlite-1' || runs.some((r) => r.id === `scale/${deployment}`)) {
        results.push(na(id, target, `scale/${deployment}`));
      }
      continue;
    }
    const small = ok(runs, `drain/${deployment}`);
    const rss = big.peakRssMb;
    const versus = small?.deliveriesPerSecond
      ? ` = ${pct(big.deliveriesPerSecond / small.deliveriesPerSecond)} of ${n0(small.deliveriesPerSecond)}/s (${n0(small.deliveries ?? 0)} pending)`
      : '';
    results.push({
      id,
      target,
      measured: `peak RSS ${rss === undefined ? '?' : `${Math.round(rss)} MB`}; ${n0(big.deliveries ?? 0)} pending: ${n0(big.deliveriesPerSecond)}/s${versus}`,
      verdict: rss === undefined ? 'N/A' : rss <= 300 ? 'PASS' : 'MISS',
    });
  }

  return results.map((r) =>
    r.verdict === 'MISS' && LIMITS[r.id] ? { ...r, limit: LIMITS[r.id] } : r,
  );
}
