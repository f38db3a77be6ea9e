/**
 * Operational events: what Hookline tells a program's owner about its own webhooks. Kept apart
 * from the partner-program catalog (catalog.ts): they are never sent to ordinary subscriptions
 * (`*` included), only to the program's **operational webhooks** (`operational: true`, set with
 * `PUT /v1/webhooks/{key}/operational`), and by email when SMTP is configured.
 * Envelope, signing and retries are those of every other event.
 */

/** The operational event types. */
export const OPERATIONAL_EVENT_TYPES = [
  'webhook.failing',
  'webhook.disabled',
  'delivery.exhausted',
] as const;

/** One of {@link OPERATIONAL_EVENT_TYPES}. */
export type OperationalEventType = (typeof OPERATIONAL_EVENT_TYPES)[number];

/** True for an operational event type (never offered to ordinary subscriptions). */
export function isOperationalEventType(name: string): name is OperationalEventType {
  return (OPERATIONAL_EVENT_TYPES as readonly string[]).includes(name);
}

/** The webhook an operational event is about. */
export interface WebhookRef {
  readonly key: string;
  readonly name: string;
  readonly url: string;
}

/** `data` of each operational event type. */
export interface OperationalEventData {
  /** A webhook keeps failing: a warning before it is disabled. */
  'webhook.failing': {
    readonly webhook: WebhookRef;
    /** ISO 8601: since when every attempt failed. */
    readonly failing_since: string;
    /** Deliveries in a row that failed every attempt. */
    readonly consecutive_failures: number;
    /** ISO 8601: when it will be disabled if nothing changes; null when only by count. */
    readonly disables_at: string | null;
    readonly last_error: string | null;
  };
  /** Hookline disabled a webhook; re-enable it in the dashboard or with `PUT`. */
  'webhook.disabled': {
    readonly webhook: WebhookRef;
    readonly reason: string;
    /** ISO 8601. */
    readonly disabled_at: string;
  };
  /** A delivery failed every attempt of the retry schedule. */
  'delivery.exhausted': {
    readonly webhook: WebhookRef;
    readonly delivery_id: string;
    readonly event_id: string;
    readonly event: string;
    readonly attempts: number;
    readonly last_error: string | null;
  };
}

/** A notice to a program's owner: an operational event and its data. */
export type OperationalNotice = {
  [T in OperationalEventType]: {
    readonly type: T;
    readonly programId: string;
    /** The webhook the notice is about: never notified about itself. */
    readonly webhookId: string;
    readonly data: OperationalEventData[T];
  };
}[OperationalEventType];

/** One line describing a notice, for email subjects and logs. */
export function noticeSubject(notice: OperationalNotice): string {
  const name = notice.data.webhook.name || notice.data.webhook.key;
  switch (notice.type) {
    case 'webhook.failing':
      return `Webhook "${name}" is failing`;
    case 'webhook.disabled':
      return `Webhook "${name}" was disabled`;
    case 'delivery.exhausted':
      return `A delivery to webhook "${name}" failed every attempt`;
  }
}

/** A plain-text body describing a notice (emails). */
export function noticeText(notice: OperationalNotice): string {
  const w = notice.data.webhook;
  const lines = [noticeSubject(notice), '', `Webhook: ${w.name} (${w.key})`, `URL: ${w.url}`];
  switch (notice.type) {
    case 'webhook.failing':
      lines.push(
        `Failing since: ${notice.data.failing_since}`,
        `Deliveries failed in a row: ${notice.data.consecutive_failures}`,
        `Last error: ${notice.data.last_error ?? 'unknown'}`,
        notice.data.disables_at
          ? `It will be disabled at ${notice.data.disables_at} unless an attempt succeeds.`
          : 'It will be disabled if it keeps failing.',
      );
      break;
    case 'webhook.disabled':
      lines.push(
        `Reason: ${notice.data.reason}`,
        `Disabled at: ${notice.data.disabled_at}`,
        '',
        'Nothing is sent to it until it is re-enabled. The dashboard re-enables it and can retry what failed while it was down.',
      );
      break;
    case 'delivery.exhausted':
      lines.push(
        `Event: ${notice.data.event} (${notice.data.event_id})`,
        `Delivery: ${notice.data.delivery_id}, ${notice.data.attempts} attempts`,
        `Last error: ${notice.data.last_error ?? 'unknown'}`,
      );
      break;
  }
  return `${lines.join('\n')}\n`;
}
