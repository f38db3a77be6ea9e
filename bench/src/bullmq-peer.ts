import { connect } from 'node:net';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { Queue } from 'bullmq';
import { Redis } from 'ioredis';
import type { DeliveryJob } from './bullmq-worker.js';
import type { BenchContext } from './context.js';
import { budgetMs } from './context.js';
import { combineSamples, nextMessage, sampleProcess, sleep, spawnTs, stopChild } from './procs.js';
import { totals, waitFor } from './receivers.js';
import type { RunResult } from './results.js';
import { rate } from './stats.js';
import { deliveryBody, newId, sampleData, webhookKey } from './workload.js';

/** The installed BullMQ version, for the report. */
export function bullmqVersion(): string | undefined {
  try {
    const require = createRequire(import.meta.url);
    const path = require.resolve('bullmq/package.json');
    return (JSON.parse(readFileSync(path, 'utf8')) as { version: string }).version;
  } catch {
    return undefined;
  }
}

/** The job options a team would pick: retries with exponential backoff, no completed-job pile-up. */
export const JOB_OPTIONS = {
  attempts: 5,
  backoff: { type: 'exponential', delay: 60_000 },
  removeOnComplete: true,
  removeOnFail: 10_000,
} as const;

/**
 * The BullMQ peer: a queue pre-filled with one job per delivery (same bodies as the Hookline
 * backlog), then one worker process at the same concurrency. Timed from the first delivery
 * arriving to the queue being empty (every job completed).
 */
export async function runBullmq(ctx: BenchContext): Promise<RunResult> {
  const { sizes, receivers } = ctx;
  const count = sizes.backlog;
  const concurrency = sizes.endpoints * sizes.perEndpoint;
  const base = {
    id: 'bullmq',
    scenario: 'bullmq',
    system: `BullMQ ${bullmqVersion() ?? '?'} on Redis`,
    variant: `${count.toLocaleString('en-US')} queued jobs`,
    concurrency,
  } as const;
  const redis = new URL(ctx.redisUrl);
  const name = `hookline-bench-${randomBytes(4).toString('hex')}`;
  const queue = new Queue<DeliveryJob>(name, {
    connection: {
      host: redis.hostname,
      port: Number(redis.port || 6379),
      maxRetriesPerRequest: 1,
      connectTimeout: 3000,
    },
  });
  queue.on('error', () => {});
  // The fair peer runs Redis without persistence: turned off for the run (restored
  // after), or the report says it could not be.
  const persistence = await persistenceOff(ctx.redisUrl);
  const worker = spawnTs(
    'bullmq-worker',
    'bench/src/bullmq-worker.ts',
    [
      '--queue',
      name,
      '--concurrency',
      String(concurrency),
      '--per-endpoint',
      String(sizes.perEndpoint),
      '--redis',
      ctx.redisUrl,
    ],
    { env: { BENCH_SECRET: ctx.secret }, ipc: true },
  );
  try {
    const data = sampleData();
    const urls = receivers.urls;
    const now = Date.now();
    let added = 0;
    while (added < count) {
      const jobs: { name: string; data: DeliveryJob; opts: typeof JOB_OPTIONS }[] = [];
      while (jobs.length < 1000 && added < count) {
        const eventId = newId('evt', now);
        for (const [i, url] of urls.entries()) {
          if (added >= count) break;
          const body = deliveryBody({
            eventId,
            url,
            webhookKey: webhookKey(i),
            createdAt: now,
            data,
          });
          jobs.push({ name: 'deliver', data: { url, eventId, body }, opts: JOB_OPTIONS });
          added++;
        }
      }
      await queue.addBulk(jobs);
    }
    await receivers.reset();
    await nextMessage(
      worker,
      (m): m is { type: 'ready' } => (m as { type?: string }).type === 'ready',
      30_000,
    );
    // Redis does half the work of this pipeline: its CPU is counted with the worker's, when it
    // runs on this machine (its pid from INFO, readable in /proc).
    const redisPid = await redisServerPid(ctx.redisUrl);
    const cpu0 = combineSamples([sampleProcess(worker.pid), redisSample(redisPid)]);
    worker.proc.send({ type: 'go' });
    const { stats, timedOut } = await waitFor(
      receivers,
      (s) => totals(s).distinct >= count,
      budgetMs(count, 200, 30_000),
      100,
    );
    // Every job done: nothing waiting, active or delayed (retries) any more.
    let remaining = Number.POSITIVE_INFINITY;
    const until = Date.now() + 10_000;
    while (Date.now() < until) {
      const c = await queue.getJobCounts(
        'wait',
        'active',
        'delayed',
        'prioritized',
        'waiting-children',
      );
      remaining = Object.values(c).reduce((a, b) => a + b, 0);
      if (remaining === 0) break;
      await sleep(25);
    }
    const end = performance.timeOrigin + performance.now();
    const cpu1 = combineSamples([sampleProcess(worker.pid), redisSample(redisPid)]);
    const t = totals(stats);
    if (timedOut || t.firstArrival === null) {
      return { ...base, status: 'error', note: `only ${t.distinct} of ${count} delivered in time` };
    }
    const seconds = (end - t.firstArrival) / 1000;
    return {
      ...base,
      status: 'ok',
      deliveries: t.distinct,
      seconds,
      deliveriesPerSecond: rate(t.distinct, seconds),
      cpuPercent: (100 * (cpu1.cpuSeconds - cpu0.cpuSeconds)) / seconds,
      peakRssMb: cpu1.peakRssMb,
      badSignatures: t.badSignatures,
      duplicates: t.duplicates,
      note:
        remaining > 0
          ? `${remaining} jobs still in the queue`
          : [
              redisPid === undefined
                ? 'worker process only; Redis CPU not readable'
                : 'CPU: worker process + Redis server; RSS: the highest of the two',
              persistence.note,
            ]
              .filter(Boolean)
              .join('; '),
    };
  } finally {
    await stopChild(worker);
    await persistence.restore();
    await queue.obliterate({ force: true }).catch(() => {});
    await queue.close().catch(() => {});
  }
}

