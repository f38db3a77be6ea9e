import { performance } from 'node:perf_hooks';
import type { AttemptOutcome } from '../deliveries/index.js';
import { systemClock } from '../util/time.js';
import type { Clock } from '../util/time.js';
import { VERSION } from '../version.js';
import { contentTypeOf } from '../webhooks/postbacks-target.js';
import { signAttempt } from '../webhooks/signing.js';
import { classifyError, classifyOutcome } from './classify-outcome.js';
import type { AttemptResponse, Destination, Destinations } from './destination.js';
import { createDnsResolver } from './dns-resolver.js';
import type { Resolver } from './guarded-connector.js';
import { RESPONSE_BODY_LIMIT, createHttpDestination } from './http-destination.js';
import { createListenerDestination } from './listener-destination.js';
import type { ListenerDestination, ListenerTransport } from './listener-destination.js';

export { RESPONSE_BODY_LIMIT } from './http-destination.js';

/** One attempt to send: the delivery's URL and body, and the secrets valid now. */
export interface SendRequest {
  readonly deliveryId: string;
  readonly eventId: string;
  /** The webhook's id: picks its own connection pool, so a slow webhook holds only its own. */
  readonly webhookId?: string;
  /** The webhook's kind (`endpoint` or `listener`): picks the destination. */
  readonly webhookKind: string;
  readonly url: string;
  /** The delivery's body, sent byte for byte. */
  readonly body: string;
  /** Every secret that signs now, newest first (see `activeSecrets`). */
  readonly secrets: readonly string[];
  /** Aborts the attempt (shutdown). The outcome is then `aborted` and should not be logged. */
  readonly signal?: AbortSignal;
}

/** Sends attempts: signs them, hands them to the webhook kind's destination, classifies. */
export interface Sender {
  send(request: SendRequest): Promise<AttemptOutcome>;
  /** Registers (or removes, with `undefined`) the transport of listener webhooks. */
  setListenerTransport(transport: ListenerTransport | undefined): void;
  /** Closes the destinations' connection pools. */
  close(): Promise<void>;
}

/** Options of {@link createSender}. */
export interface SenderOptions {
  /** Hard limit of the whole exchange (connect, headers, body), in ms. */
  readonly timeoutMs: number;
  /** Skip the SSRF check (development and tests). */
  readonly allowPrivateNetworks: boolean;
  /** Keep-alive connections per webhook. Default 16 (the per-webhook in-flight cap). */
  readonly connectionsPerWebhook?: number;
  /** DNS servers (`host` or `host:port`) for deliveries; default the system's. */
  readonly dnsServers?: readonly string[];
  readonly clock?: Clock;
  /** Replaces DNS resolution (tests); default c-ares with a timeout (dns-resolver.ts). */
  readonly resolver?: Resolver;
  readonly listenerTransport?: ListenerTransport;
  /** The listener relay to use (shared with the delivery services); default a new one. */
  readonly listener?: ListenerDestination;
  /** Replaces the HTTP destination (tests, a worker thread relaying listener attempts). */
  readonly endpoint?: Destination;
}

/**
 * Creates the sender: signs each attempt (both schemes), hands it to the destination of the
 * webhook's kind (HTTP for `endpoint`, the listener relay for `listener`) under one hard
 * deadline, and classifies what came back.
 *
 * @example
 * const sender = createSender({ timeoutMs: 5000, allowPrivateNetworks: false });
 * const outcome = await sender.send({ deliveryId, eventId, webhookKind, url, body, secrets });
 */
