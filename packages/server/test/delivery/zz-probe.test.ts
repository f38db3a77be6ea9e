import { it } from 'vitest';
import { createHarness } from '/work/main/packages/server/test/delivery/harness.js';
import { eventually, startReceiver } from '/work/main/packages/server/test/delivery/receiver.js';
it.each(['sqlite','postgres'] as const)('probe %s', async (engine) => {
  const h = await createHarness(engine);
  const r = await startReceiver();
  await h.webhook(r.url);
  let t = Date.now();
  await h.publish(5000);
  console.log(engine, 'publish ms', Date.now() - t);
  const d = h.dispatcher();
  let claims = 0; h.services.events.on('dispatcher:claimed', () => claims++);
  t = Date.now();
  d.start();
  await eventually(() => r.received.length >= 5000, 60_000);
  console.log(engine, 'drain ms', Date.now() - t, 'claims', claims);
  await h.close(); await r.close();
}, 120_000);
