import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RESPONSE_BODY_LIMIT, createSender } from '../../src/dispatch/sender.js';
import type { Sender } from '../../src/dispatch/sender.js';
import { partneroSignature } from '../../src/webhooks/signing.js';
import { VERSION } from '../../src/version.js';
import { closedPort, startReceiver } from './receiver.js';
import type { Answer, Receiver } from './receiver.js';

const secret = 'abcdefghijklmnopqrstuvwxyz012345';
const oldSecret = 'ZYXWVUTSRQPONMLKJIHGFEDCBA987654';
const body = JSON.stringify({ id: 'evt_1', event: 'partner.created', data: { a: 'é' } });
const req = (url: string, extra: Partial<Parameters<Sender['send']>[0]> = {}) => ({
  deliveryId: 'dlv_1',
  eventId: 'evt_1',
  webhookKind: url.startsWith('listener:') ? 'listener' : 'endpoint',
  url,
  body,
  secrets: [secret],
  ...extra,
});

describe('sender against real loopback receivers', () => {
  let receiver: Receiver;
  let sender: Sender;
  beforeAll(async () => {
    receiver = await startReceiver((r): Answer => {
      if (r.path === '/redirect')
        return { status: 302, headers: { location: 'http://127.0.0.1:1/elsewhere' } };
      if (r.path === '/slow') return { delayMs: 1_500 };
      if (r.path === '/error') return { status: 500, body: 'kaput' };
      if (r.path === '/big') return { body: 'x'.repeat(200_000) };
      return { status: 200, body: 'ok', headers: { 'x-receiver': 'yes' } };
    });
    sender = createSender({ timeoutMs: 500, allowPrivateNetworks: true });
  });
  afterAll(async () => {
    await sender.close();
    await receiver.close();
  });

  it('POSTs the body byte for byte with every header of the contract, verifiable by standardwebhooks', async () => {
    const outcome = await sender.send(req(receiver.url, { secrets: [secret, oldSecret] }));
    expect(outcome).toMatchObject({
      succeeded: true,
      responseStatus: 200,
      responseBody: 'ok',
      errorClass: null,
      aborted: false,
    });
    expect(outcome.responseHeaders?.['x-receiver']).toBe('yes');
    const got = receiver.received.at(-1)!;
    expect(got.method).toBe('POST');
    expect(got.body).toBe(body);
    expect(got.headers['content-type']).toBe('application/json');
    expect(got.headers['user-agent']).toBe(`Hookline/${VERSION}`);
    expect(got.headers['webhook-id']).toBe('evt_1');
    expect(Number(got.headers['webhook-timestamp'])).toBeCloseTo(Date.now() / 1000, -1);
    // During a rotation `Signature` keeps the previous secret (Signature-only receivers know
    // one secret); both sign `webhook-signature`, and either verifies.
    expect(got.headers.signature).toBe(partneroSignature(body, oldSecret));
    expect(String(got.headers['webhook-signature']).split(' ')).toHaveLength(2);
    for (const s of [secret, oldSecret]) {
      expect(() =>
        new Webhook(s).verify(got.body, got.headers as Record<string, string>),
      ).not.toThrow();
    }
    // The log keeps signatures, never the secret.
    expect(JSON.stringify(outcome.requestHeaders)).not.toContain(secret);
    expect(outcome.requestHeaders['webhook-signature']).toBe(got.headers['webhook-signature']);
  });

  it('records a non-2xx answer as http_status with the body', async () => {
    const outcome = await sender.send(req(receiver.url.replace('/hook', '/error')));
    expect(outcome).toMatchObject({
      succeeded: false,
      responseStatus: 500,
      responseBody: 'kaput',
      errorClass: 'http_status',
    });
  });

  it('never follows a redirect: a 3xx is a failure', async () => {
    const before = receiver.received.length;
    const outcome = await sender.send(req(receiver.url.replace('/hook', '/redirect')));
    expect(outcome).toMatchObject({
      succeeded: false,
      responseStatus: 302,
      errorClass: 'http_status',
    });
    expect(receiver.received.length).toBe(before + 1);
  });

  it('times out the whole exchange', async () => {
    const outcome = await sender.send(req(receiver.url.replace('/hook', '/slow')));
    expect(outcome).toMatchObject({
      succeeded: false,
      errorClass: 'timeout',
      responseStatus: null,
    });
    expect(outcome.durationMs).toBeGreaterThanOrEqual(450);
    expect(outcome.durationMs).toBeLessThan(1_400);
  });

  it('enforces the hard timeout against a receiver that trickles its body', async () => {
    const server = http.createServer((_req, res) => {
      res.writeHead(200);
      const t = setInterval(() => res.write('.'), 100);
      res.on('close', () => clearInterval(t));
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    try {
      const outcome = await sender.send(req(`http://127.0.0.1:${port}/`));
      expect(outcome).toMatchObject({ succeeded: false, errorClass: 'timeout' });
    } finally {
      server.closeAllConnections();
      server.close();
    }
  });

  it('keeps at most 16 KiB of the response body', async () => {
    const outcome = await sender.send(req(receiver.url.replace('/hook', '/big')));
    expect(outcome.succeeded).toBe(true);
    expect(outcome.responseBody).toHaveLength(RESPONSE_BODY_LIMIT);
  });

  it('records a refused connection as connection', async () => {
    const port = await closedPort();
    const outcome = await sender.send(req(`http://127.0.0.1:${port}/hook`));
    expect(outcome).toMatchObject({ succeeded: false, errorClass: 'connection' });
    expect(outcome.errorMessage).toMatch(/ECONNREFUSED/);
  });

  it('records an unresolvable name as dns', async () => {
    // An injected resolver keeps the test off the network.
    const s = createSender({
      timeoutMs: 500,
      allowPrivateNetworks: false,
      resolver: async (host) => {
        throw Object.assign(new Error(`getaddrinfo ENOTFOUND ${host}`), { code: 'ENOTFOUND' });
      },
    });
    try {
      const outcome = await s.send(req('http://does-not-exist.invalid/hook'));
      expect(outcome).toMatchObject({ succeeded: false, errorClass: 'dns' });
    } finally {
      await s.close();
    }
  });

  it('fails listener: URLs with no listener as connection "listener not connected"', async () => {
    const outcome = await sender.send(req('listener:whk_1'));
    expect(outcome).toMatchObject({
      succeeded: false,
      errorClass: 'connection',
      errorMessage: 'listener not connected',
    });
  });

  it('hands listener: URLs to the registered transport with the signed headers', async () => {
    const seen: { url: string; headers: Readonly<Record<string, string>> }[] = [];
    sender.setListenerTransport({
      async deliver(d) {
        seen.push(d);
        return { statusCode: 204, headers: {}, body: '' };
      },
    });
    try {
      const outcome = await sender.send(req('listener:whk_1'));
      expect(outcome).toMatchObject({ succeeded: true, responseStatus: 204 });
      expect(seen[0]?.url).toBe('listener:whk_1');
      expect(seen[0]?.headers['webhook-id']).toBe('evt_1');
    } finally {
      sender.setListenerTransport(undefined);
    }
  });
});

describe('SSRF guard at connect time (allowPrivateNetworks=false)', () => {
  let receiver: Receiver;
  let sender: Sender;
  beforeAll(async () => {
    receiver = await startReceiver();
    sender = createSender({ timeoutMs: 2_000, allowPrivateNetworks: false });
  });
  afterAll(async () => {
    await sender.close();
    await receiver.close();
  });

  it.each([
    (port: number) => `http://127.0.0.1:${port}/hook`,
    (port: number) => `http://localhost:${port}/hook`,
    (port: number) => `http://[::ffff:127.0.0.1]:${port}/hook`,
    (port: number) => `http://[::127.0.0.1]:${port}/hook`,
    (port: number) => `http://[::169.254.169.254]:${port}/hook`,
    (port: number) => `http://0x7f000001:${port}/hook`,
    (port: number) => `http://2130706433:${port}/hook`,
  ])('refuses %s before any byte is sent', async (make) => {
    const before = receiver.received.length;
    const outcome = await sender.send(req(make(receiver.port)));
    expect(outcome).toMatchObject({
      succeeded: false,
      errorClass: 'ssrf_blocked',
      responseStatus: null,
    });
    expect(outcome.errorMessage).toMatch(/Refused to connect/);
    expect(receiver.received.length).toBe(before);
  });

  it('checks the resolved address, so a public-looking name that resolves to loopback is refused', async () => {
    const rebinding = createSender({
      timeoutMs: 2_000,
      allowPrivateNetworks: false,
      resolver: async () => [{ address: '127.0.0.1', family: 4 }],
    });
    try {
      const outcome = await rebinding.send(req(`http://hooks.example.com:${receiver.port}/hook`));
      expect(outcome.errorClass).toBe('ssrf_blocked');
      expect(outcome.errorMessage).toContain('hooks.example.com');
    } finally {
      await rebinding.close();
    }
  });
});
