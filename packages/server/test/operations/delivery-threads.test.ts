import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import type { AttemptOutcome } from '../../src/deliveries/index.js';
import { createSender } from '../../src/dispatch/sender.js';
import { createThreadSender } from '../../src/dispatch/sender-thread.js';
import { createLogger } from '../../src/observability/logger.js';
import { DEFAULT_THREAD, startService } from '../../src/service.js';
import type { WorkerService } from '../../src/service.js';

// `hookline serve` sends its HTTP attempts from a second thread by default (DEFAULT_THREAD,
// chosen by measurement: docs/operations.md). A thread that dies must not leave the process up
// and silently delivering nothing: its attempts end as aborted (released, not logged) and the
// failure is reported, which stops the process non-zero.
describe('delivery threads', () => {
  it('serve and startService default to the sender thread', () => {
    expect(DEFAULT_THREAD).toBe('sender');
  });

  it('a sender thread that dies ends its attempts as aborted and reports the failure once', async () => {
    const local = createSender({ timeoutMs: 1_000, allowPrivateNetworks: true });
    const failures: Error[] = [];
    // An address c-ares refuses makes the thread's sender throw as the thread starts.
    const sender = createThreadSender(
      {
        timeoutMs: 1_000,
        allowPrivateNetworks: true,
        connectionsPerWebhook: 1,
        dnsServers: ['not a dns server'],
      },
      local,
      (error) => failures.push(error),
    );
    const request = {
      deliveryId: 'dlv_1',
      eventId: 'evt_1',
      webhookKind: 'endpoint',
      url: 'http://127.0.0.1:9/hook',
      body: '{}',
      secrets: ['whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw'],
    };
    const first: AttemptOutcome = await sender.send(request);
    expect(first.aborted).toBe(true);
    expect(first.succeeded).toBe(false);
    // Later attempts do not wait for a thread that is gone.
    const later = await sender.send({ ...request, deliveryId: 'dlv_2' });
    expect(later.aborted).toBe(true);
    expect(failures).toHaveLength(1);
    expect(failures[0]).toBeInstanceOf(Error);
    await sender.close();
  });

  it('a sender thread closed on purpose is not a failure', async () => {
    const local = createSender({ timeoutMs: 1_000, allowPrivateNetworks: true });
    const failures: Error[] = [];
    const sender = createThreadSender(
      { timeoutMs: 1_000, allowPrivateNetworks: true, connectionsPerWebhook: 1, dnsServers: [] },
      local,
      (error) => failures.push(error),
    );
    await sender.close();
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(failures).toEqual([]);
  });

  describe('a worker process (api: false)', () => {
    let dir: string;
    let service: WorkerService;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hookline-worker-'));
      const config = loadConfig({
        DATABASE_URL: `sqlite:${join(dir, 'hookline.db')}`,
        HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
        LOG_LEVEL: 'silent',
      });
      service = await startService(config, createLogger('silent'), {
        api: false,
        worker: true,
        thread: 'none',
      });
    });
    afterAll(async () => {
      await service?.stop();
      rmSync(dir, { recursive: true, force: true });
    });

    it('builds no app (its heap holds only what delivery needs) and still dispatches', () => {
      expect(service.app).toBeUndefined();
      expect(service.url).toBe('');
      expect(service.dispatcher?.workerId).toMatch(/^w_/);
    });
  });
});
