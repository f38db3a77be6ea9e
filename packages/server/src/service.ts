import type { Logger } from 'pino';
import type { Api, AppDeps } from './api/app.js';
import type { Config } from './config/config.js';
import { createDeliveryServices } from './dispatch/delivery-services.js';
import type { DeliveryServices } from './dispatch/delivery-services.js';
import { createDispatcher } from './dispatch/dispatcher.js';
import { startDispatcherThread } from './dispatch/dispatcher-thread.js';
import type { Dispatcher } from './dispatch/dispatcher.js';
import { createWakeupHub } from './dispatch/wakeup.js';
import { startRewardSweeper } from './domain/reward-approval.js';
import type { RewardSweeper } from './domain/reward-approval.js';
import { startRetentionJob } from './retention/retention-job.js';
import type { RetentionJob } from './retention/retention-job.js';
import { metricsOf } from './observability/metrics.js';
import { bootstrap } from './programs/index.js';
import type { BootstrapResult } from './programs/index.js';
import { migrateToLatest, openStore } from './storage/index.js';
import type { Store } from './storage/index.js';
import { systemClock } from './util/time.js';
import { assertSecretsReadable, configureSecretsAtRest } from './webhooks/secrets-at-rest.js';

/** A running service: its parts, and how to stop it. */
export interface RunningService {
  readonly config: Config;
  readonly store: Store;
  readonly app: Api;
  /** The bound address, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly bootstrap: BootstrapResult;
  /** Sender and delivery events (subscribe for `tail`) of this process. */
  readonly delivery: DeliveryServices;
  /** The dispatcher, unless this process serves the API only (`serve --no-worker`). */
  readonly dispatcher: Dispatcher | undefined;
  /** The retention job, where the dispatcher runs and `HOOKLINE_RETENTION` is not `off`. */
  readonly retention: RetentionJob | undefined;
  /** Graceful stop: stop accepting, drain, close the database. */
  stop(): Promise<void>;
}

/** A second thread for delivery: see {@link StartOptions.thread}. */
export type ThreadMode = 'none' | 'sender' | 'dispatcher';

/**
 * The default of {@link StartOptions.thread} and of `hookline serve --thread`, chosen by
 * measurement (docs/operations.md, "Threads"): with the HTTP attempts on their own thread, a
 * publish no longer waits behind signing and sending on the API's event loop.
 */
export const DEFAULT_THREAD: ThreadMode = 'sender';

/**
 * A process without the API (`hookline worker`): the app is never built, so that the worker's
 * heap holds only what delivery needs.
 */
export type WorkerService = Omit<RunningService, 'app' | 'url'> & {
  readonly app: undefined;
  readonly url: '';
};

/** Options of {@link startService}. */
export interface StartOptions {
  /** Serve the API (default true). `hookline worker` runs only the dispatcher. */
  readonly api?: boolean;
  /** Run the dispatcher in this process (default true; `serve --no-worker` turns it off). */
  readonly worker?: boolean;
  /** Extra app wiring (dashboard, listeners), appended to the app's deps. */
  readonly extend?: (deps: AppDeps) => AppDeps;
  /** Serve the dashboard and its `/auth` sign-in at `/` (default true). */
  readonly dashboard?: boolean;
  /**
   * Use a second thread (worker_threads) so the API and the dispatcher use both cores:
   * `sender` sends the HTTP attempts from their own thread while claims and results stay on
   * this one (SQLite keeps one writer); `dispatcher` runs the whole dispatcher on its own
   * thread with its own connection; `none` keeps everything on this thread. Default
   * {@link DEFAULT_THREAD} (`hookline serve --thread` chooses).
   */
  readonly thread?: ThreadMode;
  /**
   * A delivery thread failed: this process no longer delivers. Default: logged as fatal, exit
   * code 1 and SIGTERM to this process, so that `hookline serve` shuts down gracefully (leases
   * released) and exits non-zero instead of staying up without delivering.
   */
  readonly onFatal?: (error: Error) => void;
}

/**
 * Opens the database, applies migrations, bootstraps an empty database, and serves the API.
 * The delivery engine hooks in through `wakeup`.
 */
