import { createHmac } from 'node:crypto';
import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/observability/logger.js';
import { startService } from '../../src/service.js';
import type { RunningService } from '../../src/service.js';
import { openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';
import { cleanEnv, runCli, startCli } from './run-cli.js';

// These tests spawn the real CLI (`node --import tsx packages/server/src/cli/main.ts`), each
// run costing a few seconds of start-up, so they run on SQLite only; the server side of
// `listen` is covered on both engines in listener-routes.test.ts.

const API_KEY = 'cli_test_key_0123456789abcdef';

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
}

/** A local receiver on loopback that records requests and answers 202 "thanks". */
async function startReceiver(): Promise<{
  url: string;
  received: Received[];
  close(): Promise<void>;
}> {
  const received: Received[] = [];
  const server: Server = createServer((req, res) => {
    let body = '';
    req.on('data', (c: Buffer) => {
      body += c.toString();
    });
    req.on('end', () => {
      received.push({ headers: req.headers, body });
      res.writeHead(202, { 'content-type': 'text/plain' });
      res.end('thanks');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/webhooks`,
    received,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function waitFor<T>(
  probe: () => Promise<T | undefined> | T | undefined,
  timeoutMs = 30_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('timed out waiting');
}

describe('hookline CLI (child processes against a real server)', () => {
  let store: TestStore;
  let service: RunningService;
  let env: Record<string, string>;
  /** `METHOD /path` of every request the CLI made to `service`, answered, in order. */
  const cliRequests: string[] = [];

  const api = async (method: string, path: string, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${API_KEY}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, json: (await res.json()) as { data: never } };
  };

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    const config = loadConfig({
      DATABASE_URL: store.databaseUrl,
      PORT: '0',
      HOST: '127.0.0.1',
      HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
      HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
      HOOKLINE_RETRY_SCHEDULE: '0s,1s,2s',
      HOOKLINE_POLL_INTERVAL: '200ms',
    });
    service = await startService(config, createLogger('silent'), {
      dashboard: false,
      // Lets a test see what the CLI asked the server (e.g. tail's first poll answered).
      extend: (deps) => ({
        ...deps,
        plugins: [
          ...(deps.plugins ?? []),
          (app) => {
            app.addHook('onResponse', async (request) => {
              if (String(request.headers['user-agent']).startsWith('hookline-cli/')) {
                cliRequests.push(`${request.method} ${request.url.split('?')[0]}`);
              }
            });
          },
        ],
      }),
    });
    env = cleanEnv({ HOOKLINE_API_URL: service.url, HOOKLINE_API_KEY: API_KEY });
  });
  afterAll(async () => {
    await service?.stop();
    await store?.close();
  });

  it('has --help on every command and documented exit codes', async () => {
    const runs = await Promise.all([
      runCli(['--help'], env),
      runCli(['listen', '--help'], env),
      runCli(['trigger', '--help'], env),
      runCli(['tail', '--help'], env),
    ]);
    for (const run of runs) expect(run.code).toBe(0);
    for (const command of [
      'serve',
      'migrate',
      'programs',
      'keys',
      'listen',
      'trigger',
      'tail',
      'demo',
    ]) {
      expect(runs[0]?.stdout).toContain(command);
    }
    expect(runs[1]?.stdout).toContain('--forward-to');
    expect(runs[2]?.stdout).toContain('partner.created');

    const { port: closedPort } = await new Promise<AddressInfo>((resolve) => {
      const s = createServer().listen(0, '127.0.0.1', () => {
        const address = s.address() as AddressInfo;
        s.close(() => resolve(address));
      });
    });
    const [usage, noKey, badKey, unreachable, badUrl, badConfig] = await Promise.all([
      runCli(['frobnicate'], env),
      runCli(['trigger', 'partner.created'], cleanEnv({ HOOKLINE_API_URL: service.url })),
      runCli(['trigger', 'partner.created', '--api-key', 'wrong_key_0123456789'], env),
      runCli(['trigger', 'partner.created', '--api-url', `http://127.0.0.1:${closedPort}`], env),
      runCli(['listen', '--forward-to', 'not a url'], env),
      runCli(['migrate'], cleanEnv({ PORT: 'eighty' })),
    ]);
    expect(usage.code).toBe(2);
    expect(noKey.code).toBe(78);
    expect(noKey.stderr).toMatch(/no API key/);
    expect(badKey.code).toBe(1);
    expect(badKey.stderr.trim()).toBe(
      'error: the API key was refused (401): check --api-key or HOOKLINE_API_KEY',
    );
    expect(unreachable.code).toBe(1);
    expect(unreachable.stderr).toMatch(
      /cannot reach Hookline at http:\/\/127\.0\.0\.1:\d+ \(connection refused\)/,
    );
    expect(unreachable.stderr.trim().split('\n')).toHaveLength(1);
    expect(badUrl.code).toBe(2);
    expect(badUrl.stderr).toMatch(/--forward-to must be an absolute http\(s\) URL/);
    expect(badConfig.code).toBe(78);
    expect(badConfig.stderr).toMatch(/PORT/);
  }, 180_000);

  it('manages programs and keys in the database', async () => {
    const dbEnv = cleanEnv({ DATABASE_URL: store.databaseUrl });
    const created = await runCli(['programs', 'create', '--name', 'Acme', '--json'], dbEnv);
    expect(created.code).toBe(0);
    const program = JSON.parse(created.stdout) as { id: string; api_key: string };
    const [key, missing, list, migrate] = await Promise.all([
      runCli(['keys', 'create', '--program', program.id, '--json'], dbEnv),
      runCli(['keys', 'create', '--program', 'prg_missing'], dbEnv),
      runCli(['programs', 'list', '--json'], dbEnv),
      runCli(['migrate', '--json'], dbEnv),
    ]);
    expect(key.code).toBe(0);
    expect(JSON.parse(key.stdout).api_key).toMatch(/.{16,}/);
    expect(missing.code).toBe(2);
    expect(list.stdout).toContain('"name":"Acme"');
    expect(migrate.code).toBe(0);
    expect(JSON.parse(migrate.stdout)).toEqual({ applied: [] });
  }, 120_000);

  it('listen + trigger: the local receiver gets the signed event, the log shows its answer', async () => {
    const receiver = await startReceiver();
    const listen = startCli(
      [
        'listen',
        '--forward-to',
        receiver.url,
        '--events',
        'partner.created',
        '--device',
        'ci-box',
        '--json',
      ],
      env,
    );
    try {
      const ready = JSON.parse(await listen.waitForLine((l) => l.includes('"ready"'))) as {
        listener: string;
        secret: string;
      };
      // The stream is open once the server lists the session as connected.
      await waitFor(async () => {
        const { json } = await api('GET', '/v1/listeners');
        return (json.data as { id: string; connected: boolean }[]).find(
          (l) => l.id === ready.listener && l.connected,
        );
      });

      const trigger = await runCli(['trigger', 'partner.created', '--json'], env);
      expect(trigger.code, trigger.stderr).toBe(0);
      const result = JSON.parse(trigger.stdout) as {
        event_id: string;
        via: string;
        deliveries: { id: string; url: string; status: string; last_status_code: number | null }[];
      };
      expect(result.via).toBe('resource');
      const mine = result.deliveries.find((d) => d.url === `listener:${ready.listener}`);
      expect(mine).toMatchObject({ status: 'succeeded', last_status_code: 202 });

      // The local receiver got the real body, signed with the listener's secret.
      const got = receiver.received.find((r) => r.body.includes(result.event_id));
      expect(got).toBeDefined();
      const { headers, body } = got as Received;
      expect(JSON.parse(body)).toMatchObject({ id: result.event_id, event: 'partner.created' });
      expect(headers.signature).toBe(createHmac('sha256', ready.secret).update(body).digest('hex'));
      expect(() =>
        new Webhook(ready.secret).verify(body, {
          'webhook-id': String(headers['webhook-id']),
          'webhook-timestamp': String(headers['webhook-timestamp']),
          'webhook-signature': String(headers['webhook-signature']),
        }),
      ).not.toThrow();

      // One line per event on the listen side.
      const line = JSON.parse(
        await listen.waitForLine((l) => l.includes(result.event_id)),
      ) as Record<string, unknown>;
      expect(line).toMatchObject({
        type: 'delivery',
        event: 'partner.created',
        status: 202,
        reported: true,
      });

      // The delivery log shows the local answer as the attempt's result.
      const detail = (await api('GET', `/v1/deliveries/${mine?.id}`)).json.data as {
        attempt_log: {
          response_status: number;
          response_body: string;
          duration_ms: number;
          succeeded: boolean;
        }[];
      };
      expect(detail.attempt_log[0]).toMatchObject({
        response_status: 202,
        response_body: 'thanks',
        succeeded: true,
      });

      // Ctrl-C stops the listener on the server.
      expect(await listen.interrupt()).toBe(0);
      const { json } = await api('GET', '/v1/listeners');
      expect(
        (json.data as { id: string; is_active: boolean }[]).find((l) => l.id === ready.listener)
          ?.is_active,
      ).toBe(false);

      // The same device gets the same secret back.
      const again = await runCli(['listen', '--print-secret', '--device', 'ci-box'], env);
      expect(again.code).toBe(0);
      expect(again.stdout.trim()).toBe(ready.secret);
    } finally {
      await listen.interrupt();
      await receiver.close();
    }
  }, 180_000);

  it('listen reconnects by itself when the server restarts, and keeps receiving', async () => {
    // Its own database and service, so that restarting it leaves the shared one alone.
    const own = await openTestStore('sqlite');
    const configFor = (port: string) =>
      loadConfig({
        DATABASE_URL: own.databaseUrl,
        PORT: port,
        HOST: '127.0.0.1',
        HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
        HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
        HOOKLINE_POLL_INTERVAL: '200ms',
      });
    let server = await startService(configFor('0'), createLogger('silent'), { dashboard: false });
    const port = new URL(server.url).port;
    const ownEnv = cleanEnv({ HOOKLINE_API_URL: server.url, HOOKLINE_API_KEY: API_KEY });
    const receiver = await startReceiver();
    const listen = startCli(['listen', '--forward-to', receiver.url, '--json'], ownEnv);
    try {
      await listen.waitForLine((l) => l.includes('"ready"'));
      await server.stop();
      await waitFor(() => (listen.stderr().includes('connection lost') ? true : undefined));
      server = await startService(configFor(port), createLogger('silent'), { dashboard: false });
      await waitFor(() => (listen.stderr().includes('reconnected') ? true : undefined));

      const trigger = await runCli(['trigger', 'customer.created', '--json'], ownEnv);
      expect(trigger.code, trigger.stderr).toBe(0);
      const { event_id: eventId } = JSON.parse(trigger.stdout) as { event_id: string };
      const line = JSON.parse(await listen.waitForLine((l) => l.includes(eventId))) as Record<
        string,
        unknown
      >;
      expect(line).toMatchObject({ type: 'delivery', event: 'customer.created', status: 202 });
      expect(receiver.received.some((r) => r.body.includes(eventId))).toBe(true);
    } finally {
      await listen.interrupt();
      await receiver.close();
      await server.stop();
      await own.close();
    }
  }, 120_000);

  it('tail prints deliveries as they happen', async () => {
    const receiver = await startReceiver();
    const before = cliRequests.length;
    const tail = startCli(['tail', '--json', '--history', '100', '--interval', '200'], env);
    try {
      const created = await api('POST', '/v1/webhooks', {
        name: 'tail test',
        url: receiver.url,
        events: ['customer.created'],
      });
      expect(created.status).toBe(201);
      // Publish once tail's first poll was answered, so the delivery shows live (a change seen
      // by a later poll), not as history.
      await waitFor(
        () => (cliRequests.slice(before).includes('GET /v1/deliveries') ? true : undefined),
        60_000,
      );
      const sample = (await api('GET', '/v1/event-types/customer.created')).json.data as {
        sample: unknown;
      };
      const event = (
        await api('POST', '/v1/events', { event: 'customer.created', data: sample.sample })
      ).json.data as { id: string };
      const line = await tail.waitForLine((l) => l.includes(event.id) && l.includes('"succeeded"'));
      expect(JSON.parse(line)).toMatchObject({
        event: 'customer.created',
        status: 'succeeded',
        last_status_code: 202,
      });
      expect(await tail.interrupt()).toBe(0);
    } finally {
      await tail.interrupt();
      await receiver.close();
    }
  }, 120_000);

  it('demo runs the whole flow and stops cleanly', async () => {
    const demo = await runCli(
      ['demo', '--duration', '4s', '--rate', '5', '--port', '0'],
      cleanEnv(),
      120_000,
    );
    expect(demo.code, demo.stderr).toBe(0);
    expect(demo.stdout).toMatch(/Dashboard: +http:\/\/127\.0\.0\.1:\d+\//);
    expect(demo.stdout).toMatch(/Sign in: +http:\/\/127\.0\.0\.1:\d+\/auth\/link\?token=/);
    expect(demo.stdout).toContain('signature verified');
    expect(demo.stdout).toMatch(/Demo stopped\. Deliveries: \d+ succeeded/);
    expect(demo.stdout).not.toContain('signature INVALID');
  }, 150_000);
});
