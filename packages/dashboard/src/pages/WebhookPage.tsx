import { useState } from 'react';
import { ApiError, dataOf, hookline, query } from '../api.js';
import { DeliveryTable } from '../components/DeliveryTable.js';
import { SecretField } from '../components/SecretField.js';
import { WebhookForm } from '../components/WebhookForm.js';
import { Button, Dialog, Empty, ErrorMessage, Loading, StatusBadge } from '../components/ui.js';
import { useQuery } from '@tanstack/react-query';
import { eventTypesQuery } from '../queries.js';
import { Link, navigate } from '../router.js';
import { RotateDialog } from '../components/RotateDialog.js';
import { TestPanel } from '../components/TestPanel.js';
import { eventsSummary } from './WebhooksPage.js';

/** One webhook: settings, secret, test sends, recent deliveries. */
export function WebhookPage({ webhookKey }: { webhookKey: string }) {
  const params = { path: { key: webhookKey } };
  const hook = useQuery({
    queryKey: ['/v1/webhooks/{key}', webhookKey],
    queryFn: ({ signal }) => dataOf(hookline.GET('/v1/webhooks/{key}', { params, signal })),
  });
  const types = useQuery(eventTypesQuery);
  const recent = useQuery({
    queryKey: ['/v1/webhooks/{key}/deliveries', webhookKey],
    queryFn: ({ signal }) =>
      dataOf(
        hookline.GET('/v1/webhooks/{key}/deliveries', {
          params: { ...params, query: { limit: 5 } },
          signal,
        }),
      ),
    refetchInterval: 4_000,
  });
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
      <ErrorMessage
        error={hook.error}
        action={<Button onClick={() => void hook.refetch()}>Retry</Button>}
      />
    ) : (
      <Loading what="Loading webhook" />
    );
  }
  const w = hook.data;

  const reEnable = async (retryFailed: boolean) => {
    setActionError(undefined);
    try {
      const res = await dataOf(
        hookline.POST('/v1/webhooks/{key}/enable', { params, body: { retry_failed: retryFailed } }),
      );
      setNotice(
        retryFailed
          ? `Webhook re-enabled; ${res.queued} failed deliveries queued again.`
          : 'Webhook re-enabled.',
      );
      void hook.refetch();
      void recent.refetch();
    } catch (err) {
      setActionError(err);
    }
  };

  const setOperational = async (operational: boolean) => {
    setActionError(undefined);
    try {
      await hookline.PUT('/v1/webhooks/{key}/operational', { params, body: { operational } });
      setNotice(
        operational
          ? 'This webhook now receives operational events (webhook.failing, webhook.disabled, delivery.exhausted).'
          : 'This webhook no longer receives operational events.',
      );
      void hook.refetch();
    } catch (err) {
      setActionError(err);
    }
  };

  const setActive = async (active: boolean) => {
    setActionError(undefined);
    try {
      await hookline.PUT('/v1/webhooks/{key}', { params, body: { is_active: active } });
      setNotice(
        active ? 'Webhook enabled.' : 'Webhook disabled; pending deliveries were cancelled.',
      );
      void hook.refetch();
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
              await hookline.PUT('/v1/webhooks/{key}', { params, body: draft });
              setEditing(false);
              setNotice('Changes saved.');
              void hook.refetch();
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

      <TestPanel webhook={w} eventTypes={types.data} onSent={() => void recent.refetch()} />

      <div className="panel">
        <div className="page-head">
          <h2>Recent deliveries</h2>
          <Link href={`/logs${query({ webhook: w.key })}`}>All deliveries of this webhook →</Link>
        </div>
        <ErrorMessage error={recent.error} />
        {recent.data ? (
          recent.data.length === 0 ? (
            <Empty title="No deliveries yet">
              <p>Send a test event above, or trigger one of its events.</p>
            </Empty>
          ) : (
            <DeliveryTable deliveries={recent.data} showWebhook={false} />
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
                await hookline.DELETE('/v1/webhooks/{key}', { params });
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
        webhookKey={w.key}
        onClose={() => setRotating(false)}
        onRotated={(message) => {
          setNotice(message);
          void hook.refetch();
        }}
      />
    </section>
  );
}
