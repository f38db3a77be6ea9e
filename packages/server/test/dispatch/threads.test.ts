import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { startService } from '../../src/service.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import type { RunningService } from '../../src/service.js';
import { eventually, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

const API_KEY = 'thread_test_key_0123456789';

// `hookline serve` on SQLite uses a second thread: `sender` sends the HTTP attempts from it
// (claims and results stay on the API thread); `dispatcher` runs the whole dispatcher there,
// with a second connection to the same file, its events re-emitted in the API thread and its
// listener attempts relayed back.
describe.each(['sender', 'dispatcher'] as const)(
  'delivery on a second thread: %s (SQLite)',
  (thread) => {
    let dir: string;
    let service: RunningService;
    let receiver: Receiver;
    beforeAll(async () => {
      dir = mkdtempSync(join(tmpdir(), 'hookline-thread-'));
      receiver = await startReceiver();
      const config = loadConfig({
        DATABASE_URL: `sqlite:${join(dir, 'hookline.db')}`,
        PORT: '0',
        HOST: '127.0.0.1',
        HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
        HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
        HOOKLINE_POLL_INTERVAL: '60s',
        LOG_LEVEL: 'silent',
      });
      service = await startService(config, silentLogger(), {
        dashboard: false,
        thread,
      });
    });
    afterAll(async () => {
      await service?.stop();
      await receiver?.close();
      rmSync(dir, { recursive: true, force: true });
    });

    const call = (method: 'GET' | 'POST', url: string, payload?: object) =>
      service.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${API_KEY}` },
        ...(payload ? { payload } : {}),
      });

    it('delivers published events at once (woken, not polled), each exactly once, and reports them', async () => {
      const succeeded: string[] = [];
      service.delivery.events.on('delivery:succeeded', (e) => succeeded.push(e.deliveryId));
      const created = await call('POST', '/v1/webhooks', {
        name: 'thread',
        url: receiver.url,
        events: ['partner.created'],
      });
      expect(created.statusCode).toBe(201);
      const types = await call('GET', '/v1/event-types/partner.created');
      const sample = types.json().data.sample as Record<string, unknown>;
      const published = await Promise.all(
        Array.from({ length: 20 }, () =>
          call('POST', '/v1/events', { event: 'partner.created', data: sample }),
        ),
      );
      expect(published.map((r) => r.statusCode)).toEqual(Array(20).fill(201));
      // The poll interval is 60 s: arriving before it means the commit woke the thread.
      await eventually(() => receiver.received.length === 20, 30_000);
      await eventually(() => succeeded.length === 20, 30_000);
      expect(new Set(receiver.received.map((r) => r.headers['webhook-id'])).size).toBe(20);
      const metrics = await service.app.inject({ method: 'GET', url: '/metrics' });
      expect(metrics.body).toContain(
        'hookline_delivery_attempts_total{trigger="scheduled",outcome="success"} 20',
      );
    });

    it('relays attempts to listener webhooks back to the listen sessions of the API thread', async () => {
      const seen: string[] = [];
      service.delivery.setListenerTransport({
        async deliver(attempt) {
          seen.push(attempt.eventId);
          return { statusCode: 202, headers: {}, body: 'relayed' };
        },
      });
      const program = await service.store.db
        .selectFrom('programs')
        .select('id')
        .executeTakeFirstOrThrow();
      await insertWebhook(service.store.db, {
        programId: program.id,
        name: 'listener',
        url: 'listener:whk_thread',
        events: ['partner.updated'],
        isActive: true,
        kind: 'listener',
        now: Date.now(),
      });
      const types = await call('GET', '/v1/event-types/partner.updated');
      const res = await call('POST', '/v1/events', {
        event: 'partner.updated',
        data: types.json().data.sample,
      });
      expect(res.statusCode).toBe(201);
      const eventId = res.json().data.id as string;
      await eventually(() => seen.includes(eventId), 30_000);
      await eventually(async () => {
        const d = await call('GET', `/v1/deliveries/${res.json().data.deliveries[0].id}`);
        return d.json().data.status === 'succeeded';
      }, 30_000);
    });

    it('stops the thread, with nothing left leased', async () => {
      const result = await service.dispatcher?.stop();
      expect(result).toEqual({ released: 0 });
    });
  },
);

function silentLogger() {
  const noop = () => {};
  const logger = {
    info: noop,
    warn: noop,
    error: noop,
    fatal: noop,
    debug: noop,
    trace: noop,
    child: () => logger,
  };
  return logger as unknown as Parameters<typeof startService>[1];
}
