/**
 * `npm run purge-under-load --workspace @hookline/bench [-- --history 60000 --rate 100]`: does
 * the retention purge keep delivery latency? A SQLite database is seeded with `history` old
 * events (40 days, past the 30-day window), each delivered to 3 webhooks with its attempt; then
 * a `hookline serve` service (in this process, one thread, as `serve` runs by default) takes
 * events at a fixed rate, twice: once alone (baseline), once while the
 * retention job deletes the whole history. A receiver process on loopback measures publish →
 * arrival for every delivery. The report gives both latency distributions and the purge's
 * duration. Target: the purge does not raise the p99 (≤ 1.25× the baseline of the same run).
 * The absolute half-load target of the main benchmark (p99 ≤ 25 ms) is reported beside it; this
 * harness publishes from the service's own process, which adds its own latency to both phases.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './procs.js';
import { pino } from 'pino';
import { loadConfig } from '../../packages/server/src/config/config.js';
import { claim, createAttemptRecorder } from '../../packages/server/src/deliveries/index.js';
import { recordEvent } from '../../packages/server/src/outbox/outbox.js';
import { bootstrap } from '../../packages/server/src/programs/index.js';
import { startService } from '../../packages/server/src/service.js';
import { migrateToLatest, openStore } from '../../packages/server/src/storage/index.js';
import { insertWebhook } from '../../packages/server/src/webhooks/webhook-store.js';
import { stopAll } from './procs.js';
import { startReceivers } from './receivers.js';
import { summarize } from './stats.js';
import { succeededAttempt } from './succeeded-attempt.js';
import type { LatencySummary } from './stats.js';
import { EVENT_TYPE, attemptHeaders, newSecret, sampleData } from './workload.js';

const { values } = parseArgs({
  options: {
    history: { type: 'string', default: '60000' },
    rate: { type: 'string', default: '100' },
    seconds: { type: 'string', default: '10' },
    out: { type: 'string', default: 'docs/purge-under-load.md' },
  },
});
const history = Number(values.history);
const rate = Number(values.rate);
const seconds = Number(values.seconds);
const DAY = 86_400_000;
const API_KEY = `bench_${newSecret()}`;

const dir = mkdtempSync(join(tmpdir(), 'hookline-purge-'));
const filename = join(dir, 'hookline.db');
const secret = newSecret();

async function seed(urls: readonly string[]): Promise<number> {
  const store = await openStore({ engine: 'sqlite', filename });
  await migrateToLatest(store);
  const boot = await bootstrap(store.db, { apiKey: API_KEY });
  if (!boot.created) throw new Error('the new database already had a program');
  const programId = boot.program.id;
  for (const [i, url] of urls.entries()) {
    await insertWebhook(store.db, {
      programId,
      name: `endpoint ${i}`,
      url,
      events: ['*'],
      isActive: true,
      secret,
      now: Date.now() - 41 * DAY,
    });
  }
  const started = performance.now();
  const old = Date.now() - 40 * DAY;
  const recorder = createAttemptRecorder(store, 'w_seed');
  const data = sampleData();
  for (let i = 0; i < history; i += 500) {
    await store.db.transaction().execute(async (trx) => {
      for (let j = i; j < Math.min(history, i + 500); j++) {
        await recordEvent(trx, { programId, type: EVENT_TYPE, data, source: 'api', now: old + j });
      }
    });
    for (;;) {
      const { claimed } = await claim(store, {
        workerId: 'w_seed',
        now: old + DAY,
        leaseMs: 30_000,
        limit: 1000,
        saturatedWebhookIds: [],
        freeSlots: () => 1_000_000,
      });
      if (claimed.length === 0) break;
      await Promise.all(
        claimed.map((d) =>
          recorder.record(
            succeededAttempt(d, old + DAY, {
              durationMs: 40,
              requestHeaders: attemptHeaders(d.eventId, d.body, secret),
              responseHeaders: { 'content-type': 'application/json' },
              responseBody: '{"received":true}',
            }),
          ),
        ),
      );
    }
  }
  await recorder.flush();
  await store.close();
  return (performance.now() - started) / 1000;
}

/** Publishes at `rate` events/s for `seconds`, one request at a time per tick (open loop). */
async function publishAt(url: string, during: () => boolean): Promise<number> {
  const body = JSON.stringify({ event: EVENT_TYPE, data: sampleData() });
  let sent = 0;
  const start = performance.now();
  const inFlight = new Set<Promise<void>>();
  while (during()) {
    const due = Math.floor(((performance.now() - start) / 1000) * rate);
    while (sent < due) {
      sent++;
      const p: Promise<void> = fetch(`${url}/v1/events`, {
        method: 'POST',
        headers: { authorization: `Bearer ${API_KEY}`, 'content-type': 'application/json' },
        body,
      }).then(async (r) => {
        if (r.status !== 201) throw new Error(`publish answered ${r.status}: ${await r.text()}`);
        await r.arrayBuffer();
        inFlight.delete(p);
      });
      inFlight.add(p);
    }
    await new Promise((r) => setTimeout(r, 2));
  }
  await Promise.all(inFlight);
  return sent;
}

