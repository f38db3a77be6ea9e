import { readFileSync, readdirSync } from 'node:fs';
import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/config.js';
import { createDeliveryServices } from '../../src/dispatch/delivery-services.js';
import { createPostbackSender } from '../../src/dispatch/postback-sender.js';
import type { Sender, SendRequest } from '../../src/dispatch/sender.js';
import type { AttemptOutcome } from '../../src/deliveries/index.js';
import { partneroSignature } from '../../src/webhooks/signing.js';
import { startReceiver } from './receiver.js';
import type { Receiver } from './receiver.js';

const secret = 'abcdefghijklmnopqrstuvwxyz012345';
const body = JSON.stringify({ id: 'evt_1', event: 'transaction.created', data: { amount: 9950 } });
const request = (url: string, webhookKind: string): SendRequest => ({
  deliveryId: 'dlv_1',
  eventId: 'evt_1',
  webhookKind,
  url,
  body,
  secrets: [secret],
});

/** A sender that answers every attempt at once and keeps what it was given (routing only). */
function recordingSender(name: string, log: string[]): Sender {
  return {
    send: (r) => {
      log.push(`${name}:${r.webhookKind}`);
      return Promise.resolve({ succeeded: true } as AttemptOutcome);
    },
    setListenerTransport: () => log.push(`${name}:transport`),
    close: () => {
      log.push(`${name}:close`);
      return Promise.resolve();
    },
  };
}

describe('createPostbackSender: the bulkhead between owner webhooks and partner postbacks', () => {
  it('sends postbacks through their own sender, started at the first postback, and the rest through the owner’s', async () => {
    const log: string[] = [];
    let started = 0;
    const sender = createPostbackSender(recordingSender('owner', log), () => {
      started++;
      return recordingSender('postbacks', log);
    });
    await sender.send(request('https://example.com/a', 'endpoint'));
    await sender.send(request('listener:abc', 'listener'));
    sender.setListenerTransport(undefined);
    // A program without postbacks never starts their sender.
    expect(started).toBe(0);
    await sender.send(request('https://example.com/p', 'postback'));
    await sender.send(request('https://example.com/p', 'postback'));
    expect(started).toBe(1);
    await sender.close();
    expect(log).toEqual([
      'owner:endpoint',
      'owner:listener',
      'owner:transport',
      'postbacks:postback',
      'postbacks:postback',
      'owner:close',
      'postbacks:close',
    ]);
  });

  it('closes only the owner’s sender when no postback was ever sent', async () => {
    const log: string[] = [];
    const sender = createPostbackSender(recordingSender('owner', log), () =>
      recordingSender('postbacks', log),
    );
    await sender.close();
    expect(log).toEqual(['owner:close']);
  });
});

describe('postbacks sent from their own thread (createDeliveryServices, real loopback receivers)', () => {
  let receiver: Receiver;
  beforeAll(async () => {
    receiver = await startReceiver(() => ({ status: 200, body: 'ok' }));
  });
  afterAll(async () => {
    await receiver.close();
  });

  const config = (allowPrivateNetworks: boolean) =>
    loadConfig({
      DATABASE_URL: 'sqlite::memory:',
      HOOKLINE_ALLOW_PRIVATE_NETWORKS: String(allowPrivateNetworks),
      LOG_LEVEL: 'silent',
    });

  it.each([false, true])(
    'delivers a postback signed for the published verifier (owner attempts on a sender thread: %s)',
    async (senderThread) => {
      const services = createDeliveryServices({ config: config(true), senderThread });
      try {
        const before = receiver.received.length;
        const [owner, postback] = await Promise.all([
          services.sender.send(request(new URL('/owner', receiver.url).href, 'endpoint')),
          services.sender.send(request(new URL('/postback', receiver.url).href, 'postback')),
        ]);
        expect(owner).toMatchObject({ succeeded: true, responseStatus: 200 });
        expect(postback).toMatchObject({ succeeded: true, responseStatus: 200, aborted: false });
        const got = receiver.received.slice(before).find((r) => r.path === '/postback');
        expect(got?.body).toBe(body);
        const verified = new Webhook(secret).verify(
          got!.body,
          got!.headers as Record<string, string>,
        );
        expect(verified).toEqual(JSON.parse(body));
        expect(got!.headers.signature).toBe(partneroSignature(body, secret));
      } finally {
        await services.close();
      }
    },
  );

  it('keeps the SSRF guard on the postbacks’ thread: a partner URL on loopback is refused', async () => {
    const services = createDeliveryServices({ config: config(false), senderThread: false });
    try {
      const before = receiver.received.length;
      const outcome = await services.sender.send(
        request(new URL('/postback', receiver.url).href, 'postback'),
      );
      expect(outcome).toMatchObject({ succeeded: false, errorClass: 'ssrf_blocked' });
      expect(receiver.received.length).toBe(before);
    } finally {
      await services.close();
    }
  });

  /** Niceness of each thread of this process, by thread id (Linux: /proc/self/task). */
  const niceness = (): Map<string, number> => {
    const out = new Map<string, number>();
    for (const tid of readdirSync('/proc/self/task')) {
      try {
        const stat = readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
        // Fields after the command's closing parenthesis: state is field 3, nice field 19.
        out.set(tid, Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
      } catch {
        // The thread ended while the directory was read.
      }
    }
    return out;
  };
  const ownNice = () =>
    niceness().get(readFileSync('/proc/thread-self/stat', 'utf8').split(' ')[0]!)!;

  it.runIf(process.platform === 'linux').each([
    { setting: undefined, lowered: 10 },
    { setting: '4', lowered: 4 },
    { setting: '0', lowered: 0 },
  ])(
    'sends postbacks from a thread that many levels of niceness below the others (HOOKLINE_POSTBACK_NICE=$setting: $lowered)',
    async ({ setting, lowered }) => {
      const base = ownNice();
      const before = new Set(niceness().keys());
      const services = createDeliveryServices({
        config: loadConfig({
          DATABASE_URL: 'sqlite::memory:',
          HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
          LOG_LEVEL: 'silent',
          ...(setting === undefined ? {} : { HOOKLINE_POSTBACK_NICE: setting }),
        }),
        // The owner's attempts on a sender thread too, which must keep the normal priority.
        senderThread: true,
      });
      try {
        const [owner, postback] = await Promise.all([
          services.sender.send(request(new URL('/owner', receiver.url).href, 'endpoint')),
          services.sender.send(request(new URL('/postback', receiver.url).href, 'postback')),
        ]);
        expect(owner).toMatchObject({ succeeded: true });
        expect(postback).toMatchObject({ succeeded: true });
        // The thread lowers its priority once libuv's pool is up (thread-priority.ts): a bounded wait.
        const raised = () => [...niceness().values()].filter((n) => n !== base);
        for (let i = 0; i < 100 && lowered > 0 && raised().length === 0; i++) {
          await new Promise((r) => setTimeout(r, 20));
        }
        const now = niceness();
        // The two sender threads (and any pool threads they started) are new; only one of
        // them, the postbacks', runs at a lower priority, and no thread runs higher.
        expect([...now.keys()].filter((t) => !before.has(t)).length).toBeGreaterThanOrEqual(2);
        expect(raised()).toEqual(lowered > 0 ? [Math.min(19, base + lowered)] : []);
      } finally {
        await services.close();
      }
    },
  );
});
