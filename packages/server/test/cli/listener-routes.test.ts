import { createHmac } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { request } from 'undici';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readServerSentEvents } from '../../src/cli/sse-reader.js';
import type { ServerSentEvent } from '../../src/cli/sse-reader.js';
import type { ListenerDeliveryEvent } from '../../src/listen/listener-hub.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

interface Listener {
  id: string;
  key: string;
  url: string;
  signature: string;
  is_active: boolean;
  connected: boolean;
}

describe.each(engines)('listener API (hookline listen, server side) on %s', (engine) => {
  let ctx: TestContext;
  let base: string;

  beforeEach(async () => {
    ctx = await createTestContext(engine);
    await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    base = `http://127.0.0.1:${(ctx.app.server.address() as AddressInfo).port}`;
  });
  afterEach(async () => {
    await ctx.close();
  });

  async function register(device = 'dev-1', events?: string[]): Promise<Listener> {
    const res = await ctx.request('POST', '/v1/listeners', {
      device,
      ...(events ? { events } : {}),
    });
    expect([200, 201]).toContain(res.statusCode);
    return res.json().data as Listener;
  }

  /** Opens the session's stream; returns an iterator over its events. */
  async function connect(id: string, signal: AbortSignal) {
    const res = await request(`${base}/v1/listeners/${id}/stream`, {
      headers: { authorization: `Bearer ${ctx.apiKey}` },
      signal,
    });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/event-stream/);
    return readServerSentEvents(res.body)[Symbol.asyncIterator]();
  }

  async function next(events: AsyncIterator<ServerSentEvent>): Promise<ServerSentEvent> {
    const result = await events.next();
    if (result.done) throw new Error('stream ended');
    return result.value;
  }

  it('registers one listener per device, keeping its secret across registrations', async () => {
    const first = await register('laptop', ['partner.created']);
    expect(first.url).toBe(`listener:${first.id}`);
    expect(first.signature).toMatch(/^[A-Za-z0-9]{32}$/);
    const again = await register('laptop', ['*']);
    expect(again.id).toBe(first.id);
    expect(again.signature).toBe(first.signature);
    const other = await register('desktop');
    expect(other.id).not.toBe(first.id);

    const bad = await ctx.request('POST', '/v1/listeners', {
      device: 'x',
      events: ['nope.created'],
    });
    expect(bad.statusCode).toBe(422);
    expect(bad.json().errors['events.0']).toBeDefined();

    // Another program sees none of them.
    const stranger = await ctx.otherProgram();
    const foreign = await ctx.request('DELETE', `/v1/listeners/${first.id}`, undefined, {
      authorization: `Bearer ${stranger.apiKey}`,
    });
    expect(foreign.statusCode).toBe(404);
  });

  it('fails the attempt with a connection error when no session is connected', async () => {
    const listener = await register();
    const res = await ctx.request('POST', `/v1/webhooks/${listener.key}/test`, {
      event: 'partner.created',
    });
    expect(res.statusCode).toBe(200);
    const { attempt } = res.json().data;
    expect(attempt.succeeded).toBe(false);
    expect(attempt.error_class).toBe('connection');
    expect(attempt.error_message).toMatch(/listener not connected/);
  });

  it('pushes signed attempts down the stream and logs the reported answer', async () => {
    const listener = await register();
    const stop = new AbortController();
    try {
      const events = await connect(listener.id, stop.signal);
      const ready = await next(events);
      expect(ready.event).toBe('ready');
      const listed = await ctx.request('GET', '/v1/listeners');
      expect(listed.json().data[0].connected).toBe(true);

      // Answer with a status: it becomes the attempt's result.
      const sending = ctx.request('POST', `/v1/webhooks/${listener.key}/test`, {
        event: 'partner.created',
      });
      const pushed = await next(events);
      expect(pushed.event).toBe('delivery');
      const delivery = JSON.parse(pushed.data) as ListenerDeliveryEvent;
      expect(delivery.event).toBe('partner.created');
      expect(delivery.timeout_ms).toBeGreaterThan(0);
      // Signed with the listener's own secret, both schemes.
      const headers = delivery.headers;
      expect(headers.Signature).toBe(
        createHmac('sha256', listener.signature).update(delivery.body).digest('hex'),
      );
      expect(() =>
        new Webhook(listener.signature).verify(delivery.body, {
          'webhook-id': headers['webhook-id'] as string,
          'webhook-timestamp': headers['webhook-timestamp'] as string,
          'webhook-signature': headers['webhook-signature'] as string,
        }),
      ).not.toThrow();

      const report = await ctx.request('POST', `/v1/listeners/${listener.id}/responses`, {
        attempt: delivery.attempt,
        status: 201,
        headers: { 'x-local': 'yes' },
        body: 'created locally',
      });
      expect(report.statusCode).toBe(200);
      const { attempt } = (await sending).json().data;
      expect(attempt.succeeded).toBe(true);
      expect(attempt.response_status).toBe(201);
      expect(attempt.response_body).toBe('created locally');
      expect(attempt.response_headers).toEqual({ 'x-local': 'yes' });

      // A report for an attempt that is no longer waiting is refused.
      const late = await ctx.request('POST', `/v1/listeners/${listener.id}/responses`, {
        attempt: delivery.attempt,
        status: 200,
      });
      expect(late.statusCode).toBe(409);

      // Report a local failure: the attempt fails with that class.
      const failing = ctx.request('POST', `/v1/webhooks/${listener.key}/test`, {
        event: 'customer.created',
      });
      const second = JSON.parse((await next(events)).data) as ListenerDeliveryEvent;
      await ctx.request('POST', `/v1/listeners/${listener.id}/responses`, {
        attempt: second.attempt,
        error: { class: 'connection', message: 'connection refused' },
      });
      const failed = (await failing).json().data.attempt;
      expect(failed.succeeded).toBe(false);
      expect(failed.error_class).toBe('connection');
      expect(failed.error_message).toMatch(/connection refused/);

      // Stopping deactivates the listener and ends the stream.
      const del = await ctx.request('DELETE', `/v1/listeners/${listener.id}`);
      expect(del.statusCode).toBe(200);
      const closed = await next(events);
      expect(closed.event).toBe('closed');
      expect(JSON.parse(closed.data)).toMatchObject({ reason: 'listener_stopped' });
      expect((await events.next()).done).toBe(true);
      const after = (await ctx.request('GET', '/v1/listeners')).json().data[0] as Listener;
      expect(after.is_active).toBe(false);
      expect(after.connected).toBe(false);
      const refused = await request(`${base}/v1/listeners/${listener.id}/stream`, {
        headers: { authorization: `Bearer ${ctx.apiKey}` },
      });
      expect(refused.statusCode).toBe(409);
      await refused.body.text();
    } finally {
      stop.abort();
    }
  });

  it('closes open streams when the app closes', async () => {
    const listener = await register();
    const events = await connect(listener.id, new AbortController().signal);
    expect((await next(events)).event).toBe('ready');
    await ctx.app.close();
    expect((await events.next()).done).toBe(true);
  });
});
