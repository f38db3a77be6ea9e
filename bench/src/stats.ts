/** A latency distribution, in milliseconds. */
export interface LatencySummary {
  readonly count: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
}

/**
 * The p-th percentile (0 < p ≤ 100) of ascending-sorted samples, nearest-rank method: the
 * smallest sample such that at least p% of the samples are ≤ it. Nearest-rank never
 * interpolates, so a reported p99 is a latency that some delivery actually had.
 *
 * @example percentile([1, 2, 3, 4], 50) // 2
 */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  if (!(p > 0 && p <= 100)) throw new RangeError(`percentile ${p} is outside (0, 100]`);
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

/** Summarises samples (any order; not modified). `undefined` when there are none. */
export function summarize(samples: readonly number[]): LatencySummary | undefined {
  if (samples.length === 0) return undefined;
  const sorted = Float64Array.from(samples).sort();
  const arr = Array.from(sorted);
  return {
    count: arr.length,
    p50: percentile(arr, 50),
    p95: percentile(arr, 95),
    p99: percentile(arr, 99),
    max: arr[arr.length - 1] as number,
  };
}

/** Deliveries per second over a window; 0 for an empty or non-positive window. */
export function rate(count: number, seconds: number): number {
  return seconds > 0 ? count / seconds : 0;
}
