import type { Customer, Partner, Reward, Transaction } from '@hookline/client';
import { useQuery } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import { answer, defined, hookline, query } from '../api.js';
import { Button, Empty, ErrorMessage, Loading, Pager, StatusBadge } from '../components/ui.js';
import { fullTime, relativeTime } from '../format.js';
import { navigate, useLocation } from '../router.js';

type Kind = 'partners' | 'customers' | 'transactions' | 'rewards';

/** What a list page sends: the search box's value, the status filter, the page. */
interface ListQuery {
  search: string | undefined;
  status: string | undefined;
  page: number;
}

/** One page of rows, as the list answers. */
interface RowsPage<T> {
  data: T[];
  links: { next: string | null };
}

interface Column<T> {
  label: string;
  render: (row: T) => ReactNode;
}

interface Action<T> {
  label: string;
  /** Path segment after the resource, e.g. `approve`. */
  path: string;
  when: (row: T) => boolean;
  variant?: 'primary' | 'danger';
  done: string;
  run: (id: string) => Promise<unknown>;
}

interface PageConfig<T> {
  title: string;
  lede: string;
  /** The API's exact-match filter the search box fills, and how to describe it. */
  search: { param: string; label: string; placeholder: string };
  status?: { values: readonly string[] };
  load: (q: ListQuery, signal: AbortSignal) => Promise<RowsPage<T>>;
  idOf: (row: T) => string;
  /** How a row is named to a screen reader's "Approve …". */
  nameOf?: (row: T) => string;
  columns: Column<T>[];
  actions?: Action<T>[];
  empty: string;
}

interface Named {
  name: string | null;
  surname: string | null;
}

const text = (v: string | number | null | undefined) =>
  v === null || v === undefined || v === '' ? '—' : String(v);
const name = (row: Named) => [row.name, row.surname].filter((p) => p).join(' ') || '—';
const money = (row: { amount: number; amount_units: string }) =>
  `${row.amount.toFixed(2)} ${text(row.amount_units)}`;
const created = (row: { created_at: string }) => (
  <span title={fullTime(row.created_at)}>{relativeTime(row.created_at)}</span>
);
const path = (id: string) => ({ params: { path: { id } } });
/** The status filter as the API types it; the API refuses one it does not know, in words. */
const statusOf = <S extends string>(status: string | undefined) => status as S | undefined;

const PARTNERS: PageConfig<Partner> = {
  title: 'Partners',
  lede: 'People who refer customers. Approving or rejecting one sends partner.approved or partner.rejected.',
  search: { param: 'email', label: 'Email', placeholder: 'partner@example.com' },
  status: { values: ['pending', 'active', 'rejected', 'archived'] },
  load: (q, signal) =>
    answer(
      hookline.GET('/v1/partners', {
        params: {
          query: defined({
            email: q.search,
            status: statusOf<Partner['status']>(q.status),
            page: q.page,
            limit: 25,
          }),
        },
        signal,
      }),
    ),
  idOf: (r) => r.id,
  nameOf: name,
  columns: [
    { label: 'Name', render: name },
    { label: 'Email', render: (r) => text(r.email) },
    { label: 'Key', render: (r) => <code>{text(r.key)}</code> },
    { label: 'Status', render: (r) => <StatusBadge status={r.status} /> },
    { label: 'Created', render: created },
  ],
  actions: [
    {
      label: 'Approve',
      path: 'approve',
      when: (r) => r.status === 'pending',
      variant: 'primary',
      done: 'Partner approved.',
      run: (id) => hookline.POST('/v1/partners/{id}/approve', path(id)),
    },
    {
      label: 'Reject',
      path: 'reject',
      when: (r) => r.status === 'pending',
      variant: 'danger',
      done: 'Partner rejected.',
      run: (id) => hookline.POST('/v1/partners/{id}/reject', path(id)),
    },
  ],
  empty: 'No partners yet. Partners are created through the API (POST /v1/partners).',
};

