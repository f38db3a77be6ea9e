import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { answer, hookline } from '../api.js';
import type { Postback } from '../api.js';
import { Button, Empty, ErrorMessage, Loading, StatusBadge } from '../components/ui.js';
import { fullTime, relativeTime } from '../format.js';
import { postbacksQuery } from '../queries.js';
import { eventsSummary } from './WebhooksPage.js';

/**
 * Every partner's postbacks (`GET /v1/postbacks`): whose, what kind, where, which events, and
 * their health; the owner disables or enables one (`PUT /v1/partners/{id}/postbacks/{postback}`
 * with `is_active`). Partners create and edit their postbacks in the portal; the owner's part
 * here is oversight, so this page has no create form.
 */
export function PostbacksPage() {
  const list = useQuery({ ...postbacksQuery, refetchInterval: 10_000 });
  const client = useQueryClient();
  const [notice, setNotice] = useState<string>();
  const toggle = useMutation({
    mutationFn: (p: Postback) =>
      answer(
        hookline.PUT('/v1/partners/{id}/postbacks/{postback}', {
          params: { path: { id: p.partner.id, postback: String(p.id) } },
          body: { is_active: !p.is_active },
        }),
      ),
    onSuccess: (_answer, p) => {
      setNotice(`${capitalized(describe(p))} ${p.is_active ? 'disabled' : 'enabled'}.`);
      return client.invalidateQueries({ queryKey: postbacksQuery.queryKey });
    },
    onError: () => setNotice(undefined),
  });
  const rows = list.data ?? [];

  return (
    <section aria-labelledby="postbacks-title">
      <div className="page-head">
        <h1 id="postbacks-title">Postbacks</h1>
      </div>
      <p className="lede">
        Your partners' own webhooks: each receives the events of that partner's referrals, as a
        signed JSON webhook or as a tracking URL with macros. Partners manage them in the partner
        portal; here you watch their health and can switch one off.
      </p>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={toggle.error} />
      <ErrorMessage
        error={list.error}
        action={<Button onClick={() => void list.refetch()}>Retry</Button>}
      />
      {!list.data ? (
        !list.error && <Loading what="Loading postbacks" />
      ) : rows.length === 0 ? (
        <Empty title="No postbacks yet">
          <p>Partners add postbacks in the partner portal, or you add them through the API.</p>
        </Empty>
      ) : (
        <div className="table-wrap">
          <table className="table">
            <caption className="visually-hidden">Partners' postbacks with their health</caption>
            <thead>
              <tr>
                <th scope="col">Partner</th>
                <th scope="col">Format</th>
                <th scope="col">URL</th>
                <th scope="col">Events</th>
                <th scope="col">Health</th>
                <th scope="col">
                  <span className="visually-hidden">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map((p) => (
                <tr key={`${p.partner.id}/${p.id}`} data-testid="postback-row">
                  <td data-label="Partner">
                    {partnerName(p)}
                    <span className="muted"> ({p.partner.key})</span>
                  </td>
                  <td data-label="Format">
                    {p.format === 'url' ? `URL (${p.method})` : 'Webhook'}
                  </td>
                  <td data-label="URL" className="url">
                    {p.url}
                  </td>
                  <td data-label="Events" title={p.events.join(', ')}>
                    {eventsSummary(p.events)}
                  </td>
                  <td data-label="Health">
                    <Health postback={p} />
                  </td>
                  <td data-label="Actions">
                    <Button
                      variant={p.is_active ? 'danger' : 'plain'}
                      disabled={toggle.isPending && toggle.variables === p}
                      aria-label={`${p.is_active ? 'Disable' : 'Enable'} ${describe(p)}`}
                      onClick={() => toggle.mutate(p)}
                    >
                      {p.is_active ? 'Disable' : 'Enable'}
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

/** Active, failing since a time, or disabled with its reason. */
function Health({ postback: p }: { postback: Postback }) {
  if (!p.is_active) {
    return (
      <span title={p.disabled_at ? fullTime(p.disabled_at) : undefined}>
        <StatusBadge status="disabled" />
        {p.disabled_reason ? ` ${p.disabled_reason}` : ' by the owner or the partner'}
      </span>
    );
  }
  if (p.failing_since) {
    return (
      <span title={fullTime(p.failing_since)}>
        <StatusBadge status="failing" /> since {relativeTime(p.failing_since)},{' '}
        {p.consecutive_failures} in a row
      </span>
    );
  }
  return <StatusBadge status="active" />;
}

function partnerName(p: Postback): string {
  return p.partner.name || p.partner.email;
}

/** "postback whk_… of Ann", for buttons and notices. */
function describe(p: Postback): string {
  return `postback ${p.id} of ${partnerName(p)}`;
}

function capitalized(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
