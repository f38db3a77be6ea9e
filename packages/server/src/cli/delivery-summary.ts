import type { Terminal } from './terminal.js';

/** A delivery as `GET /v1/deliveries` and `GET /v1/events/{id}` show it. */
export interface DeliverySummary {
  id: string;
  event_id: string;
  event: string;
  webhook_key: string;
  url: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_attempt_at: string | null;
  created_at: string;
  updated_at: string;
}

/** The status of a delivery, coloured: green succeeded, red failed, yellow pending. */
export function colorStatus(term: Terminal, status: string, width = 9): string {
  const padded = status.padEnd(width);
  if (status === 'succeeded') return term.color(padded, 'green');
  if (status === 'failed') return term.color(padded, 'red');
  if (status === 'pending') return term.color(padded, 'yellow');
  return term.color(padded, 'dim');
}

/** What the last attempt got: `200`, `HTTP 500`, `connection refused`..., or `-`. */
export function lastResult(d: DeliverySummary): string {
  if (d.last_status_code !== null) return String(d.last_status_code);
  if (d.last_error) return d.last_error;
  return '-';
}
