import { setMaxListeners } from 'node:events';
import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { Store } from '../storage/index.js';
import { newId, randomAlphanumeric } from '../util/ids.js';
import { systemClock } from '../util/time.js';
import type { Clock } from '../util/time.js';
import {
  POSTBACK_LANE,
  claim,
  createAttemptRecorder,
  emitAttemptOutcome,
  release,
  postbackInFlightCap,
  renewLeases,
} from '../deliveries/index.js';
import type {
  AttemptNotice,
  AttemptRecorder,
  ClaimResult,
  ClaimedDelivery,
  DeliveryFeed,
} from '../deliveries/index.js';
import { createEndpointLifecycle } from './lifecycle-recorder.js';
import type { EndpointLifecycle } from './lifecycle-recorder.js';
import {
  msUntilNextPostbackStart,
  newPostbackPace,
  postbackStartsAllowed,
  refillPostbackPace,
  spendPostbackPace,
} from './postback-pacing.js';
import type { Sender } from './sender.js';
import { configureSecretsAtRest } from '../webhooks/secrets-at-rest.js';

/** How long freed in-flight slots are gathered before they are claimed together. */
const SLOT_GATHER_MS = 4;

/**
 * What a scheduled attempt's lease adds to the delivery timeout. Half of it is the most a claim
 * may age before its attempts start (else the lease is renewed first); the other half is what is
 * left after the deadline, for the deadline's 50 ms tick and a late event loop.
 */
export const LEASE_MARGIN_MS = 2_000;

/**
 * When an idle worker next looks at due rows that other workers' caps kept from it (PostgreSQL,
 * `ClaimResult.contended`). Their release wakes only the worker that held them, and without
 * this the idle one waited for its poll (1 s by default): in a drain of one webhook by two
 * workers, the second one could send nothing at all.
 */
const CONTENDED_RETRY_MS = 50;
/** How often a claim also looks for lapsed leases (a killed worker's deliveries), at most. */
const LAPSED_SCAN_MS = 500;

/** Options of {@link createDispatcher}. */
export interface DispatcherOptions {
  readonly store: Store;
  readonly config: Pick<
    Config,
    | 'retrySchedule'
    | 'maxInFlight'
    | 'maxInFlightPerWebhook'
    | 'postbackSharePercent'
    | 'postbackStartRate'
    | 'deliveryTimeoutMs'
    | 'pollIntervalMs'
    | 'shutdownTimeoutMs'
    | 'encryptionKeys'
    | 'retryAfterMaxMs'
    | 'disableAfterMs'
    | 'disableAfterFailures'
    | 'smtpUrl'
    | 'smtpFrom'
    | 'operationsEmail'
  >;
  /** Receiver signals, failure records and owner notices. Default: from `config`. */
  readonly lifecycle?: EndpointLifecycle;
  readonly sender: Sender;
  readonly events: DeliveryFeed;
  readonly logger?: Logger | undefined;
  readonly clock?: Clock;
  /** Identifies this worker in `locked_by`. Default: a random id. */
  readonly workerId?: string;
  /** Most deliveries per claim. Default 256 on SQLite, 64 on PostgreSQL. */
  readonly claimBatch?: number;
  /**
   * Claims running at once (PostgreSQL; SQLite has one connection, a second claim would only
   * queue). Default 1: measured, 3 gave no throughput and 2.4× the statements per delivery
   * (docs/design-measurements.md, "Lanes and pipelined claims").
   */
  readonly claimConcurrency?: number;
  /** What a lease adds to the delivery timeout. Default {@link LEASE_MARGIN_MS}. */
  readonly leaseMarginMs?: number;
}

/** A running dispatcher. */
export interface Dispatcher {
  readonly workerId: string;
  /** Attempts in flight now. */
  readonly inFlight: number;
  /** Starts claiming (idempotent). */
  start(): void;
  /** Claim now rather than at the next poll (a commit created deliveries). */
  wake(): void;
  /**
   * Graceful stop: stop claiming, let in-flight attempts finish within `shutdownTimeoutMs`,
   * then abort the rest and give their deliveries back (lease cleared, due now).
   */
  stop(): Promise<{ released: number }>;
}

