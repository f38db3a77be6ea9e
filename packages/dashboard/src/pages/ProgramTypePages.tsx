import type { Lead, PayoutRequest, ProgramType, Subscriber } from '@hookline/client';
import { useId, useState } from 'react';
import type { ReactNode } from 'react';
import { answer, defined, hookline, query } from '../api.js';
import { Button, Empty, ErrorMessage, Loading, Pager, StatusBadge } from '../components/ui.js';
import { fullTime, relativeTime } from '../format.js';
import { useQuery } from '@tanstack/react-query';
import { programEventsQuery } from '../queries.js';
import { navigate, useLocation } from '../router.js';

/**
 * The resources of Partnero's program types: leads and payout requests (affiliate programs)
 * and subscribers (newsletter programs). Each page lists one resource with a status filter,
 * paging and its actions, and says so when the program's type does not have it.
 */

const LABEL: Record<ProgramType, string> = {
  affiliate: 'affiliate',
  'refer-a-friend': 'refer-a-friend',
  newsletter: 'newsletter',
};

const article = (type: ProgramType) => (type === 'affiliate' ? 'an' : 'a');
const when = (iso: string) => <span title={fullTime(iso)}>{relativeTime(iso)}</span>;
const money = (amount: number | null, units: string | null) =>
  amount === null ? '—' : `${amount.toFixed(2)} ${units ?? ''}`;

/** "This program is newsletter; leads exist in affiliate programs." (or nothing). */
function TypeNotice({ need, what }: { need: ProgramType; what: string }) {
  const program = useQuery(programEventsQuery);
  const type = program.data?.program_type;
  if (!type || type === need) return null;
  return (
    <p className="alert" role="note">
      This is {article(type)} {LABEL[type]} program; {what} exist in {LABEL[need]} programs. Change
      the program type in the API (<code>PUT /v1/program</code> with <code>program_type</code>).
    </p>
  );
}

/** One page of rows, as the list answers. */
interface RowsPage<T> {
  data: T[];
  links: { next: string | null };
}

interface ListProps<T> {
  /** The page path and the API path, e.g. `leads` and `/v1/leads`. */
  page: string;
  apiPath: string;
  /** Loads one page of rows with the status filter (empty: any). */
  load: (
    q: { status: string | undefined; page: number },
    signal: AbortSignal,
  ) => Promise<RowsPage<T>>;
  title: string;
  lede: ReactNode;
  statuses: readonly string[];
  /** The query parameter the status filter sets. */
  statusParam?: string;
  columns: readonly { label: string; render: (row: T) => ReactNode }[];
  idOf: (row: T) => string;
  actions?: (row: T, done: (notice: string) => void, fail: (error: unknown) => void) => ReactNode;
  empty: string;
  notice?: ReactNode;
}

