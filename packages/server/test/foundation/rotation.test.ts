import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startReceiver } from '../dispatch/receiver.js';
import type { Receiver } from '../dispatch/receiver.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { signatureOnlyAccepts } from './signature-only-verifier.js';

// A rotation never silently breaks a receiver that checks only `Signature` with the one secret
// it was given (Partnero's n8n trigger node): real deliveries to a loopback receiver before,
// during and after the grace period, and after finishing a rotation early.
describe.each(engines)('secret rotation and Signature-only receivers (%s)', (engine) => {
  let ctx: TestContext;
  let receiver: Receiver;
  let now = Date.parse('2026-06-01T08:00:00.000Z');
  /** The secret the receiver has deployed; the receiver answers 401 when `Signature` differs. */
  let deployed = '';
  let key = '';

  beforeAll(async () => {
    ctx = await createTestContext(engine, { extend: (deps) => ({ ...deps, clock: () => now }) });
    receiver = await startReceiver((req) =>
      signatureOnlyAccepts(deployed, req.body, req.headers) ? { status: 200 } : { status: 401 },
    );
    const created = await ctx.createWebhook(`${receiver.url}/n8n`);
    key = created.key;
    deployed = created.signature;
  });
  afterAll(async () => {
    await ctx.close();
    await receiver.close();
  });

  /** Sends a real, signed delivery through `POST /test` and answers the receiver's status. */
  async function deliver(): Promise<number> {
    const res = await ctx.request('POST', `/v1/webhooks/${key}/test`, { event: 'partner.created' });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data.attempt.response_status as number;
  }

  function lastVerifiesWithStandardWebhooks(secret: string): boolean {
    const got = receiver.received.at(-1);
    if (!got) return false;
    try {
      new Webhook(secret).verify(got.body, got.headers as Record<string, string>);
      return true;
    } catch {
      return false;
    }
  }

  it('keeps the old secret in Signature for the grace period, then switches at the time it announced', async () => {
    const original = deployed;
    expect(await deliver()).toBe(200);

    const rotated = await ctx.request('POST', `/v1/webhooks/${key}/rotate-secret`, {
      grace_period_seconds: 3600,
    });
    expect(rotated.statusCode, rotated.body).toBe(200);
    const next = rotated.json().data;
    expect(next.signature).not.toBe(original);
    expect(next.signature_switches_at).toBe('2026-06-01T09:00:00.000000Z');

    // During the grace period the receiver that never heard of the rotation keeps verifying,
    // and Standard Webhooks receivers verify with either secret.
    now += 30 * 60_000;
    expect(await deliver()).toBe(200);
    expect(lastVerifiesWithStandardWebhooks(original)).toBe(true);
    expect(lastVerifiesWithStandardWebhooks(next.signature)).toBe(true);

    // After it, Signature carries the new secret: receivers updated in time verify.
    now += 31 * 60_000;
    expect(await deliver()).toBe(401);
    deployed = next.signature;
    expect(await deliver()).toBe(200);
    expect(lastVerifiesWithStandardWebhooks(original)).toBe(false);
  });

  it('finishes a rotation early once the owner has deployed the new secret', async () => {
    const rotated = await ctx.request('POST', `/v1/webhooks/${key}/rotate-secret`, {
      grace_period_seconds: 86_400,
    });
    const fresh = rotated.json().data.signature as string;
    expect(await deliver()).toBe(200); // still the previous secret, which is deployed

    deployed = fresh; // the owner updates the receiver, then finishes the rotation
    expect(await deliver()).toBe(401);
    const finished = await ctx.request('POST', `/v1/webhooks/${key}/finish-rotation`);
    expect(finished.statusCode, finished.body).toBe(200);
    expect(finished.json().data).toMatchObject({ signature: fresh, signature_switches_at: null });
    expect(await deliver()).toBe(200);
    expect(String(receiver.received.at(-1)?.headers['webhook-signature']).split(' ')).toHaveLength(
      1,
    );

    // Idempotent, and 404 for an unknown webhook.
    expect((await ctx.request('POST', `/v1/webhooks/${key}/finish-rotation`)).statusCode).toBe(200);
    expect((await ctx.request('POST', '/v1/webhooks/nope/finish-rotation')).statusCode).toBe(404);
  });

  it('switches at once when the rotation has no grace period', async () => {
    const rotated = await ctx.request('POST', `/v1/webhooks/${key}/rotate-secret`, {
      grace_period_seconds: 0,
    });
    expect(rotated.json().data.signature_switches_at).toBeNull();
    expect(await deliver()).toBe(401);
    deployed = rotated.json().data.signature;
    expect(await deliver()).toBe(200);
  });
});
