import { createServer, type Server } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNodeHandler, readRawBody, verifyNodeRequest } from '../src/frameworks/node.js';
import {
  createDeduplicator,
  type HooklineEvent,
  parseEvent,
  signPayload,
  WebhookVerificationError,
} from '../src/index.js';
import { close, listen, OTHER_SECRET, post, rewardPaid, SECRET, serverBody } from './helpers.js';

describe('node:http, end to end on loopback', () => {
  const received: HooklineEvent[] = [];
  const errors: unknown[] = [];
  let failNext = false;
  let server: Server;
  let base: string;

  const handler = createNodeHandler(
    [SECRET, OTHER_SECRET],
    (event) => {
      if (failNext) {
        failNext = false;
        throw new Error('transient');
      }
      received.push(event);
    },
    {
      deduplicator: createDeduplicator(),
      onError: (error) => errors.push(error),
      limit: 2 * 1024 * 1024,
    },
  );

  beforeAll(async () => {
    server = createServer(async (req, res) => {
      if (req.url === '/manual') {
        // readRawBody + verifyNodeRequest, hand-rolled.
        try {
          const verified = await verifyNodeRequest(req, SECRET, { limit: 1024 });
          res.end(JSON.stringify({ id: parseEvent(verified).id, scheme: verified.scheme }));
        } catch (error) {
          res.statusCode = error instanceof WebhookVerificationError ? 400 : 500;
          res.end(JSON.stringify({ error: (error as WebhookVerificationError).reason }));
        }
        return;
      }
      await handler(req, res);
    });
    base = await listen(server);
  });

  afterAll(() => close(server));

  const body = serverBody(rewardPaid);

  it('verifies, answers 500 on a handler error, then processes the retry once', async () => {
    const headers = signPayload(body, SECRET, { id: rewardPaid.id });
    failNext = true;
    expect(await post(`${base}/hooks`, body, headers)).toEqual({
      status: 500,
      body: { error: 'handler_failed' },
    });
    expect(errors).toHaveLength(1);
    expect(await post(`${base}/hooks`, body, headers)).toEqual({
      status: 200,
      body: { received: true },
    });
    expect(await post(`${base}/hooks`, body, headers)).toEqual({
      status: 200,
      body: { received: true, duplicate: true },
    });
    expect(received).toEqual([rewardPaid]);
  });

  it('answers 400 for a bad signature', async () => {
    const response = await post(
      `${base}/hooks`,
      body,
      signPayload(body, 'AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA'),
    );
    expect(response).toMatchObject({ status: 400, body: { error: 'invalid_signature' } });
  });

  it('verifyNodeRequest works with only the Signature header', async () => {
    const { signature } = signPayload(body, SECRET);
    const response = await post(`${base}/manual`, body, {
      'content-type': 'application/json',
      signature,
    });
    expect(response).toEqual({ status: 200, body: { id: rewardPaid.id, scheme: 'signature' } });
  });

  it('readRawBody enforces its limit', async () => {
    const big = 'x'.repeat(2048);
    const response = await post(`${base}/manual`, big, signPayload(big, SECRET));
    expect(response).toEqual({ status: 400, body: { error: 'invalid_body' } });
  });
});

describe('readRawBody', () => {
  async function* chunks(...parts: (string | Uint8Array)[]) {
    yield* parts;
  }

  it('joins string and byte chunks', async () => {
    const req = Object.assign(chunks('{"a":', new TextEncoder().encode('"é"}')), { headers: {} });
    expect((await readRawBody(req)).toString('utf8')).toBe('{"a":"é"}');
  });

  it('refuses a stream that was already read', async () => {
    const req = Object.assign(chunks(), { headers: {}, readableEnded: true });
    await expect(readRawBody(req)).rejects.toThrow(/already read/);
  });
});
