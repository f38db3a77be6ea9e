/**
 * Parses a duration such as `500ms`, `5s`, `1m`, `2h` or `7d` into milliseconds.
 * A bare number is read as seconds, which is what operators usually mean in an env var.
 *
 * @example parseDuration('1m') // 60000
 * @returns the milliseconds, or `undefined` when the text is not a duration
 */
export function parseDuration(text: string): number | undefined {
  const match = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h|d)?\s*$/i.exec(text);
  if (!match) return undefined;
  const value = Number(match[1]);
  const unit = (match[2] ?? 's').toLowerCase();
  const factor = UNIT_MS[unit as keyof typeof UNIT_MS];
  const ms = value * factor;
  return Number.isFinite(ms) ? Math.round(ms) : undefined;
}

const UNIT_MS = { ms: 1, s: 1_000, m: 60_000, h: 3_600_000, d: 86_400_000 } as const;

/**
 * Renders milliseconds in the shortest exact unit, the inverse of {@link parseDuration}.
 *
 * @example formatDuration(300_000) // '5m'
 */
export function formatDuration(ms: number): string {
  for (const [unit, factor] of [
    ['d', 86_400_000],
    ['h', 3_600_000],
    ['m', 60_000],
    ['s', 1_000],
  ] as const) {
    if (ms !== 0 && ms % factor === 0) return `${ms / factor}${unit}`;
  }
  return ms === 0 ? '0s' : `${ms}ms`;
}
