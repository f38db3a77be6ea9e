import { useId, useState } from 'react';
import { ApiError, api, query } from '../api.js';
import type { Attempt, DeliverySummary, EventType, TestSendResult, Webhook } from '../api.js';
import { DeliveryTable } from '../components/DeliveryTable.js';
import { SecretField } from '../components/SecretField.js';
import { WebhookForm } from '../components/WebhookForm.js';
import { Button, Dialog, Empty, ErrorMessage, Loading, StatusBadge } from '../components/ui.js';
import { ERROR_CLASS_TEXT, duration } from '../format.js';
import { useLoad } from '../hooks.js';
import { Link, navigate } from '../router.js';
import { eventsSummary } from './WebhooksPage.js';

const GRACE_PERIODS = [
  { seconds: 0, label: 'None: the old secret stops working now' },
  { seconds: 3_600, label: '1 hour' },
  { seconds: 86_400, label: '24 hours' },
  { seconds: 604_800, label: '7 days' },
] as const;

/** One webhook: settings, secret, test sends, recent deliveries. */
export function WebhookPage({ webhookKey }: { webhookKey: string }) {
  const path = `/v1/webhooks/${encodeURIComponent(webhookKey)}`;
  const hook = useLoad(() => api.get<Webhook>(path), path);
  const types = useLoad(() => api.get<EventType[]>('/v1/event-types'), 'types');
  const recent = useLoad(
    () => api.list<DeliverySummary>(`${path}/deliveries${query({ limit: 5 })}`),
    `${path}/deliveries`,
    4_000,
  );
  const [editing, setEditing] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [rotating, setRotating] = useState(false);
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();

  if (hook.error instanceof ApiError && hook.error.status === 404) {
    return (
      <section>
        <h1>Webhook not found</h1>
        <p>
          It may have been deleted. <Link href="/webhooks">Back to webhooks</Link>
        </p>
      </section>
    );
  }
  if (!hook.data) {
    return hook.error ? (
      <ErrorMessage error={hook.error} action={<Button onClick={hook.reload}>Retry</Button>} />
    ) : (
      <Loading what="Loading webhook" />
    );
  }
  // Lifecycle fields of the webhook resource (docs/delivery.md, "Endpoint lifecycle").
  const w = hook.data as Webhook & {
    operational?: boolean;
    disabled_reason?: string | null;
    disabled_at?: string | null;
  };

  const reEnable = async (retryFailed: boolean) => {
    setActionError(undefined);
    try {
      const res = await api.post<{ queued: number }>(`${path}/enable`, {
        retry_failed: retryFailed,
      });
      setNotice(
        retryFailed
          ? `Webhook re-enabled; ${res.queued} failed deliveries queued again.`
          : 'Webhook re-enabled.',
      );
      hook.reload();
      recent.reload();
    } catch (err) {
      setActionError(err);
    }
  };

  const setOperational = async (operational: boolean) => {
    setActionError(undefined);
    try {
      await api.put(`${path}/operational`, { operational });
      setNotice(
        operational
          ? 'This webhook now receives operational events (webhook.failing, webhook.disabled, delivery.exhausted).'
          : 'This webhook no longer receives operational events.',
      );
      hook.reload();
    } catch (err) {
      setActionError(err);
    }
  };

  const setActive = async (active: boolean) => {
    setActionError(undefined);
    try {
      await api.put<Webhook>(path, { is_active: active });
      setNotice(
        active ? 'Webhook enabled.' : 'Webhook disabled; pending deliveries were cancelled.',
      );
      hook.reload();
    } catch (err) {
      setActionError(err);
    }
  };

  return (
    <section aria-labelledby="webhook-title">
      <p className="crumbs">
        <Link href="/webhooks">Webhooks</Link> /
      </p>
      <div className="page-head">
        <h1 id="webhook-title">{w.name}</h1>
        <StatusBadge status={w.is_active ? 'active' : 'inactive'} />
      </div>
      <p className="url mono">{w.url}</p>
      <p className="muted">
        Key <code>{w.key}</code> · {eventsSummary(w.events)}
      </p>

      {!w.is_active && w.disabled_reason && (
        <div className="alert alert-warning" role="alert">
          <p>
            <strong>Hookline disabled this webhook</strong>
            {w.disabled_at ? ` on ${new Date(w.disabled_at).toLocaleString()}` : ''}:{' '}
            {w.disabled_reason}
          </p>
          <div className="actions">
            <Button onClick={() => reEnable(false)}>Re-enable</Button>
            <Button onClick={() => reEnable(true)}>Re-enable and retry what failed</Button>
          </div>
        </div>
      )}

      <div className="actions">
        <Button onClick={() => setEditing(!editing)} aria-expanded={editing}>
          Edit
        </Button>
        <Button onClick={() => setActive(!w.is_active)}>
          {w.is_active ? 'Disable' : 'Enable'}
        </Button>
        <Button onClick={() => setRotating(true)}>Rotate secret</Button>
        <Button
          onClick={() => setOperational(!w.operational)}
          aria-pressed={w.operational === true}
        >
          {w.operational ? 'Stop operational events' : 'Receive operational events'}
        </Button>
        <Button variant="danger" onClick={() => setConfirmDelete(true)}>
          Delete
        </Button>
      </div>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={actionError} />

      {editing && types.data && (
        <div className="panel">
          <h2>Edit webhook</h2>
          <WebhookForm
            initial={{ name: w.name, url: w.url, events: w.events }}
            eventTypes={types.data}
            submitLabel="Save changes"
            onCancel={() => setEditing(false)}
            onSubmit={async (draft) => {
              await api.put<Webhook>(path, draft);
              setEditing(false);
              setNotice('Changes saved.');
              hook.reload();
            }}
          />
        </div>
      )}

      <div className="panel">
        <h2>Signing secret</h2>
        <SecretField secret={w.signature} />
        <p className="hint">
          Receivers verify each request's signature with this secret. Rotating it keeps the old one
          signing for a grace period so you can update receivers without dropping events.
        </p>
      </div>

      <TestPanel webhook={w} path={path} eventTypes={types.data} onSent={recent.reload} />

      <div className="panel">
        <div className="page-head">
          <h2>Recent deliveries</h2>
          <Link href={`/logs${query({ webhook: w.key })}`}>All deliveries of this webhook →</Link>
        </div>
        <ErrorMessage error={recent.error} />
        {recent.data ? (
          recent.data.data.length === 0 ? (
            <Empty title="No deliveries yet">
              <p>Send a test event above, or trigger one of its events.</p>
            </Empty>
          ) : (
            <DeliveryTable deliveries={recent.data.data} showWebhook={false} />
          )
        ) : (
          !recent.error && <Loading what="Loading deliveries" />
        )}
      </div>

      <Dialog
        open={confirmDelete}
        title={`Delete “${w.name}”?`}
        onClose={() => setConfirmDelete(false)}
      >
        <p>
          Hookline stops sending to <span className="mono">{w.url}</span> and cancels its pending
          deliveries. Its delivery log stays. This cannot be undone.
        </p>
        <div className="actions">
          <Button
            variant="danger"
            onClick={async () => {
              try {
                await api.delete(path);
                setConfirmDelete(false);
                navigate('/webhooks');
              } catch (err) {
                setConfirmDelete(false);
                setActionError(err);
              }
            }}
          >
            Delete webhook
          </Button>
          <Button onClick={() => setConfirmDelete(false)}>Cancel</Button>
        </div>
      </Dialog>

      <RotateDialog
        open={rotating}
        path={path}
        onClose={() => setRotating(false)}
        onRotated={(message) => {
          setNotice(message);
          hook.reload();
        }}
      />
    </section>
  );
}

