import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { createDeliveryServices } from '../../src/dispatch/delivery-services.js';
import { createDispatcher } from '../../src/dispatch/dispatcher.js';
import { openStore } from '../../src/storage/index.js';
import { engines } from '../helpers/store.js';
import { insertBacklog } from './bulk.js';
import { createHarness } from './harness.js';
import type { Harness } from './harness.js';
import { eventually } from './receiver.js';

const CAP = 4;
const WORKERS = 3;

describe.skipIf(!engines.includes('postgres'))('the per-webhook cap across workers', () => {
  let h: Harness;
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
    await h?.close();
  });

  it(`${WORKERS} workers together never have more than the cap in flight to one webhook`, async () => {
    h = await createHarness('postgres', {
      HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK: String(CAP),
      HOOKLINE_DELIVERY_TIMEOUT: '10s',
      HOOKLINE_POLL_INTERVAL: '20ms',
    });
    // A receiver that counts the requests it is answering at the same time.
    let open = 0;
    let maxOpen = 0;
    let served = 0;
    const server = http.createServer({ keepAlive: true }, (req, res) => {
      open++;
      maxOpen = Math.max(maxOpen, open);
      let closed = false;
      const done = () => {
        if (closed) return;
        closed = true;
        open--;
      };
      res.on('close', done);
      req.resume();
      req.on('end', () => {
        // Held a little so that every worker has leases out at the same time.
        setTimeout(() => {
          served++;
          // Counted down before the answer leaves: the sender may claim again on receipt.
          done();
          res.end('ok');
        }, 15);
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    cleanups.push(async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    });
    const port = (server.address() as AddressInfo).port;
    const webhook = await h.webhook(`http://127.0.0.1:${port}/hook`);
    const events = await insertBacklog(h.store.db, webhook, 300);

    // Separate "processes": each worker its own pool, sender and dispatcher on the schema.
    for (let i = 0; i < WORKERS; i++) {
      const store = await openStore(h.store.target, {
        schema: h.store.postgres!.schema,
        poolSize: 3,
      });
      const services = createDeliveryServices({ config: h.config });
      const dispatcher = createDispatcher({
        store,
        config: h.config,
        sender: services.sender,
        events: services.events,
        claimBatch: 20,
      });
      cleanups.push(async () => {
        await dispatcher.stop();
        await services.close();
        await store.close();
      });
      dispatcher.start();
    }
    await eventually(async () => (await h.succeededCount()) === events.length, 60_000);
    expect(served).toBeGreaterThanOrEqual(events.length);
    // Each worker alone allows CAP; without the shared count 3 workers reached 3 × CAP.
    expect(maxOpen).toBeLessThanOrEqual(CAP);
    expect(maxOpen).toBeGreaterThan(1);
  }, 90_000);
});
