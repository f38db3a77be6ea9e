/**
 * The BullMQ peer's worker process: what a team would write without Hookline. One job per
 * delivery; the processor signs and POSTs with undici and throws on a non-2xx answer so that
 * BullMQ retries it (attempts and exponential backoff are set on the jobs).
 *
 *   node --import tsx bench/src/bullmq-worker.ts --queue <name> --concurrency 160
 *
 * IPC: sends `ready`; on `go` it creates the Worker (which starts consuming at once).
 */
import { parseArgs } from 'node:util';
import { Worker } from 'bullmq';
import type { Job } from 'bullmq';
import { Agent, request } from 'undici';
import { attemptHeaders } from './workload.js';

/** The data of one delivery job. */
export interface DeliveryJob {
  readonly url: string;
  readonly eventId: string;
  readonly body: string;
}

const { values } = parseArgs({
  options: {
    queue: { type: 'string' },
    concurrency: { type: 'string', default: '160' },
    'per-endpoint': { type: 'string', default: '16' },
    redis: { type: 'string', default: 'redis://127.0.0.1:6379' },
  },
});
const secret = process.env.BENCH_SECRET ?? '';
const queue = String(values.queue ?? '');
if (!queue || !secret) {
  process.stderr.write('usage: bullmq-worker --queue <name> [--concurrency n], BENCH_SECRET\n');
  process.exit(2);
}
const redis = new URL(String(values.redis));
const agent = new Agent({
  connections: Number(values['per-endpoint']),
  pipelining: 1,
  keepAliveTimeout: 60_000,
  connectTimeout: 5_000,
  headersTimeout: 5_000,
  bodyTimeout: 5_000,
});

async function deliver(job: Job<DeliveryJob>): Promise<void> {
  const { url, eventId, body } = job.data;
  const res = await request(url, {
    method: 'POST',
    dispatcher: agent,
    body,
    headers: attemptHeaders(eventId, body, secret),
    signal: AbortSignal.timeout(5_000),
  });
  await res.body.text();
  if (res.statusCode < 200 || res.statusCode >= 300) throw new Error(`HTTP ${res.statusCode}`);
}

let worker: Worker<DeliveryJob> | undefined;
process.on('message', (message: { type?: string }) => {
  if (message.type !== 'go' || worker) return;
  worker = new Worker<DeliveryJob>(queue, deliver, {
    connection: {
      host: redis.hostname,
      port: Number(redis.port || 6379),
      maxRetriesPerRequest: null,
    },
    concurrency: Number(values.concurrency),
  });
  worker.on('error', (error) => process.stderr.write(`bullmq worker: ${String(error)}\n`));
});
const stop = () => {
  const closing = worker ? worker.close() : Promise.resolve();
  void closing.finally(() => agent.close()).finally(() => process.exit(0));
};
process.on('SIGTERM', stop);
process.on('disconnect', stop);
process.send?.({ type: 'ready' });
