import type { Overview } from '../api.js';
import { duration } from '../format.js';

/** Series of the hourly chart, bottom to top, with the colour each is drawn in. */
export const OUTCOMES = [
  { key: 'succeeded', label: 'Succeeded', color: 'var(--ok)' },
  { key: 'retrying', label: 'Retrying', color: 'var(--warn)' },
  { key: 'failed', label: 'Failed', color: 'var(--bad)' },
  { key: 'cancelled', label: 'Cancelled', color: 'var(--muted-fill)' },
] as const;

/** A "nice" axis maximum: 1, 2 or 5 times a power of ten, at least `value`. */
function niceMax(value: number): number {
  if (value <= 4) return 4;
  const power = 10 ** Math.floor(Math.log10(value));
  for (const step of [1, 2, 5, 10]) if (step * power >= value) return step * power;
  return value;
}

function hourLabel(iso: string, withDay: boolean): string {
  const d = new Date(iso);
  return withDay
    ? d.toLocaleDateString(undefined, { weekday: 'short', day: 'numeric' })
    : d.toLocaleTimeString(undefined, { hour: '2-digit', minute: '2-digit' });
}

/**
 * Deliveries per hour as stacked bars. Drawn as plain SVG that scales to its container; the
 * numbers are also in a table for screen readers.
 */
export function HourlyChart({ data }: { data: Overview }) {
  const width = 720;
  const height = 220;
  const pad = { left: 36, right: 8, top: 10, bottom: 26 };
  const innerW = width - pad.left - pad.right;
  const innerH = height - pad.top - pad.bottom;
  const totals = data.hours.map((h) => h.succeeded + h.retrying + h.failed + h.cancelled);
  const max = niceMax(Math.max(0, ...totals));
  const slot = innerW / data.hours.length;
  const barW = Math.max(1, slot * 0.75);
  const weekly = data.range === '7d';
  const labelEvery = weekly ? 24 : 4;
  const ticks = [0, max / 2, max];

  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="hourly-title">
        <title id="hourly-title">
          Deliveries per hour over the last {weekly ? '7 days' : '24 hours'}, by outcome
        </title>
        {ticks.map((t) => {
          const y = pad.top + innerH - (t / max) * innerH;
          return (
            <g key={t}>
              <line x1={pad.left} x2={width - pad.right} y1={y} y2={y} className="gridline" />
              <text x={pad.left - 6} y={y + 4} textAnchor="end" className="axis">
                {Number.isInteger(t) ? t : t.toFixed(1)}
              </text>
            </g>
          );
        })}
        {data.hours.map((h, i) => {
          const x = pad.left + i * slot + (slot - barW) / 2;
          let y = pad.top + innerH;
          return (
            <g key={h.start}>
              {OUTCOMES.map((o) => {
                const n = h[o.key];
                if (n === 0) return null;
                const barH = (n / max) * innerH;
                y -= barH;
                return (
                  <rect key={o.key} x={x} y={y} width={barW} height={barH} fill={o.color}>
                    <title>{`${hourLabel(h.start, weekly)}: ${n} ${o.label.toLowerCase()}`}</title>
                  </rect>
                );
              })}
              {i % labelEvery === 0 && (
                <text x={x + barW / 2} y={height - 8} textAnchor="middle" className="axis">
                  {hourLabel(h.start, weekly)}
                </text>
              )}
            </g>
          );
        })}
      </svg>
      <figcaption className="legend">
        {OUTCOMES.map((o) => (
          <span key={o.key}>
            <span className="swatch" style={{ background: o.color }} aria-hidden="true" /> {o.label}
          </span>
        ))}
      </figcaption>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <div className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Hour starting</th>
                {OUTCOMES.map((o) => (
                  <th scope="col" key={o.key}>
                    {o.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {data.hours
                .filter((h) => h.succeeded + h.retrying + h.failed + h.cancelled > 0)
                .map((h) => (
                  <tr key={h.start}>
                    <td>{new Date(h.start).toLocaleString()}</td>
                    {OUTCOMES.map((o) => (
                      <td key={o.key}>{h[o.key]}</td>
                    ))}
                  </tr>
                ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}

const PERCENTILES = [
  { key: 'p50_ms', label: 'p50', color: 'var(--accent)' },
  { key: 'p90_ms', label: 'p90', color: 'var(--accent-2)' },
  { key: 'p99_ms', label: 'p99', color: 'var(--accent-3)' },
] as const;

/** Latency percentiles per webhook as grouped horizontal bars. */
export function LatencyChart({ data }: { data: Overview['latency'] }) {
  const rowH = 54;
  const width = 720;
  const labelW = 170;
  const height = data.length * rowH + 24;
  const max = niceMax(Math.max(1, ...data.map((l) => l.p99_ms ?? 0)));
  const scale = (ms: number) => ((width - labelW - 70) * ms) / max;
  return (
    <figure className="chart">
      <svg viewBox={`0 0 ${width} ${height}`} role="img" aria-labelledby="latency-title">
        <title id="latency-title">Attempt latency percentiles per webhook</title>
        {data.map((l, i) => {
          const y0 = i * rowH + 8;
          return (
            <g key={l.webhook_key}>
              <text x={0} y={y0 + 22} className="axis label">
                {l.name.length > 22 ? `${l.name.slice(0, 21)}…` : l.name}
              </text>
              {PERCENTILES.map((p, j) => {
                const ms = l[p.key] ?? 0;
                const y = y0 + j * 14;
                return (
                  <g key={p.key}>
                    <rect
                      x={labelW}
                      y={y}
                      height={11}
                      width={Math.max(1, scale(ms))}
                      fill={p.color}
                    />
                    <text x={labelW + Math.max(1, scale(ms)) + 6} y={y + 10} className="axis">
                      {p.label} {duration(ms)}
                    </text>
                  </g>
                );
              })}
            </g>
          );
        })}
      </svg>
      <details className="chart-data">
        <summary>Show the numbers</summary>
        <div className="table-wrap">
          <table className="table compact">
            <thead>
              <tr>
                <th scope="col">Webhook</th>
                <th scope="col">Attempts</th>
                <th scope="col">p50</th>
                <th scope="col">p90</th>
                <th scope="col">p99</th>
              </tr>
            </thead>
            <tbody>
              {data.map((l) => (
                <tr key={l.webhook_key}>
                  <td>{l.name}</td>
                  <td>{l.attempts}</td>
                  <td>{duration(l.p50_ms)}</td>
                  <td>{duration(l.p90_ms)}</td>
                  <td>{duration(l.p99_ms)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </details>
    </figure>
  );
}
