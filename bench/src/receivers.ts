import type { Child } from './procs.js';
import { nextMessage, spawnTs, stopChild } from './procs.js';
import type { EndpointMode, EndpointStats } from './receiver.js';
import { endpointUrl } from './workload.js';

export type { EndpointMode, EndpointStats };

/** The harness's handle on a receiver process. */
export interface Receivers {
  readonly child: Child;
  readonly modes: readonly EndpointMode[];
  readonly ports: readonly number[];
  /** URL of each endpoint, by index. */
  readonly urls: readonly string[];
  stats(): Promise<EndpointStats[]>;
  /** Per endpoint: arrival − `created_at` of each first arrival, ms. */
  latencies(): Promise<number[][]>;
  reset(): Promise<void>;
  /** Switches one endpoint's mode from the next request on (`modes` follows). */
  setMode(index: number, mode: EndpointMode): Promise<void>;
  stop(): Promise<void>;
}

let seq = 0;

/** Starts a receiver process with one endpoint per mode, and waits until it listens. */
export async function startReceivers(
  modes: readonly EndpointMode[],
  secret: string,
): Promise<Receivers> {
  const child = spawnTs('receiver', 'bench/src/receiver.ts', ['--modes', modes.join(',')], {
    env: { BENCH_SECRET: secret },
    ipc: true,
  });
  const ready = await nextMessage(
    child,
    (m): m is { type: 'ready'; ports: number[] } => (m as { type?: string }).type === 'ready',
    30_000,
  ).catch(async (error: unknown) => {
    await stopChild(child);
    throw error;
  });
  const current = [...modes];
  const ask = async <T>(
    type: string,
    timeoutMs = 15_000,
    extra: Record<string, unknown> = {},
  ): Promise<T> => {
    const id = ++seq;
    const answer = nextMessage(
      child,
      (m): m is T & { id: number } => (m as { id?: number }).id === id,
      timeoutMs,
    );
    child.proc.send({ ...extra, type, id });
    return answer;
  };
  return {
    child,
    modes: current,
    ports: ready.ports,
    urls: ready.ports.map((port, i) => endpointUrl(port, i)),
    stats: async () => (await ask<{ endpoints: EndpointStats[] }>('stats')).endpoints,
    latencies: async () => (await ask<{ endpoints: number[][] }>('latencies', 60_000)).endpoints,
    reset: async () => {
      await ask('reset');
    },
    setMode: async (index, mode) => {
      const answer = await ask<{ error?: string }>('mode', 15_000, { index, mode });
      if (answer.error) throw new Error(answer.error);
      current[index] = mode;
    },
    stop: () => stopChild(child),
  };
}

/** Totals over some endpoints' stats (all when `which` is omitted). */
export function totals(
  stats: readonly EndpointStats[],
  which: (s: EndpointStats) => boolean = () => true,
): {
  distinct: number;
  requests: number;
  duplicates: number;
  badSignatures: number;
  firstArrival: number | null;
  lastArrival: number | null;
} {
  let distinct = 0;
  let requests = 0;
  let duplicates = 0;
  let badSignatures = 0;
  let firstArrival: number | null = null;
  let lastArrival: number | null = null;
  for (const s of stats) {
    if (!which(s)) continue;
    distinct += s.distinct;
    requests += s.requests;
    duplicates += s.duplicates;
    badSignatures += s.badSignatures;
    if (s.firstArrival !== null)
      firstArrival = Math.min(firstArrival ?? s.firstArrival, s.firstArrival);
    if (s.lastArrival !== null) lastArrival = Math.max(lastArrival ?? s.lastArrival, s.lastArrival);
  }
  return { distinct, requests, duplicates, badSignatures, firstArrival, lastArrival };
}

/**
 * Polls the receivers until `done(stats)` holds, or `timeoutMs` passes (then returns the last
 * stats with `timedOut`). Bounded: never waits forever on a stuck system.
 */
export async function waitFor(
  receivers: Receivers,
  done: (stats: EndpointStats[]) => boolean,
  timeoutMs: number,
  intervalMs = 50,
  onTick?: (stats: EndpointStats[]) => void,
): Promise<{ stats: EndpointStats[]; timedOut: boolean }> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const stats = await receivers.stats();
    onTick?.(stats);
    if (done(stats)) return { stats, timedOut: false };
    if (Date.now() >= deadline) return { stats, timedOut: true };
    await new Promise((r) => setTimeout(r, intervalMs));
  }
}
