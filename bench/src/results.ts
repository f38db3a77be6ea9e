import type { LatencySummary } from './stats.js';

/** The scenarios of the benchmark, in report order. */
export const SCENARIOS = ['ceiling', 'bullmq', 'drain', 'e2e', 'fairness', 'scale'] as const;
/** One of {@link SCENARIOS}. */
export type Scenario = (typeof SCENARIOS)[number];

/** How a run ended. Only `ok` runs carry figures. */
export type RunStatus = 'ok' | 'not-available' | 'error' | 'skipped';

/** Throughput and latency of the endpoints that stayed healthy (the fairness comparison). */
export interface HealthySubset {
  readonly deliveries: number;
  readonly deliveriesPerSecond: number;
  readonly latency?: LatencySummary | undefined;
}

/**
 * One measured run. `id` is stable across runs (e.g. `drain/sqlite-1`, `e2e/postgres-2/50`)
 * because target evaluation looks runs up by it.
 */
export interface RunResult {
  readonly id: string;
  readonly scenario: Scenario;
  /** What ran: "bare undici", "BullMQ 6.7.0", "Hookline, SQLite, 1 worker". */
  readonly system: string;
  /** The variant within the scenario: "100,000 pending", "50% of max rate", "1 endpoint times out". */
  readonly variant: string;
  readonly status: RunStatus;
  /** Why it is not `ok`, or a remark worth printing next to the figures. */
  readonly note?: string | undefined;
  /** Deliveries that got their first successful attempt (or, for fairness, all healthy ones). */
  readonly deliveries?: number | undefined;
  readonly seconds?: number | undefined;
  readonly deliveriesPerSecond?: number | undefined;
  /** Events published per second (end-to-end runs). */
  readonly eventsPerSecond?: number | undefined;
  /** CPU time of the measured processes over the run, as % of one core (summed over processes). */
  readonly cpuPercent?: number | undefined;
  /**
   * SQL statements the measured Hookline processes executed over the run, counted client side
   * (count-sql.mjs; on PostgreSQL each is one round trip), `BEGIN`/`COMMIT` included.
   */
  readonly sqlStatements?: number | undefined;
  /** Highest VmHWM among the measured processes, MiB. */
  readonly peakRssMb?: number | undefined;
  /** Request latency of the publishes (`POST /v1/events`), ms (end-to-end runs). */
  readonly publishLatency?: LatencySummary | undefined;
  /** Commit → first attempt, ms (end-to-end runs). */
  readonly latency?: LatencySummary | undefined;
  readonly healthy?: HealthySubset | undefined;
  /** Attempts durably recorded in the database after the run (Hookline runs). */
  readonly attemptsLogged?: number | undefined;
  /** Requests the receivers rejected for a bad signature; must be 0. */
  readonly badSignatures?: number | undefined;
  /** The same delivery received more than once (at-least-once; expected 0 in a clean run). */
  readonly duplicates?: number | undefined;
  /** Worker processes (Hookline) or concurrency (peers), for the tables. */
  readonly workers?: number | undefined;
  readonly concurrency?: number | undefined;
}

/** The machine a benchmark ran on. */
export interface MachineInfo {
  readonly cpuModel: string;
  readonly cores: number;
  readonly ramBytes: number;
  readonly os: string;
}

/** Versions of everything measured. `undefined` when a component was not reachable. */
export interface Versions {
  readonly node: string;
  readonly hookline: string;
  readonly sqlite?: string | undefined;
  readonly postgres?: string | undefined;
  readonly redis?: string | undefined;
  readonly bullmq?: string | undefined;
  readonly undici?: string | undefined;
}

/** Everything a report is rendered from; also saved as JSON next to it. */
export interface BenchmarkReport {
  readonly date: string;
  readonly mode: 'quick' | 'full';
  readonly machine: MachineInfo;
  readonly versions: Versions;
  /** Sizes used, e.g. `{ backlog: 100000, scale: 1000000, endpoints: 10 }`. */
  readonly parameters: Readonly<Record<string, number | string>>;
  readonly runs: readonly RunResult[];
  readonly wallSeconds: number;
}
