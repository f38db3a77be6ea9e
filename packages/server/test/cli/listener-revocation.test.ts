import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readServerSentEvents } from '../../src/cli/sse-reader.js';
import type { ServerSentEvent } from '../../src/cli/sse-reader.js';
import { loadConfig } from '../../src/config/config.js';
import type { ListenerDeliveryEvent } from '../../src/listen/listener-hub.js';
import { createLogger } from '../../src/observability/logger.js';
import { startService } from '../../src/service.js';
import type { RunningService } from '../../src/service.js';
import { engines, openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';
import { cleanEnv, startCli } from './run-cli.js';

// Revocation ends every listener session of a key, across processes: two services share one
// database (each with its own connections and its own in-memory listener sessions); A holds
// the stream and runs the dispatcher, B only serves the API and revokes.

const ADMIN_KEY = 'revocation_test_admin_key_0123456789';

interface Listener {
  id: string;
  key: string;
  is_active: boolean;
  disabled_reason: string | null;
  connected: boolean;
}

interface DeliverySummary {
  event_id: string;
  status: string;
  attempts: number;
  cancel_reason: string | null;
}

/** Polls `probe` until it returns a value (bounded; the bound is generous, not a timing claim). */
async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  what: string,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`timed out waiting for ${what}`);
}

/** An open event stream, read in the background so that its end is seen as it happens. */
function readStream(body: AsyncIterable<Buffer>) {
  const events: { at: number; event: ServerSentEvent }[] = [];
  let endedAt: number | undefined;
  const done = (async () => {
    for await (const event of readServerSentEvents(body)) events.push({ at: Date.now(), event });
    endedAt = Date.now();
  })();
  return {
    events,
    done,
    endedAt: () => endedAt,
    /** The next event of a kind after `from` events, polled. */
    async next(kind: string, from = 0): Promise<ServerSentEvent> {
      return waitFor(
        () => events.slice(from).find((e) => e.event.event === kind)?.event,
        `a "${kind}" event`,
      );
    },
  };
}

