/**
 * Formats epoch milliseconds the way Partnero (Laravel) does: ISO 8601 with six fractional
 * digits and `Z`, e.g. `2026-05-07T10:30:00.000000Z`. We keep milliseconds, so the last three
 * digits are always zero.
 */
export function formatTimestamp(ms: number): string {
  return `${new Date(ms).toISOString().slice(0, 23)}000Z`;
}

/** {@link formatTimestamp} for a nullable column. */
export function formatNullableTimestamp(ms: number | null | undefined): string | null {
  return ms === null || ms === undefined ? null : formatTimestamp(ms);
}

/** A source of the current time, injected so that tests and pure functions control it. */
export type Clock = () => number;

/** The wall clock. */
export const systemClock: Clock = () => Date.now();