function RotateDialog({
  open,
  path,
  onClose,
  onRotated,
}: {
  open: boolean;
  path: string;
  onClose: () => void;
  onRotated: (message: string) => void;
}) {
  const [grace, setGrace] = useState(86_400);
  const [error, setError] = useState<unknown>();
  const [busy, setBusy] = useState(false);
  const id = useId();
  return (
    <Dialog open={open} title="Rotate the signing secret" onClose={onClose}>
      <p>
        A new secret is generated. During the grace period both secrets sign every request (
        <code>webhook-signature</code>), and the <code>Signature</code> header keeps using the old
        secret, so receivers that check only <code>Signature</code> (such as Partnero's n8n node)
        keep verifying while you update them. <code>Signature</code> switches to the new secret when
        the grace period ends.
      </p>
      <p>
        Already updated every receiver? <strong>Finish rotation</strong> ends the grace period now:
        only the current secret signs from then on.
      </p>
      <div className="field">
        <label htmlFor={id}>Grace period for the old secret</label>
        <select id={id} value={grace} onChange={(e) => setGrace(Number(e.target.value))}>
          {GRACE_PERIODS.map((g) => (
            <option key={g.seconds} value={g.seconds}>
              {g.label}
            </option>
          ))}
        </select>
      </div>
      <ErrorMessage error={error} />
      <div className="actions">
        <Button
          variant="primary"
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              await api.post<Webhook>(`${path}/rotate-secret`, { grace_period_seconds: grace });
              onRotated(
                grace > 0
                  ? 'Secret rotated. Update your receivers with the new secret; Signature switches to it when the grace period ends.'
                  : 'Secret rotated. Update your receivers with the new secret.',
              );
              onClose();
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          Rotate secret
        </Button>
        <Button
          disabled={busy}
          onClick={async () => {
            setBusy(true);
            setError(undefined);
            try {
              await api.post<Webhook>(`${path}/finish-rotation`, {});
              onRotated('Rotation finished: only the current secret signs now.');
              onClose();
            } catch (err) {
              setError(err);
            } finally {
              setBusy(false);
            }
          }}
        >
          Finish rotation
        </Button>
        <Button onClick={onClose}>Cancel</Button>
      </div>
    </Dialog>
  );
}

function TestPanel({
  webhook,
  path,
  eventTypes,
  onSent,
}: {
  webhook: Webhook;
  path: string;
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
      setResult(await api.post<TestSendResult>(`${path}/test`, { event: chosen }));
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
