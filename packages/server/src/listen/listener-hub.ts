import { randomUUID } from 'node:crypto';
import { LISTENER_NOT_CONNECTED_CODE } from '../dispatch/classify-outcome.js';
import type { AttemptResponse, OutgoingAttempt } from '../dispatch/destination.js';
import { LISTENER_URL_PREFIX } from '../dispatch/listener-destination.js';
import type { ListenerTransport } from '../dispatch/listener-destination.js';
import { SESSION_END_MESSAGES } from './session-check.js';
import type { SessionCheck, SessionCredentials, SessionEndReason } from './session-check.js';

/** Where a connected `hookline listen` session receives events (an SSE response). */
export interface ListenerSink {
  /** Writes one server-sent event. */
  send(event: string, data: unknown): void;
  /**
   * Ends the stream: with a reason when the server ends the session (key revoked, listener
   * stopped), without one when the server shuts down.
   */
  close(reason?: SessionEndReason): void;
}

/** What the CLI reports back after forwarding one attempt to the local URL. */
export type ListenerReport =
  | {
      readonly status: number;
      readonly headers: Readonly<Record<string, string>>;
      readonly body: string;
    }
  | {
      /** The local exchange failed before an answer: `connection`, `timeout` or `dns`. */
      readonly error: {
        readonly class: 'connection' | 'timeout' | 'dns';
        readonly message: string;
      };
    };

/** The `delivery` event a session receives. */
export interface ListenerDeliveryEvent {
  /** Token to quote in the report (`POST /v1/listeners/{id}/responses`). */
  readonly attempt: string;
  readonly delivery_id: string;
  readonly event_id: string;
  /** The event type, read from the envelope. */
  readonly event: string;
  readonly headers: Readonly<Record<string, string>>;
  readonly body: string;
  /** How long the CLI may wait for the local answer before the attempt times out. */
  readonly timeout_ms: number;
}

interface Pending {
  readonly listenerId: string;
  readonly sessionId: number;
  resolve(response: AttemptResponse): void;
  reject(error: Error): void;
}

/** Error codes by reported class, so the delivery engine's classifier names them right. */
const REPORTED_CODES = {
  connection: 'ECONNREFUSED',
  timeout: 'ERR_HOOKLINE_TIMEOUT',
  dns: 'ENOTFOUND',
} as const;

/** Options of {@link ListenerHub}. */
export interface ListenerHubOptions {
  /**
   * The delivery timeout (config `deliveryTimeoutMs`); sessions get a little less for the local
   * exchange so that their report arrives before the attempt is cut off. Default 5000.
   */
  readonly deliveryTimeoutMs?: number;
  /**
   * Re-checks open sessions against the database: every {@link recheckIntervalMs} for all of
   * them in one batch, and before each relay for the session it goes to. Without it, sessions
   * end only when their listener is stopped through this process, or the client leaves.
   */
  readonly check?: SessionCheck;
  /** How often open sessions are re-checked (default {@link SESSION_RECHECK_MS}). */
  readonly recheckIntervalMs?: number;
  /** A failed periodic re-check (the next one retries); default: ignored. */
  readonly onCheckError?: (error: unknown) => void;
}

/**
 * How often open sessions are re-checked for a revoked key or a stopped listener: the bound on
 * how long a revoked key's stream stays open in a process that did not revoke it.
 */
export const SESSION_RECHECK_MS = 2_000;

interface Session {
  readonly id: number;
  readonly sink: ListenerSink;
  readonly credentials: SessionCredentials;
}

/**
 * The in-process registry of connected `hookline listen` sessions, and the
 * {@link ListenerTransport} that delivers `listener:<webhook id>` attempts to them: it pushes
 * the signed attempt down the session's event stream and waits for the report that the CLI
 * posts back after forwarding it to the local URL.
 *
 * Sessions live in this process's memory. An attempt for a listener with no session here fails
 * with `connection` ("listener not connected") and is retried per schedule, so in a multi-process
 * deployment `hookline listen` must connect to a process that runs the dispatcher.
 *
 * Revocation reaches sessions through the database, not through this memory, so it works
 * whichever process revoked the key (another API process, `hookline keys revoke`): with a
 * {@link SessionCheck}, the hub re-checks every open session in one batch every
 * {@link SESSION_RECHECK_MS} (two primary-key reads per tick, none while no session is open)
 * and the target session before each relay (two reads per relay), and ends those whose key was
 * revoked or whose listener was stopped.
 *
 * @example
 * const hub = new ListenerHub({ deliveryTimeoutMs: config.deliveryTimeoutMs });
 * services.setListenerTransport(hub);
 */
