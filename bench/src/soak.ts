/**
 * `npm run soak --workspace @hookline/bench [-- --days 90 --events-per-day 1000]`: months of
 * steady traffic on an injected clock, with the retention job running once a simulated day,
 * on SQLite and PostgreSQL. Each simulated day publishes events through the real outbox,
 * claims and records every delivery through the deliveries module (one succeeded attempt each,
 * with realistic request headers and response), then purges what left the window and measures
 * the database. The report (default docs/soak.md) gives the size against days: it must stop
 * growing once the window is full.
 */
import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { REPO_ROOT } from './procs.js';
import { writeFileSync } from 'node:fs';
import { sql } from 'kysely';
import { claim, createAttemptRecorder } from '../../packages/server/src/deliveries/index.js';
import { recordEvent } from '../../packages/server/src/outbox/outbox.js';
import { startRetentionJob } from '../../packages/server/src/retention/retention-job.js';
import type { Engine, Store } from '../../packages/server/src/storage/index.js';
import { addWebhooks, createDatabase } from './database.js';
import { succeededAttempt } from './succeeded-attempt.js';
import { EVENT_TYPE, attemptHeaders, newSecret, sampleData } from './workload.js';

const { values } = parseArgs({
  options: {
    days: { type: 'string', default: '90' },
    'events-per-day': { type: 'string', default: '1000' },
    webhooks: { type: 'string', default: '3' },
    'retention-days': { type: 'string', default: '30' },
    engines: { type: 'string', default: 'sqlite,postgres' },
    'postgres-url': {
      type: 'string',
      default: process.env.HOOKLINE_TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test',
    },
    out: { type: 'string', default: 'docs/soak.md' },
  },
});

const DAY = 86_400_000;
const days = Number(values.days);
const perDay = Number(values['events-per-day']);
const webhookCount = Number(values.webhooks);
const retentionDays = Number(values['retention-days']);
const engines = (values.engines ?? '').split(',').filter(Boolean) as Engine[];
const T0 = Date.UTC(2026, 0, 1);

interface DayRow {
  day: number;
  events: number;
  attempts: number;
  bytes: number;
  purgeMs: number;
}

/** Bytes the database takes: the SQLite file (after a WAL checkpoint), or every relation of the schema. */
async function sizeOf(store: Store, filename: string | undefined): Promise<number> {
  if (store.engine === 'sqlite') {
    await sql`pragma wal_checkpoint(TRUNCATE)`.execute(store.db);
    return statSync(filename ?? '').size;
  }
  await sql`vacuum analyze`.execute(store.db).catch(() => {});
  const { rows } = await sql<{ bytes: string }>`
    select coalesce(sum(pg_total_relation_size(c.oid)), 0)::text as bytes
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = current_schema() and c.relkind = 'r'`.execute(store.db);
  return Number(rows[0]?.bytes ?? 0);
}

