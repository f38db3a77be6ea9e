import { useState } from 'react';
import { dataOf, hookline } from '../api.js';
import type { Webhook, WebhookStats } from '../api.js';
import { SecretField } from '../components/SecretField.js';
import { WebhookForm } from '../components/WebhookForm.js';
import { Button, Empty, ErrorMessage, Loading, StatusBadge } from '../components/ui.js';
import { percent, relativeTime } from '../format.js';
import { useQuery } from '@tanstack/react-query';
import { eventTypesQuery, webhooksQuery } from '../queries.js';
import { Link } from '../router.js';

/** Every webhook, its 24 h health, and "Add webhook". */
export function WebhooksPage() {
  const hooks = useQuery({ ...webhooksQuery, refetchInterval: 10_000 });
  const stats = useQuery({
    queryKey: ['/v1/stats/webhooks'],
    queryFn: ({ signal }) => dataOf(hookline.GET('/v1/stats/webhooks', { signal })),
    refetchInterval: 10_000,
  });
  const types = useQuery(eventTypesQuery);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState<Webhook>();

  const statsOf = new Map((stats.data ?? []).map((s) => [s.webhook_key, s]));
  const list = hooks.data?.data ?? [];

  return (
    <section aria-labelledby="webhooks-title">
      <div className="page-head">
        <h1 id="webhooks-title">Webhooks</h1>
        {!adding && (
          <Button
            variant="primary"
            onClick={() => {
              setAdding(true);
              setCreated(undefined);
            }}
          >
            Add webhook
          </Button>
        )}
      </div>
      <p className="lede">
        Endpoints that receive your program's events, signed with their own secret.
      </p>

      {created && (
        <div className="panel panel-success" role="status">
          <h2>Webhook “{created.name}” created</h2>
          <p>
            Copy its signing secret now and configure your receiver with it to verify the
            <code> Signature</code> and <code>webhook-signature</code> headers. You can see it again
            on the webhook's page.
          </p>
          <SecretField secret={created.signature} revealed />
          <div className="actions">
            <Link className="btn btn-primary" href={`/webhooks/${encodeURIComponent(created.key)}`}>
              Send a test event
            </Link>
            <Button onClick={() => setCreated(undefined)}>Done</Button>
          </div>
        </div>
      )}

      {adding && (
        <div className="panel">
          <h2>Add webhook</h2>
          {types.error ? (
            <ErrorMessage
              error={types.error}
              action={<Button onClick={() => void types.refetch()}>Retry</Button>}
            />
          ) : !types.data ? (
            <Loading what="Loading event types" />
          ) : (
            <WebhookForm
              initial={{ name: '', url: '', events: [] }}
              eventTypes={types.data}
              submitLabel="Add webhook"
              onCancel={() => setAdding(false)}
              onSubmit={async (draft) => {
                const webhook = await dataOf(hookline.POST('/v1/webhooks', { body: draft }));
                setAdding(false);
                setCreated(webhook);
                void hooks.refetch();
                void stats.refetch();
              }}
            />
          )}
        </div>
      )}

      <ErrorMessage
        error={hooks.error}
        action={<Button onClick={() => void hooks.refetch()}>Retry</Button>}
      />
      {hooks.isPending && !hooks.data ? (
        <Loading what="Loading webhooks" />
      ) : list.length === 0 && !hooks.error ? (
        !adding && (
          <Empty title="No webhooks yet">
            <p>
              Add a webhook to start receiving events such as <code>partner.created</code>.
            </p>
            <Button variant="primary" onClick={() => setAdding(true)}>
              Add your first webhook
            </Button>
          </Empty>
        )
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Webhooks with their last 24 hours</caption>
            <thead>
              <tr>
                <th scope="col">Name</th>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Status</th>
                <th scope="col">Success (24 h)</th>
                <th scope="col">Last delivery</th>
              </tr>
            </thead>
            <tbody>
              {list.map((w) => {
                const s = statsOf.get(w.key);
                return (
                  <tr key={w.key}>
                    <td data-label="Name">
                      <Link href={`/webhooks/${encodeURIComponent(w.key)}`}>{w.name}</Link>
                    </td>
                    <td data-label="URL" className="url">
                      {w.url}
                    </td>
                    <td data-label="Events">{eventsSummary(w.events)}</td>
                    <td data-label="Status" title={w.disabled_reason ?? undefined}>
                      <StatusBadge status={w.is_active ? 'active' : 'inactive'} />
                      {!w.is_active && w.disabled_reason ? ' (disabled by Hookline)' : ''}
                    </td>
                    <td data-label="Success (24 h)">
                      {s && s.attempts_24h > 0 ? (
                        <span title={healthTitle(s)}>
                          <StatusBadge status={s.health} /> {percent(s.success_rate_24h)}
                        </span>
                      ) : (
                        <span className="muted">No attempts</span>
                      )}
                    </td>
                    <td data-label="Last delivery">
                      {s?.last_delivery ? (
                        <Link href={`/logs/${encodeURIComponent(s.last_delivery.id)}`}>
                          <StatusBadge status={s.last_delivery.status} />{' '}
                          {relativeTime(s.last_delivery.created_at)}
                        </Link>
                      ) : (
                        <span className="muted">Never</span>
                      )}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** "All events", one name, or "3 events". */
export function eventsSummary(events: string[]): string {
  if (events.includes('*')) return 'All events';
  if (events.length <= 2) return events.join(', ');
  return `${events.length} events`;
}

/** The numbers behind a webhook's health badge, for its tooltip. */
function healthTitle(s: WebhookStats): string {
  const streak =
    s.consecutive_failures > 0 ? `; the last ${s.consecutive_failures} failed in a row` : '';
  return `${s.succeeded_24h} of ${s.attempts_24h} attempts succeeded${streak}`;
}
