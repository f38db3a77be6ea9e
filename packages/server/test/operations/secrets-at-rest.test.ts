import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createLogger } from '../../src/observability/logger.js';
import { startService } from '../../src/service.js';
import type { RunningService } from '../../src/service.js';
import { cleanEnv, runCli } from '../cli/run-cli.js';
import { startReceiver } from '../dispatch/receiver.js';
import type { Receiver } from '../dispatch/receiver.js';
import { signatureOnlyAccepts } from '../foundation/signature-only-verifier.js';

const API_KEY = 'hlk_secrets_at_rest_0123456789';
const keyA = randomBytes(32).toString('base64');
const keyB = randomBytes(32).toString('hex');

/** Every byte the database keeps on disk: the file and its WAL. */
function databaseBytes(dir: string): Buffer {
  return Buffer.concat(
    readdirSync(dir)
      .filter((f) => f.startsWith('hookline.db'))
      .map((f) => readFileSync(join(dir, f))),
  );
}

describe('signing secrets at rest with HOOKLINE_ENCRYPTION_KEY (SQLite file on disk)', () => {
  let dir: string;
  let receiver: Receiver;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'hookline-secrets-'));
    receiver = await startReceiver();
  });
  afterAll(async () => {
    await receiver?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function start(env: Record<string, string>): Promise<RunningService> {
    const config = loadConfig({
      HOOKLINE_DATA_DIR: dir,
      PORT: '0',
      HOST: '127.0.0.1',
      HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
      HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
      HOOKLINE_POLL_INTERVAL: '100ms',
      ...env,
    });
    return startService(config, createLogger('silent'), { dashboard: false });
  }

  const api = async (service: RunningService, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${service.url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${API_KEY}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as { data: Record<string, unknown> } };
  };

  let key = '';
  let firstSecret = '';
  let secondSecret = '';

  it('stores no signing secret in the database file, and deliveries still verify', async () => {
    const service = await start({ HOOKLINE_ENCRYPTION_KEY: keyA });
    try {
      const created = await api(service, 'POST', '/v1/webhooks', {
        name: 'n8n',
        url: receiver.url,
        events: ['partner.created'],
      });
      expect(created.status).toBe(201);
      key = String(created.body.data.key);
      firstSecret = String(created.body.data.signature);
      expect(firstSecret).toMatch(/^[A-Za-z0-9]{32}$/);
      const rotated = await api(service, 'POST', `/v1/webhooks/${key}/rotate-secret`, {
        grace_period_seconds: 3600,
      });
      secondSecret = String(rotated.body.data.signature);
      const shown = await api(service, 'GET', `/v1/webhooks/${key}`);
      expect(shown.body.data.signature).toBe(secondSecret);

      await api(service, 'POST', `/v1/webhooks/${key}/test`, { event: 'partner.created' });
      const request = receiver.received.at(-1);
      expect(request).toBeDefined();
      // During the grace period `Signature` still carries the first secret (wire-format.md).
      expect(signatureOnlyAccepts(firstSecret, request?.body ?? '', request?.headers ?? {})).toBe(
        true,
      );
    } finally {
      await service.stop();
    }
    const bytes = databaseBytes(dir);
    expect(bytes.length).toBeGreaterThan(0);
    expect(bytes.includes(firstSecret)).toBe(false);
    expect(bytes.includes(secondSecret)).toBe(false);
    expect(bytes.includes('enc:v1:')).toBe(true);
  });

  it('refuses to start without the key, naming it, rather than failing every delivery', async () => {
    await expect(start({})).rejects.toThrow(
      /encrypted with key [0-9a-f]{8}, which is not configured/,
    );
  });

  it('`hookline secrets reencrypt` moves every secret to a new key; the old key is then not needed', async () => {
    const run = await runCli(
      ['secrets', 'reencrypt', '--json'],
      cleanEnv({
        HOOKLINE_DATA_DIR: dir,
        HOOKLINE_ENCRYPTION_KEY: keyB,
        HOOKLINE_ENCRYPTION_KEY_PREVIOUS: keyA,
      }),
    );
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({ webhooks: 1, resealed: 1 });

    await expect(start({ HOOKLINE_ENCRYPTION_KEY: keyA })).rejects.toThrow(/not configured/);
    const service = await start({ HOOKLINE_ENCRYPTION_KEY: keyB });
    try {
      const shown = await api(service, 'GET', `/v1/webhooks/${key}`);
      expect(shown.body.data.signature).toBe(secondSecret);
    } finally {
      await service.stop();
    }
    const bytes = databaseBytes(dir);
    expect(bytes.includes(firstSecret)).toBe(false);
    expect(bytes.includes(secondSecret)).toBe(false);
  });

  it('refuses a key that is not 32 bytes, without echoing it', () => {
    expect(() => loadConfig({ HOOKLINE_ENCRYPTION_KEY: 'not-a-key-at-all' })).toThrow(
      /HOOKLINE_ENCRYPTION_KEY must be 32 bytes/,
    );
    try {
      loadConfig({ HOOKLINE_ENCRYPTION_KEY: 'not-a-key-at-all' });
    } catch (error) {
      expect(String(error)).not.toContain('not-a-key-at-all');
    }
  });
});
