/**
 * How deliveries to `listener:` URLs reach a `hookline listen` session (a developer's machine
 * connected to the server) instead of going out over HTTP. The listen feature implements this
 * interface and registers it on the delivery services; the sender hands such deliveries to it.
 */

/** A response from the receiving end, in the same shape the HTTP sender records. */
export interface AttemptResponse {
  readonly statusCode: number;
  /** Response headers, lowercase names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Response body; the sender keeps at most the first 16 KiB. */
  readonly body: string;
}

/** One attempt handed to a listener: the exact body and the signed headers. */
export interface ListenerDelivery {
  /** Delivery id (`dlv_...`). */
  readonly id: string;
  /** Event id (`evt_...`), also the `webhook-id` header. */
  readonly eventId: string;
  /** The `listener:...` URL of the webhook, which names the session. */
  readonly url: string;
  /** The exact body bytes, as sent over HTTP. */
  readonly body: string;
  /** The headers an HTTP receiver would get (signatures included). */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Delivers to `hookline listen` sessions. Resolve with the receiver's answer; reject (or
 * honour `signal`, which aborts at the delivery timeout or on shutdown) when it cannot answer.
 *
 * @example
 * services.setListenerTransport({
 *   async deliver(delivery, signal) { return session.forward(delivery, signal); },
 * });
 */
export interface ListenerTransport {
  deliver(delivery: ListenerDelivery, signal: AbortSignal): Promise<AttemptResponse>;
}

/** The URL prefix of listener webhooks. */
export const LISTENER_URL_PREFIX = 'listener:';

/** True for a URL that a {@link ListenerTransport} delivers to. */
export function isListenerUrl(url: string): boolean {
  return url.startsWith(LISTENER_URL_PREFIX);
}
