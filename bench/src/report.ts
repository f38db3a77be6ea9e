import type { BenchmarkReport, RunResult, Scenario } from './results.js';
import { cpuMicros } from './targets.js';
import type { TargetResult } from './targets.js';

type Column = { readonly header: string; readonly right?: boolean; cell(run: RunResult): string };

const dash = '–';
/** Formats an integer with thousands separators; a dash when absent. */
export function fmtInt(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? dash : Math.round(x).toLocaleString('en-US');
}
/** Formats milliseconds: one decimal under 10 ms, whole numbers above. */
export function fmtMs(x: number | undefined): string {
  if (x === undefined || !Number.isFinite(x)) return dash;
  return x < 10 ? x.toFixed(1) : Math.round(x).toLocaleString('en-US');
}
function fmtSeconds(x: number | undefined): string {
  return x === undefined ? dash : x.toFixed(x < 10 ? 2 : 1);
}
function fmtPct(x: number | undefined): string {
  return x === undefined || !Number.isFinite(x) ? dash : `${Math.round(x)}%`;
}
/** Escapes a table cell (pipes, newlines). */
export function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}

const system: Column = { header: 'system', cell: (r) => r.system };
const variant: Column = { header: 'run', cell: (r) => r.variant };
const dps: Column = {
  header: 'deliveries/s',
  right: true,
  cell: (r) => fmtInt(r.deliveriesPerSecond),
};
const count: Column = { header: 'deliveries', right: true, cell: (r) => fmtInt(r.deliveries) };
const seconds: Column = { header: 'seconds', right: true, cell: (r) => fmtSeconds(r.seconds) };
const cpu: Column = {
  header: 'CPU % (1 core = 100)',
  right: true,
  cell: (r) => fmtPct(r.cpuPercent),
};
const cpuPer: Column = {
  header: 'CPU µs / delivery',
  right: true,
  cell: (r) => fmtInt(cpuMicros(r)),
};
const sqlPer: Column = {
  header: 'SQL / delivery',
  right: true,
  cell: (r) =>
    r.sqlStatements === undefined || !r.deliveries
      ? dash
      : (r.sqlStatements / r.deliveries).toFixed(2),
};
function cpuOfCeiling(runs: readonly RunResult[]): Column {
  const ceilingRun = runs.find((r) => r.id === 'ceiling' && r.status === 'ok');
  const ceiling = ceilingRun ? cpuMicros(ceilingRun) : undefined;
  return {
    header: 'CPU × ceiling',
    right: true,
    cell: (r) => {
      const mine = cpuMicros(r);
      return ceiling && mine !== undefined ? `${(mine / ceiling).toFixed(2)}×` : dash;
    },
  };
}
const rss: Column = { header: 'peak RSS MB', right: true, cell: (r) => fmtInt(r.peakRssMb) };
const conc: Column = { header: 'in flight', right: true, cell: (r) => fmtInt(r.concurrency) };
const workers: Column = { header: 'workers', right: true, cell: (r) => fmtInt(r.workers) };
const bad: Column = { header: 'bad sig.', right: true, cell: (r) => fmtInt(r.badSignatures) };
const dup: Column = { header: 'dupl.', right: true, cell: (r) => fmtInt(r.duplicates) };
const logged: Column = {
  header: 'attempts logged',
  right: true,
  cell: (r) => fmtInt(r.attemptsLogged),
};
const note: Column = {
  header: 'note',
  cell: (r) => {
    const status = r.status === 'ok' ? '' : r.status.toUpperCase();
    return [status, r.note ?? ''].filter(Boolean).join(': ');
  },
};
const p = (name: 'p50' | 'p95' | 'p99' | 'max'): Column => ({
  header: `${name} ms`,
  right: true,
  cell: (r) => fmtMs(r.latency?.[name]),
});
const healthyP = (name: 'p50' | 'p99'): Column => ({
  header: `healthy ${name} ms`,
  right: true,
  cell: (r) => fmtMs(r.healthy?.latency?.[name]),
});

function ofCeiling(runs: readonly RunResult[]): Column {
  const ceiling = runs.find((r) => r.id === 'ceiling' && r.status === 'ok')?.deliveriesPerSecond;
  return {
    header: '% of ceiling',
    right: true,
    cell: (r) =>
      ceiling && r.deliveriesPerSecond !== undefined
        ? fmtPct((100 * r.deliveriesPerSecond) / ceiling)
        : dash,
  };
}

