import type { RunResult, Scenario } from './results.js';
import { SCENARIOS } from './results.js';

/** One bar of the chart. */
export interface Bar {
  readonly group: string;
  readonly label: string;
  readonly value: number;
  readonly kind: 'ceiling' | 'peer' | 'hookline';
}

const GROUPS: Record<Scenario, string> = {
  ceiling: 'Ceiling and peer (backlog)',
  bullmq: 'Ceiling and peer (backlog)',
  drain: 'Hookline backlog drain',
  e2e: 'Hookline end to end',
  fairness: 'Fairness (healthy endpoints)',
  scale: 'Scale (large backlog)',
};

/** The bars for the runs that produced a throughput, in report order. */
export function barsOf(runs: readonly RunResult[]): Bar[] {
  const bars: Bar[] = [];
  const ordered = [...runs].sort(
    (a, b) => SCENARIOS.indexOf(a.scenario) - SCENARIOS.indexOf(b.scenario),
  );
  for (const run of ordered) {
    if (run.status !== 'ok') continue;
    const value =
      run.scenario === 'fairness' ? run.healthy?.deliveriesPerSecond : run.deliveriesPerSecond;
    if (value === undefined || !Number.isFinite(value)) continue;
    bars.push({
      group: GROUPS[run.scenario],
      label: `${run.system} · ${run.variant}`.replace(/`/g, ''),
      value,
      kind:
        run.scenario === 'ceiling' ? 'ceiling' : run.scenario === 'bullmq' ? 'peer' : 'hookline',
    });
  }
  return bars;
}

function esc(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

/** A round axis maximum (1, 2 or 5 × 10^k) at or above `max`. */
export function niceMax(max: number): number {
  if (!(max > 0)) return 1;
  const exp = 10 ** Math.floor(Math.log10(max));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * exp >= max) return m * exp;
  return 10 * exp;
}

const COLORS = { ceiling: '#6b7280', peer: '#d97706', hookline: '#2563eb' } as const;

/**
 * A horizontal bar chart of deliveries per second as a standalone SVG document (no fonts or
 * scripts to load), with the ceiling drawn as a dashed line across every group. Pure.
 */
export function renderChart(runs: readonly RunResult[], title: string): string {
  const bars = barsOf(runs);
  const ceiling = runs.find((r) => r.id === 'ceiling' && r.status === 'ok')?.deliveriesPerSecond;
  const labelW = 420;
  const plotW = 440;
  const rowH = 22;
  const groupH = 26;
  const top = 56;
  const max = niceMax(Math.max(1, ceiling ?? 0, ...bars.map((b) => b.value)));
  const x = (v: number) => labelW + (v / max) * plotW;

  const parts: string[] = [];
  let y = top;
  let group = '';
  for (const bar of bars) {
    if (bar.group !== group) {
      group = bar.group;
      y += 6;
      parts.push(
        `<text x="8" y="${y + 16}" font-weight="bold" font-size="13">${esc(group)}</text>`,
      );
      y += groupH;
    }
    const w = Math.max(1, x(bar.value) - labelW);
    parts.push(
      `<text x="${labelW - 8}" y="${y + 15}" text-anchor="end" font-size="12">${esc(bar.label)}</text>`,
      `<rect x="${labelW}" y="${y + 3}" width="${w.toFixed(1)}" height="${rowH - 6}" fill="${COLORS[bar.kind]}"/>`,
      `<text x="${(labelW + w + 6).toFixed(1)}" y="${y + 15}" font-size="12">${Math.round(bar.value).toLocaleString('en-US')}/s</text>`,
    );
    y += rowH;
  }
  if (bars.length === 0) {
    parts.push(`<text x="8" y="${y + 16}" font-size="13">No run produced a throughput.</text>`);
    y += groupH;
  }
  const bottom = y + 10;
  const ticks: string[] = [];
  for (let i = 0; i <= 4; i++) {
    const v = (max * i) / 4;
    const tx = x(v).toFixed(1);
    ticks.push(
      `<line x1="${tx}" y1="${top}" x2="${tx}" y2="${bottom}" stroke="#e5e7eb"/>`,
      `<text x="${tx}" y="${bottom + 16}" text-anchor="middle" font-size="11" fill="#374151">${Math.round(v).toLocaleString('en-US')}</text>`,
    );
  }
  if (ceiling) {
    const cx = x(ceiling).toFixed(1);
    ticks.push(
      `<line x1="${cx}" y1="${top}" x2="${cx}" y2="${bottom}" stroke="#111827" stroke-dasharray="4 3"/>`,
      `<text x="${cx}" y="${top - 6}" text-anchor="middle" font-size="11">ceiling</text>`,
    );
  }
  const width = labelW + plotW + 90;
  const height = bottom + 44;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="system-ui, -apple-system, Segoe UI, Helvetica, Arial, sans-serif">`,
    `<rect width="100%" height="100%" fill="#ffffff"/>`,
    `<text x="8" y="24" font-size="16" font-weight="bold">${esc(title)}</text>`,
    ...ticks,
    ...parts,
    `<text x="${labelW + plotW / 2}" y="${height - 8}" text-anchor="middle" font-size="12" fill="#374151">deliveries per second (higher is better)</text>`,
    '</svg>',
    '',
  ].join('\n');
}
