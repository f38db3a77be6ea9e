/**
 * The entry of a sender thread: a real sender (signing, HTTP destination, SSRF guard,
 * deadlines) working for a dispatcher on another thread (sender-thread.ts). Messages, in
 * batches: `send` (a request without its signal) and `abort` in; outcomes out, those finished
 * in the same event-loop turn together.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSender } from './sender.js';
import type { SendRequest } from './sender.js';
import type { SenderThreadData, ToService, ToThread } from './sender-thread.js';
import { lowerThreadPriority } from './thread-priority.js';

const port = parentPort;
if (!port) throw new Error('sender-thread-entry runs in a worker thread');
const data = workerData as SenderThreadData;
const sender = createSender({
  timeoutMs: data.timeoutMs,
  allowPrivateNetworks: data.allowPrivateNetworks,
  connectionsPerWebhook: data.connectionsPerWebhook,
  ...(data.dnsServers.length > 0 ? { dnsServers: data.dnsServers } : {}),
});
void lowerThreadPriority(data.nice ?? 0);
const aborts = new Map<number, AbortController>();

let outbox: ToService[] = [];
const flush = () => {
  const batch = outbox;
  outbox = [];
  port.postMessage(batch);
};

port.on('message', (messages: readonly ToThread[]) => {
  for (const message of messages) {
    if (message.type === 'abort') {
      aborts.get(message.id)?.abort();
      continue;
    }
    const controller = new AbortController();
    aborts.set(message.id, controller);
    const request: SendRequest = { ...message.request, signal: controller.signal };
    void sender.send(request).then((outcome) => {
      aborts.delete(message.id);
      if (outbox.length === 0) setImmediate(flush);
      outbox.push({ id: message.id, outcome });
    });
  }
});