function columnsFor(scenario: Scenario, runs: readonly RunResult[]): Column[] {
  switch (scenario) {
    case 'ceiling':
    case 'bullmq':
      return [
        system,
        variant,
        conc,
        count,
        seconds,
        dps,
        cpu,
        cpuPer,
        cpuOfCeiling(runs),
        rss,
        bad,
        dup,
        note,
      ];
    case 'drain':
      return [
        system,
        variant,
        workers,
        count,
        seconds,
        dps,
        ofCeiling(runs),
        cpu,
        cpuPer,
        cpuOfCeiling(runs),
        sqlPer,
        rss,
        logged,
        bad,
        dup,
        note,
      ];
    case 'e2e':
      return [
        system,
        variant,
        { header: 'events/s', right: true, cell: (r) => fmtInt(r.eventsPerSecond) },
        dps,
        ofCeiling(runs),
        p('p50'),
        p('p95'),
        p('p99'),
        p('max'),
        {
          header: 'publish p99 ms',
          right: true,
          cell: (r) => fmtMs(r.publishLatency?.p99),
        },
        cpu,
        cpuPer,
        cpuOfCeiling(runs),
        sqlPer,
        rss,
        bad,
        note,
      ];
    case 'fairness':
      return [
        system,
        variant,
        { header: 'events/s', right: true, cell: (r) => fmtInt(r.eventsPerSecond) },
        {
          header: 'healthy deliveries/s',
          right: true,
          cell: (r) => fmtInt(r.healthy?.deliveriesPerSecond),
        },
        healthyP('p50'),
        healthyP('p99'),
        cpu,
        rss,
        note,
      ];
    case 'scale':
      return [
        system,
        variant,
        workers,
        count,
        seconds,
        dps,
        ofCeiling(runs),
        cpu,
        cpuPer,
        cpuOfCeiling(runs),
        sqlPer,
        rss,
        logged,
        note,
      ];
  }
}

/** Renders rows as a GitHub-flavoured markdown table. */
export function renderTable(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  right: readonly boolean[] = [],
): string {
  const head = `| ${headers.map(cell).join(' | ')} |`;
  const rule = `|${headers.map((_, i) => (right[i] ? '---:' : '---')).join('|')}|`;
  const body = rows.map((r) => `| ${r.map(cell).join(' | ')} |`);
  return [head, rule, ...body].join('\n');
}

const TITLES: Record<Scenario, { title: string; what: string }> = {
  ceiling: {
    title: 'Ceiling: bare undici, no persistence',
    what: 'One process sends the same signed bodies with `undici.request` to the same receivers at the same concurrency, and stores nothing: the physical limit of this machine. The full run measures it three times and uses the median run as the baseline of every ratio (one run varies by about ±12% on this VM).',
  },
  bullmq: {
    title: 'Peer: BullMQ on Redis',
    what: 'How a team would do it without Hookline: one BullMQ job per delivery (5 attempts, exponential backoff, `removeOnComplete`), a worker with undici at the same concurrency, the same receivers. Time from the first to the last delivery of a pre-filled queue. BullMQ keeps no attempt log.',
  },
  drain: {
    title: 'Backlog drain',
    what: 'Pending deliveries are inserted straight into the database (the rows the outbox writes: built bodies, 10 webhooks), then `hookline worker` processes start. Time from the first delivery arriving to the moment the database shows every delivery succeeded. CPU and peak RSS (VmHWM) are the worker processes’.',
  },
  e2e: {
    title: 'End to end',
    what: 'Events published with `POST /v1/events`, each fanned out to 10 webhooks. 100% = as fast as the publisher (fixed concurrency) can go; 50% = an open-loop publisher at half that event rate. Latency: receiver arrival time minus the event’s `created_at` (taken before the commit, so it over-states commit → first attempt slightly). CPU and RSS: the `serve` and `worker` processes.',
  },
  fairness: {
    title: 'Fairness: one bad endpoint of ten',
    what: 'One environment publishing at 1,000 deliveries/s (100 events/s to 10 webhooks; half the maximum rate when that is lower), first all healthy, then with endpoint 1 of 10 never answering (the 5 s timeout) or answering 500; then the same for partners’ postbacks. Healthy = the nine others, compared with the same nine endpoints in the all-healthy phase just before (rows “all healthy” and “quiet”).',
  },
  scale: {
    title: 'Scale: a large backlog',
    what: 'The backlog drain with ten times more pending deliveries. Throughput is compared with the smaller drain, and peak RSS must stay bounded.',
  },
};