export class ListenerHub implements ListenerTransport {
  readonly #sessions = new Map<string, Session[]>();
  readonly #pending = new Map<string, Pending>();
  readonly #forwardTimeoutMs: number;
  readonly #check: SessionCheck | undefined;
  readonly #recheckMs: number;
  readonly #onCheckError: (error: unknown) => void;
  #recheckTimer: NodeJS.Timeout | undefined;
  #closed = false;
  #nextSessionId = 1;

  constructor(options: ListenerHubOptions = {}) {
    const timeout = options.deliveryTimeoutMs ?? 5_000;
    // Keep a margin for the round trip back to the server, at most a second.
    this.#forwardTimeoutMs = Math.max(100, timeout - Math.min(1_000, Math.floor(timeout / 5)));
    this.#check = options.check;
    this.#recheckMs = options.recheckIntervalMs ?? SESSION_RECHECK_MS;
    this.#onCheckError = options.onCheckError ?? (() => {});
  }

  /** The `listener:` URL of a listener webhook. */
  static urlOf(webhookId: string): string {
    return `${LISTENER_URL_PREFIX}${webhookId}`;
  }

  /**
   * Attaches a session to a listener. The newest session of a listener receives its
   * deliveries. Returns the function that detaches it (call it when the stream closes).
   *
   * @param apiKeyId the key that opened the session: its revocation ends the session
   */
  connect(listenerId: string, sink: ListenerSink, apiKeyId: string): () => void {
    const session: Session = {
      id: this.#nextSessionId++,
      sink,
      credentials: { listenerId, apiKeyId },
    };
    const list = this.#sessions.get(listenerId) ?? [];
    list.push(session);
    this.#sessions.set(listenerId, list);
    this.#scheduleRecheck();
    return () => {
      const current = this.#sessions.get(listenerId);
      if (!current) return;
      const rest = current.filter((s) => s !== session);
      if (rest.length > 0) this.#sessions.set(listenerId, rest);
      else this.#sessions.delete(listenerId);
      // Attempts in flight on this session cannot be answered any more.
      for (const [token, pending] of this.#pending) {
        if (pending.sessionId === session.id) {
          this.#pending.delete(token);
          pending.reject(notConnected('listener disconnected before answering'));
        }
      }
    };
  }

  /** True while at least one session of the listener is connected to this process. */
  isConnected(listenerId: string): boolean {
    return this.#sessions.has(listenerId);
  }