const CUSTOMERS: PageConfig<Customer> = {
  title: 'Customers',
  lede: 'Customers referred by partners.',
  search: { param: 'email', label: 'Email', placeholder: 'customer@example.com' },
  load: (q, signal) =>
    answer(
      hookline.GET('/v1/customers', {
        params: { query: defined({ email: q.search, page: q.page, limit: 25 }) },
        signal,
      }),
    ),
  idOf: (r) => r.key,
  nameOf: name,
  columns: [
    { label: 'Key', render: (r) => <code>{text(r.key)}</code> },
    { label: 'Name', render: name },
    { label: 'Email', render: (r) => text(r.email) },
    { label: 'Partner', render: (r) => text(r.partner) },
    { label: 'Status', render: (r) => <StatusBadge status={r.status} /> },
    { label: 'Created', render: created },
  ],
  empty: 'No customers yet. Customers are created through the API (POST /v1/customers).',
};

const TRANSACTIONS: PageConfig<Transaction> = {
  title: 'Transactions',
  lede: 'Purchases by referred customers; each may earn its partner a reward.',
  search: { param: 'customer', label: 'Customer key', placeholder: 'customer_123' },
  load: (q, signal) =>
    answer(
      hookline.GET('/v1/transactions', {
        params: { query: defined({ customer: q.search, page: q.page, limit: 25 }) },
        signal,
      }),
    ),
  idOf: (r) => r.key,
  columns: [
    { label: 'Key', render: (r) => <code>{text(r.key)}</code> },
    { label: 'Action', render: (r) => text(r.action) },
    { label: 'Amount', render: money },
    { label: 'Customer', render: (r) => text(r.customer) },
    { label: 'Partner', render: (r) => text(r.partner) },
    { label: 'Created', render: created },
  ],
  empty: 'No transactions yet. They are recorded through the API (POST /v1/transactions).',
};

const REWARDS: PageConfig<Reward> = {
  title: 'Rewards',
  lede: 'Commissions earned by partners. Approving sends reward.approved; marking paid sends reward.paid.',
  search: { param: 'partner', label: 'Partner id', placeholder: 'partner_123' },
  status: { values: ['review_period', 'approved', 'paid', 'cancelled'] },
  load: (q, signal) =>
    answer(
      hookline.GET('/v1/rewards', {
        params: {
          query: defined({
            partner: q.search,
            status: statusOf<Reward['status']>(q.status),
            page: q.page,
            limit: 25,
          }),
        },
        signal,
      }),
    ),
  idOf: (r) => r.id,
  columns: [
    { label: 'Id', render: (r) => <code>{text(r.id)}</code> },
    { label: 'Partner', render: (r) => text(r.partner) },
    { label: 'Customer', render: (r) => text(r.customer) },
    { label: 'Amount', render: money },
    { label: 'Status', render: (r) => <StatusBadge status={r.status} /> },
    { label: 'Created', render: created },
  ],
  actions: [
    {
      label: 'Approve',
      path: 'approve',
      when: (r) => r.status === 'review_period',
      variant: 'primary',
      done: 'Reward approved.',
      run: (id) => hookline.POST('/v1/rewards/{id}/approve', path(id)),
    },
    {
      label: 'Mark paid',
      path: 'mark-paid',
      when: (r) => r.status === 'approved',
      variant: 'primary',
      done: 'Reward marked as paid.',
      run: (id) => hookline.POST('/v1/rewards/{id}/mark-paid', path(id)),
    },
  ],
  empty: 'No rewards yet. Rewards are created when transactions earn a commission.',
};

/** A partner-program list with search, status filter, paging and row actions. */
export function ProgramPage({ kind }: { kind: Kind }) {
  switch (kind) {
    case 'partners':
      return <ResourcePage kind={kind} config={PARTNERS} />;
    case 'customers':
      return <ResourcePage kind={kind} config={CUSTOMERS} />;
    case 'transactions':
      return <ResourcePage kind={kind} config={TRANSACTIONS} />;
    case 'rewards':
      return <ResourcePage kind={kind} config={REWARDS} />;
  }
}

