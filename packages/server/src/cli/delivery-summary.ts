import type { DeliverySummary } from '@hookline/client';
import type { Terminal } from './terminal.js';

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
