import type { DeliverySummary } from '../api.js';
import { fullTime, relativeTime } from '../format.js';
import { Link } from '../router.js';
import { StatusBadge } from './ui.js';

/** What went wrong last, in a few words. */
export function lastOutcome(d: DeliverySummary): string {
  if (d.status === 'cancelled') return d.cancel_reason ?? 'Cancelled';
  if (d.last_status_code !== null) return `HTTP ${d.last_status_code}`;
  if (d.last_error) return d.last_error;
  return d.attempts === 0 ? 'Not attempted yet' : '—';
}

/** Deliveries, newest first; each row opens the delivery's attempts. */
export function DeliveryTable({
  deliveries,
  showWebhook = true,
}: {
  deliveries: DeliverySummary[];
  showWebhook?: boolean;
}) {
  return (
    <div className="table-wrap">
      <table className="table">
        <caption className="visually-hidden">Deliveries, newest first</caption>
        <thead>
          <tr>
            <th scope="col">Created</th>
            <th scope="col">Event</th>
            {showWebhook && <th scope="col">Webhook</th>}
            <th scope="col">Status</th>
            <th scope="col">Attempts</th>
            <th scope="col">Last result</th>
          </tr>
        </thead>
        <tbody>
          {deliveries.map((d) => (
            <tr key={d.id} data-testid="delivery-row" data-status={d.status}>
              <td data-label="Created">
                <Link href={`/logs/${encodeURIComponent(d.id)}`} title={fullTime(d.created_at)}>
                  {relativeTime(d.created_at)}
                </Link>
              </td>
              <td data-label="Event">
                <code>{d.event}</code>
              </td>
              {showWebhook && <td data-label="Webhook">{d.webhook_key}</td>}
              <td data-label="Status">
                <StatusBadge status={d.status} />
                {d.status === 'pending' && d.next_attempt_at && (
                  <span className="muted"> next {relativeTime(d.next_attempt_at)}</span>
                )}
              </td>
              <td data-label="Attempts">{d.attempts}</td>
              <td data-label="Last result">{lastOutcome(d)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
