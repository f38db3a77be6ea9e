/** Formatting helpers shared by the pages. */

/** "3 min ago", "in 2 h", or a date for older times. */
export function relativeTime(iso: string | null | undefined, now: number = Date.now()): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const diff = ms - now;
  const abs = Math.abs(diff);
  const unit =
    abs < 45_000
      ? 'just now'
      : abs < 3_600_000
        ? `${Math.round(abs / 60_000)} min`
        : abs < 86_400_000
          ? `${Math.round(abs / 3_600_000)} h`
          : abs < 7 * 86_400_000
            ? `${Math.round(abs / 86_400_000)} d`
            : null;
  if (unit === null) return new Date(ms).toLocaleString();
  if (unit === 'just now') return unit;
  return diff < 0 ? `${unit} ago` : `in ${unit}`;
}

/** A full local date and time, for titles and detail views. */
export function fullTime(iso: string | null | undefined): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? iso : new Date(ms).toLocaleString();
}

/** Milliseconds as "87 ms" or "1.2 s". */
export function duration(ms: number | null | undefined): string {
  if (ms === null || ms === undefined) return '—';
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(ms < 10_000 ? 1 : 0)} s`;
}

/** 0..1 as a percentage. */
export function percent(rate: number | null | undefined): string {
  if (rate === null || rate === undefined) return '—';
  const p = rate * 100;
  return `${p === 100 || p === 0 ? p.toFixed(0) : p.toFixed(1)}%`;
}

/** Pretty-prints JSON text; returns the text unchanged when it is not JSON. */
export function prettyJson(text: string | null | undefined): string {
  if (text === null || text === undefined) return '';
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** What an attempt's error class means, in words. */
export const ERROR_CLASS_TEXT: Record<string, string> = {
  timeout: 'Timed out: the endpoint did not answer in time.',
  connection: 'Connection failed: nothing accepted the connection, or it was reset.',
  dns: 'DNS lookup failed: the host name does not resolve.',
  tls: 'TLS failed: the certificate or handshake was rejected.',
  ssrf_blocked: 'Blocked: the URL points to a private or internal address.',
  http_status: 'The endpoint answered with a non-2xx status.',
};

/** Value of a `<input type="datetime-local">` for a time, in local time. */
export function toLocalInput(ms: number): string {
  const d = new Date(ms - new Date(ms).getTimezoneOffset() * 60_000);
  return d.toISOString().slice(0, 16);
}

/** ISO time of a `datetime-local` value, or undefined when empty/invalid. */
export function fromLocalInput(value: string): string | undefined {
  if (value === '') return undefined;
  const ms = new Date(value).getTime();
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