/**
 * Turns Redis persistence off (no RDB snapshots, no AOF) for the run; `restore` puts the
 * server's settings back. A server that refuses CONFIG is left as is, and `note` says so.
 */
async function persistenceOff(
  redisUrl: string,
): Promise<{ note: string; restore(): Promise<void> }> {
  const client = new Redis(redisUrl, { maxRetriesPerRequest: 1, connectTimeout: 3000 });
  client.on('error', () => {});
  try {
    const get = async (key: string) =>
      ((await client.call('CONFIG', 'GET', key)) as string[])[1] ?? '';
    const save = await get('save');
    const appendonly = await get('appendonly');
    if (save !== '') await client.call('CONFIG', 'SET', 'save', '');
    if (appendonly !== 'no') await client.call('CONFIG', 'SET', 'appendonly', 'no');
    return {
      note: 'Redis persistence off',
      async restore() {
        if (save !== '') await client.call('CONFIG', 'SET', 'save', save).catch(() => {});
        if (appendonly !== 'no')
          await client.call('CONFIG', 'SET', 'appendonly', appendonly).catch(() => {});
        client.disconnect();
      },
    };
  } catch (error) {
    client.disconnect();
    const why = error instanceof Error ? error.message : String(error);
    return { note: `Redis persistence unknown (CONFIG: ${why.slice(0, 80)})`, async restore() {} };
  }
}

/** The Redis server's pid (INFO server, over a plain connection), when it runs on this machine. */
function redisServerPid(redisUrl: string): Promise<number | undefined> {
  const url = new URL(redisUrl);
  return new Promise((resolve) => {
    let text = '';
    const socket = connect(Number(url.port || 6379), url.hostname);
    const done = (pid: number | undefined) => {
      socket.destroy();
      resolve(pid !== undefined && Number.isInteger(pid) && sampleProcess(pid) ? pid : undefined);
    };
    socket.setTimeout(2000, () => done(undefined));
    socket.on('error', () => done(undefined));
    socket.on('connect', () => socket.write('INFO server\r\n'));
    socket.on('data', (chunk) => {
      text += chunk.toString();
      const match = /process_id:(\d+)/.exec(text);
      if (match) done(Number(match[1]));
    });
  });
}

function redisSample(pid: number | undefined) {
  return pid === undefined ? undefined : sampleProcess(pid);
}
