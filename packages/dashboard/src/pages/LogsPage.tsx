import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import { answer, dataOf, defined, hookline, query } from '../api.js';
import type { DeliverySummary } from '../api.js';
import { DeliveryTable } from '../components/DeliveryTable.js';
import { Button, Empty, ErrorMessage, Loading, Pager } from '../components/ui.js';
import { fromLocalInput, toLocalInput } from '../format.js';
import { useQuery } from '@tanstack/react-query';
import { eventTypesQuery, webhooksQuery } from '../queries.js';
import { navigate, useLocation } from '../router.js';

const STATUSES = [
  { value: '', label: 'Any status' },
  { value: 'succeeded', label: 'Succeeded' },
  { value: 'pending', label: 'Retrying (pending)' },
  { value: 'failed', label: 'Failed' },
  { value: 'cancelled', label: 'Cancelled' },
] as const;

const FILTERS = ['webhook', 'event', 'status', 'since', 'until'] as const;
const POLL_MS = 3_000;

/** The delivery log: filters in the URL, newest first, refreshed every few seconds. */
export function LogsPage() {
  const { query: params } = useLocation();
  const filters = Object.fromEntries(FILTERS.map((f) => [f, params.get(f) ?? ''])) as Record<
    (typeof FILTERS)[number],
    string
  >;
  const page = Number(params.get('page') ?? '1') || 1;
  // The status comes from the URL as typed; the API refuses one it does not know, in words.
  const listQuery = {
    ...defined(filters),
    status: (filters.status || undefined) as DeliverySummary['status'] | undefined,
    limit: 25,
    page,
  };
  const deliveries = useQuery({
    queryKey: ['/v1/deliveries', listQuery],
    queryFn: ({ signal }) =>
      answer(hookline.GET('/v1/deliveries', { params: { query: listQuery }, signal })),
    refetchInterval: POLL_MS,
  });
  const hooks = useQuery(webhooksQuery);
  const types = useQuery(eventTypesQuery);
  const service = useQuery({
    queryKey: ['/v1/service'],
    queryFn: ({ signal }) => dataOf(hookline.GET('/v1/service', { signal })),
  });
  const ids = { webhook: useId(), event: useId(), status: useId(), since: useId(), until: useId() };

  const setFilters = (next: Partial<Record<(typeof FILTERS)[number], string>>, nextPage = 1) => {
    navigate(
      `/logs${query({ ...filters, ...next, page: nextPage === 1 ? undefined : nextPage })}`,
      {
        replace: true,
      },
    );
  };
  const timeValue = (iso: string) => {
    const ms = Date.parse(iso);
    return Number.isNaN(ms) ? '' : toLocalInput(ms);
  };
  const anyFilter = FILTERS.some((f) => filters[f] !== '');

  return (
    <section aria-labelledby="logs-title">
      <div className="page-head">
        <h1 id="logs-title">Logs</h1>
        <span className="live muted" aria-hidden="true">
          <span className="dot" /> Live
        </span>
      </div>
      <p className="lede">
        Every delivery, newest first. Open one to see each attempt.
        {service.data && (
          <>
            {' '}
            {service.data.retention_days === null
              ? 'Logs are kept until you delete them.'
              : `Deliveries and their attempts are kept for ${service.data.retention_days} days.`}
          </>
        )}
      </p>

      <form className="filters" onSubmit={(e) => e.preventDefault()} aria-label="Filter deliveries">
        <div className="field">
          <label htmlFor={ids.webhook}>Webhook</label>
          <select
            id={ids.webhook}
            value={filters.webhook}
            onChange={(e) => setFilters({ webhook: e.target.value })}
          >
            <option value="">All webhooks</option>
            {(hooks.data?.data ?? []).map((w) => (
              <option key={w.key} value={w.key}>
                {w.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.event}>Event type</label>
          <select
            id={ids.event}
            value={filters.event}
            onChange={(e) => setFilters({ event: e.target.value })}
          >
            <option value="">All events</option>
            {(types.data ?? []).map((t) => (
              <option key={t.name} value={t.name}>
                {t.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.status}>Status</label>
          <select
            id={ids.status}
            value={filters.status}
            onChange={(e) => setFilters({ status: e.target.value })}
          >
            {STATUSES.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.since}>Since</label>
          <input
            id={ids.since}
            type="datetime-local"
            value={timeValue(filters.since)}
            onChange={(e) => setFilters({ since: fromLocalInput(e.target.value) ?? '' })}
          />
        </div>
        <div className="field">
          <label htmlFor={ids.until}>Until</label>
          <input
            id={ids.until}
            type="datetime-local"
            value={timeValue(filters.until)}
            onChange={(e) => setFilters({ until: fromLocalInput(e.target.value) ?? '' })}
          />
        </div>
        {anyFilter && (
          <Button onClick={() => navigate('/logs', { replace: true })} className="clear">
            Clear filters
          </Button>
        )}
      </form>

      <BulkRetry webhook={filters.webhook} onQueued={() => void deliveries.refetch()} />

      <ErrorMessage
        error={deliveries.error}
        action={<Button onClick={() => void deliveries.refetch()}>Retry</Button>}
      />
      {!deliveries.data ? (
        !deliveries.error && <Loading what="Loading deliveries" />
      ) : deliveries.data.data.length === 0 ? (
        <Empty title={anyFilter ? 'No deliveries match these filters' : 'No deliveries yet'}>
          <p>
            {anyFilter
              ? 'Widen the time range or clear the filters.'
              : 'Deliveries appear here as events happen. Send a test event from a webhook’s page to see one.'}
          </p>
        </Empty>
      ) : (
        <>
          <DeliveryTable deliveries={deliveries.data.data} />
          <Pager
            page={page}
            hasNext={deliveries.data.links.next !== null}
            onPage={(p) => setFilters({}, p)}
          />
        </>
      )}
    </section>
  );
}

/** "Retry all failed since…": queues every failed delivery since a time for another attempt. */
function BulkRetry({ webhook, onQueued }: { webhook: string; onQueued: () => void }) {
  const [since, setSince] = useState(() => toLocalInput(Date.now() - 86_400_000));
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>();
  const [result, setResult] = useState<string>();
  const id = useId();
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setError(undefined);
    setResult(undefined);
    try {
      const body = {
        status: 'failed' as const,
        since: fromLocalInput(since),
        ...(webhook ? { webhook } : {}),
      };
      const { queued } = await dataOf(hookline.POST('/v1/deliveries/retry', { body }));
      setResult(
        queued === 0
          ? 'No failed deliveries to retry in that range.'
          : `Queued ${queued} failed ${queued === 1 ? 'delivery' : 'deliveries'} for another attempt.`,
      );
      onQueued();
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };
  return (
    <details className="panel bulk">
      <summary>Retry all failed deliveries since…</summary>
      <form onSubmit={submit} className="inline-form">
        <div className="field">
          <label htmlFor={id}>Failed since</label>
          <input
            id={id}
            type="datetime-local"
            value={since}
            onChange={(e) => setSince(e.target.value)}
          />
        </div>
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? 'Queuing…' : webhook ? 'Retry failed for this webhook' : 'Retry all failed'}
        </Button>
      </form>
      {result && (
        <p className="alert alert-success" role="status">
          {result}
        </p>
      )}
      <ErrorMessage error={error} />
    </details>
  );
}
