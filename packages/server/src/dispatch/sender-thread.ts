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
  /**
   * Niceness levels this thread takes below the rest of the process (Linux;
   * thread-priority.ts). The postbacks' thread: `HOOKLINE_POSTBACK_NICE`. Default 0.
   */
  readonly nice?: number;
}

/**
 * A sender whose HTTP attempts run on their own thread (worker_threads): signing, TLS, the
 * HTTP exchange and reading the answer use the second core, while the dispatcher's claims and
 * result writes stay on the thread that serves the API, so SQLite keeps a single writer (no
 * lock hand-offs between threads). Listener attempts stay here, where the listen sessions are
 * (`local`; a sender without one, the postbacks' (postback-sender.ts), never gets any).
 *
 * @example
 * const sender = createThreadSender({ timeoutMs, allowPrivateNetworks, connectionsPerWebhook, dnsServers }, local);
 */
export function createThreadSender(
  data: SenderThreadData,
  local: Sender | undefined,
  onFailure: (error: Error) => void = crash,
): Sender {
  const worker = spawnEntry(data);
  worker.unref();
  const waiting = new Map<number, (outcome: AttemptOutcome) => void>();
  let nextId = 1;
  let closing = false;
  let failed: Error | undefined;
  worker.on('message', (outcomes: readonly ToService[]) => {
    for (const { id, outcome } of outcomes) {
      const resolve = waiting.get(id);
      waiting.delete(id);
      resolve?.(outcome);
    }
  });
  // Messages are batched: a claim starts up to hundreds of attempts in one synchronous loop,
  // and one postMessage each (a structured clone and a wake-up of the thread) cost the API
  // thread more than the attempts' own work. They leave together once that loop is done.
  let outbox: ToThread[] = [];
  const flush = () => {
    const batch = outbox;
    outbox = [];
    if (batch.length > 0 && !failed) worker.postMessage(batch);
  };
  const post = (message: ToThread) => {
    if (outbox.length === 0) queueMicrotask(flush);
    outbox.push(message);
  };
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
      if (request.webhookKind === 'listener' && local) return local.send(request);
      if (failed) return Promise.resolve(abortedOutcome(failed));
      const id = nextId++;
      const { signal, ...plain } = request;
      return new Promise<AttemptOutcome>((resolve) => {
        const onAbort = () => post({ type: 'abort', id });
        // Removed when the outcome arrives: the shutdown signal is shared by every attempt,
        // and an EventTarget with thousands of stale listeners makes each add O(n).
        waiting.set(id, (outcome) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(outcome);
        });
        if (signal?.aborted) onAbort();
        else signal?.addEventListener('abort', onAbort, { once: true });
        post({ type: 'send', id, request: plain });
      });
    },
    setListenerTransport: (transport) => local?.setListenerTransport(transport),
    async close() {
      closing = true;
      await worker.terminate().catch(() => {});
      await local?.close();
    },
  };
}

/** What the service sends its sender thread, in batches (sender-thread-entry.ts). */
export type ToThread =
  | { readonly type: 'send'; readonly id: number; readonly request: Omit<SendRequest, 'signal'> }
  | { readonly type: 'abort'; readonly id: number };

/** What the sender thread sends back, in batches: the outcome of each attempt. */
export interface ToService {
  readonly id: number;
  readonly outcome: AttemptOutcome;
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
