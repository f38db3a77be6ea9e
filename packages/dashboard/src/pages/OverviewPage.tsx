import { useState } from 'react';
import { dataOf, hookline } from '../api.js';
import { HourlyChart, LatencyChart } from '../components/charts.js';
import { Button, Empty, ErrorMessage, Loading } from '../components/ui.js';
import { percent } from '../format.js';
import { useQuery } from '@tanstack/react-query';
import { Link } from '../router.js';

/** Deliveries per hour by outcome, and latency per webhook, over 24 h or 7 d. */
export function OverviewPage() {
  const [range, setRange] = useState<'24h' | '7d'>('24h');
  const overview = useQuery({
    queryKey: ['/v1/stats/overview', range],
    queryFn: ({ signal }) =>
      dataOf(hookline.GET('/v1/stats/overview', { params: { query: { range } }, signal })),
    refetchInterval: 15_000,
  });
  const data = overview.data;
  const t = data?.totals;
  const total = t ? t.succeeded + t.retrying + t.failed + t.cancelled : 0;
  const finished = t ? t.succeeded + t.failed : 0;

  return (
    <section aria-labelledby="overview-title">
      <div className="page-head">
        <h1 id="overview-title">Overview</h1>
        <fieldset className="segmented">
          <legend className="visually-hidden">Time range</legend>
          {(['24h', '7d'] as const).map((r) => (
            <Button key={r} aria-pressed={range === r} onClick={() => setRange(r)}>
              {r === '24h' ? 'Last 24 hours' : 'Last 7 days'}
            </Button>
          ))}
        </fieldset>
      </div>
      <ErrorMessage
        error={overview.error}
        action={<Button onClick={() => void overview.refetch()}>Retry</Button>}
      />
      {!data ? (
        !overview.error && <Loading what="Loading statistics" />
      ) : (
        <>
          <div className="cards">
            <div className="card">
              <span className="card-label">Deliveries</span>
              <span className="card-value">{total}</span>
            </div>
            <div className="card">
              <span className="card-label">Succeeded</span>
              <span className="card-value ok">{data.totals.succeeded}</span>
            </div>
            <div className="card">
              <span className="card-label">Retrying</span>
              <span className="card-value warn">{data.totals.retrying}</span>
            </div>
            <div className="card">
              <span className="card-label">Failed</span>
              <span className="card-value bad">
                {data.totals.failed > 0 ? (
                  <Link href="/logs?status=failed">{data.totals.failed}</Link>
                ) : (
                  0
                )}
              </span>
            </div>
            <div className="card">
              <span className="card-label">Success rate</span>
              <span className="card-value">
                {finished === 0 ? '—' : percent(data.totals.succeeded / finished)}
              </span>
            </div>
          </div>
          {total === 0 ? (
            <Empty title={`No deliveries in the last ${range === '24h' ? '24 hours' : '7 days'}`}>
              <p>
                <Link href="/webhooks">Add a webhook</Link> and send it a test event; its deliveries
                show up here.
              </p>
            </Empty>
          ) : (
            <div className="panel">
              <h2>Deliveries per hour</h2>
              <HourlyChart data={data} />
            </div>
          )}
          <div className="panel">
            <h2>Latency per webhook</h2>
            {data.latency.length === 0 ? (
              <p className="muted">No attempts in this range yet.</p>
            ) : (
              <LatencyChart data={data.latency} />
            )}
          </div>
        </>
      )}
    </section>
  );
}