/**
 * Renders the whole report as markdown: machine and versions, the target verdicts, the chart,
 * then a table per scenario. Pure.
 */
export function renderMarkdown(
  report: BenchmarkReport,
  targets: readonly TargetResult[],
  chartFile: string,
): string {
  const { machine, versions } = report;
  const out: string[] = [];
  out.push('# Hookline benchmarks', '');
  out.push(
    `Generated by \`npm run bench${report.mode === 'quick' ? ' -- --quick' : ''}\` on ${report.date} (${report.mode} mode, ${report.wallSeconds.toFixed(0)} s). Do not edit by hand: rerun the command.`,
    '',
  );
  if (report.mode === 'quick') {
    out.push(
      '> **Quick mode**: small backlogs and short runs, to check that the harness works. The figures are indicative only; publish the full run.',
      '',
    );
  }
  out.push('## Machine and versions', '');
  out.push(
    renderTable(
      ['', ''],
      [
        ['CPU', machine.cpuModel],
        ['cores', String(machine.cores)],
        ['RAM', `${(machine.ramBytes / 2 ** 30).toFixed(1)} GiB`],
        ['OS', machine.os],
        ['Node.js', versions.node],
        ['Hookline', versions.hookline],
        ['SQLite', versions.sqlite ?? 'not available'],
        ['PostgreSQL server', versions.postgres ?? 'not available'],
        ['Redis server', versions.redis ?? 'not available'],
        ['BullMQ', versions.bullmq ?? 'not available'],
        ['undici', versions.undici ?? 'not available'],
        ['date', report.date],
      ],
    ),
    '',
  );
  const params = Object.entries(report.parameters).map(([k, v]) => `${k} = ${v}`);
  if (params.length > 0) out.push(`Parameters: ${params.join(', ')}.`, '');

  out.push('## Targets', '');
  out.push(
    'The benchmark reports; it never fails the build. N/A means a run the target needs did not produce figures.',
    '',
  );
  out.push(
    renderTable(
      ['target', 'measured', 'verdict'],
      targets.map((t) => [
        t.target,
        t.measured,
        t.verdict === 'PASS' ? 'PASS' : `**${t.verdict}**`,
      ]),
    ),
    '',
  );
  const missed = targets.filter((t) => t.verdict === 'MISS');
  if (missed.length > 0) {
    out.push('What limits each missed target (from the profiles in `bench/README.md`):', '');
    for (const t of missed) {
      out.push(`- **${t.target}**: ${t.limit ?? 'not profiled yet.'}`);
    }
    out.push('');
  }
  out.push(`![Deliveries per second, per system and scenario](${chartFile})`, '');

  for (const [scenario, meta] of Object.entries(TITLES) as [
    Scenario,
    (typeof TITLES)[Scenario],
  ][]) {
    const runs = report.runs.filter((r) => r.scenario === scenario);
    if (runs.length === 0) continue;
    const cols = columnsFor(scenario, report.runs);
    out.push(`## ${meta.title}`, '', meta.what, '');
    out.push(
      renderTable(
        cols.map((c) => c.header),
        runs.map((r) => cols.map((c) => c.cell(r))),
        cols.map((c) => c.right ?? false),
      ),
      '',
    );
  }

  out.push('## Method', '');
  out.push(
    [
      '- Every receiver is a separate Node.js process on 127.0.0.1 (`bench/src/receiver.ts`): one port per endpoint, keep-alive, it checks every `webhook-signature` (Standard Webhooks HMAC-SHA256) and counts ok, bad and duplicate deliveries.',
      '- The workload is the catalog sample of `transaction.created` in the real envelope (~0.95 KB), signed per attempt with the server’s own `signAttempt`.',
      '- All systems run on this one machine and share its cores with the receivers, the database and the harness; compare figures within one report, not across machines.',
      '- Reproduce: `npm run bench` (full) or `npm run bench -- --quick`; see `bench/README.md`.',
    ].join('\n'),
    '',
  );
  return out.join('\n');
}
