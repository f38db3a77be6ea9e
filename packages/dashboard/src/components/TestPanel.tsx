import { useId, useState } from 'react';
import { dataOf, hookline } from '../api.js';
import type { Attempt, EventType, TestSendResult, Webhook } from '../api.js';
import { Button, ErrorMessage, Loading, StatusBadge } from './ui.js';
import { ERROR_CLASS_TEXT, duration } from '../format.js';
import { Link } from '../router.js';

/** Sends an event type's sample to the webhook now and shows the attempt. */
export function TestPanel({
  webhook,
  eventTypes,
  onSent,
}: {
  webhook: Webhook;
  eventTypes: EventType[] | undefined;
  onSent: () => void;
}) {
  const subscribed = (name: string) =>
    webhook.events.includes('*') || webhook.events.includes(name);
  const [event, setEvent] = useState<string>();
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<TestSendResult>();
  const [error, setError] = useState<unknown>();
  const selectId = useId();
  if (!eventTypes) return <Loading what="Loading event types" />;
  const chosen =
    event ?? eventTypes.find((t) => subscribed(t.name))?.name ?? eventTypes[0]?.name ?? '';
  const type = eventTypes.find((t) => t.name === chosen);

  const send = async () => {
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      setResult(
        await dataOf(
          hookline.POST('/v1/webhooks/{key}/test', {
            params: { path: { key: webhook.key } },
            body: { event: chosen },
          }),
        ),
      );
      onSent();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="panel">
      <h2>Send a test event</h2>
      <p className="hint">
        Sends the event's sample payload to this webhook now, signed like a real event. Test sends
        are attempted once and never retried.
      </p>
      <div className="field">
        <label htmlFor={selectId}>Event type</label>
        <select
          id={selectId}
          value={chosen}
          onChange={(e) => {
            setEvent(e.target.value);
            setResult(undefined);
          }}
        >
          {eventTypes.map((t) => (
            <option key={t.name} value={t.name}>
              {t.name}
              {subscribed(t.name) ? '' : ' (not subscribed)'}
            </option>
          ))}
        </select>
        {type && <p className="hint">{type.description}</p>}
      </div>
      <details className="sample">
        <summary>Sample payload (data)</summary>
        <pre className="code">{JSON.stringify(type?.sample ?? {}, null, 2)}</pre>
      </details>
      <div className="actions">
        <Button variant="primary" onClick={send} disabled={busy || !webhook.is_active}>
          {busy ? 'Sending…' : 'Send test event'}
        </Button>
        {!webhook.is_active && <span className="muted">Enable the webhook to send tests.</span>}
      </div>
      <ErrorMessage error={error} />
      {result && <AttemptResult attempt={result.attempt} deliveryId={result.delivery.id} />}
    </div>
  );
}

/** The inline result of one attempt: status, duration, response excerpt or error. */
export function AttemptResult({ attempt, deliveryId }: { attempt: Attempt; deliveryId: string }) {
  const excerpt = (attempt.response_body ?? '').slice(0, 500);
  return (
    <div
      className={`result ${attempt.succeeded ? 'result-ok' : 'result-fail'}`}
      role="status"
      data-testid="attempt-result"
    >
      <p className="result-head">
        <StatusBadge status={attempt.succeeded ? 'succeeded' : 'failed'} />{' '}
        {attempt.response_status !== null ? (
          <strong>HTTP {attempt.response_status}</strong>
        ) : (
          <strong>No response</strong>
        )}{' '}
        in {duration(attempt.duration_ms)}
      </p>
      {attempt.error_class && (
        <p>
          <strong>{attempt.error_class}</strong>: {ERROR_CLASS_TEXT[attempt.error_class] ?? ''}{' '}
          {attempt.error_message && <span className="muted">({attempt.error_message})</span>}
        </p>
      )}
      {excerpt !== '' && (
        <>
          <p className="muted">
            Response body{excerpt.length < (attempt.response_body ?? '').length ? ' (excerpt)' : ''}
            :
          </p>
          <pre className="code">{excerpt}</pre>
        </>
      )}
      <Link href={`/logs/${encodeURIComponent(deliveryId)}`}>See it in the logs →</Link>
    </div>
  );
}
