import type { LightMyRequestResponse } from 'fastify';
import { createApp } from '../../src/api/app.js';
import { withPortal } from '../../src/portal/index.js';
import type { Api, AppDeps } from '../../src/api/app.js';
import { loadConfig } from '../../src/config/config.js';
import type { Config } from '../../src/config/config.js';
import type { DeliveryWakeup } from '../../src/outbox/outbox.js';
import { createApiKey, createProgram } from '../../src/programs/index.js';
import type { Engine } from '../../src/storage/index.js';
import { openTestStore } from './store.js';
import type { TestStore } from './store.js';

/** An in-process app on an isolated database, with one program and its API key. */
export interface TestContext {
  readonly engine: Engine;
  readonly store: TestStore;
  readonly config: Config;
  readonly app: Api;
  readonly programId: string;
  readonly apiKey: string;
  /** Counts dispatcher wake-ups, so tests can see that a commit woke it. */
  readonly wakeups: { count: number };
  /** `app.inject` with the program's bearer key (override with `headers.authorization`). */
  request(
    method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH',
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  /** Creates a webhook for every event (`POST /v1/webhooks`); throws unless it answers 201. */
  createWebhook(
    url: string,
    extra?: Record<string, unknown>,
  ): Promise<{ key: string; signature: string }>;
  /** Another program with its own key, for isolation tests. */
  otherProgram(): Promise<{ programId: string; apiKey: string }>;
  close(): Promise<void>;
}

/**
 * Builds a {@link TestContext}. Private networks are allowed by default (receivers live on
 * loopback); pass `env` to test other configurations.
 */
export async function createTestContext(
  engine: Engine,
  options: {
    env?: Record<string, string>;
    extend?: (deps: AppDeps) => AppDeps;
  } = {},
): Promise<TestContext> {
  const store = await openTestStore(engine);
  const config = loadConfig({
    HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
    HOOKLINE_PUBLIC_URL: 'http://hookline.test',
    // In-process tests send thousands of requests a second from one address; the limits have
    // their own tests (test/operations/rate-limits.test.ts), which turn them on.
    HOOKLINE_RATE_LIMIT: 'off',
    HOOKLINE_AUTH_FAILURE_LIMIT: 'off',
    HOOKLINE_UNAUTHENTICATED_LIMIT: 'off',
    ...options.env,
  });
  const wakeups = { count: 0 };
  const wakeup: DeliveryWakeup = {
    wake() {
      wakeups.count++;
    },
  };
  // The portal is part of every service (startService adds it); so it is of every test app.
  let deps: AppDeps = withPortal({ config, store, logger: false, wakeup });
  if (options.extend) deps = options.extend(deps);
  const app = await createApp(deps);
  await app.ready();
  const program = await createProgram(store.db, { name: 'Test program' });
  const { apiKey } = await createApiKey(store.db, program.id);

  const request: TestContext['request'] = (method, url, body, headers = {}) => {
    return app.inject({
      method,
      url,
      headers: { authorization: `Bearer ${apiKey}`, ...headers },
      ...(body === undefined
        ? {}
        : typeof body === 'string'
          ? { payload: body }
          : { payload: body as object }),
    });
  };

  return {
    engine,
    store,
    config,
    app,
    programId: program.id,
    apiKey,
    wakeups,
    request,
    async createWebhook(url, extra = {}) {
      const res = await request('POST', '/v1/webhooks', {
        name: 'w',
        url,
        events: ['*'],
        ...extra,
      });
      if (res.statusCode !== 201) {
        throw new Error(`creating a webhook answered ${res.statusCode}: ${res.body}`);
      }
      return res.json().data as { key: string; signature: string };
    },
    async otherProgram() {
      const other = await createProgram(store.db, { name: 'Other program' });
      const key = await createApiKey(store.db, other.id);
      return { programId: other.id, apiKey: key.apiKey };
    },
    async close() {
      await app.close();
      await store.close();
    },
  };
}
