import type { Logger } from 'pino';
import { createApp } from './api/app.js';
import type { Api, AppDeps } from './api/app.js';
import type { Config } from './config/config.js';
import type { DeliveryWakeup } from './events/outbox.js';
import { bootstrap } from './programs/index.js';
import type { BootstrapResult } from './programs/index.js';
import { migrateToLatest, openStore } from './storage/index.js';
import type { Store } from './storage/index.js';

/** A running service: its parts, and how to stop it. */
export interface RunningService {
  readonly config: Config;
  readonly store: Store;
  readonly app: Api;
  /** The bound address, e.g. `http://127.0.0.1:8080`. */
  readonly url: string;
  readonly bootstrap: BootstrapResult;
  /** Graceful stop: stop accepting, drain, close the database. */
  stop(): Promise<void>;
}

/** Options of {@link startService}. */
export interface StartOptions {
  /** Serve the API (default true). `hookline worker` runs only the dispatcher. */
  readonly api?: boolean;
  /** Run the dispatcher in this process (default true; `serve --no-worker` turns it off). */
  readonly worker?: boolean;
  /** Extra app wiring (dashboard, listeners), appended to the app's deps. */
  readonly extend?: (deps: AppDeps) => AppDeps;
}

/**
 * Opens the database, applies migrations, bootstraps an empty database, and serves the API.
 * The delivery engine hooks in through `wakeup`.
 */
export async function startService(
  config: Config,
  logger: Logger,
  options: StartOptions = {},
): Promise<RunningService> {
  const store = await openStore(config.database);
  try {
    const { applied } = await migrateToLatest(store);
    if (applied.length > 0) logger.info({ applied }, 'database migrated');
    const boot = await bootstrap(store.db, { apiKey: config.bootstrapApiKey, engine: store.engine });

    const wakeup: DeliveryWakeup = { wake() {} };
    let deps: AppDeps = { config, store, logger, wakeup };
    if (options.extend) deps = options.extend(deps);
    const app = await createApp(deps);
    const address = await app.listen({ port: config.port, host: config.host });
    const url = address.replace('0.0.0.0', 'localhost').replace('[::]', 'localhost');
    logger.info({ url, engine: store.engine }, 'hookline listening');

    let stopping: Promise<void> | undefined;
    return {
      config,
      store,
      app,
      url,
      bootstrap: boot,
      stop() {
        stopping ??= (async () => {
          await app.close();
          await store.close();
        })();
        return stopping;
      },
    };
  } catch (error) {
    await store.close();
    throw error;
  }
}
