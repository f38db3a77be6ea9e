import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import type { DeliveryFeedMap } from '../deliveries/index.js';
import type { DeliveryServices } from './delivery-services.js';
import type { Dispatcher } from './dispatcher.js';
import { spawnThreadEntry } from './thread-entry.js';
import type {
  DispatcherThreadData,
  FromDispatcherThread,
  ToDispatcherThread,
} from './dispatcher-thread-messages.js';

/**
 * Runs the dispatcher on its own thread (worker_threads), so that the API and the dispatcher
 * use two cores. The thread opens its own connection to the database (SQLite in WAL mode has
 * one writer at a time: both sides commit in groups and wait on `busy_timeout`, and their
 * transactions begin immediate). Its delivery events are re-emitted on `delivery.events` (so
 * metrics, `tail` and logs see them as before) and its listener attempts are handed to
 * `delivery.listener` (the listen sessions live here).
 *
 * Resolves once the thread's dispatcher has started.
 *
 * @example
 * const dispatcher = await startDispatcherThread({ config, delivery, logger });
 * wakeup.subscribe(() => dispatcher.wake());
 */
export async function startDispatcherThread(input: {
  readonly config: Config;
  readonly delivery: DeliveryServices;
  readonly logger?: Logger;
  /**
   * The thread failed after it started (an uncaught error, an unexpected exit): nothing is
   * delivered any more. Default: the process crashes (non-zero) rather than hanging on.
   */
  readonly onFailure?: (error: Error) => void;
}): Promise<Dispatcher> {
  const { delivery } = input;
  const data: DispatcherThreadData = { config: input.config };
  const worker = spawnThreadEntry('dispatcher-thread-entry', data);
  const send = (message: ToDispatcherThread) => worker.postMessage(message);
  const aborts = new Map<number, AbortController>();
  let inFlight = 0;
  let stopped: ((released: number) => void) | undefined;
  let exited = false;
  let started = false;
  let stopping = false;
  let failed = false;
  const fail = (error: Error) => {
    if (stopping || failed) return;
    failed = true;
    if (input.onFailure) input.onFailure(error);
    else
      process.nextTick(() => {
        throw error;
      });
  };

  const workerId = await new Promise<string>((resolve, reject) => {
    worker.once('error', reject);
    worker.on('message', (message: FromDispatcherThread) => {
      switch (message.type) {
        case 'started':
          worker.off('error', reject);
          started = true;
          worker.on('error', (error) => {
            input.logger?.error({ err: error }, 'dispatcher thread');
            fail(error);
          });
          resolve(message.workerId);
          break;
        case 'failed':
          reject(new Error(`dispatcher thread failed to start: ${message.message}`));
          break;
        case 'event':
          delivery.events.emit(
            message.name,
            ...(message.args as DeliveryFeedMap[typeof message.name]),
          );
          break;
        case 'in-flight':
          inFlight = message.count;
          break;
        case 'listener': {
          const controller = new AbortController();
          aborts.set(message.id, controller);
          delivery.listener.deliver(message.attempt, controller.signal).then(
            (response) => send({ type: 'listener-result', id: message.id, response }),
            (error: { message?: string; code?: string }) =>
              send({
                type: 'listener-result',
                id: message.id,
                error: {
                  message: error?.message ?? String(error),
                  ...(typeof error?.code === 'string' ? { code: error.code } : {}),
                },
              }),
          );
          break;
        }
        case 'listener-abort':
          aborts.get(message.id)?.abort();
          aborts.delete(message.id);
          break;
        case 'stopped':
          stopped?.(message.released);
          break;
      }
    });
    worker.once('exit', (code) => {
      exited = true;
      stopped?.(0);
      reject(new Error('dispatcher thread exited before it started'));
      if (started) fail(new Error(`the dispatcher thread exited (code ${code})`));
    });
  });

  return {
    workerId,
    get inFlight() {
      return inFlight;
    },
    start() {},
    wake() {
      if (!exited) send({ type: 'wake' });
    },
    async stop() {
      stopping = true;
      if (exited) return { released: 0 };
      const released = await new Promise<number>((resolve) => {
        stopped = resolve;
        send({ type: 'stop' });
      });
      await worker.terminate().catch(() => {});
      return { released };
    },
  };
}
