import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createNextRouteHandler } from '../src/frameworks/next.js';
import { createDeduplicator, type HooklineEvent } from '../src/index.js';
import { signPayload } from '../src/web.js';
import { close, listen, OTHER_SECRET, post, rewardPaid, SECRET, serverBody } from './helpers.js';

const body = serverBody(rewardPaid);
const received: HooklineEvent[] = [];

// What app/webhooks/hookline/route.ts would export.
const POST = createNextRouteHandler(
  SECRET,
  (event) => {
    received.push(event);
  },
  { deduplicator: createDeduplicator() },
);

describe('Next.js App Router route handler with a real Request', () => {
  it('answers 200 for a signed request and skips its duplicate', async () => {
    const headers = await signPayload(body, SECRET, { id: rewardPaid.id });
    const request = () =>
      new Request('http://localhost/webhooks/hookline', { method: 'POST', body, headers });
    const first = await POST(request(), {});
    expect(first.status).toBe(200);
    expect(await first.json()).toEqual({ received: true });
    expect(await (await POST(request(), {})).json()).toEqual({ received: true, duplicate: true });
    expect(received).toEqual([rewardPaid]);
  });

  it('returns the Response a handler returns', async () => {
    const route = createNextRouteHandler(OTHER_SECRET, (event) =>
      Response.json({ id: event.id }, { status: 201 }),
    );
    const headers = await signPayload(body, OTHER_SECRET);
    const response = await route(
      new Request('http://localhost/x', { method: 'POST', body, headers }),
      undefined,
    );
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ id: rewardPaid.id });
  });

  it('answers 400 with the reason for a bad or missing signature', async () => {
    const bad = await POST(
      new Request('http://localhost/x', {
        method: 'POST',
        body,
        headers: await signPayload(body, OTHER_SECRET),
      }),
      {},
    );
    expect(bad.status).toBe(400);
    expect(await bad.json()).toMatchObject({ error: 'invalid_signature' });
    const missing = await POST(new Request('http://localhost/x', { method: 'POST', body }), {});
    expect(await missing.json()).toMatchObject({ error: 'missing_signature' });
  });

  it('propagates handler errors (Next.js then answers 500)', async () => {
    const route = createNextRouteHandler(SECRET, () => {
      throw new Error('boom');
    });
    const headers = await signPayload(body, SECRET);
    await expect(
      route(new Request('http://localhost/x', { method: 'POST', body, headers }), {}),
    ).rejects.toThrow('boom');
  });
});

// A minimal stand-in for Next's Node.js runtime: IncomingMessage -> Request -> route -> Response.
async function toRequest(req: IncomingMessage): Promise<Request> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(name, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(name, v);
  }
  return new Request(`http://${req.headers.host}${req.url}`, {
    method: req.method,
    headers,
    body: Buffer.concat(chunks),
  });
}

async function writeResponse(response: Response, res: ServerResponse): Promise<void> {
  res.statusCode = response.status;
  for (const [name, value] of response.headers) res.setHeader(name, value);
  res.end(Buffer.from(await response.arrayBuffer()));
}

describe('Next.js route handler served over node:http on loopback', () => {
  let server: Server;
  let base: string;

  beforeAll(async () => {
    server = createServer((req, res) => {
      toRequest(req)
        .then((request) => POST(request, {}))
        .then((response) => writeResponse(response, res))
        .catch(() => {
          res.statusCode = 500;
          res.end();
        });
    });
    base = await listen(server);
  });

  afterAll(() => close(server));

  it('verifies a signed request end to end', async () => {
    const fresh = serverBody({ ...rewardPaid, id: 'evt_next_http' });
    const headers = await signPayload(fresh, SECRET, { id: 'evt_next_http' });
    expect(await post(`${base}/webhooks/hookline`, fresh, headers)).toEqual({
      status: 200,
      body: { received: true },
    });
  });

  it('refuses a tampered body end to end', async () => {
    const headers = await signPayload(body, SECRET);
    const response = await post(`${base}/webhooks/hookline`, body.replace('paid', 'PAID'), headers);
    expect(response.status).toBe(400);
    expect(response.body).toMatchObject({ error: 'invalid_signature' });
  });
});
