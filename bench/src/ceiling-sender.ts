/**
 * The ceiling: a bare undici `request` client (own process) that sends the same signed
 * bodies Hookline would, to the same receivers, at the same concurrency (16 in flight per
 * endpoint, like `HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK`), and stores nothing.
 *
 *   node --import tsx bench/src/ceiling-sender.ts --urls u1,u2 --count 100000
 *
 * IPC: sends `ready`, waits for `go`, sends `done` with counts and timings.
 */
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { Agent, request } from 'undici';
import { attemptHeaders, deliveryBody, newId, sampleData, webhookKey } from './workload.js';

const { values } = parseArgs({
  options: {
    urls: { type: 'string' },
    count: { type: 'string' },
    'per-endpoint': { type: 'string', default: '16' },
  },
});
const urls = String(values.urls ?? '')
  .split(',')
  .filter(Boolean);
const count = Number(values.count);
const perEndpoint = Number(values['per-endpoint']);
const secret = process.env.BENCH_SECRET ?? '';
if (urls.length === 0 || !(count > 0) || !(perEndpoint > 0) || !secret) {
  process.stderr.write(
    'usage: ceiling-sender --urls <u,...> --count <n> [--per-endpoint 16], BENCH_SECRET\n',
  );
  process.exit(2);
}

const agent = new Agent({
  connections: perEndpoint,
  pipelining: 1,
  keepAliveTimeout: 60_000,
  connectTimeout: 5_000,
  headersTimeout: 5_000,
  bodyTimeout: 5_000,
});
const data = sampleData();
const now = () => performance.timeOrigin + performance.now();

async function run(): Promise<{ ok: number; failed: number; firstStart: number; lastEnd: number }> {
  let ok = 0;
  let failed = 0;
  let lastEnd = 0;
  const firstStart = now();
  // Deliveries are spread over the endpoints like the fan-out of one event to every webhook.
  const perUrl = urls.map(
    (_, i) => Math.floor(count / urls.length) + (i < count % urls.length ? 1 : 0),
  );
  const loops: Promise<void>[] = [];
  for (const [i, url] of urls.entries()) {
    let left = perUrl[i] as number;
    const key = webhookKey(i);
    for (let c = 0; c < perEndpoint; c++) {
      loops.push(
        (async () => {
          while (left > 0) {
            left--;
            const eventId = newId('evt');
            const body = deliveryBody({
              eventId,
              url,
              webhookKey: key,
              createdAt: Date.now(),
              data,
            });
            try {
              const res = await request(url, {
                method: 'POST',
                dispatcher: agent,
                body,
                headers: attemptHeaders(eventId, body, secret),
                signal: AbortSignal.timeout(5_000),
              });
              await res.body.text();
              if (res.statusCode >= 200 && res.statusCode < 300) ok++;
              else failed++;
            } catch {
              failed++;
            }
            lastEnd = now();
          }
        })(),
      );
    }
  }
  await Promise.all(loops);
  return { ok, failed, firstStart, lastEnd };
}

process.on('message', (message: { type?: string }) => {
  if (message.type !== 'go') return;
  run().then(
    (result) => process.send?.({ type: 'done', ...result }),
    (error: unknown) => process.send?.({ type: 'error', message: String(error) }),
  );
});
process.on('disconnect', () => process.exit(0));
process.on('SIGTERM', () => {
  void agent.close().finally(() => process.exit(0));
});
process.send?.({ type: 'ready' });