export function createSender(options: SenderOptions): Sender {
  const clock = options.clock ?? systemClock;
  const timeoutMs = options.timeoutMs;
  const listener = options.listener ?? createListenerDestination(options.listenerTransport);
  const destinations: Destinations = {
    endpoint:
      options.endpoint ??
      createHttpDestination({
        timeoutMs,
        allowPrivateNetworks: options.allowPrivateNetworks,
        connectionsPerWebhook: options.connectionsPerWebhook ?? 16,
        resolve:
          options.resolver ??
          createDnsResolver({
            // Never longer than an attempt; the attempt's deadline also races each lookup.
            timeoutMs: Math.min(2_000, timeoutMs),
            ...(options.dnsServers ? { servers: options.dnsServers } : {}),
            clock,
          }),
      }),
    listener,
  };
  const userAgent = `Hookline/${VERSION}`;
  const deadlines = createDeadlines(timeoutMs);

  async function send(req: SendRequest): Promise<AttemptOutcome> {
    const startedAt = clock();
    const t0 = performance.now();
    const signature = signAttempt({
      eventId: req.eventId,
      body: req.body,
      timestampSeconds: Math.floor(startedAt / 1000),
      secrets: req.secrets,
    });
    const contentType = contentTypeOf(req.url);
    const requestHeaders: Record<string, string> = {
      ...(contentType ? { 'Content-Type': contentType } : {}),
      'User-Agent': userAgent,
      ...signature,
    };
    const deadline = deadlines.start(req.signal);
    const finish = (response: AttemptResponse | undefined, error: unknown): AttemptOutcome => {
      deadline.done();
      const durationMs = Math.round(performance.now() - t0);
      const aborted = req.signal?.aborted === true && !deadline.timedOut;
      // A lookup cut short by the deadline names DNS, not a generic timeout.
      const failure = response || !deadline.timedOut ? undefined : classifyError(error);
      const verdict = response
        ? classifyOutcome({ kind: 'response', statusCode: response.statusCode })
        : failure?.errorClass === 'dns'
          ? { succeeded: false, ...failure }
          : deadline.timedOut
            ? {
                succeeded: false,
                errorClass: 'timeout' as const,
                message: `timed out after ${timeoutMs} ms`,
              }
            : { succeeded: false, ...classifyError(error) };
      return {
        startedAt,
        durationMs,
        requestHeaders,
        responseStatus: response?.statusCode ?? null,
        responseHeaders: response?.headers ?? null,
        responseBody: response?.body ?? null,
        succeeded: verdict.succeeded && !aborted,
        errorClass: verdict.errorClass,
        errorMessage: verdict.message,
        aborted,
      };
    };
    const destination =
      req.webhookKind === 'listener' ? destinations.listener : destinations.endpoint;
    try {
      const response = await destination.deliver(
        {
          id: req.deliveryId,
          eventId: req.eventId,
          ...(req.webhookId ? { webhookId: req.webhookId } : {}),
          url: req.url,
          body: req.body,
          headers: requestHeaders,
        },
        deadline.signal,
      );
      return finish(capResponse(response), undefined);
    } catch (error) {
      return finish(undefined, error);
    }
  }

  return {
    send,
    setListenerTransport: (transport) => listener.setTransport(transport),
    async close() {
      deadlines.close();
      await Promise.all([destinations.endpoint.close(), destinations.listener.close()]);
    },
  };
}

function capResponse(response: AttemptResponse): AttemptResponse {
  if (response.body.length <= RESPONSE_BODY_LIMIT / 4) return response;
  const bytes = Buffer.byteLength(response.body);
  if (bytes <= RESPONSE_BODY_LIMIT) return response;
  return {
    ...response,
    body: Buffer.from(response.body).subarray(0, RESPONSE_BODY_LIMIT).toString('utf8'),
  };
}

/** The hard deadline of one attempt: its abort signal, and whether the deadline fired. */
interface Deadline {
  readonly signal: AbortSignal;
  readonly timedOut: boolean;
  /** The attempt finished: stop watching it. */
  done(): void;
}

/** Granularity of the hard timeout: attempts are aborted at most this late. */
const DEADLINE_TICK_MS = 50;

/**
 * Hard deadlines for every attempt in flight, checked by one shared timer. `AbortSignal.timeout`
 * plus `AbortSignal.any` per attempt cost ~4% of the dispatcher's CPU in a backlog drain
 * (profiled); one controller per attempt and one 50 ms tick for all of them cost a fraction.
 */
function createDeadlines(timeoutMs: number) {
  const watched = new Set<{ at: number; controller: AbortController; timedOut: boolean }>();
  let tick: NodeJS.Timeout | undefined;
  const check = () => {
    const now = performance.now();
    for (const d of watched) {
      if (d.at <= now) {
        d.timedOut = true;
        watched.delete(d);
        d.controller.abort(new DOMException(`timed out after ${timeoutMs} ms`, 'TimeoutError'));
      }
    }
    if (watched.size === 0 && tick) {
      clearInterval(tick);
      tick = undefined;
    }
  };
  return {
    start(outer: AbortSignal | undefined): Deadline {
      const entry = {
        at: performance.now() + timeoutMs,
        controller: new AbortController(),
        timedOut: false,
      };
      watched.add(entry);
      if (!tick) {
        tick = setInterval(check, DEADLINE_TICK_MS);
        tick.unref();
      }
      const onOuterAbort = () => entry.controller.abort(outer?.reason);
      if (outer?.aborted) onOuterAbort();
      else outer?.addEventListener('abort', onOuterAbort, { once: true });
      return {
        signal: entry.controller.signal,
        get timedOut() {
          return entry.timedOut;
        },
        done() {
          watched.delete(entry);
          outer?.removeEventListener('abort', onOuterAbort);
        },
      };
    },
    close() {
      if (tick) clearInterval(tick);
      tick = undefined;
      watched.clear();
    },
  };
}
