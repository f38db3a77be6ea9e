import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createClient, timerSleep } from '@hookline/client';
import type { HooklineClient, RetryOptions } from '@hookline/client';
import { createTestContext } from '../../server/test/helpers/context.js';
import type { TestContext } from '../../server/test/helpers/context.js';
import { engines } from '../../server/test/helpers/store.js';
import { apiClient } from '../examples/create-client.js';
import { listWebhooks, pause, subscribe } from '../examples/manage-webhooks.js';
import { findWebhook } from '../examples/errors.js';
import { publishRewardPaid, samplePayload } from '../examples/publish-event.js';
import { deliveriesOfWebhook, failedDeliveries } from '../examples/read-deliveries.js';

describe.each(engines)('the client against a running Hookline (%s)', (engine) => {
  let ctx: TestContext;
  let hookline: HooklineClient;
  let baseUrl: string;

  beforeAll(async () => {
    ctx = await createTestContext(engine);
    baseUrl = await ctx.app.listen({ host: '127.0.0.1', port: 0 });
    hookline = apiClient(baseUrl, ctx.apiKey);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('manages a webhook, publishes once per idempotency key, and reads the deliveries', async () => {
    const webhook = await subscribe(hookline, 'http://127.0.0.1:9/rewards');
    expect(webhook.key).toMatch(/\S/);
    expect(webhook.signature).toMatch(/\S/);
    expect(await listWebhooks(hookline)).toContainEqual({
      key: webhook.key,
      url: 'http://127.0.0.1:9/rewards',
    });

    const data = await samplePayload(hookline, 'reward.paid');
    const first = await publishRewardPaid(hookline, 'rwd_1', data);
    const again = await publishRewardPaid(hookline, 'rwd_1', data);
    expect(again).toBe(first);
    const other = await publishRewardPaid(hookline, 'rwd_2', data);
    expect(other).not.toBe(first);

    // The replay is marked, and a reused key with another body is refused with the error shape.
    const replay = await hookline.POST('/v1/events', {
      params: { header: { 'idempotency-key': 'reward.paid:rwd_1' } },
      body: { event: 'reward.paid', data },
    });
    expect(replay.response.headers.get('idempotent-replayed')).toBe('true');
    const conflict = await hookline.POST('/v1/events', {
      params: { header: { 'idempotency-key': 'reward.paid:rwd_1' } },
      body: { event: 'reward.paid', data: { ...data, extra: 1 } },
    });
    expect(conflict.response.status).toBe(422);
    expect(conflict.error?.errors?.['Idempotency-Key']).toHaveLength(1);

    const deliveries = await deliveriesOfWebhook(hookline, webhook.key);
    expect(deliveries.map((d) => d.event_id).sort()).toEqual([first, other].sort());
    expect(deliveries.every((d) => d.status === 'pending')).toBe(true);
    expect(await failedDeliveries(hookline, webhook.key)).toEqual([]);

    expect(await pause(hookline, webhook.key)).toBe(false);
    expect((await findWebhook(hookline, webhook.key))?.is_active).toBe(false);
    expect(await findWebhook(hookline, 'no-such-webhook')).toBeUndefined();
  });

  it('returns the error body and status instead of throwing', async () => {
    const missing = await hookline.GET('/v1/webhooks/{key}', {
      params: { path: { key: 'no-such-webhook' } },
    });
    expect(missing.response.status).toBe(404);
    expect(missing.data).toBeUndefined();
    expect(missing.error?.message).toMatch(/\S/);

    const anonymous = createClient({ baseUrl });
    const refused = await anonymous.GET('/v1/webhooks');
    expect(refused.response.status).toBe(401);
  });
});

/** One answer of the scripted server: a status, headers, and a JSON body. */
interface Answer {
  readonly status: number;
  readonly headers?: Record<string, string>;
  readonly body?: unknown;
}

/** What the scripted server saw of one request. */
interface Seen {
  readonly method: string;
  readonly url: string;
  readonly headers: IncomingHttpHeaders;
  readonly body: string;
}

/**
 * A loopback server that answers each request with the next scripted answer (the last one
 * repeats), and records every request it got.
 */
async function scriptedServer(
  answers: readonly Answer[],
): Promise<{ url: string; seen: Seen[]; server: Server }> {
  const seen: Seen[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      seen.push({
        method: request.method ?? '',
        url: request.url ?? '',
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
      });
      const answer = answers[Math.min(seen.length, answers.length) - 1]!;
      response.writeHead(answer.status, { 'content-type': 'application/json', ...answer.headers });
      response.end(JSON.stringify(answer.body ?? { message: `status ${answer.status}` }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, seen, server };
}

describe('retries over real HTTP', () => {
  const NOW = Date.parse('2026-12-06T12:00:00Z');
  let server: Server | undefined;
  let slept: number[];
  let retryOptions: RetryOptions;

  beforeEach(() => {
    slept = [];
    // Time is injected: the waits are recorded, not spent, so no assertion depends on timing.
    retryOptions = {
      sleep: async (ms) => {
        slept.push(ms);
      },
      now: () => NOW,
      random: () => 0.5,
    };
  });
  afterEach(async () => {
    await new Promise((resolve) => server?.close(resolve));
    server = undefined;
  });

  async function clientFor(answers: readonly Answer[], retries: RetryOptions = {}) {
    const scripted = await scriptedServer(answers);
    server = scripted.server;
    const client = createClient({
      baseUrl: scripted.url,
      apiKey: 'hk_test',
      retries: { ...retryOptions, ...retries },
    });
    return { client, seen: scripted.seen };
  }

  const ok: Answer = { status: 200, body: { data: [], links: {}, meta: {} } };

  it('retries a 429 after the seconds Retry-After asks', async () => {
    const { client, seen } = await clientFor([
      { status: 429, headers: { 'retry-after': '1' } },
      ok,
    ]);
    const { response } = await client.GET('/v1/webhooks');
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(2);
    expect(slept).toEqual([1000]);
    expect(seen.every((s) => s.headers.authorization === 'Bearer hk_test')).toBe(true);
  });

  it('retries a 503 after an HTTP-date Retry-After, resending a keyed POST with the same body', async () => {
    const at = new Date(NOW + 2000).toUTCString();
    const { client, seen } = await clientFor([
      { status: 503, headers: { 'retry-after': at } },
      { status: 201, body: { data: { id: 'evt_1' } } },
    ]);
    const { response } = await client.POST('/v1/events', {
      params: { header: { 'idempotency-key': 'order-7' } },
      body: { event: 'reward.paid', data: { amount: 5 } },
    });
    expect(response.status).toBe(201);
    expect(seen).toHaveLength(2);
    expect(slept).toEqual([2000]);
    expect(seen[0]!.body).toBe('{"event":"reward.paid","data":{"amount":5}}');
    expect(seen[1]!.body).toBe(seen[0]!.body);
    expect(seen[1]!.headers['idempotency-key']).toBe('order-7');
  });

  it('backs off exponentially with jitter when there is no Retry-After', async () => {
    const { client, seen } = await clientFor([{ status: 503 }, { status: 503 }, ok]);
    const { response } = await client.GET('/v1/deliveries');
    expect(response.status).toBe(200);
    expect(seen).toHaveLength(3);
    // random() = 0.5 of 500 ms, then of 1,000 ms.
    expect(slept).toEqual([250, 500]);
  });

  it('gives up after maxRetries and returns the last answer', async () => {
    const { client, seen } = await clientFor([{ status: 429, headers: { 'retry-after': '0' } }], {
      maxRetries: 2,
    });
    const { response, error } = await client.DELETE('/v1/webhooks/{key}', {
      params: { path: { key: 'w' } },
    });
    expect(response.status).toBe(429);
    expect(error).toEqual({ message: 'status 429' });
    expect(seen).toHaveLength(3);
    expect(slept).toEqual([0, 0]);
  });

  it('never resends a POST without an Idempotency-Key', async () => {
    const { client, seen } = await clientFor([
      { status: 503, headers: { 'retry-after': '1' } },
      ok,
    ]);
    const { response } = await client.POST('/v1/webhooks', {
      body: { name: 'n', url: 'https://example.com/hook', events: ['*'] },
    });
    expect(response.status).toBe(503);
    expect(seen).toHaveLength(1);
    expect(slept).toEqual([]);
  });

  it('returns the answer when Retry-After asks for longer than maxRetryAfterMs', async () => {
    const { client, seen } = await clientFor([
      { status: 429, headers: { 'retry-after': '120' } },
      ok,
    ]);
    const { response } = await client.GET('/v1/webhooks');
    expect(response.status).toBe(429);
    expect(seen).toHaveLength(1);
  });

  it('does not retry other statuses, nor at all with retries: false', async () => {
    const failing = await clientFor([{ status: 500 }, ok]);
    expect((await failing.client.GET('/v1/webhooks')).response.status).toBe(500);
    expect(failing.seen).toHaveLength(1);
    await new Promise((resolve) => server?.close(resolve));

    const scripted = await scriptedServer([{ status: 429, headers: { 'retry-after': '1' } }, ok]);
    server = scripted.server;
    const once = createClient({ baseUrl: scripted.url, retries: false });
    expect((await once.GET('/v1/webhooks')).response.status).toBe(429);
    expect(scripted.seen).toHaveLength(1);
  });

  it('sends the session credentials a dashboard needs: CSRF token on changes only', async () => {
    const scripted = await scriptedServer([ok]);
    server = scripted.server;
    let token = 'csrf-1';
    const dashboard = createClient({
      baseUrl: scripted.url,
      credentials: 'include',
      csrfToken: () => token,
    });
    await dashboard.GET('/v1/webhooks');
    await dashboard.PUT('/v1/webhooks/{key}', { params: { path: { key: 'w' } }, body: {} });
    token = 'csrf-2';
    await dashboard.DELETE('/v1/webhooks/{key}', { params: { path: { key: 'w' } } });
    expect(scripted.seen.map((s) => [s.method, s.headers['x-csrf-token']])).toEqual([
      ['GET', undefined],
      ['PUT', 'csrf-1'],
      ['DELETE', 'csrf-2'],
    ]);
    expect(scripted.seen.every((s) => s.headers.authorization === undefined)).toBe(true);
  });

  it('stops waiting when the caller aborts', async () => {
    const scripted = await scriptedServer([{ status: 503, headers: { 'retry-after': '60' } }, ok]);
    server = scripted.server;
    // The real timer this time (60 s): only the abort can end the wait before the test times out.
    let waiting!: (ms: number) => void;
    const started = new Promise<number>((resolve) => {
      waiting = resolve;
    });
    const client = createClient({
      baseUrl: scripted.url,
      retries: {
        sleep: (ms, signal) => {
          waiting(ms);
          return timerSleep(ms, signal);
        },
      },
    });
    const controller = new AbortController();
    const call = client.GET('/v1/webhooks', { signal: controller.signal });
    expect(await started).toBe(60_000);
    controller.abort(new Error('stopped by the caller'));
    await expect(call).rejects.toThrow('stopped by the caller');
    expect(scripted.seen).toHaveLength(1);
  });
});