/** A filtered, paged table of one resource, with per-row actions. */
function ResourceList<T>(props: ListProps<T>) {
  const { query: params } = useLocation();
  const statusParam = props.statusParam ?? 'status';
  const status = params.get(statusParam) ?? '';
  const page = Number(params.get('page') ?? '1') || 1;
  const listQuery = { status: status || undefined, page };
  const list = useQuery({
    queryKey: [props.apiPath, listQuery],
    queryFn: ({ signal }) => props.load(listQuery, signal),
  });
  const [notice, setNotice] = useState<string>();
  const [error, setError] = useState<unknown>();
  const statusId = useId();
  const go = (next: { status?: string; page?: number }) =>
    navigate(
      `/${props.page}${query({
        [statusParam]: next.status ?? status,
        page: next.page && next.page > 1 ? next.page : undefined,
      })}`,
      { replace: true },
    );
  const done = (text: string) => {
    setNotice(text);
    setError(undefined);
    void list.refetch();
  };
  const fail = (err: unknown) => {
    setNotice(undefined);
    setError(err);
  };
  const rows = list.data?.data ?? [];
  return (
    <section aria-labelledby={`${props.page}-title`}>
      <div className="page-head">
        <h1 id={`${props.page}-title`}>{props.title}</h1>
      </div>
      <p className="lede">{props.lede}</p>
      {props.notice}
      <div className="filters">
        <div className="field">
          <label htmlFor={statusId}>Status</label>
          <select
            id={statusId}
            value={status}
            onChange={(e) => go({ status: e.target.value, page: 1 })}
          >
            <option value="">Any</option>
            {props.statuses.map((s) => (
              <option key={s} value={s}>
                {s.replace('_', ' ')}
              </option>
            ))}
          </select>
        </div>
      </div>
      {notice && (
        <p className="alert alert-success" role="status">
          {notice}
        </p>
      )}
      <ErrorMessage error={error} />
      <ErrorMessage
        error={list.error}
        action={<Button onClick={() => void list.refetch()}>Retry</Button>}
      />
      {!list.data ? (
        !list.error && <Loading what={`Loading ${props.title.toLowerCase()}`} />
      ) : rows.length === 0 ? (
        <Empty
          title={
            status ? `No ${props.title.toLowerCase()} match` : `No ${props.title.toLowerCase()} yet`
          }
        >
          <p>{props.empty}</p>
        </Empty>
      ) : (
        <>
          <div className="table-wrap">
            <table className="table">
              <caption className="visually-hidden">{props.title}</caption>
              <thead>
                <tr>
                  {props.columns.map((c) => (
                    <th scope="col" key={c.label}>
                      {c.label}
                    </th>
                  ))}
                  {props.actions && <th scope="col">Actions</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((row) => (
                  <tr key={props.idOf(row)}>
                    {props.columns.map((c) => (
                      <td key={c.label} data-label={c.label}>
                        {c.render(row)}
                      </td>
                    ))}
                    {props.actions && (
                      <td data-label="Actions" className="row-actions">
                        {props.actions(row, done, fail)}
                      </td>
                    )}
                  </tr>
                ))}
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

/** Converts a lead: asks for the deal's value, then `POST /v1/leads/convert`. */
function LeadActions({
  lead,
  done,
  fail,
}: {
  lead: Lead;
  done: (n: string) => void;
  fail: (e: unknown) => void;
}) {
  const [converting, setConverting] = useState(false);
  const [amount, setAmount] = useState('');
  const [busy, setBusy] = useState(false);
  const amountId = useId();
  if (lead.status !== 'pending') return <span className="muted">—</span>;
  const run = async (call: () => Promise<unknown>, notice: string) => {
    setBusy(true);
    try {
      await call();
      setConverting(false);
      done(notice);
    } catch (err) {
      fail(err);
    } finally {
      setBusy(false);
    }
  };
  if (converting) {
    return (
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          void run(
            () =>
              hookline.POST('/v1/leads/convert', {
                body: { id: lead.id, commission_transaction_amount: amount.trim() },
              }),
            `Lead ${lead.id} converted.`,
          );
        }}
      >
        <label htmlFor={amountId} className="visually-hidden">
          Deal value
        </label>
        <input
          id={amountId}
          inputMode="decimal"
          placeholder="Deal value, e.g. 1200"
          value={amount}
          onChange={(e) => setAmount(e.target.value)}
        />
        <Button type="submit" variant="primary" disabled={busy || amount.trim() === ''}>
          Convert
        </Button>
        <Button onClick={() => setConverting(false)} disabled={busy}>
          Cancel
        </Button>
      </form>
    );
  }
  return (
    <>
      <Button
        variant="primary"
        onClick={() => setConverting(true)}
        aria-label={`Convert lead ${lead.email}`}
      >
        Convert…
      </Button>
      <Button
        variant="danger"
        disabled={busy}
        onClick={() =>
          void run(
            () => hookline.POST('/v1/leads/reject', { body: { id: lead.id } }),
            `Lead ${lead.id} rejected.`,
          )
        }
        aria-label={`Reject lead ${lead.email}`}
      >
        Reject
      </Button>
    </>
  );
}

/** Leads submitted by partners (affiliate programs). */
export function LeadsPage() {
  return (
    <ResourceList<Lead>
      page="leads"
      apiPath="/v1/leads"
      load={(q, signal) =>
        answer(
          hookline.GET('/v1/leads', {
            params: {
              query: defined({
                status: q.status as Lead['status'] | undefined,
                page: q.page,
                limit: 25,
              }),
            },
            signal,
          }),
        )
      }
      title="Leads"
      lede="Prospects partners submitted. Converting one with the deal's value earns its partner a commission (lead.converted, reward.created); rejecting sends lead.rejected."
      notice={<TypeNotice need="affiliate" what="leads" />}
      statuses={['pending', 'converted', 'rejected']}
      idOf={(l) => String(l.id)}
      columns={[
        { label: 'Id', render: (l) => <code>{l.id}</code> },
        { label: 'Name', render: (l) => l.name ?? '—' },
        { label: 'Email', render: (l) => l.email },
        { label: 'Partner', render: (l) => l.partner },
        { label: 'Value', render: (l) => money(l.commission_transaction_amount, l.amount_units) },
        { label: 'Status', render: (l) => <StatusBadge status={l.status} /> },
        { label: 'Submitted', render: (l) => when(l.created_at) },
      ]}
      actions={(lead, done, fail) => <LeadActions lead={lead} done={done} fail={fail} />}
      empty="No leads yet. Partners' leads arrive through the API (POST /v1/leads)."
    />
  );
}

const payout = (id: number) => ({ params: { path: { id } } });
const approvePayout = (id: number) => hookline.POST('/v1/payout_requests/{id}/approve', payout(id));
const rejectPayout = (id: number) => hookline.POST('/v1/payout_requests/{id}/reject', payout(id));
const payPayout = (id: number) =>
  hookline.POST('/v1/payout_requests/{id}/mark_as_paid', payout(id));

const PAYOUT_ACTIONS: Partial<
  Record<
    PayoutRequest['status'],
    readonly {
      path: string;
      label: string;
      variant: 'primary' | 'danger';
      run: (id: number) => Promise<unknown>;
    }[]
  >
> = {
  requested: [
    { path: 'approve', label: 'Approve', variant: 'primary', run: approvePayout },
    { path: 'reject', label: 'Reject', variant: 'danger', run: rejectPayout },
  ],
  approved: [
    { path: 'mark_as_paid', label: 'Mark paid', variant: 'primary', run: payPayout },
    { path: 'reject', label: 'Reject', variant: 'danger', run: rejectPayout },
  ],
};

/** Payout requests (affiliate programs): approve, mark paid, reject. */
export function PayoutRequestsPage() {
  const [busy, setBusy] = useState<number>();
  return (
    <ResourceList<PayoutRequest>
      page="payouts"
      apiPath="/v1/payout_requests"
      load={(q, signal) =>
        answer(
          hookline.GET('/v1/payout_requests', {
            params: {
              query: defined({
                status: q.status as PayoutRequest['status'] | undefined,
                page: q.page,
                limit: 25,
              }),
            },
            signal,
          }),
        )
      }
      title="Payout requests"
      lede="A partner's approved rewards in one currency, paid together. Marking a request paid marks each of its rewards paid (reward.paid)."
      notice={<TypeNotice need="affiliate" what="payout requests" />}
      statuses={['requested', 'approved', 'finished', 'rejected']}
      idOf={(p) => String(p.id)}
      columns={[
        { label: 'Id', render: (p) => <code>{p.id}</code> },
        { label: 'Partner', render: (p) => p.partner },
        { label: 'Amount', render: (p) => money(p.amount, p.amount_units) },
        { label: 'Rewards', render: (p) => p.rewards.length },
        { label: 'Method', render: (p) => p.gateway ?? '—' },
        {
          label: 'Status',
          render: (p) => <StatusBadge status={p.status === 'finished' ? 'paid' : p.status} />,
        },
        { label: 'Requested', render: (p) => when(p.created_at) },
      ]}
      actions={(p, done, fail) => {
        const actions = PAYOUT_ACTIONS[p.status] ?? [];
        if (actions.length === 0) return <span className="muted">—</span>;
        return actions.map((a) => (
          <Button
            key={a.path}
            variant={a.variant}
            disabled={busy === p.id}
            aria-label={`${a.label} payout request ${p.id}`}
            onClick={async () => {
              setBusy(p.id);
              try {
                await a.run(p.id);
                done(`Payout request ${p.id}: ${a.label.toLowerCase()} done.`);
              } catch (err) {
                fail(err);
              } finally {
                setBusy(undefined);
              }
            }}
          >
            {a.label}
          </Button>
        ));
      }}
      empty="No payout requests yet. Raise one through the API (POST /v1/payout_requests)."
    />
  );
}

/** Newsletter subscribers and who referred them. */
export function SubscribersPage() {
  return (
    <ResourceList<Subscriber>
      page="subscribers"
      apiPath="/v1/subscribers"
      load={(q, signal) =>
        answer(
          hookline.GET('/v1/subscribers', {
            params: {
              query: defined({
                refer_status: q.status as 'referred' | 'non_referred' | undefined,
                page: q.page,
                limit: 25,
              }),
            },
            signal,
          }),
        )
      }
      title="Subscribers"
      lede="Readers of a newsletter referral program, who refer others with their share link."
      notice={<TypeNotice need="newsletter" what="subscribers" />}
      statuses={['referred', 'non_referred']}
      statusParam="refer_status"
      idOf={(s) => s.id}
      columns={[
        { label: 'Id', render: (s) => <code>{s.id}</code> },
        { label: 'Email', render: (s) => s.email },
        { label: 'Name', render: (s) => s.name ?? '—' },
        { label: 'Referred by', render: (s) => s.referring_subscriber ?? '—' },
        { label: 'Referrals', render: (s) => s.referrals_count },
        { label: 'Rewards', render: (s) => s.reward.length },
        { label: 'Status', render: (s) => <StatusBadge status={s.status} /> },
        { label: 'Joined', render: (s) => when(s.created_at) },
      ]}
      empty="No subscribers yet. They are created through the API (POST /v1/subscribers)."
    />
  );
}