/**
 * Creates the dispatcher: a claim loop that keeps up to `maxInFlight` attempts running (and at
 * most `maxInFlightPerWebhook` per webhook, so a slow or dead endpoint only holds its own
 * slots), sends each through the sender, decides the next state with the pure retry policy, and
 * writes results through the deliveries module's group-commit recorder. It waits on wake-ups, on its own earliest
 * scheduled retry, on freed slots, and on the poll interval as a backstop.
 *
 * @example
 * const dispatcher = createDispatcher({ store, config, sender, events });
 * hub.subscribe(() => dispatcher.wake());
 * dispatcher.start();
 */
export function createDispatcher(options: DispatcherOptions): Dispatcher {
  const { store, config, sender, events } = options;
  // The claim opens the webhooks' signing secrets; a dispatcher thread has its own copy.
  configureSecretsAtRest(config);
  const clock = options.clock ?? systemClock;
  const workerId = options.workerId ?? `w_${randomAlphanumeric(10)}`;
  const claimBatch = options.claimBatch ?? (store.engine === 'postgres' ? 64 : 256);
  // The lease is the longest an attempt can take, not a fixed 30 s: a worker killed with -9
  // gives its deliveries (and, on PostgreSQL, its share of each webhook's cap) back this soon.
  const margin = options.leaseMarginMs ?? LEASE_MARGIN_MS;
  const leaseMs = config.deliveryTimeoutMs + margin;
  // An attempt starts only while its lease still has this much left: the whole deadline, plus
  // half the margin for what follows it (the deadline's tick, a busy event loop).
  const neededAtStart = config.deliveryTimeoutMs + margin / 2;
  const recorder: AttemptRecorder = createAttemptRecorder(store, workerId);
  const shutdown = new AbortController();
  // Every attempt in flight listens for shutdown on this one signal.
  setMaxListeners(0, shutdown.signal);
  const lifecycle =
    options.lifecycle ??
    createEndpointLifecycle({ store, config, logger: options.logger, onEnqueued: () => signal() });

  let inFlight = 0;
  /** Attempts in flight of the postback lane, at most `postbackCap`. */
  let inFlightPostbacks = 0;
  // The owner's lane keeps the rest of the capacity (lanes.ts): 200 partners' timing-out
  // postbacks hold at most this many slots.
  const postbackCap = postbackInFlightCap(config.maxInFlight, config.postbackSharePercent);
  const claimConcurrency = options.claimConcurrency ?? 1;
  /** Claims running now, and the slots they reserved (all lanes; the postback lane's). */
  let claimsRunning = 0;
  let reserved = 0;
  let reservedPostbacks = 0;
  const claims = new Set<Promise<void>>();
  /** A wake-up came while no claim could start: the next finished claim looks again. */
  let wantClaim = false;
  const perWebhook = new Map<string, number>();
  /** Deliveries held in memory (attempt running): never claimed again by this worker meanwhile. */
  const leased = new Set<string>();
  const abortedIds: string[] = [];
  let started = false;
  let stopping = false;
  let loop: Promise<void> | undefined;
  let signalled = false;
  let resolveWait: (() => void) | undefined;
  let idle: (() => void) | undefined;
  let timer: NodeJS.Timeout | undefined;
  let timerAt = Number.POSITIVE_INFINITY;
  let slotTimer: NodeJS.Timeout | undefined;
  let lapsedScannedAt = Number.NEGATIVE_INFINITY;
  /** Postback starts left (postback-pacing.ts); a claim spends what it may take, up front. */
  let pace = newPostbackPace(clock());

  const signal = () => {
    signalled = true;
    const r = resolveWait;
    resolveWait = undefined;
    r?.();
  };

  /** Sleeps until signalled or `ms` pass. */
  const waitFor = (ms: number) =>
    new Promise<void>((resolve) => {
      if (signalled) {
        resolve();
        return;
      }
      const t = setTimeout(() => {
        resolveWait = undefined;
        resolve();
      }, ms);
      resolveWait = () => {
        clearTimeout(t);
        resolve();
      };
    });

  /** Wakes the loop when the earliest retry this worker scheduled is due. */
  const wakeAt = (at: number) => {
    if (at >= timerAt) return;
    if (timer) clearTimeout(timer);
    timerAt = at;
    timer = setTimeout(
      () => {
        timer = undefined;
        timerAt = Number.POSITIVE_INFINITY;
        signal();
      },
      Math.max(0, at - clock()),
    );
    timer.unref();
  };

  /**
   * The claim loop. Up to `claimConcurrency` claims run at once, each on its own pool connection
   * (PostgreSQL): while one waits on its round trips, freed slots can already be claimed. Each
   * claim reserves the slots it may fill (all lanes, and the postback lane's share) until its
   * attempts have started, so concurrent claims never take more than the free capacity; the
   * per-webhook cap holds across them through the database (in-flight-cap.ts). A wake-up that
   * comes while no claim can start is remembered and honoured when one finishes.
   */
  async function run(): Promise<void> {
    while (!stopping) {
      signalled = false;
      const free = config.maxInFlight - inFlight - reserved;
      if (free > 0 && claimsRunning < claimConcurrency) {
        wantClaim = false;
        const task = claimOnce(Math.min(free, claimBatch));
        claims.add(task);
        void task.finally(() => claims.delete(task));
      } else {
        // No room now: the next freed slot or finished claim looks again (no lost wake-up).
        wantClaim = true;
      }
      await waitFor(config.pollIntervalMs);
    }
  }

  /** One claim of at most `limit` deliveries, and the start of their attempts. */
  async function claimOnce(limit: number): Promise<void> {
    pace = refillPostbackPace(pace, clock(), config.postbackStartRate);
    const postbackLimit = Math.max(
      0,
      Math.min(
        limit,
        postbackCap - inFlightPostbacks - reservedPostbacks,
        postbackStartsAllowed(pace),
      ),
    );
    // Spent before the claim so that a concurrent claim cannot take the same starts; what this
    // claim leaves unused is given back after it.
    pace = spendPostbackPace(pace, postbackLimit);
    let postbacksClaimed = 0;
    claimsRunning++;
    reserved += limit;
    reservedPostbacks += postbackLimit;
    let mayHaveMore = false;
    try {
      const saturated: string[] = [];
      for (const [id, n] of perWebhook) if (n >= config.maxInFlightPerWebhook) saturated.push(id);
      const claimedAt = clock();
      const lapsedFirst = claimedAt - lapsedScannedAt >= LAPSED_SCAN_MS;
      if (lapsedFirst) lapsedScannedAt = claimedAt;
      let result: ClaimResult;
      try {
        result = await claim(store, {
          workerId,
          now: claimedAt,
          leaseMs,
          heldIds: leased,
          lapsedFirst,
          limit,
          postbackLimit,
          saturatedWebhookIds: saturated,
          freeSlots: (id) => config.maxInFlightPerWebhook - (perWebhook.get(id) ?? 0),
          maxInFlightPerWebhook: config.maxInFlightPerWebhook,
        });
      } catch (error) {
        events.emit('dispatcher:error', { stage: 'claim', error });
        options.logger?.error({ err: error }, 'claiming deliveries failed');
        return;
      }
      if (result.cancelled.length > 0) {
        for (const reason of new Set(result.cancelled.map((c) => c.reason))) {
          events.emit('delivery:cancelled', {
            deliveryIds: result.cancelled.filter((c) => c.reason === reason).map((c) => c.id),
            reason,
          });
        }
      }
      for (const d of result.claimed) if (d.lane === POSTBACK_LANE) postbacksClaimed++;
      if (result.claimed.length > 0)
        events.emit('dispatcher:claimed', { count: result.claimed.length, workerId });
      for (const start of await startable(result.claimed, claimedAt + leaseMs)) {
        void attempt(start.delivery, start.leaseEnd);
      }
      // Look again at once only when this claim took all it could (more may be due now) or
      // cleared cancelled rows out of the way. Otherwise the heads of the lanes are empty or
      // belong to webhooks at their cap: an immediate second claim would find nothing, so
      // wait for a reason to look (a commit, a freed slot, a due retry, the poll).
      mayHaveMore =
        result.claimed.length >= limit || result.cancelled.length > 0 || result.deferred > 0;
      // Idle, with due rows held back by other workers' caps: nothing of ours will end and wake
      // this loop, so look again shortly.
      if (result.contended && result.claimed.length === 0 && inFlight === 0) {
        wakeAt(clock() + CONTENDED_RETRY_MS);
      }
    } finally {
      claimsRunning--;
      reserved -= limit;
      reservedPostbacks -= postbackLimit;
      pace = spendPostbackPace(pace, postbacksClaimed - postbackLimit);
      // The pace held postbacks back: look again when it allows the next start (owner traffic
      // usually wakes the loop sooner).
      if (postbacksClaimed > 0 && postbacksClaimed === postbackLimit) {
        const wait = msUntilNextPostbackStart(pace, config.postbackStartRate);
        if (wait > 0) wakeAt(clock() + wait);
      }
      if (mayHaveMore || wantClaim) signal();
    }
  }

  /**
   * The claimed deliveries whose lease covers a whole attempt from now. A claim that took long
   * (or, later, deliveries claimed ahead and held) has aged leases: those are restarted in one
   * statement, so the lease counts from the attempt's real start; a delivery whose lease could
   * not be renewed is no longer this worker's and is not sent.
   */
  async function startable(
    claimed: readonly ClaimedDelivery[],
    leaseEnd: number,
  ): Promise<{ delivery: ClaimedDelivery; leaseEnd: number }[]> {
    if (claimed.length === 0) return [];
    const now = clock();
    if (leaseEnd - now >= neededAtStart) return claimed.map((delivery) => ({ delivery, leaseEnd }));
    let renewed: Set<string>;
    try {
      renewed = await renewLeases(
        store,
        workerId,
        claimed.map((d) => d.id),
        now,
        leaseMs,
      );
    } catch (error) {
      // Not sent: their leases lapse and they are due again (at-least-once, never twice at once).
      events.emit('dispatcher:error', { stage: 'claim', error });
      options.logger?.error({ err: error }, 'renewing aged leases failed');
      return [];
    }
    return claimed
      .filter((d) => renewed.has(d.id))
      .map((delivery) => ({ delivery, leaseEnd: now + leaseMs }));
  }

  async function attempt(d: ClaimedDelivery, leaseEnd: number): Promise<void> {
    inFlight++;
    if (d.lane === POSTBACK_LANE) inFlightPostbacks++;
    perWebhook.set(d.webhookId, (perWebhook.get(d.webhookId) ?? 0) + 1);
    // The webhook's slot bounds requests to its endpoint, so it is free once the exchange is
    // over; the delivery itself stays held (`leased`, `inFlight`) until its result is written.
    // Held until then, the slot made a webhook's throughput cap / (response + write) instead of
    // cap / response: at half load on SQLite the healthy webhooks sat at their cap and their
    // rows waited 160 ms (p50) to be claimed. On PostgreSQL the cap across workers still counts
    // the lease until the result is written (in-flight-cap.ts).
    let slotHeld = true;
    const freeWebhookSlot = () => {
      if (!slotHeld) return;
      slotHeld = false;
      const n = (perWebhook.get(d.webhookId) ?? 1) - 1;
      if (n <= 0) perWebhook.delete(d.webhookId);
      else perWebhook.set(d.webhookId, n);
    };
    leased.add(d.id);
    try {
      const outcome = await sender.send({
        deliveryId: d.id,
        eventId: d.eventId,
        webhookId: d.webhookId,
        webhookKind: d.webhookKind,
        url: d.url,
        body: d.body,
        secrets: d.secrets,
        signal: shutdown.signal,
      });
      freeWebhookSlot();
      if (outcome.aborted) {
        abortedIds.push(d.id);
        return;
      }
      slotFreed();
      const finishedAt = clock();
      if (finishedAt > leaseEnd) {
        // The deadline did not bound the attempt within its lease (an event loop stalled for
        // seconds): another worker may have taken the delivery meanwhile. Still recorded if the
        // lease is still ours, but it breaks "never two attempts at once": worth a warning.
        options.logger?.warn(
          { deliveryId: d.id, overrunMs: finishedAt - leaseEnd },
          'attempt outlived its lease',
        );
      }
      const number = d.attempts + 1;
      // Retry schedule and receiver signals (429/503 Retry-After, 410): pure, lifecycle-recorder.ts.
      const decision = lifecycle.decide(d, outcome, finishedAt);
      const next = decision.next;
      await lifecycle.applySignal(d, decision);
      const nextAttemptAt = next.status === 'pending' ? next.nextAttemptAt : null;
      const attemptId = newId('att', outcome.startedAt);
      try {
        await recorder.record({
          attemptId,
          deliveryId: d.id,
          programId: d.programId,
          webhookId: d.webhookId,
          number,
          trigger: 'scheduled',
          outcome,
          status: next.status,
          nextAttemptAt,
          finishedAt,
          throttled: decision.throttled,
        });
      } catch (error) {
        // The lease gives the delivery back; it is attempted again (at-least-once).
        events.emit('dispatcher:error', { stage: 'record', error });
        options.logger?.error({ err: error }, 'recording attempts failed');
        return;
      }
      if (nextAttemptAt !== null) wakeAt(nextAttemptAt);
      void lifecycle.afterAttempt(d, outcome, decision, finishedAt);
      const event: AttemptNotice = {
        programId: d.programId,
        deliveryId: d.id,
        eventId: d.eventId,
        eventType: d.eventType,
        webhookId: d.webhookId,
        webhookKey: d.webhookKey,
        url: d.url,
        attemptId,
        attemptNumber: number,
        trigger: 'scheduled',
        outcome,
        status: next.status,
        nextAttemptAt,
      };
      // A claimed delivery was pending: the one rule then emits a completion on every final status.
      emitAttemptOutcome(events, event, 'pending');
    } finally {
      leased.delete(d.id);
      inFlight--;
      if (d.lane === POSTBACK_LANE) inFlightPostbacks--;
      freeWebhookSlot();
      if (inFlight === 0) idle?.();
      slotFreed();
    }
  }

  /**
   * A finished attempt frees a slot. Claiming for every freed slot would mean one claim
   * transaction per delivery (measured: 567 claims for 3,000 deliveries to one webhook), so
   * freed slots are gathered for a few milliseconds and claimed together. An idle dispatcher
   * claims at once; commits wake it through `wake()` without this delay.
   */
  function slotFreed(): void {
    if (inFlight === 0 || stopping) {
      signal();
      return;
    }
    if (slotTimer) return;
    slotTimer = setTimeout(() => {
      slotTimer = undefined;
      signal();
    }, SLOT_GATHER_MS);
  }

  return {
    workerId,
    get inFlight() {
      return inFlight;
    },
    start() {
      if (started) return;
      started = true;
      loop = run().catch((error: unknown) => {
        options.logger?.fatal({ err: error }, 'dispatcher loop crashed');
      });
      events.emit('dispatcher:started', { workerId });
    },
    wake() {
      signal();
    },
    async stop() {
      if (stopping) return { released: 0 };
      stopping = true;
      signal();
      await loop;
      // Claims under way finish (their attempts start, and are waited for below).
      while (claims.size > 0) await Promise.allSettled([...claims]);
      if (timer) clearTimeout(timer);
      if (slotTimer) clearTimeout(slotTimer);
      if (inFlight > 0) {
        await new Promise<void>((resolve) => {
          idle = resolve;
          const t = setTimeout(resolve, config.shutdownTimeoutMs);
          t.unref();
        });
      }
      if (inFlight > 0) {
        shutdown.abort();
        await new Promise<void>((resolve) => {
          idle = resolve;
          if (inFlight === 0) resolve();
        });
      }
      await recorder.flush().catch(() => {});
      lifecycle.close();
      // Deliveries whose attempt was cut short, and any still leased: due again now.
      const ids = [...new Set([...abortedIds, ...leased])];
      const released = ids.length > 0 ? await release(store, workerId, ids, clock()) : 0;
      events.emit('dispatcher:stopped', { workerId, released });
      return { released };
    },
  };
}