async function soak(engine: Engine): Promise<DayRow[]> {
  const db = await createDatabase(engine, values['postgres-url'] ?? '');
  const rows: DayRow[] = [];
  try {
    const secret = newSecret();
    await addWebhooks(
      db,
      Array.from({ length: webhookCount }, (_, i) => `https://hooks.example.com/soak/${i}`),
      secret,
    );
    const filename =
      engine === 'sqlite'
        ? new URL(db.databaseUrl.replace(/^sqlite:/, 'file://')).pathname
        : undefined;
    const data = sampleData();
    const recorder = createAttemptRecorder(db.store, 'w_soak');
    let now = T0;
    const retention = startRetentionJob({
      store: db.store,
      clock: () => now,
      retentionMs: retentionDays * DAY,
      intervalMs: 365 * DAY, // driven by hand below, once a simulated day
      pauseMs: 0,
      onError: (error) => {
        throw error;
      },
    });
    for (let day = 0; day < days; day++) {
      const dayStart = T0 + day * DAY;
      // Publish the day's events, a few hundred per transaction.
      for (let i = 0; i < perDay; i += 250) {
        await db.store.db.transaction().execute(async (trx) => {
          for (let j = i; j < Math.min(perDay, i + 250); j++) {
            await recordEvent(trx, {
              programId: db.programId,
              type: EVENT_TYPE,
              data,
              source: 'api',
              now: dayStart + Math.floor((j * DAY) / perDay),
            });
          }
        });
      }
      // Deliver everything due by the end of the day: one succeeded attempt each.
      now = dayStart + DAY - 1;
      for (;;) {
        const { claimed } = await claim(db.store, {
          workerId: 'w_soak',
          now,
          leaseMs: 30_000,
          limit: 500,
          saturatedWebhookIds: [],
          freeSlots: () => 1_000_000,
        });
        if (claimed.length === 0) break;
        await Promise.all(
          claimed.map((d) =>
            recorder.record(
              succeededAttempt(d, now, {
                durationMs: 42,
                requestHeaders: attemptHeaders(d.eventId, d.body, secret),
                responseHeaders: {
                  'content-type': 'application/json',
                  date: new Date(now).toUTCString(),
                  'content-length': '16',
                },
                responseBody: '{"received":true}',
              }),
            ),
          ),
        );
      }
      await recorder.flush();
      const started = performance.now();
      await retention.runOnce();
      const purgeMs = performance.now() - started;
      const [events, attempts] = await Promise.all([
        db.store.db
          .selectFrom('events')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
        db.store.db
          .selectFrom('attempts')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow(),
      ]);
      rows.push({
        day: day + 1,
        events: Number(events.n),
        attempts: Number(attempts.n),
        bytes: await sizeOf(db.store, filename),
        purgeMs,
      });
      if ((day + 1) % 10 === 0) {
        const last = rows.at(-1);
        console.error(
          `${engine} day ${day + 1}: ${last?.events} events, ${((last?.bytes ?? 0) / 1e6).toFixed(1)} MB`,
        );
      }
    }
    await retention.stop();
  } finally {
    await db.drop();
  }
  return rows;
}

function report(results: Map<Engine, DayRow[]>): string {
  const lines = [
    '# Soak: database size over simulated months',
    '',
    `Generated by \`npm run soak --workspace @hookline/bench\` (bench/src/soak.ts). ${days} simulated days, ${perDay.toLocaleString('en')} events a day to ${webhookCount} webhooks (${(perDay * webhookCount).toLocaleString('en')} deliveries and attempts a day, each attempt with its signed request headers and response), retention ${retentionDays} days, the retention job once a simulated day on an injected clock. Size: the SQLite file after a WAL checkpoint; PostgreSQL, every table of the schema with its indexes and TOAST after \`VACUUM\` (autovacuum's job in production).`,
    '',
  ];
  for (const [engine, rows] of results) {
    const at = (d: number) => rows.find((r) => r.day === d);
    const full = at(retentionDays + 1) ?? rows[0];
    const last = rows.at(-1);
    const ratio = full && last ? last.bytes / full.bytes : Number.NaN;
    const maxPurge = Math.max(...rows.map((r) => r.purgeMs));
    lines.push(
      `## ${engine === 'sqlite' ? 'SQLite' : 'PostgreSQL'}`,
      '',
      `Size on day ${last?.day} is **${ratio.toFixed(2)}×** the size on day ${full?.day} (the first day with a full window): ${ratio <= 1.1 ? '**flat** (PASS, ≤ 1.10×)' : '**still growing** (MISS, > 1.10×)'}. Longest daily purge: ${Math.round(maxPurge)} ms.`,
      '',
      '| day | events kept | attempts kept | size (MB) | purge (ms) |',
      '|---:|---:|---:|---:|---:|',
    );
    for (const r of rows) {
      if (r.day % 5 !== 0 && r.day !== 1 && r.day !== retentionDays + 1) continue;
      lines.push(
        `| ${r.day} | ${r.events.toLocaleString('en')} | ${r.attempts.toLocaleString('en')} | ${(r.bytes / 1e6).toFixed(1)} | ${Math.round(r.purgeMs)} |`,
      );
    }
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}

const results = new Map<Engine, DayRow[]>();
for (const engine of engines) results.set(engine, await soak(engine));
writeFileSync(resolve(REPO_ROOT, values.out ?? 'docs/soak.md'), report(results));
console.error(`wrote ${values.out}`);
