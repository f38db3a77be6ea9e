import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ListenerHub } from '../../src/listen/listener-hub.js';
import type { ListenerSink } from '../../src/listen/listener-hub.js';
import { createSessionCheck } from '../../src/listen/session-check.js';
import type { SessionEndReason } from '../../src/listen/session-check.js';
import { createApiKey, createProgram, revokeApiKey } from '../../src/programs/index.js';
import { insertWebhook } from '../../src/webhooks/webhook-store.js';
import { engines, openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

/** A session's end of the stream, as the route writes it: what was sent, and how it ended. */
function recordingSink() {
  const sent: { event: string; data: unknown }[] = [];
  const ends: (SessionEndReason | undefined)[] = [];
  const sink: ListenerSink = {
    send: (event, data) => sent.push({ event, data }),
    close: (reason) => ends.push(reason),
  };
  return { sink, sent, ends };
}

// The hub's own guarantees on a real database, with the periodic re-check set far away so that
// only the check before each relay can be at work.
describe.each(engines)('listener sessions re-checked against the database on %s', (engine) => {
  let store: TestStore;
  let hub: ListenerHub;
  let programId: string;

  beforeEach(async () => {
    store = await openTestStore(engine);
    hub = new ListenerHub({
      deliveryTimeoutMs: 5_000,
      check: createSessionCheck(store.db),
      recheckIntervalMs: 3_600_000,
    });
    programId = (await createProgram(store.db, { name: 'p' })).id;
  });
  afterEach(async () => {
    hub?.close();
    await store?.close();
  });

  async function listener(): Promise<string> {
    const row = await insertWebhook(store.db, {
      programId,
      name: 'listen',
      url: 'listener:pending',
      events: ['*'],
      isActive: true,
      kind: 'listener',
      now: Date.now(),
    });
    return row.id;
  }

  const attempt = (listenerId: string) => ({
    id: 'dlv_test',
    eventId: 'evt_test',
    url: ListenerHub.urlOf(listenerId),
    body: JSON.stringify({ event: 'customer.created' }),
    headers: {},
  });

  it('refuses to relay to a session whose key was revoked, and ends it', async () => {
    const id = await listener();
    const key = await createApiKey(store.db, programId, { name: 'k' });
    const other = await createApiKey(store.db, programId, { name: 'other' });
    const revokedSession = recordingSink();
    const keptSession = recordingSink();
    // The revoked key's session is the newest: it would get the relay.
    hub.connect(id, keptSession.sink, other.id);
    hub.connect(id, revokedSession.sink, key.id);

    // Before revocation it gets it.
    const first = hub.deliver(attempt(id), new AbortController().signal);
    await expect.poll(() => revokedSession.sent.length).toBe(1);
    const token = (revokedSession.sent[0]?.data as { attempt: string } | undefined)?.attempt ?? '';
    expect(hub.report(id, token, { status: 200, headers: {}, body: '' })).toBe(true);
    expect((await first).statusCode).toBe(200);

    // The listener is not the key's (no api_key_id), so only the key check can stop the relay.
    await revokeApiKey(store.db, programId, key.id);
    await expect(hub.deliver(attempt(id), new AbortController().signal)).rejects.toThrow(
      /API key of this session was revoked/,
    );
    expect(revokedSession.sent).toHaveLength(1);
    expect(revokedSession.ends).toEqual(['api_key_revoked']);
    // The other key's session is untouched (the route detaches on close; here we do it).
    expect(keptSession.ends).toEqual([]);
  });

  it('ends sessions of a stopped listener and of a revoked key in one re-check', async () => {
    const stopped = await listener();
    const live = await listener();
    const key = await createApiKey(store.db, programId, { name: 'k' });
    const good = await createApiKey(store.db, programId, { name: 'good' });
    const a = recordingSink();
    const b = recordingSink();
    const c = recordingSink();
    hub.connect(stopped, a.sink, good.id);
    hub.connect(live, b.sink, key.id);
    hub.connect(live, c.sink, good.id);
    // A dashboard session opened through a sign-in link has no key row: only its listener counts.
    const link = recordingSink();
    hub.connect(live, link.sink, 'sign-in-link');

    expect(await hub.recheck()).toBe(0);
    await store.db
      .updateTable('webhooks')
      .set({ is_active: 0 })
      .where('id', '=', stopped)
      .execute();
    await revokeApiKey(store.db, programId, key.id);
    expect(await hub.recheck()).toBe(2);
    expect(a.ends).toEqual(['listener_stopped']);
    expect(b.ends).toEqual(['api_key_revoked']);
    expect(c.ends).toEqual([]);
    expect(link.ends).toEqual([]);
  });

  it('fails an attempt in flight at once when its session ends for a revoked key', async () => {
    const id = await listener();
    const key = await createApiKey(store.db, programId, { name: 'k' });
    const session = recordingSink();
    hub.connect(id, session.sink, key.id);
    const inFlight = hub.deliver(attempt(id), new AbortController().signal);
    await expect.poll(() => session.sent.length).toBe(1);
    await revokeApiKey(store.db, programId, key.id);
    expect(await hub.recheck()).toBe(1);
    await expect(inFlight).rejects.toThrow(/listener session ended: The API key/);
  });
});