  /** Ends every session of a listener (it was stopped or deleted). */
  disconnectAll(listenerId: string, reason?: SessionEndReason): void {
    for (const session of [...(this.#sessions.get(listenerId) ?? [])]) {
      this.#end(session, reason);
    }
  }

  /** Ends every session (server shutting down) and stops re-checking. */
  close(): void {
    this.#closed = true;
    clearTimeout(this.#recheckTimer);
    this.#recheckTimer = undefined;
    for (const id of [...this.#sessions.keys()]) this.disconnectAll(id);
  }

  /**
   * Re-checks every open session now, ending those whose key was revoked or whose listener
   * was stopped (the periodic re-check calls it; so may a process that just revoked a key).
   *
   * @returns how many sessions it ended
   */
  async recheck(): Promise<number> {
    if (!this.#check) return 0;
    const sessions = [...this.#sessions.values()].flat();
    if (sessions.length === 0) return 0;
    const ended = await this.#check(sessions.map((s) => s.credentials));
    let count = 0;
    for (const session of sessions) {
      const reason = ended.get(session.credentials);
      if (reason !== undefined && this.#isOpen(session)) {
        this.#end(session, reason);
        count++;
      }
    }
    return count;
  }

  /** One timer for every session (not one per stream), running only while sessions exist. */
  #scheduleRecheck(): void {
    if (!this.#check || this.#closed || this.#recheckTimer !== undefined) return;
    this.#recheckTimer = setTimeout(() => {
      this.recheck()
        .catch((error: unknown) => this.#onCheckError(error))
        .finally(() => {
          this.#recheckTimer = undefined;
          if (this.#sessions.size > 0) this.#scheduleRecheck();
        });
    }, this.#recheckMs);
    this.#recheckTimer.unref();
  }

  #isOpen(session: Session): boolean {
    return this.#sessions.get(session.credentials.listenerId)?.includes(session) === true;
  }

  /**
   * Ends one session: its attempts in flight fail at once with the reason (rather than when
   * the stream's close event detaches it), then the stream ends with a last `closed` event.
   */
  #end(session: Session, reason?: SessionEndReason): void {
    if (reason !== undefined) {
      for (const [token, pending] of this.#pending) {
        if (pending.sessionId === session.id) {
          this.#pending.delete(token);
          pending.reject(notConnected(`listener session ended: ${SESSION_END_MESSAGES[reason]}`));
        }
      }
    }
    session.sink.close(reason);
  }

  /**
   * {@link ListenerTransport.deliver}: push the attempt to the newest session, await its report.
   * The session is re-checked first (one read), so no relay reaches a session whose key was
   * revoked, even before the periodic re-check has ended it.
   */
  async deliver(delivery: OutgoingAttempt, signal: AbortSignal): Promise<AttemptResponse> {
    const listenerId = delivery.url.slice(LISTENER_URL_PREFIX.length);
    const session = this.#sessions.get(listenerId)?.at(-1);
    if (!session) throw notConnected('listener not connected');
    if (this.#check) {
      const reason = (await this.#check([session.credentials])).get(session.credentials);
      if (reason !== undefined) {
        this.#end(session, reason);
        throw notConnected(`listener session ended: ${SESSION_END_MESSAGES[reason]}`);
      }
      if (!this.#isOpen(session)) throw notConnected('listener disconnected');
    }
    if (signal.aborted) throw signal.reason instanceof Error ? signal.reason : new Error('aborted');

    const token = randomUUID();
    return new Promise<AttemptResponse>((resolve, reject) => {
      const onAbort = () => {
        this.#pending.delete(token);
        reject(signal.reason instanceof Error ? signal.reason : new Error('aborted'));
      };
      signal.addEventListener('abort', onAbort, { once: true });
      const settle =
        <T>(fn: (value: T) => void) =>
        (value: T) => {
          signal.removeEventListener('abort', onAbort);
          this.#pending.delete(token);
          fn(value);
        };
      this.#pending.set(token, {
        listenerId,
        sessionId: session.id,
        resolve: settle(resolve),
        reject: settle(reject),
      });
      const event: ListenerDeliveryEvent = {
        attempt: token,
        delivery_id: delivery.id,
        event_id: delivery.eventId,
        event: eventTypeOf(delivery.body),
        headers: delivery.headers,
        body: delivery.body,
        timeout_ms: this.#forwardTimeoutMs,
      };
      try {
        session.sink.send('delivery', event);
      } catch (error) {
        this.#pending
          .get(token)
          ?.reject(
            notConnected(
              `listener stream failed: ${error instanceof Error ? error.message : String(error)}`,
            ),
          );
      }
    });
  }

  /**
   * Settles an attempt with the session's report.
   *
   * @returns false when the attempt is unknown here (already timed out, or another process's)
   */
  report(listenerId: string, attempt: string, report: ListenerReport): boolean {
    const pending = this.#pending.get(attempt);
    if (!pending || pending.listenerId !== listenerId) return false;
    if ('error' in report) {
      const error = Object.assign(new Error(`local endpoint: ${report.error.message}`), {
        code: REPORTED_CODES[report.error.class],
      });
      pending.reject(error);
    } else {
      pending.resolve({ statusCode: report.status, headers: report.headers, body: report.body });
    }
    return true;
  }
}

function notConnected(message: string): Error {
  return Object.assign(new Error(message), { code: LISTENER_NOT_CONNECTED_CODE });
}

function eventTypeOf(body: string): string {
  try {
    const parsed = JSON.parse(body) as { event?: unknown };
    return typeof parsed.event === 'string' ? parsed.event : 'unknown';
  } catch {
    return 'unknown';
  }
}
