/**
 * Where a signed attempt goes. The sender signs, enforces the deadline and classifies the
 * outcome; a destination only carries the request and brings back the answer. Two
 * implementations: {@link createHttpDestination} (a webhook's URL over HTTP) and
 * {@link createListenerDestination} (relayed to a `hookline listen` session). The webhook's
 * `kind` picks one.
 */

/** A response from the receiving end, as the attempt log records it. */
export interface AttemptResponse {
  readonly statusCode: number;
  /** Response headers, lowercase names. */
  readonly headers: Readonly<Record<string, string>>;
  /** Response body; the sender keeps at most the first 16 KiB. */
  readonly body: string;
}

/** One signed attempt handed to a destination: the exact body and the headers to send. */
export interface OutgoingAttempt {
  /** Delivery id (`dlv_...`). */
  readonly id: string;
  /** Event id (`evt_...`), also the `webhook-id` header. */
  readonly eventId: string;
  /** Webhook id (`whk_...`): the HTTP destination keeps one connection pool per webhook. */
  readonly webhookId?: string;
  /**
   * The webhook's URL (`https://...`, or `listener:...` naming a listen session), or a partner
   * postback's target (`pb:...`, webhooks/postbacks-target.ts), which the HTTP destination
   * turns into the request to make.
   */
  readonly url: string;
  /** The exact body bytes. */
  readonly body: string;
  /** The headers as sent (signatures included, never a secret). */
  readonly headers: Readonly<Record<string, string>>;
}

/**
 * Carries attempts to one kind of receiver. Resolve with the receiver's answer; reject (or
 * honour `signal`, which aborts at the delivery timeout or on shutdown) when none came.
 */
export interface Destination {
  deliver(attempt: OutgoingAttempt, signal: AbortSignal): Promise<AttemptResponse>;
  /** Releases connections. */
  close(): Promise<void>;
}

/** The destinations by webhook kind. */
export interface Destinations {
  readonly endpoint: Destination;
  readonly listener: Destination;
}
