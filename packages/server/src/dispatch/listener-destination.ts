import { LISTENER_NOT_CONNECTED_CODE } from './classify-outcome.js';
import type { AttemptResponse, Destination, OutgoingAttempt } from './destination.js';

/**
 * How attempts reach `hookline listen` sessions (a developer's machine connected to the
 * server). The listen feature (`listen/listener-hub.ts`) implements it and registers it on the
 * delivery services.
 *
 * @example
 * services.setListenerTransport({
 *   async deliver(attempt, signal) { return session.forward(attempt, signal); },
 * });
 */
export interface ListenerTransport {
  deliver(attempt: OutgoingAttempt, signal: AbortSignal): Promise<AttemptResponse>;
}

/** The URL prefix of listener webhooks (`listener:<listener id>`). */
export const LISTENER_URL_PREFIX = 'listener:';

/** The listener relay destination, with the transport registered by the listen feature. */
export interface ListenerDestination extends Destination {
  /** Registers (or removes, with `undefined`) the transport; without one, attempts fail. */
  setTransport(transport: ListenerTransport | undefined): void;
}

/**
 * The listener relay: hands attempts to the registered {@link ListenerTransport}; with none
 * registered (no session connected in this process) the attempt fails as a connection error.
 */
export function createListenerDestination(transport?: ListenerTransport): ListenerDestination {
  let current = transport;
  return {
    async deliver(attempt, signal) {
      if (!current) {
        throw Object.assign(new Error('listener not connected'), {
          code: LISTENER_NOT_CONNECTED_CODE,
        });
      }
      return current.deliver(attempt, signal);
    },
    setTransport(next) {
      current = next;
    },
    async close() {},
  };
}
