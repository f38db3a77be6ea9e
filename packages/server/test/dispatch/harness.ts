import { loadConfig } from '../../src/config/config.js';
import type { Config } from '../../src/config/config.js';
import { createDeliveryServices } from '../../src/dispatch/delivery-services.js';
import type { DeliveryServices } from '../../src/dispatch/delivery-services.js';
import { createDispatcher } from '../../src/dispatch/dispatcher.js';
import type { Dispatcher, DispatcherOptions } from '../../src/dispatch/dispatcher.js';
import { recordEvent } from '../../src/outbox/outbox.js';
import { createProgram } from '../../src/programs/index.js';
import type { Engine } from '../../src/storage/index.js';
import { getEventType } from '../../src/webhooks/catalog.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import type { WebhookRow } from '../../src/webhooks/webhook-store.js';
import { openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

/** A store, a program, delivery services and dispatchers for engine tests. */
export interface Harness {
  readonly store: TestStore;
  readonly config: Config;
  readonly programId: string;
  readonly services: DeliveryServices;
  webhook(url: string, options?: { events?: string[] }): Promise<WebhookRow>;
  /** Records `n` events of a type (one transaction each batch of 500); returns delivery ids. */
  publish(n?: number, type?: string): Promise<string[]>;
  dispatcher(overrides?: Partial<DispatcherOptions>, services?: DeliveryServices): Dispatcher;
  attempts(deliveryId: string): Promise<
    {
      number: number;
      trigger: string;
      succeeded: number;
      error_class: string | null;
      response_status: number | null;
      started_at: number;
    }[]
  >;
  delivery(id: string): Promise<{
    status: string;
    attempts: number;
    next_attempt_at: number | null;
    locked_until: number | null;
    last_error: string | null;
    last_status_code: number | null;
    cancel_reason: string | null;
  }>;
  /** How many deliveries have succeeded, of every webhook. */
  succeededCount(): Promise<number>;
  close(): Promise<void>;
}

export async function createHarness(
  engine: Engine,
  env: Record<string, string> = {},
): Promise<Harness> {
  const store = await openTestStore(engine);
  const config = loadConfig({
    HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
    HOOKLINE_POLL_INTERVAL: '100ms',
    HOOKLINE_RETRY_SCHEDULE: '0s,100ms,200ms',
    HOOKLINE_DELIVERY_TIMEOUT: '2s',
    ...env,
  });
  const program = await createProgram(store.db, { name: 'Delivery tests' });
  const services = createDeliveryServices({ config });
  const dispatchers: Dispatcher[] = [];
  const extraServices: DeliveryServices[] = [];
  return {
    store,
    config,
    programId: program.id,
    services,
    webhook(url, options = {}) {
      return insertWebhook(store.db, {
        programId: program.id,
        name: 'test',
        url,
        events: options.events ?? ['*'],
        isActive: true,
        now: Date.now(),
      });
    },
    async publish(n = 1, type = 'partner.created') {
      const ids: string[] = [];
      const data = getEventType(type)?.sample ?? {};
      for (let i = 0; i < n; i += 500) {
        await store.db.transaction().execute(async (trx) => {
          for (let j = i; j < Math.min(n, i + 500); j++) {
            const e = await recordEvent(trx, { programId: program.id, type, data, source: 'api' });
            ids.push(...e.deliveryIds);
          }
        });
      }
      return ids;
    },
    dispatcher(overrides = {}, own) {
      if (own) extraServices.push(own);
      const s = own ?? services;
      const d = createDispatcher({
        store,
        config,
        sender: s.sender,
        events: s.events,
        ...overrides,
      });
      dispatchers.push(d);
      return d;
    },
    async attempts(deliveryId) {
      return store.db
        .selectFrom('attempts')
        .select(['number', 'trigger', 'succeeded', 'error_class', 'response_status', 'started_at'])
        .where('delivery_id', '=', deliveryId)
        .orderBy('id')
        .execute();
    },
    async delivery(id) {
      return store.db
        .selectFrom('deliveries')
        .select([
          'status',
          'attempts',
          'next_attempt_at',
          'locked_until',
          'last_error',
          'last_status_code',
          'cancel_reason',
        ])
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
    },
    async succeededCount() {
      const row = await store.db
        .selectFrom('deliveries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('status', '=', 'succeeded')
        .executeTakeFirstOrThrow();
      return Number(row.n);
    },
    async close() {
      for (const d of dispatchers) await d.stop();
      for (const s of [services, ...extraServices]) await s.close();
      await store.close();
    },
  };
}
