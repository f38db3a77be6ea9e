import { Agent, request } from 'undici';
import { summarize } from './stats.js';
import type { LatencySummary } from './stats.js';
import { EVENT_TYPE, sampleData } from './workload.js';

/** What a publishing phase achieved. */
export interface PublishResult {
  readonly published: number;
  readonly failed: number;
  readonly seconds: number;
  /** Wall-clock ms (epoch) when publishing started. */
  readonly startedAt: number;
  /** The first failure's status and body, to explain a broken run. */
  readonly firstError?: string | undefined;
  /** Request latency of the successful publishes, ms. */
  readonly latency?: LatencySummary | undefined;
}

const now = () => performance.timeOrigin + performance.now();

/**
 * What is published: `events` posts the sample event to `POST /v1/events` (a host that keeps
 * its own program data); `transactions` records a sale with `POST /v1/transactions` (the
 * partner-program API), which fires `transaction.created`.
 */
export type PublishSource = 'events' | 'transactions';

/** Publishes events as a host application would. */
export class Publisher {
  private readonly agent = new Agent({ connections: 64, pipelining: 1, keepAliveTimeout: 30_000 });
  private readonly eventBody: string;
  private sequence = 0;
  private partnerId: string | undefined;
  private readonly prefix = `b${Date.now().toString(36)}`;

  constructor(
    private readonly baseUrl: string,
    private readonly apiKey: string,
    private readonly source: PublishSource = 'events',
  ) {
    this.eventBody = JSON.stringify({ event: EVENT_TYPE, data: sampleData() });
  }

  /**
   * Prepares the source: a transaction needs a referring partner, so one is created first
   * (its events are published before the measured phase starts).
   */
  async prepare(): Promise<void> {
    if (this.source !== 'transactions' || this.partnerId) return;
    const res = await request(`${this.baseUrl}/v1/partners`, {
      method: 'POST',
      dispatcher: this.agent,
      headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
      body: JSON.stringify({ email: `partner-${this.prefix}@bench.example`, name: 'Bench' }),
    });
    const text = await res.body.text();
    if (res.statusCode !== 201 && res.statusCode !== 200) {
      throw new Error(`creating the partner failed: HTTP ${res.statusCode}: ${text.slice(0, 300)}`);
    }
    this.partnerId = (JSON.parse(text) as { data: { id: string } }).data.id;
  }

  private nextRequest(): { path: string; body: string } {
    if (this.source === 'events') return { path: '/v1/events', body: this.eventBody };
    const n = ++this.sequence;
    return {
      path: '/v1/transactions',
      body: JSON.stringify({
        key: `${this.prefix}_${n}`,
        amount: 99.99,
        action: 'sale',
        product_id: 'prod_123',
        product_type: 'monthly',
        customer: {
          key: 'bench_customer',
          email: 'customer@bench.example',
          ...(this.partnerId ? { partner: { id: this.partnerId } } : {}),
        },
        options: { create_customer: true },
      }),
    };
  }

  /** Request durations of the current phase's successful publishes, ms. */
  private durations: number[] = [];

  private async publishOne(): Promise<string | undefined> {
    const { path, body } = this.nextRequest();
    const t0 = now();
    try {
      const res = await request(`${this.baseUrl}${path}`, {
        method: 'POST',
        dispatcher: this.agent,
        headers: { authorization: `Bearer ${this.apiKey}`, 'content-type': 'application/json' },
        body,
        headersTimeout: 10_000,
        bodyTimeout: 10_000,
      });
      const text = await res.body.text();
      if (res.statusCode >= 200 && res.statusCode < 300) {
        this.durations.push(now() - t0);
        return undefined;
      }
      return `HTTP ${res.statusCode}: ${text.slice(0, 300)}`;
    } catch (error) {
      return String(error);
    }
  }

  /** As fast as `concurrency` publishers can go, for `seconds` (the "100%" load). */
  async closedLoop(concurrency: number, seconds: number): Promise<PublishResult> {
    this.durations = [];
    const startedAt = now();
    const stopAt = startedAt + seconds * 1000;
    let published = 0;
    let failed = 0;
    let firstError: string | undefined;
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (now() < stopAt) {
          const error = await this.publishOne();
          if (error === undefined) published++;
          else {
            failed++;
            firstError ??= error;
            // A broken server answers fast; do not spin on it.
            if (failed > 100) return;
          }
        }
      }),
    );
    const latency = summarize(this.durations);
    return {
      published,
      failed,
      seconds: (now() - startedAt) / 1000,
      startedAt,
      firstError,
      latency,
    };
  }

  /**
   * An open-loop publisher at a fixed event rate for `seconds`: sends on schedule whether or
   * not earlier requests have answered (up to `maxOutstanding`), like independent users.
   */
  async openLoop(
    eventsPerSecond: number,
    seconds: number,
    maxOutstanding = 256,
  ): Promise<PublishResult> {
    this.durations = [];
    const startedAt = now();
    const total = Math.max(1, Math.round(eventsPerSecond * seconds));
    let sent = 0;
    let outstanding = 0;
    let published = 0;
    let failed = 0;
    let firstError: string | undefined;
    const inflight = new Set<Promise<void>>();
    while (sent < total) {
      const due = Math.min(total, Math.floor(((now() - startedAt) / 1000) * eventsPerSecond) + 1);
      while (sent < due && outstanding < maxOutstanding) {
        sent++;
        outstanding++;
        const p: Promise<void> = this.publishOne().then((error) => {
          outstanding--;
          inflight.delete(p);
          if (error === undefined) published++;
          else {
            failed++;
            firstError ??= error;
          }
        });
        inflight.add(p);
      }
      if (failed > 100) break;
      await new Promise((r) => setTimeout(r, 2));
    }
    await Promise.all(inflight);
    const latency = summarize(this.durations);
    return {
      published,
      failed,
      seconds: (now() - startedAt) / 1000,
      startedAt,
      firstError,
      latency,
    };
  }

  close(): Promise<void> {
    return this.agent.close();
  }
}
