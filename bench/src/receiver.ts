/**
 * A webhook receiver process (started by the harness, one per scenario): one loopback port
 * per endpoint, keep-alive, checks every request's Standard Webhooks signature like the
 * baseline receiver in docs/design-measurements.md, and counts what arrived.
 *
 *   node --import tsx bench/src/receiver.ts --modes ok,ok,timeout
 *
 * Modes per endpoint: `ok` (200), `500` (answers 500 after verifying), `timeout` (never
 * answers; the sender's 5 s timeout fires). The secret comes from BENCH_SECRET. Control is by
 * IPC: `stats`, `latencies`, `reset`, `mode` (switch one endpoint's mode, so a fairness run can
 * measure its all-healthy baseline and its fault in the same environment); SIGTERM stops it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';

/** What an endpoint does with a correctly signed request. */
export type EndpointMode = 'ok' | '500' | 'timeout';

/** Counters of one endpoint, as sent over IPC. */
export interface EndpointStats {
  readonly index: number;
  readonly port: number;
  readonly mode: EndpointMode;
  /** Correctly signed requests, including repeats. */
  readonly requests: number;
  /** Distinct deliveries (by `webhook-id`) received with a good signature. */
  readonly distinct: number;
  readonly duplicates: number;
  readonly badSignatures: number;
  /** Wall-clock ms (epoch, sub-ms precision) of the first and last good request. */
  readonly firstArrival: number | null;
  readonly lastArrival: number | null;
}

const MODES: readonly EndpointMode[] = ['ok', '500', 'timeout'];

function isMode(value: string): value is EndpointMode {
  return (MODES as readonly string[]).includes(value);
}

const now = (): number => performance.timeOrigin + performance.now();

class Endpoint {
  requests = 0;
  duplicates = 0;
  badSignatures = 0;
  firstArrival: number | null = null;
  lastArrival: number | null = null;
  seen = new Set<string>();
  /** Arrival minus the envelope's `created_at`, ms, for each first arrival. */
  latencies: number[] = [];
  held = new Set<http.ServerResponse>();
  server!: http.Server;

  constructor(
    readonly index: number,
    public mode: EndpointMode,
    private readonly key: Buffer,
  ) {}

  reset(): void {
    this.requests = 0;
    this.duplicates = 0;
    this.badSignatures = 0;
    this.firstArrival = null;
    this.lastArrival = null;
    this.seen = new Set();
    this.latencies = [];
  }

  stats(): EndpointStats {
    return {
      index: this.index,
      port: (this.server.address() as AddressInfo).port,
      mode: this.mode,
      requests: this.requests,
      distinct: this.seen.size,
      duplicates: this.duplicates,
      badSignatures: this.badSignatures,
      firstArrival: this.firstArrival,
      lastArrival: this.lastArrival,
    };
  }

  private verify(req: http.IncomingMessage, body: Buffer): boolean {
    const id = req.headers['webhook-id'];
    const ts = req.headers['webhook-timestamp'];
    const got = req.headers['webhook-signature'];
    if (typeof id !== 'string' || typeof ts !== 'string' || typeof got !== 'string') return false;
    const expected = Buffer.from(
      `v1,${createHmac('sha256', this.key).update(`${id}.${ts}.`).update(body).digest('base64')}`,
    );
    // Several space-separated signatures during a secret rotation; any one may match.
    for (const candidate of got.split(' ')) {
      const buf = Buffer.from(candidate);
      if (buf.length === expected.length && timingSafeEqual(buf, expected)) return true;
    }
    return false;
  }

  handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      if (!this.verify(req, body)) {
        this.badSignatures++;
        res.writeHead(401, { 'content-type': 'text/plain' }).end('bad signature');
        return;
      }
      const arrival = now();
      this.requests++;
      this.firstArrival ??= arrival;
      this.lastArrival = arrival;
      const id = req.headers['webhook-id'] as string;
      if (this.seen.has(id)) this.duplicates++;
      else {
        this.seen.add(id);
        const text = body.toString('latin1');
        const at = text.indexOf('"created_at":"');
        if (at >= 0) {
          const created = Date.parse(text.slice(at + 14, text.indexOf('"', at + 14)));
          if (Number.isFinite(created)) this.latencies.push(arrival - created);
        }
      }
      if (this.mode === 'ok') {
        res.writeHead(200, { 'content-type': 'text/plain', 'content-length': '2' }).end('ok');
      } else if (this.mode === '500') {
        res.writeHead(500, { 'content-type': 'text/plain', 'content-length': '5' }).end('error');
      } else {
        // Never answer; the sender gives up. Bounded so an abandoned socket cannot linger.
        this.held.add(res);
        setTimeout(() => {
          this.held.delete(res);
          res.destroy();
        }, 60_000).unref();
      }
    });
  }

  listen(): Promise<void> {
    this.server = http.createServer({ keepAlive: true }, (req, res) => this.handle(req, res));
    this.server.keepAliveTimeout = 65_000;
    this.server.headersTimeout = 66_000;
    this.server.requestTimeout = 0;
    return new Promise((resolve) => this.server.listen(0, '127.0.0.1', resolve));
  }

  close(): Promise<void> {
    for (const res of this.held) res.destroy();
    this.server.closeAllConnections();
    return new Promise((resolve) => this.server.close(() => resolve()));
  }
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { modes: { type: 'string', default: 'ok' } } });
  const modes = String(values.modes).split(',');
  const bad = modes.filter((m) => !isMode(m));
  if (bad.length > 0) throw new Error(`unknown receiver mode(s) ${bad.join(', ')}`);
  const secret = process.env.BENCH_SECRET;
  if (!secret) throw new Error('BENCH_SECRET is required');
  // Standard Webhooks key: the base64 decoding of the secret (see webhooks/signing.ts).
  const key = Buffer.from(secret, 'base64');
  const endpoints = modes.map((m, i) => new Endpoint(i, m as EndpointMode, key));
  await Promise.all(endpoints.map((e) => e.listen()));

  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await Promise.race([
      Promise.all(endpoints.map((e) => e.close())),
      new Promise((r) => setTimeout(r, 2000)),
    ]);
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
  // The harness died: do not outlive it.
  process.on('disconnect', stop);

  process.on(
    'message',
    (message: { type?: string; id?: number; index?: number; mode?: string }) => {
      const reply = (payload: Record<string, unknown>) =>
        process.send?.({ ...payload, id: message.id });
      switch (message.type) {
        case 'stats':
          reply({ type: 'stats', endpoints: endpoints.map((e) => e.stats()) });
          break;
        case 'latencies':
          reply({ type: 'latencies', endpoints: endpoints.map((e) => e.latencies) });
          break;
        case 'reset':
          for (const e of endpoints) e.reset();
          reply({ type: 'reset' });
          break;
        case 'mode': {
          const endpoint = endpoints[message.index ?? -1];
          if (endpoint && typeof message.mode === 'string' && isMode(message.mode)) {
            endpoint.mode = message.mode;
            reply({ type: 'mode' });
          } else reply({ type: 'mode', error: `bad mode request ${JSON.stringify(message)}` });
          break;
        }
        default:
          break;
      }
    },
  );
  process.send?.({ type: 'ready', ports: endpoints.map((e) => e.stats().port) });
}

main().catch((error: unknown) => {
  process.stderr.write(`receiver: ${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
