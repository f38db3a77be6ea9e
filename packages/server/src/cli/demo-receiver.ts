import { createServer } from 'node:http';
import type { IncomingHttpHeaders, Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { CliError } from './cli-error.js';

/** The part of `@hookline/receiver` the demo uses (described structurally, loaded at run time). */
interface ReceiverSdk {
  verify(
    rawBody: Buffer,
    headers: IncomingHttpHeaders,
    secret: string,
  ): { body: string; id: string | undefined };
}

/** One request the demo receiver got. */
export interface ReceivedWebhook {
  readonly eventId: string;
  readonly event: string;
  /** How many times this receiver has seen this event id (1 = first attempt). */
  readonly attempt: number;
  /** What it answered: 200, 500 (simulated failure) or 400 (bad signature). */
  readonly status: number;
  readonly verified: boolean;
}

/** A running demo receiver. */
export interface DemoReceiver {
  readonly url: string;
  /** The secret to verify with (set once the webhook exists). */
  secret: string;
  readonly stats: { received: number; ok: number; failed: number; badSignature: number };
  close(): Promise<void>;
}

/**
 * Loads `@hookline/receiver` (the workspace package, as a receiver would use it). Loaded at run
 * time so that building the server does not depend on the receiver's build output.
 */
async function loadReceiverSdk(): Promise<ReceiverSdk> {
  const specifier = '@hookline/receiver';
  try {
    return (await import(specifier)) as ReceiverSdk;
  } catch (error) {
    throw new CliError(
      `the demo receiver needs @hookline/receiver built: run \`npm run build -w @hookline/receiver\` (${error instanceof Error ? error.message : String(error)})`,
    );
  }
}

/**
 * A sample receiver on loopback: verifies every request's signature with `@hookline/receiver`
 * and answers 500 to a share of first attempts (`failureRate`) so retries show, 200 otherwise.
 *
 * @example const receiver = await startDemoReceiver({ failureRate: 0.2, onRequest: print });
 */
export async function startDemoReceiver(options: {
  failureRate: number;
  onRequest: (received: ReceivedWebhook) => void;
}): Promise<DemoReceiver> {
  const sdk = await loadReceiverSdk();
  const seen = new Map<string, number>();
  const stats = { received: 0, ok: 0, failed: 0, badSignature: 0 };
  const receiver = { secret: '' };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      stats.received++;
      const raw = Buffer.concat(chunks);
      let eventId = String(req.headers['webhook-id'] ?? '?');
      let event = '?';
      let status: number;
      let verified = false;
      try {
        const verifiedBody = sdk.verify(raw, req.headers, receiver.secret);
        verified = true;
        const parsed = JSON.parse(verifiedBody.body) as { id?: string; event?: string };
        eventId = parsed.id ?? eventId;
        event = parsed.event ?? event;
        const attempt = (seen.get(eventId) ?? 0) + 1;
        seen.set(eventId, attempt);
        // Bounded memory for long demos: forget the oldest events.
        if (seen.size > 10_000) seen.delete(seen.keys().next().value as string);
        status = Math.random() < options.failureRate ? 500 : 200;
      } catch {
        status = 400;
        stats.badSignature++;
      }
      if (status === 200) stats.ok++;
      else if (status === 500) stats.failed++;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 200
            ? { received: true }
            : status === 500
              ? { error: 'simulated failure (the demo fails some requests so retries show)' }
              : { error: 'invalid signature' },
        ),
      );
      options.onRequest({ eventId, event, attempt: seen.get(eventId) ?? 1, status, verified });
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return Object.assign(receiver, {
    url: `http://127.0.0.1:${port}/webhooks`,
    stats,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  });
}
