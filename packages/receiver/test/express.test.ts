import type { Server } from 'node:http';
import express from 'express';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type HooklineExpressRequest,
  hooklineExpress,
  hooklineMiddleware,
} from '../src/frameworks/express.js';
import { createDeduplicator, type HooklineEvent, signPayload } from '../src/index.js';
import { close, listen, OTHER_SECRET, post, rewardPaid, SECRET, serverBody } from './helpers.js';

describe('Express 5, end to end on loopback', () => {
  const received: HooklineEvent[] = [];
  let server: Server;
  let base: string;

  beforeAll(async () => {
    const app = express();
    // 1. Mounted before express.json(): the helper reads the raw stream itself.
    app.post(
      '/hooks/stream',
      hooklineExpress(SECRET, (event) => {
        received.push(event);
      }),
    );
    // 2. With express.raw() on the route, as the README recommends.
    app.post(
      '/hooks/raw',
      express.raw({ type: 'application/json', limit: '5mb' }),
      hooklineExpress(SECRET, (event, _req: express.Request, res: express.Response) => {
        res.status(202).json({ handled: event.id });
      }),
    );
    // 3. The middleware form, setting req.hooklineEvent.
    app.post('/hooks/middleware', hooklineMiddleware(SECRET), (req, res) => {
      const { hooklineEvent } = req as HooklineExpressRequest<typeof req>;
      res.json({ event: hooklineEvent.event });
    });
    // 4. With deduplication, and a handler that fails once.
    let failures = 1;
    app.post(
      '/hooks/dedup',
      hooklineExpress(
        SECRET,
        () => {
          if (failures-- > 0) throw new Error('transient');
        },
        { deduplicator: createDeduplicator() },
      ),
    );
    // 5. The classic mistake: express.json() ran first.
    app.use(express.json());
    app.post(
      '/hooks/parsed',
      hooklineExpress(SECRET, () => undefined),
    );
    app.use(
      (
        _error: unknown,
        _req: express.Request,
        res: express.Response,
        _next: express.NextFunction,
      ) => {
        res.status(500).json({ error: 'handler failed' });
      },
    );
    server = app.listen(0, '127.0.0.1');
    base = await listen(server);
  });

  afterAll(() => close(server));

  const body = serverBody(rewardPaid);

  it('verifies a signed request read from the stream and answers 200', async () => {
    const response = await post(
      `${base}/hooks/stream`,
      body,
      signPayload(body, SECRET, { id: rewardPaid.id }),
    );
    expect(response).toEqual({ status: 200, body: { received: true } });
    expect(received.at(-1)).toEqual(rewardPaid);
  });

  it('verifies a body left by express.raw(), and lets the handler answer', async () => {
    const response = await post(
      `${base}/hooks/raw`,
      body,
      signPayload(body, [OTHER_SECRET, SECRET]),
    );
    expect(response).toEqual({ status: 202, body: { handled: rewardPaid.id } });
  });

  it('sets req.hooklineEvent in the middleware form', async () => {
    const response = await post(`${base}/hooks/middleware`, body, signPayload(body, SECRET));
    expect(response).toEqual({ status: 200, body: { event: 'reward.paid' } });
  });

  it('answers 400 with the reason for a bad signature', async () => {
    const headers = signPayload(body, OTHER_SECRET);
    for (const path of ['stream', 'raw', 'middleware']) {
      const response = await post(`${base}/hooks/${path}`, body, headers);
      expect(response.status).toBe(400);
      expect(response.body).toMatchObject({ error: 'invalid_signature' });
    }
    const unsigned = await post(`${base}/hooks/stream`, body, {
      'content-type': 'application/json',
    });
    expect(unsigned.body).toMatchObject({ error: 'missing_signature' });
  });

  it('explains a body already parsed by express.json()', async () => {
    const response = await post(`${base}/hooks/parsed`, body, signPayload(body, SECRET));
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({
      error: 'invalid_body',
      message: expect.stringMatching(/express\.json/),
    });
  });

  it('answers 500 when the handler throws, then processes the retry, then skips duplicates', async () => {
    const headers = signPayload(body, SECRET, { id: rewardPaid.id });
    expect((await post(`${base}/hooks/dedup`, body, headers)).status).toBe(500);
    expect(await post(`${base}/hooks/dedup`, body, headers)).toEqual({
      status: 200,
      body: { received: true },
    });
    expect(await post(`${base}/hooks/dedup`, body, headers)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    });
  });

  it('handles a ~1 MB body', async () => {
    const big = serverBody({
      ...rewardPaid,
      data: { ...rewardPaid.data, action: 'x/'.repeat(500_000) },
    } as HooklineEvent);
    const response = await post(`${base}/hooks/raw`, big, signPayload(big, SECRET));
    expect(response.status).toBe(202);
  });
});