const receivers = await startReceivers(['ok', 'ok', 'ok'], secret);
let report = '';
try {
  const seedSeconds = await seed(receivers.urls);
  const config = loadConfig({
    DATABASE_URL: `sqlite:${filename}`,
    PORT: '0',
    HOST: '127.0.0.1',
    HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
    HOOKLINE_RATE_LIMIT: 'off',
    HOOKLINE_RETENTION: '30d',
  });
  const service = await startService(config, pino({ level: 'silent' }), { dashboard: false });
  const phase = async (withPurge: boolean) => {
    await receivers.reset();
    let purgeMs: number | undefined;
    let purged = 0;
    const purge = withPurge
      ? (async () => {
          const t = performance.now();
          const counts = await service.retention?.runOnce();
          purgeMs = performance.now() - t;
          purged = counts?.events ?? 0;
        })()
      : undefined;
    const end = performance.now() + seconds * 1000;
    const sent = await publishAt(service.url, () =>
      withPurge ? purgeMs === undefined || performance.now() < end : performance.now() < end,
    );
    await purge;
    const expected = sent * receivers.urls.length;
    for (let i = 0; i < 200; i++) {
      const arrived = (await receivers.stats()).reduce((n, s) => n + s.distinct, 0);
      if (arrived >= expected) break;
      await new Promise((r) => setTimeout(r, 50));
    }
    const latencies = (await receivers.latencies()).flat();
    return { sent, latency: summarize(latencies), purgeMs, purged };
  };
  const baseline = await phase(false);
  const during = await phase(true);
  await service.stop();

  const row = (name: string, r: { sent: number; latency: LatencySummary | undefined }) =>
    `| ${name} | ${r.sent.toLocaleString('en')} | ${r.latency?.p50.toFixed(1)} | ${r.latency?.p95.toFixed(1)} | ${r.latency?.p99.toFixed(1)} | ${r.latency?.max.toFixed(1)} |`;
  const p99 = during.latency?.p99 ?? Number.NaN;
  const base99 = baseline.latency?.p99 ?? Number.NaN;
  const ratio = p99 / base99;
  report = [
    '# Retention purge under load',
    '',
    `Generated by \`npm run purge-under-load --workspace @hookline/bench\` (bench/src/purge-under-load.ts) on SQLite: ${history.toLocaleString('en')} events 40 days old (${(history * 3).toLocaleString('en')} deliveries and attempts, seeded in ${seedSeconds.toFixed(0)} s) past a 30-day window; \`hookline serve\` in this process (one thread, the default), publishing from the same process; ${rate} events/s to 3 webhooks (${rate * 3} deliveries/s) on loopback. Latency: the envelope's \`created_at\` to the receiver's arrival, ms.`,
    '',
    '| phase | events | p50 | p95 | p99 | max |',
    '|---|---:|---:|---:|---:|---:|',
    row('no purge (baseline)', baseline),
    row('during the purge', during),
    '',
    `The purge deleted ${during.purged.toLocaleString('en')} events with their deliveries and attempts in ${((during.purgeMs ?? 0) / 1000).toFixed(1)} s.`,
    '',
    `- The purge does not raise the p99 (≤ 1.25× the baseline): **${ratio <= 1.25 ? 'PASS' : 'MISS'}** (${ratio.toFixed(2)}×).`,
    `- p99 ≤ 25 ms during the purge (the main benchmark's half-load target; this harness's baseline includes an in-process publisher): **${p99 <= 25 ? 'PASS' : 'MISS'}** (${p99.toFixed(1)} ms).`,
    '',
  ].join('\n');
  writeFileSync(resolve(REPO_ROOT, values.out ?? 'docs/purge-under-load.md'), report);
  console.log(report);
} finally {
  await stopAll();
  rmSync(dir, { recursive: true, force: true });
}