describe.each(engines)('revoking an API key ends its listener sessions on %s', (engine) => {
  let store: TestStore;
  let a: RunningService;
  let b: RunningService;

  beforeEach(async () => {
    store = await openTestStore(engine);
    const config = (extra: Record<string, string> = {}) =>
      loadConfig({
        DATABASE_URL: store.databaseUrl,
        PORT: '0',
        HOST: '127.0.0.1',
        HOOKLINE_BOOTSTRAP_API_KEY: ADMIN_KEY,
        HOOKLINE_RATE_LIMIT: 'off',
        HOOKLINE_AUTH_FAILURE_LIMIT: 'off',
        HOOKLINE_POLL_INTERVAL: '100ms',
        // A failed first attempt stays queued (pending) for an hour: what revocation must cancel.
        HOOKLINE_RETRY_SCHEDULE: '0s,1h',
        ...extra,
      });
    a = await startService(config(), createLogger('silent'));
    b = await startService(config(), createLogger('silent'), { worker: false, dashboard: false });
  });
  afterEach(async () => {
    await a?.stop();
    await b?.stop();
    await store?.close();
  });

  async function call(
    service: RunningService,
    method: 'GET' | 'POST' | 'DELETE',
    path: string,
    options: { key?: string; body?: unknown; cookie?: string } = {},
  ) {
    const headers: Record<string, string> = {};
    if (options.cookie) headers.cookie = options.cookie;
    else headers.authorization = `Bearer ${options.key ?? ADMIN_KEY}`;
    if (options.body !== undefined) headers['content-type'] = 'application/json';
    const res = await request(`${service.url}${path}`, {
      method,
      headers,
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    });
    const text = await res.body.text();
    return { status: res.statusCode, headers: res.headers, json: JSON.parse(text || 'null') };
  }

  async function publish(service: RunningService): Promise<string> {
    const sample = (await call(service, 'GET', '/v1/event-types/customer.created')).json.data
      .sample;
    const res = await call(service, 'POST', '/v1/events', {
      body: { event: 'customer.created', data: sample },
    });
    expect(res.status, JSON.stringify(res.json)).toBe(201);
    return (res.json.data.id ?? res.json.data.event_id) as string;
  }

  async function deliveriesOf(listener: Listener): Promise<DeliverySummary[]> {
    const res = await call(a, 'GET', `/v1/deliveries?webhook=${listener.key}&limit=100`);
    expect(res.status).toBe(200);
    return res.json.data as DeliverySummary[];
  }

  async function openStream(service: RunningService, listener: Listener, key: string) {
    const res = await request(`${service.url}/v1/listeners/${listener.id}/stream`, {
      headers: { authorization: `Bearer ${key}`, accept: 'text/event-stream' },
    });
    expect(res.statusCode).toBe(200);
    const stream = readStream(res.body);
    await stream.next('ready');
    return stream;
  }

  it('closes the stream opened through A when B revokes the key, and cancels its queued relays', async () => {
    const created = await call(a, 'POST', '/v1/api-keys', { body: { name: 'laptop' } });
    expect(created.status).toBe(201);
    const key = created.json.data as { id: string; key: string };

    // The key's listener, and another one of the admin key that must keep working.
    const mine = (
      await call(a, 'POST', '/v1/listeners', { key: key.key, body: { device: 'laptop' } })
    ).json.data as Listener;
    const other = (await call(a, 'POST', '/v1/listeners', { body: { device: 'desktop' } })).json
      .data as Listener;

    // A delivery queued for the key's listener: its first attempt fails (no session yet) and
    // the next one is an hour away.
    const queuedEvent = await publish(a);
    await waitFor(async () => {
      const d = (await deliveriesOf(mine)).find((x) => x.event_id === queuedEvent);
      return d && d.attempts >= 1 && d.status === 'pending' ? d : undefined;
    }, 'the queued delivery to fail its first attempt');

    const stream = await openStream(a, mine, key.key);
    const otherStream = await openStream(a, other, ADMIN_KEY);

    // Before revocation, the key's session gets relays.
    const beforeEvent = await publish(a);
    const relayed = JSON.parse((await stream.next('delivery')).data) as ListenerDeliveryEvent;
    expect(relayed.event_id).toBe(beforeEvent);
    const report = await call(a, 'POST', `/v1/listeners/${mine.id}/responses`, {
      key: key.key,
      body: { attempt: relayed.attempt, status: 200 },
    });
    expect(report.status).toBe(200);
    // Drain the other listener's copy of that event too.
    const otherFirst = JSON.parse(
      (await otherStream.next('delivery')).data,
    ) as ListenerDeliveryEvent;
    await call(a, 'POST', `/v1/listeners/${other.id}/responses`, {
      body: { attempt: otherFirst.attempt, status: 200 },
    });

    // A dashboard session opened through A with the key.
    const signIn = await request(`${a.url}/auth/session`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ api_key: key.key }),
    });
    expect(signIn.statusCode).toBe(200);
    await signIn.body.text();
    const setCookie = signIn.headers['set-cookie'];
    const cookie = (Array.isArray(setCookie) ? setCookie : [String(setCookie)])
      .find((c) => c.startsWith('hookline_session='))
      ?.split(';')[0];
    expect(cookie).toBeDefined();
    expect((await call(a, 'GET', '/v1/webhooks', { cookie })).status).toBe(200);

    const eventsBefore = stream.events.length;
    const otherBefore = otherStream.events.length;
    const revokedAt = Date.now();
    const revoked = await call(b, 'DELETE', `/v1/api-keys/${key.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.json.data.is_active).toBe(false);
    // Published right after the revocation, through B.
    const afterEvent = await publish(b);

    // The stream through A sees a last `closed` event, then its end.
    await waitFor(() => stream.endedAt(), 'the revoked stream to end');
    const closedMs = (stream.endedAt() as number) - revokedAt;
    console.log(`[${engine}] revoke (through B) -> stream end (through A): ${closedMs} ms`);
    const after = stream.events.slice(eventsBefore).map((e) => e.event);
    expect(after.map((e) => e.event)).toEqual(['closed']);
    expect(JSON.parse(after[0]?.data ?? '{}')).toMatchObject({ reason: 'api_key_revoked' });

    // The admin's listener is untouched: the event published after revocation reaches it...
    const otherAfter = JSON.parse(
      (await otherStream.next('delivery', otherBefore)).data,
    ) as ListenerDeliveryEvent;
    expect(otherAfter.event_id).toBe(afterEvent);
    expect(otherStream.endedAt()).toBeUndefined();

    // ...and never the key's: its listener is stopped, its queued delivery cancelled.
    const deliveries = await deliveriesOf(mine);
    expect(deliveries.find((d) => d.event_id === afterEvent)).toBeUndefined();
    expect(deliveries.find((d) => d.event_id === queuedEvent)).toMatchObject({
      status: 'cancelled',
      cancel_reason: 'API key revoked',
    });
    expect(deliveries.find((d) => d.event_id === beforeEvent)).toMatchObject({
      status: 'succeeded',
    });
    const listeners = (await call(a, 'GET', '/v1/listeners')).json.data as Listener[];
    expect(listeners.find((l) => l.id === mine.id)).toMatchObject({
      is_active: false,
      disabled_reason: 'API key revoked',
      connected: false,
    });
    expect(listeners.find((l) => l.id === other.id)).toMatchObject({
      is_active: true,
      disabled_reason: null,
      connected: true,
    });

    // Nothing the key opened works through A: requests, the dashboard session, a new stream.
    expect((await call(a, 'GET', '/v1/webhooks', { key: key.key })).status).toBe(401);
    expect((await call(a, 'GET', '/v1/webhooks', { cookie })).status).toBe(401);
    const again = await request(`${a.url}/v1/listeners/${mine.id}/stream`, {
      headers: { authorization: `Bearer ${key.key}` },
    });
    expect(again.statusCode).toBe(401);
    await again.body.text();

    // Another key of the program may register the device again: a fresh start, nothing replayed.
    const back = await call(a, 'POST', '/v1/listeners', { body: { device: 'laptop' } });
    expect(back.json.data).toMatchObject({ id: mine.id, is_active: true, disabled_reason: null });
    expect((await deliveriesOf(mine)).find((d) => d.event_id === queuedEvent)?.status).toBe(
      'cancelled',
    );
  }, 60_000);

  it('makes a running `hookline listen` say the key was revoked and exit 1', async () => {
    const created = await call(a, 'POST', '/v1/api-keys', { body: { name: 'cli' } });
    const key = created.json.data as { id: string; key: string };
    const received: string[] = [];
    const receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c: Buffer) => {
        body += c.toString();
      });
      req.on('end', () => {
        received.push(body);
        res.writeHead(204).end();
      });
    });
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const forwardTo = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
    const listen = startCli(
      ['listen', '--forward-to', forwardTo, '--json', '--device', 'cli-box'],
      cleanEnv({ HOOKLINE_API_URL: a.url, HOOKLINE_API_KEY: key.key }),
    );
    const exited = new Promise<number | null>((resolve) => listen.child.on('close', resolve));
    try {
      const ready = JSON.parse(await listen.waitForLine((l) => l.includes('"ready"'))) as {
        listener: string;
      };
      await waitFor(async () => {
        const listed = (await call(a, 'GET', '/v1/listeners')).json.data as Listener[];
        return listed.find((l) => l.id === ready.listener && l.connected);
      }, 'the CLI session to connect');
      const before = await publish(a);
      await listen.waitForLine((l) => l.includes(before));
      expect(received.some((body) => body.includes(before))).toBe(true);

      const revokedAt = Date.now();
      expect((await call(b, 'DELETE', `/v1/api-keys/${key.id}`)).status).toBe(200);
      const code = await Promise.race([
        exited,
        new Promise<'running'>((resolve) => setTimeout(() => resolve('running'), 30_000)),
      ]);
      console.log(
        `[${engine}] revoke (through B) -> hookline listen exited: ${Date.now() - revokedAt} ms`,
      );
      expect(code).toBe(1);
      expect(listen.stderr()).toMatch(/error: the API key was revoked/);
      expect(
        listen.lines.map((l) => JSON.parse(l) as { type: string; reason?: string }),
      ).toContainEqual({
        type: 'closed',
        reason: 'api_key_revoked',
      });

      const after = await publish(b);
      const listed = (await call(a, 'GET', '/v1/listeners')).json.data as Listener[];
      const mine = listed.find((l) => l.id === ready.listener) as Listener;
      expect(mine).toMatchObject({ is_active: false, disabled_reason: 'API key revoked' });
      expect((await deliveriesOf(mine)).find((d) => d.event_id === after)).toBeUndefined();
      expect(received.some((body) => body.includes(after))).toBe(false);
    } finally {
      await listen.interrupt();
      await new Promise<void>((resolve) => {
        receiver.closeAllConnections();
        receiver.close(() => resolve());
      });
    }
  }, 90_000);
});
