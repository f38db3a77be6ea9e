import type { Server } from 'node:http';
import { serve } from '@hono/node-server';
import { type Context, Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hooklineHono } from '../src/frameworks/hono.js';
import { createDeduplicator, type HooklineEvent, signPayload } from '../src/index.js';
import { close, OTHER_SECRET, post, rewardPaid, SECRET, serverBody } from './helpers.js';

describe('Hono 4 on @hono/node-server, end to end on loopback', () => {
  const received: HooklineEvent[] = [];
  const app = new Hono();
  app.post(
    '/webhooks/hookline',
    hooklineHono(
      SECRET,
      (event) => {
        received.push(event);
      },
      { deduplicator: createDeduplicator() },
    ),
  );
  app.post(
    '/hooks/reply',
    hooklineHono(SECRET, (event, c: Context) => c.json({ handled: event.id }, 202)),
  );
  app.post(
    '/hooks/throws',
    hooklineHono(SECRET, () => {
      throw new Error('boom');
    }),
  );
  app.onError((_error, c) => c.json({ error: 'handler failed' }, 500));

  let server: Server;
  let base: string;

  beforeAll(async () => {
    await new Promise<void>((resolve) => {
      server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info) => {
        base = `http://127.0.0.1:${info.port}`;
        resolve();
      }) as Server;
    });
  });

  afterAll(() => close(server));

  const body = serverBody(rewardPaid);

  it('verifies a signed request and answers 200, then skips its duplicate', async () => {
    const headers = signPayload(body, SECRET, { id: rewardPaid.id });
    expect(await post(`${base}/webhooks/hookline`, body, headers)).toEqual({
      status: 200,
      body: { received: true },
    });
    expect(await post(`${base}/webhooks/hookline`, body, headers)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    });
    expect(received).toEqual([rewardPaid]);
  });

  it('lets the handler answer with c.json()', async () => {
    const response = await post(
      `${base}/hooks/reply`,
      body,
      signPayload(body, [OTHER_SECRET, SECRET]),
    );
    expect(response).toEqual({ status: 202, body: { handled: rewardPaid.id } });
  });

  it('answers 400 with the reason for a bad signature', async () => {
    const response = await post(`${base}/webhooks/hookline`, body, signPayload(body, OTHER_SECRET));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_signature' });
  });

  it('leaves handler errors to Hono (500, so Hookline retries)', async () => {
    const response = await post(`${base}/hooks/throws`, body, signPayload(body, SECRET));
    expect(response).toEqual({ status: 500, body: { error: 'handler failed' } });
  });

  it('verifies the exact bytes of a unicode body', async () => {
    const unicode = serverBody({
      ...rewardPaid,
      id: 'evt_uni',
      data: { ...rewardPaid.data, action: 'Zoë 🦊 中文' },
    } as HooklineEvent);
    const response = await post(
      `${base}/hooks/reply`,
      Buffer.from(unicode),
      signPayload(unicode, SECRET),
    );
    expect(response).toEqual({ status: 202, body: { handled: 'evt_uni' } });
  });
});
