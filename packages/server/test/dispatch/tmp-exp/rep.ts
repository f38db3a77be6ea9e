import { insertBacklog } from '../bulk.js';
import { createHarness } from '../harness.js';
import { startReceiver } from '../receiver.js';
const h = await createHarness('postgres', { HOOKLINE_DELIVERY_TIMEOUT: '5s', HOOKLINE_POLL_INTERVAL: '100ms' });
let requests = 0;
const r = await startReceiver(() => { requests++; return { delayMs: 150 }; });
const w = await h.webhook(r.url);
await insertBacklog(h.store.db, w, 600);
h.services.events.on('dispatcher:error', (e) => console.log('ERR', String((e as {error: unknown}).error)));
let claims = 0;
h.services.events.on('dispatcher:claimed', (e) => { claims++; });
const d = h.dispatcher();
d.start();
for (let i = 0; i < 6; i++) { await new Promise((res) => setTimeout(res, 1000)); console.log('t', i, 'requests', requests, 'claims', claims, 'inFlight', d.inFlight); }
await h.close(); await r.close(); process.exit(0);
