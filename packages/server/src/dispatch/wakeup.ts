import { sql } from 'kysely';
import pg from 'pg';
import type { DeliveryWakeup } from '../outbox/outbox.js';
import type { Store } from '../storage/index.js';

/** A wake-up that dispatchers in this process (and, on PostgreSQL, in others) subscribe to. */
export interface WakeupHub extends DeliveryWakeup {
  /** Calls `listener` on every wake-up, local or (PostgreSQL) from another process. */
  subscribe(listener: () => void): () => void;
  /** Starts listening for other processes' wake-ups (PostgreSQL `LISTEN`). */
  listen(onError?: (error: unknown) => void): Promise<void>;
  close(): Promise<void>;
}

/**
 * The NOTIFY channel of a store. It includes the schema, so that test schemas (or separate
 * installations) living side by side in one PostgreSQL server do not wake each other.
 */
export function wakeupChannel(schema: string): string {
  return `hookline_wake_${schema}`.slice(0, 63);
}

/**
 * Creates the wake-up hub of a process. `wake()` signals local subscribers at once and, on
 * PostgreSQL, sends one `NOTIFY` per event-loop turn however many commits asked for it.
 * `listen()` keeps a dedicated connection with `LISTEN` and reconnects after errors; polling
 * remains the backstop while it is down.
 */
export function createWakeupHub(store: Store): WakeupHub {
  const listeners = new Set<() => void>();
  const notifyLocal = () => {
    for (const l of listeners) l();
  };
  const channel = store.postgres ? wakeupChannel(store.postgres.schema) : undefined;
  let notifyScheduled = false;
  let client: pg.Client | undefined;
  let closed = false;
  let retry: NodeJS.Timeout | undefined;

  const connect = async (onError: (error: unknown) => void): Promise<void> => {
    if (!store.postgres || !channel || closed) return;
    const c = new pg.Client({ connectionString: store.postgres.connectionString });
    const reconnect = (error: unknown) => {
      onError(error);
      if (client === c) client = undefined;
      c.end().catch(() => {});
      if (!closed && !retry) {
        retry = setTimeout(() => {
          retry = undefined;
          connect(onError).catch(onError);
        }, 1_000);
        retry.unref();
      }
    };
    c.on('error', reconnect);
    c.on('notification', (msg) => {
      if (msg.channel === channel) notifyLocal();
    });
    try {
      await c.connect();
      await c.query(`listen "${channel}"`);
      client = c;
      // Anything committed while we were not listening: look now.
      notifyLocal();
    } catch (error) {
      reconnect(error);
    }
  };

  return {
    wake() {
      notifyLocal();
      if (!channel || notifyScheduled || closed) return;
      notifyScheduled = true;
      setImmediate(() => {
        notifyScheduled = false;
        if (closed) return;
        sql`select pg_notify(${channel}, '')`.execute(store.db).catch(() => {
          // Polling picks the work up if the notification is lost.
        });
      });
    },
    subscribe(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    async listen(onError = () => {}) {
      await connect(onError);
    },
    async close() {
      closed = true;
      if (retry) clearTimeout(retry);
      const c = client;
      client = undefined;
      await c?.end().catch(() => {});
    },
  };
}
