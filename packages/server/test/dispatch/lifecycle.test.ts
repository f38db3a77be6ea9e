import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterEach, describe, expect, it } from 'vitest';
import { setOperational } from '../../src/webhooks/index.js';
import { engines } from '../helpers/store.js';
import { createHarness } from './harness.js';
import type { Harness } from './harness.js';
import { eventually, startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

/** A loopback SMTP server that keeps every message it is given. */
async function startSmtp(): Promise<{ port: number; mails: string[]; close(): Promise<void> }> {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

const eventsOf = (r: Receiver) =>
  r.received.map((x) => JSON.parse(x.body) as { event: string; data: Record<string, unknown> });

describe.each(engines)('receiver signals and endpoint lifecycle (%s)', (engine) => {
  let h: Harness;
  const receivers: Receiver[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  afterEach(async () => {
    await h?.close();
    for (const r of receivers.splice(0)) await r.close();
    for (const c of cleanups.splice(0)) await c();
  });

  it('429 with Retry-After: the delivery and its siblings wait as asked, without using the budget', async () => {
    // One attempt in the budget: a 429 that used it would fail the delivery.
    h = await createHarness(engine, {
      HOOKLINE_RETRY_SCHEDULE: '0s',
      HOOKLINE_MAX_IN_FLIGHT_PER_WEBHOOK: '1',
    });
    const r = await startReceiver((_req, index) =>
      index === 1 ? { status: 429, headers: { 'retry-after': '2' } } : undefined,
    );
    receivers.push(r);
    const webhook = await h.webhook(r.url, { events: ['partner.created'] });
    const ids = await h.publish(3);
    h.dispatcher().start();
    await eventually(async () => {
      const rows = await Promise.all(ids.map((id) => h.delivery(id)));
      return rows.every((d) => d.status === 'succeeded');
    }, 20_000);
    expect(r.received).toHaveLength(4);
    const [first, second] = r.received;
    // Nothing reached the webhook before the 2 s it asked for.
    expect(second!.at - first!.at).toBeGreaterThanOrEqual(2_000);
    const throttled = await h.store.db
      .selectFrom('deliveries')
      .select(['attempts', 'throttled_attempts'])
      .where('webhook_id', '=', webhook.id)
      .where('throttled_attempts', '>', 0)
      .execute();
    expect(throttled).toEqual([{ attempts: 2, throttled_attempts: 1 }]);
    const row = await h.store.db
      .selectFrom('webhooks')
      .select(['is_active', 'failing_since', 'paused_until'])
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow();
    expect(row.is_active).toBe(1);
    expect(row.failing_since).toBeNull();
  }, 30_000);

  it('410 Gone disables the webhook with that reason and tells the operational webhook', async () => {
    h = await createHarness(engine);
    const gone = await startReceiver(() => ({ status: 410 }));
    const ops = await startReceiver();
    receivers.push(gone, ops);
    const webhook = await h.webhook(gone.url, { events: ['partner.created'] });
    const opsWebhook = await h.webhook(ops.url, { events: ['customer.created'] });
    await setOperational(h.store.db, opsWebhook.id, true, Date.now());
    const [id] = await h.publish(1);
    h.dispatcher().start();
    await eventually(() => eventsOf(ops).some((e) => e.event === 'webhook.disabled'), 15_000);
    const row = await h.store.db
      .selectFrom('webhooks')
      .select(['is_active', 'disabled_reason', 'disabled_at'])
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow();
    expect(row.is_active).toBe(0);
    expect(row.disabled_reason).toMatch(/410 Gone/);
    expect(row.disabled_at).not.toBeNull();
    expect((await h.delivery(id!)).status).toBe('failed');
    expect(gone.received).toHaveLength(1);
    const notice = eventsOf(ops).find((e) => e.event === 'webhook.disabled')!;
    expect(notice.data).toMatchObject({
      webhook: { key: webhook.key, url: gone.url },
      reason: expect.stringMatching(/410 Gone/),
    });
    // The operational webhook gets no partner events, and ordinary ones no operational events.
    expect(
      eventsOf(ops).every((e) => e.event.startsWith('webhook.') || e.event.startsWith('delivery.')),
    ).toBe(true);
  }, 30_000);

  it('failing deliveries in a row: warned, then disabled; by operational webhook and by email', async () => {
    const smtp = await startSmtp();
    cleanups.push(() => smtp.close());
    h = await createHarness(engine, {
      HOOKLINE_RETRY_SCHEDULE: '0s',
      HOOKLINE_DISABLE_AFTER_FAILURES: '2',
      HOOKLINE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
      HOOKLINE_SMTP_FROM: 'hookline@example.test',
      HOOKLINE_OPERATIONS_EMAIL: 'owner@example.test',
    });
    const failing = await startReceiver(() => ({ status: 500 }));
    const ops = await startReceiver();
    const bystander = await startReceiver();
    receivers.push(failing, ops, bystander);
    const webhook = await h.webhook(failing.url, { events: ['partner.created'] });
    const opsWebhook = await h.webhook(ops.url, { events: ['customer.created'] });
    await setOperational(h.store.db, opsWebhook.id, true, Date.now());
    // An ordinary webhook subscribed to everything: operational events are not for it.
    await h.webhook(bystander.url, { events: ['*'] });
    h.dispatcher().start();

    await h.publish(1);
    const failingDelivery = async () =>
      (
        await h.store.db
          .selectFrom('deliveries')
          .select('id')
          .where('webhook_id', '=', webhook.id)
          .orderBy('id')
          .executeTakeFirstOrThrow()
      ).id;
    const first = await failingDelivery();
    await eventually(() => eventsOf(ops).some((e) => e.event === 'webhook.failing'), 15_000);
    expect((await h.delivery(first)).status).toBe('failed');
    const exhausted = eventsOf(ops).find((e) => e.event === 'delivery.exhausted')!;
    expect(exhausted.data).toMatchObject({
      delivery_id: first,
      event: 'partner.created',
      attempts: 1,
    });
    expect(eventsOf(ops).find((e) => e.event === 'webhook.failing')!.data).toMatchObject({
      consecutive_failures: 1,
      webhook: { key: webhook.key },
    });

    await h.publish(1);
    await eventually(() => eventsOf(ops).some((e) => e.event === 'webhook.disabled'), 15_000);
    const row = await h.store.db
      .selectFrom('webhooks')
      .select(['is_active', 'disabled_reason', 'consecutive_failures'])
      .where('id', '=', webhook.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ is_active: 0, consecutive_failures: 2 });
    expect(row.disabled_reason).toMatch(/2 deliveries in a row/);

    // Emails: the warning and the disabling (not every exhausted delivery).
    await eventually(() => smtp.mails.length >= 2, 10_000);
    expect(smtp.mails).toHaveLength(2);
    expect(smtp.mails.join('\n')).toMatch(/To: owner@example\.test/);
    // (The subject is MIME-encoded; the body opens with the same line.)
    expect(smtp.mails[0]).toMatch(/Subject: =\?UTF-8\?Q\?=5BHookline=5D/);
    expect(smtp.mails[0]).toMatch(/Webhook "test" is failing/);
    expect(smtp.mails[1]).toMatch(/Webhook "test" was disabled/);
    expect(smtp.mails[1]).toMatch(/Reason: 2 deliveries in a row/);

    await eventually(() => bystander.received.length === 2);
    expect(eventsOf(bystander).map((e) => e.event)).toEqual(['partner.created', 'partner.created']);
  }, 40_000);
});
