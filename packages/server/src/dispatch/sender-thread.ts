import type { Worker } from 'node:worker_threads';
import type { AttemptOutcome } from '../deliveries/index.js';
import type { Sender, SendRequest } from './sender.js';
import { spawnThreadEntry } from './thread-entry.js';

/** What a sender thread is created with. */
export interface SenderThreadData {
  readonly timeoutMs: number;
  readonly allowPrivateNetworks: boolean;
  readonly connectionsPerWebhook: number;
  readonly dnsServers: readonly string[];
}

/**
 * A sender whose HTTP attempts run on their own thread (worker_threads): signing, TLS, the
 * HTTP exchange and reading the answer use the second core, while the dispatcher's claims and
 * result writes stay on the thread that serves the API, so SQLite keeps a single writer (no
 * lock hand-offs between threads). Listener attempts stay here, where the listen sessions are
 * (`local`).
 *
 * @example
 * const sender = createThreadSender({ timeoutMs, allowPrivateNetworks, connectionsPerWebhook, dnsServers }, local);
 */
export function createThreadSender(
  data: SenderThreadData,
  local: Sender,
  onFailure: (error: Error) => void = crash,
): Sender {
  const worker = spawnEntry(data);
  worker.unref();
  const waiting = new Map<number, (outcome: AttemptOutcome) => void>();
  let nextId = 1;
  let closing = false;
  let failed: Error | undefined;
  worker.on('message', (message: { id: number; outcome: AttemptOutcome }) => {
    const resolve = waiting.get(message.id);
    waiting.delete(message.id);
    resolve?.(message.outcome);
  });
  // A dead thread would leave every attempt in flight waiting forever (the dispatcher's slots
  // full, the process up but delivering nothing): its attempts end as aborted (released, not
  // logged, as at shutdown) and the failure is reported, so that the process stops.
  const fail = (error: Error) => {
    if (closing || failed) return;
    failed = error;
    for (const [id, resolve] of waiting) {
      waiting.delete(id);
      resolve(abortedOutcome(error));
    }
    onFailure(error);
  };
  worker.on('error', (error) => fail(error));
  worker.on('exit', (code) => fail(new Error(`the sender thread exited (code ${code})`)));
  return {
    send(request) {
      if (request.webhookKind === 'listener') return local.send(request);
      if (failed) return Promise.resolve(abortedOutcome(failed));
      const id = nextId++;
      const { signal, ...plain } = request;
      return new Promise<AttemptOutcome>((resolve) => {
        const onAbort = () => worker.postMessage({ type: 'abort', id });
        // Removed when the outcome arrives: the shutdown signal is shared by every attempt,
        // and an EventTarget with thousands of stale listeners makes each add O(n).
        waiting.set(id, (outcome) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(outcome);
        });
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
        worker.postMessage({
          type: 'send',
          id,
          request: plain satisfies Omit<SendRequest, 'signal'>,
        });
      });
    },
    setListenerTransport: (transport) => local.setListenerTransport(transport),
    async close() {
      closing = true;
      await worker.terminate().catch(() => {});
      await local.close();
    },
  };
}

/** The outcome of an attempt the thread could not finish: released like a shutdown's. */
function abortedOutcome(error: Error): AttemptOutcome {
  return {
    startedAt: Date.now(),
    durationMs: 0,
    requestHeaders: {},
    responseStatus: null,
    responseHeaders: null,
    responseBody: null,
    succeeded: false,
    errorClass: null,
    errorMessage: error.message,
    aborted: true,
  };
}

/** Without a handler, a thread failure ends the process (non-zero) rather than hanging it. */
function crash(error: Error): void {
  process.nextTick(() => {
    throw error;
  });
}

function spawnEntry(data: SenderThreadData): Worker {
  return spawnThreadEntry('sender-thread-entry', data);
}
