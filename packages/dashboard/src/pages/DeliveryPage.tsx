import { useState } from 'react';
import { ApiError, dataOf, hookline } from '../api.js';
import type { Attempt } from '../api.js';
import { lastOutcome } from '../components/DeliveryTable.js';
import { Button, ErrorMessage, Loading, StatusBadge } from '../components/ui.js';
import { ERROR_CLASS_TEXT, duration, fullTime, prettyJson, relativeTime } from '../format.js';
import { useQuery } from '@tanstack/react-query';
import { Link } from '../router.js';

/** One delivery with every attempt, and "Redeliver". */
export function DeliveryPage({ id }: { id: string }) {
  const params = { path: { id } };
  const delivery = useQuery({
    queryKey: ['/v1/deliveries/{id}', id],
    queryFn: ({ signal }) => dataOf(hookline.GET('/v1/deliveries/{id}', { params, signal })),
    refetchInterval: 3_000,
  });
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  if (delivery.error instanceof ApiError && delivery.error.status === 404) {
    return (
      <section>
        <h1>Delivery not found</h1>
        <p>
          <Link href="/logs">Back to the logs</Link>
        </p>
      </section>
    );
  }
  if (!delivery.data) {
    return delivery.error ? (
      <ErrorMessage
        error={delivery.error}
        action={<Button onClick={() => void delivery.refetch()}>Retry</Button>}
      />
    ) : (
      <Loading what="Loading delivery" />
    );
  }
  const d = delivery.data;

  const redeliver = async () => {
    setBusy(true);
    setError(undefined);
    setNotice(undefined);
    try {
      const result = await dataOf(hookline.POST('/v1/deliveries/{id}/retry', { params }));
      const a = result.attempt;
      setNotice(
        a.succeeded
          ? `Redelivered: HTTP ${a.response_status} in ${duration(a.duration_ms)}.`
          : `The attempt failed again: ${a.response_status !== null ? `HTTP ${a.response_status}` : (a.error_class ?? 'error')}.`,
      );
      void delivery.refetch();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  const attempts = [...d.attempt_log].reverse();
  return (
    <section aria-labelledby="delivery-title">
      <p className="crumbs">
        <Link href="/logs">Logs</Link> /
      </p>
      <div className="page-head">
        <h1 id="delivery-title">
          <code>{d.event}</code>
        </h1>
        <StatusBadge status={d.status} />
      </div>
      <dl className="facts">
        <dt>Webhook</dt>
        <dd>
          <Link href={`/webhooks/${encodeURIComponent(d.webhook_key)}`}>{d.webhook_key}</Link>{' '}
          <span className="mono muted">{d.url}</span>
        </dd>
        <dt>Event id</dt>
        <dd className="mono">{d.event_id}</dd>
        <dt>Delivery id</dt>
        <dd className="mono">{d.id}</dd>
        <dt>Created</dt>
        <dd>{fullTime(d.created_at)}</dd>
        <dt>Attempts</dt>
        <dd>
          {d.attempts} · last result: {lastOutcome(d)}
        </dd>
        {d.status === 'pending' && d.next_attempt_at && (
          <>
            <dt>Next attempt</dt>
            <dd>
              {relativeTime(d.next_attempt_at)} ({fullTime(d.next_attempt_at)})
            </dd>
          </>
        )}
      </dl>
      <div className="actions">
        <Button variant="primary" onClick={redeliver} disabled={busy}>
          {busy ? 'Redelivering…' : 'Redeliver now'}
        </Button>
        <span className="hint">
          Sends the same body again, byte for byte, with fresh signatures.
        </span>
      </div>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={error} />

      <h2>Attempts</h2>
      {attempts.length === 0 ? (
        <p className="muted">
          No attempt yet
          {d.next_attempt_at ? `; the first is due ${relativeTime(d.next_attempt_at)}` : ''}.
        </p>
      ) : (
        <ol className="attempts" reversed>
          {attempts.map((a, i) => (
            <AttemptItem key={a.id} attempt={a} body={d.body} open={i === 0} />
          ))}
        </ol>
      )}
    </section>
  );
}

function Headers({ headers }: { headers: Record<string, string> | null }) {
  if (!headers || Object.keys(headers).length === 0) return <p className="muted">None</p>;
  return (
    <table className="headers">
      <tbody>
        {Object.entries(headers).map(([name, value]) => (
          <tr key={name}>
            <th scope="row">{name}</th>
            <td className="mono">{value}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function AttemptItem({
  attempt: a,
  body,
  open,
}: {
  attempt: Attempt;
  body: string;
  open: boolean;
}) {
  return (
    <li className="attempt" data-testid="attempt">
      <details open={open}>
        <summary>
          <span>Attempt {a.number}</span>
          <StatusBadge status={a.succeeded ? 'succeeded' : 'failed'} />
          <span>
            {a.response_status !== null
              ? `HTTP ${a.response_status}`
              : (a.error_class ?? 'no response')}
          </span>
          <span className="muted">
            {duration(a.duration_ms)} · {a.trigger} · {fullTime(a.started_at)}
          </span>
        </summary>
        {a.error_class && (
          <div className="alert alert-error">
            <p>
              <strong>{a.error_class}</strong>: {ERROR_CLASS_TEXT[a.error_class] ?? ''}
            </p>
            {a.error_message && <p className="mono">{a.error_message}</p>}
          </div>
        )}
        <div className="attempt-grid">
          <div>
            <h3>Request headers</h3>
            <Headers headers={a.request_headers} />
            <h4>Request body</h4>
            <pre className="code">{prettyJson(body)}</pre>
          </div>
          <div>
            <h3>Response {a.response_status !== null ? `(HTTP ${a.response_status})` : ''}</h3>
            <Headers headers={a.response_headers} />
            <h4>Response body</h4>
            {a.response_body ? (
              <pre className="code">{prettyJson(a.response_body)}</pre>
            ) : (
              <p className="muted">Empty</p>
            )}
          </div>
        </div>
      </details>
    </li>
  );
}