export async function startService(
  config: Config,
  logger: Logger,
  options: StartOptions & { readonly api: false },
): Promise<WorkerService>;
export async function startService(
  config: Config,
  logger: Logger,
  options?: StartOptions,
): Promise<RunningService>;
export async function startService(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningService | WorkerService> {
  const store = await openStore(config.database);
  try {
    const { applied } = await migrateToLatest(store);
    configureSecretsAtRest(config);
    await assertSecretsReadable(store.db);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    const boot = await bootstrap(store.db, {
      apiKey: config.bootstrapApiKey,
      engine: store.engine,
    });

    const thread = options.thread ?? DEFAULT_THREAD;
    const onFatal =
      options.onFatal ??
      ((error: Error) => {
        logger.fatal({ err: error }, 'a delivery thread failed; stopping');
        process.exitCode = 1;
        process.kill(process.pid, 'SIGTERM');
      });
    const delivery = createDeliveryServices({
      config,
      senderThread: thread === 'sender' && options.worker !== false,
      onThreadFailure: onFatal,
    });
    // In-process signal, plus NOTIFY/LISTEN across processes on PostgreSQL.
    const wakeup = createWakeupHub(store);
    let app: Api | undefined;
    let url = '';
    if (options.api !== false) {
      // Loaded and built only where the API is served: the app (routes, schemas, the OpenAPI
      // document) doubled a worker's live heap, and V8 lets the heap grow to a multiple of what
      // is live before a full collection (the 1,000,000-pending drain's peak RSS).
      const [{ createApp }, { withPortal }, { withDashboard }] = await Promise.all([
        import('./api/app.js'),
        import('./portal/index.js'),
        import('./dashboard/index.js'),
      ]);
      let deps: AppDeps = { config, store, logger, wakeup, delivery };
      deps = withPortal(deps);
      if (options.dashboard !== false) deps = withDashboard(deps);
      if (options.extend) deps = options.extend(deps);
      app = await createApp(deps);
      const address = await app.listen({ port: config.port, host: config.host });
      url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
      logger.info({ url, engine: store.engine }, 'hookline listening');
    }

    let dispatcher: Dispatcher | undefined;
    if (options.worker !== false) {
      const d =
        thread === 'dispatcher'
          ? await startDispatcherThread({ config, delivery, logger, onFailure: onFatal })
          : createDispatcher({
              store,
              config,
              sender: delivery.sender,
              events: delivery.events,
              logger,
            });
      dispatcher = d;
      metricsOf(store, delivery.events).setInFlightSource(() => d.inFlight);
      wakeup.subscribe(() => d.wake());
      await wakeup.listen((error) =>
        logger.warn({ err: error }, 'LISTEN connection lost; polling'),
      );
      d.start();
      logger.info({ workerId: d.workerId, engine: store.engine, thread }, 'dispatcher started');
    }

    // Rewards leave their review period where deliveries are worked (not in API-only processes).
    let sweeper: RewardSweeper | undefined;
    if (options.worker !== false) {
      sweeper = startRewardSweeper({
        store,
        intervalMs: config.rewardSweepIntervalMs,
        wakeup,
        firstAttemptDelayMs: config.retrySchedule[0] ?? 0,
        onError: (error) => logger.error({ err: error }, 'reward review sweep failed'),
      });
    }

    // History leaves the retention window where deliveries are worked, like reward reviews.
    let retention: RetentionJob | undefined;
    if (options.worker !== false && config.retentionMs !== null) {
      retention = startRetentionJob({
        store,
        clock: systemClock,
        retentionMs: config.retentionMs,
        onPurged: (counts) => logger.info({ purged: counts }, 'retention purge'),
        onError: (error) => logger.error({ err: error }, 'retention purge failed'),
      });
    }

    let stopping: Promise<void> | undefined;
    const running = {
      config,
      store,
      app,
      url,
      bootstrap: boot,
      delivery,
      dispatcher,
      retention,
      stop() {
        stopping ??= (async () => {
          await app?.close();
          await sweeper?.stop();
          await retention?.stop();
          if (dispatcher) {
            const { released } = await dispatcher.stop();
            logger.info({ released }, 'dispatcher stopped');
          }
          await wakeup.close();
          await delivery.close();
          await store.close();
        })();
        return stopping;
      },
    };
    return running as RunningService | WorkerService;
  } catch (error) {
    await store.close();
    throw error;
  }
}
