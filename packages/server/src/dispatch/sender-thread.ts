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
export function createThreadSender(data: SenderThreadData, local: Sender): Sender {
  const worker = spawnEntry(data);
  worker.unref();
  const waiting = new Map<number, (outcome: AttemptOutcome) => void>();
  let nextId = 1;
  worker.on('message', (message: { id: number; outcome: AttemptOutcome }) => {
    const resolve = waiting.get(message.id);
    waiting.delete(message.id);
    resolve?.(message.outcome);
  });
  return {
    send(request) {
      if (request.webhookKind === 'listener') return local.send(request);
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
      await worker.terminate().catch(() => {});
      await local.close();
    },
  };
}

function spawnEntry(data: SenderThreadData): Worker {
  return spawnThreadEntry('sender-thread-entry', data);
}
