/**
 * The entry of a dispatcher thread (`hookline serve` on SQLite): its own database connection,
 * sender and dispatcher, so that the dispatcher's CPU work (signing, HTTP, SQL) runs on the
 * second core while the API thread parses and validates requests. It talks to the service over
 * `parentPort` (dispatcher-thread-messages.ts): wake-ups and stop in; delivery events, the
 * in-flight count and listener attempts (the listen sessions live in the API thread) out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../observability/logger.js';
import { openStore } from '../storage/index.js';
import type { AttemptResponse, OutgoingAttempt } from './destination.js';
import { createDeliveryServices } from './delivery-services.js';
import { createDispatcher } from './dispatcher.js';
import { FORWARDED_EVENTS } from './dispatcher-thread-messages.js';
import type {
  DispatcherThreadData,
  FromDispatcherThread,
  ToDispatcherThread,
} from './dispatcher-thread-messages.js';

const port = parentPort;
if (!port) throw new Error('dispatcher-thread-entry runs in a worker thread');
const { config } = workerData as DispatcherThreadData;
const post = (message: FromDispatcherThread) => port.postMessage(message);

const pending = new Map<
  number,
  { resolve: (r: AttemptResponse) => void; reject: (e: Error) => void }
>();
let nextId = 1;
/** Listener attempts go to the service, which holds the listen sessions. */
const relay = {
  deliver(attempt: OutgoingAttempt, signal: AbortSignal): Promise<AttemptResponse> {
    const id = nextId++;
    return new Promise<AttemptResponse>((resolve, reject) => {
      pending.set(id, { resolve, reject });
      signal.addEventListener(
        'abort',
        () => {
          pending.delete(id);
          post({ type: 'listener-abort', id });
          reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
        },
        { once: true },
      );
      post({ type: 'listener', id, attempt });
    });
  },
};

try {
  const logger = createLogger(config.logLevel);
  const store = await openStore(config.database);
  const services = createDeliveryServices({ config, listenerTransport: relay });
  for (const name of FORWARDED_EVENTS) {
    services.events.on(name, (...args) => post({ type: 'event', name, args }));
  }
  const dispatcher = createDispatcher({
    store,
    config,
    sender: services.sender,
    events: services.events,
    logger,
  });
  const report = setInterval(() => post({ type: 'in-flight', count: dispatcher.inFlight }), 500);
  report.unref();
  port.on('message', (message: ToDispatcherThread) => {
    if (message.type === 'wake') dispatcher.wake();
    else if (message.type === 'listener-result') {
      const waiting = pending.get(message.id);
      pending.delete(message.id);
      if (message.response) waiting?.resolve(message.response);
      else
        waiting?.reject(
          Object.assign(new Error(message.error?.message ?? 'listener failed'), {
            code: message.error?.code,
          }),
        );
    } else if (message.type === 'stop') {
      void (async () => {
        clearInterval(report);
        const { released } = await dispatcher.stop();
        await services.close();
        await store.close();
        post({ type: 'stopped', released });
        port.close();
      })();
    }
  });
  dispatcher.start();
  post({ type: 'started', workerId: dispatcher.workerId });
} catch (error) {
  post({ type: 'failed', message: error instanceof Error ? error.message : String(error) });
}
