import Fastify, { type FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addRawJsonParser, hooklineFastify } from '../src/frameworks/fastify.js';
import {
  constructEvent,
  createDeduplicator,
  type HooklineEvent,
  signPayload,
} from '../src/index.js';
import { OTHER_SECRET, post, rewardPaid, SECRET, serverBody } from './helpers.js';

describe('Fastify 5, end to end on loopback', () => {
  const received: HooklineEvent[] = [];
  let app: FastifyInstance;
  let base: string;

  beforeAll(async () => {
    app = Fastify();
    await app.register(
      hooklineFastify({
        secret: [SECRET, OTHER_SECRET],
        handler: (event) => {
          received.push(event);
        },
        deduplicator: createDeduplicator(),
        bodyLimit: 5 * 1024 * 1024,
      }),
    );
    await app.register(
      hooklineFastify({
        secret: SECRET,
        path: '/hooks/custom-reply',
        handler: (event, _request, reply) => reply.code(202).send({ handled: event.event }),
      }),
    );
    await app.register(
      hooklineFastify({
        secret: SECRET,
        path: '/hooks/throws',
        handler: () => {
          throw new Error('boom');
        },
      }),
    );
    // Writing your own route with the scoped raw parser.
    await app.register(async (scope) => {
      addRawJsonParser(scope);
      scope.post('/hooks/manual', async (request) => {
        const event = constructEvent(request.body as Buffer, request.headers, SECRET);
        return { id: event.id };
      });
    });
    // The rest of the app still parses JSON.
    app.post('/api/echo', async (request) => ({ echoed: request.body }));
    base = await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterAll(() => app.close());

  const body = serverBody(rewardPaid);

  it('verifies a signed request on the default path and answers 200', async () => {
    const response = await post(
      `${base}/webhooks/hookline`,
      body,
      signPayload(body, SECRET, { id: rewardPaid.id }),
    );
    expect(response).toEqual({ status: 200, body: { received: true } });
    expect(received).toEqual([rewardPaid]);
  });

  it('skips a duplicate delivery', async () => {
    const response = await post(
      `${base}/webhooks/hookline`,
      body,
      signPayload(body, OTHER_SECRET, { id: rewardPaid.id }),
    );
    expect(response).toEqual({ status: 200, body: { received: true, duplicate: true } });
    expect(received).toHaveLength(1);
  });

  it('lets the handler reply', async () => {
    const response = await post(`${base}/hooks/custom-reply`, body, signPayload(body, SECRET));
    expect(response).toEqual({ status: 202, body: { handled: 'reward.paid' } });
  });

  it('works with a hand-written route using addRawJsonParser', async () => {
    const response = await post(`${base}/hooks/manual`, body, signPayload(body, SECRET));
    expect(response).toEqual({ status: 200, body: { id: rewardPaid.id } });
  });

  it('answers 400 with the reason for bad signatures and tampered bodies', async () => {
    const headers = signPayload(body, SECRET);
    const tampered = await post(`${base}/webhooks/hookline`, body.replace('12.5', '99'), headers);
    expect(tampered.status).toBe(400);
    expect(tampered.body).toMatchObject({ error: 'invalid_signature' });
    const stale = signPayload(body, SECRET, { timestamp: Math.floor(Date.now() / 1000) - 3600 });
    expect((await post(`${base}/webhooks/hookline`, body, stale)).body).toMatchObject({
      error: 'timestamp_too_old',
    });
  });

  it('accepts a content type with a charset parameter', async () => {
    const fresh = serverBody({ ...rewardPaid, id: 'evt_charset' });
    const headers = {
      ...signPayload(fresh, SECRET),
      'content-type': 'application/json; charset=utf-8',
    };
    expect(await post(`${base}/webhooks/hookline`, fresh, headers)).toEqual({
      status: 200,
      body: { received: true },
    });
  });

  it('leaves handler errors to Fastify (500, so Hookline retries)', async () => {
    const response = await post(`${base}/hooks/throws`, body, signPayload(body, SECRET));
    expect(response.status).toBe(500);
  });

  it('keeps JSON parsing for the rest of the app', async () => {
    const response = await post(`${base}/api/echo`, '{"a":1}', {
      'content-type': 'application/json',
    });
    expect(response).toEqual({ status: 200, body: { echoed: { a: 1 } } });
  });

  it('accepts a ~1 MB body within the configured bodyLimit', async () => {
    const big = serverBody({
      ...rewardPaid,
      id: 'evt_big',
      data: { ...rewardPaid.data, action: 'y/'.repeat(600_000) },
    } as HooklineEvent);
    expect(Buffer.byteLength(big)).toBeGreaterThan(1024 * 1024);
    const response = await post(`${base}/webhooks/hookline`, big, signPayload(big, SECRET));
    expect(response.status).toBe(200);
  });
});