function ResourcePage<T>({ kind, config }: { kind: Kind; config: PageConfig<T> }) {
  const { query: params } = useLocation();
  const search = params.get(config.search.param) ?? '';
  const status = params.get('status') ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const listQuery: ListQuery = { search: search || undefined, status: status || undefined, page };
  const list = useQuery({
    queryKey: [`/v1/${kind}`, listQuery],
    queryFn: ({ signal }) => config.load(listQuery, signal),
  });
  const [draft, setDraft] = useState(search);
  const [draftKey, setDraftKey] = useState(`${kind}:${search}`);
  const [actionError, setActionError] = useState<unknown>();
  const [notice, setNotice] = useState<string>();
  const [busyId, setBusyId] = useState<string>();
  const ids = { search: useId(), status: useId() };
  if (draftKey !== `${kind}:${search}`) {
    setDraftKey(`${kind}:${search}`);
    setDraft(search);
  }

  const go = (next: { search?: string; status?: string; page?: number }) =>
    navigate(
      `/${kind}${query({
        [config.search.param]: next.search ?? search,
        status: next.status ?? status,
        page: next.page && next.page > 1 ? next.page : undefined,
      })}`,
      { replace: true },
    );

  const submit = (event: FormEvent) => {
    event.preventDefault();
    go({ search: draft.trim(), page: 1 });
  };

  const act = async (row: T, action: Action<T>) => {
    const id = config.idOf(row);
    setBusyId(id);
    setActionError(undefined);
    setNotice(undefined);
    try {
      await action.run(id);
      setNotice(action.done);
      void list.refetch();
    } catch (err) {
      setActionError(err);
    } finally {
      setBusyId(undefined);
    }
  };

  const rows = list.data?.data ?? [];
  const filtered = search !== '' || status !== '';
  return (
    <section aria-labelledby={`${kind}-title`}>
      <div className="page-head">
        <h1 id={`${kind}-title`}>{config.title}</h1>
      </div>
      <p className="lede">{config.lede}</p>
      <form className="filters" onSubmit={submit} aria-label={`Search ${kind}`}>
        <div className="field">
          <label htmlFor={ids.search}>{config.search.label}</label>
          <input
            id={ids.search}
            type="search"
            value={draft}
            placeholder={config.search.placeholder}
            onChange={(e) => setDraft(e.target.value)}
          />
        </div>
        {config.status && (
          <div className="field">
            <label htmlFor={ids.status}>Status</label>
            <select
              id={ids.status}
              value={status}
              onChange={(e) => go({ status: e.target.value, page: 1 })}
            >
              <option value="">Any status</option>
              {config.status.values.map((s) => (
                <option key={s} value={s}>
                  {s.replace('_', ' ')}
                </option>
              ))}
            </select>
          </div>
        )}
        <Button type="submit">Search</Button>
        {filtered && (
          <Button onClick={() => navigate(`/${kind}`, { replace: true })} className="clear">
            Clear
          </Button>
        )}
      </form>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={actionError} />
      <ErrorMessage
        error={list.error}
        action={<Button onClick={() => void list.refetch()}>Retry</Button>}
      />
      {!list.data ? (
        !list.error && <Loading what={`Loading ${kind}`} />
      ) : rows.length === 0 ? (
        <Empty title={filtered ? `No ${kind} match` : `No ${kind} yet`}>
          <p>
            {filtered
              ? 'Check the spelling (the search matches exactly) or clear it.'
              : config.empty}
          </p>
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{config.title}</caption>
              <thead>
                <tr>
                  {config.columns.map((c) => (
                    <th scope="col" key={c.label}>
                      {c.label}
                    </th>
                  ))}
                  {config.actions && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => {
                  const id = config.idOf(row);
                  const available = (config.actions ?? []).filter((a) => a.when(row));
                  return (
                    // biome-ignore lint/suspicious/noArrayIndexKey: transaction keys are not unique (Partnero's rule), and a page is replaced whole on every load, so the position tells two sales with one key apart
                    <tr key={`${index}:${id}`}>
                      {config.columns.map((c) => (
                        <td key={c.label} data-label={c.label}>
                          {c.render(row)}
                        </td>
                      ))}
                      {config.actions && (
                        <td data-label="Actions" className="row-actions">
                          {available.length === 0 ? (
                            <span className="muted">—</span>
                          ) : (
                            available.map((a) => (
                              <Button
                                key={a.path}
                                variant={a.variant}
                                disabled={busyId === id}
                                onClick={() => act(row, a)}
                                aria-label={`${a.label} ${config.nameOf && config.nameOf(row) !== '—' ? config.nameOf(row) : id}`}
                              >
                                {a.label}
                              </Button>
                            ))
                          )}
                        </td>
                      )}
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
          <Pager
            page={page}
            hasNext={list.data.links.next !== null}
            onPage={(p) => go({ page: p })}
          />
        </>
      )}
    </section>
  );
}
