/**
 * The entry of a sender thread: a real sender (signing, HTTP destination, SSRF guard,
 * deadlines) working for a dispatcher on another thread (sender-thread.ts). Messages:
 * `send` (a request without its signal) and `abort` in; `outcome` out.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { createSender } from './sender.js';
import type { SendRequest } from './sender.js';
import type { SenderThreadData } from './sender-thread.js';

const port = parentPort;
if (!port) throw new Error('sender-thread-entry runs in a worker thread');
const data = workerData as SenderThreadData;
const sender = createSender({
  timeoutMs: data.timeoutMs,
  allowPrivateNetworks: data.allowPrivateNetworks,
  connectionsPerWebhook: data.connectionsPerWebhook,
  ...(data.dnsServers.length > 0 ? { dnsServers: data.dnsServers } : {}),
});
const aborts = new Map<number, AbortController>();

port.on(
  'message',
  (message: { type: 'send'; id: number; request: SendRequest } | { type: 'abort'; id: number }) => {
    if (message.type === 'abort') {
      aborts.get(message.id)?.abort();
      return;
    }
    const controller = new AbortController();
    aborts.set(message.id, controller);
    void sender.send({ ...message.request, signal: controller.signal }).then((outcome) => {
      aborts.delete(message.id);
      port.postMessage({ id: message.id, outcome });
    });
  },
);
