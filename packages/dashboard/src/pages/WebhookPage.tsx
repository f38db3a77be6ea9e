import { useState } from 'react';
import { ApiError, api, query } from '../api.js';
import type { DeliverySummary, EventType, Webhook } from '../api.js';
import { DeliveryTable } from '../components/DeliveryTable.js';
import { SecretField } from '../components/SecretField.js';
import { WebhookForm } from '../components/WebhookForm.js';
import { Button, Dialog, Empty, ErrorMessage, Loading, StatusBadge } from '../components/ui.js';
import { useLoad } from '../hooks.js';
import { Link, navigate } from '../router.js';
import { RotateDialog } from '../components/RotateDialog.js';
import { TestPanel } from '../components/TestPanel.js';
import { eventsSummary } from './WebhooksPage.js';

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
