import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { recordEvent } from '../outbox/outbox.js';
import type { Store } from '../storage/index.js';
import { noticeSubject, noticeText } from '../webhooks/operational-notices.js';
import type { OperationalNotice } from '../webhooks/operational-notices.js';
import { operationalWebhooks } from '../webhooks/webhook-store.js';
import { createSmtpMailer } from './mailer.js';
import type { Mailer } from './mailer.js';

/** Tells a program's owner about its webhooks (see webhooks/operational-notices.ts). */
export interface Notifier {
  /** Delivers a notice; never throws (failures are logged). */
  notify(notice: OperationalNotice): Promise<void>;
  close(): void;
}

/** Options of {@link createNotifier}. */
export interface NotifierOptions {
  readonly store: Store;
  readonly config: Pick<Config, 'smtpUrl' | 'smtpFrom' | 'operationsEmail'>;
  readonly logger?: Logger | undefined;
  /** Called after operational deliveries were enqueued (wakes the dispatcher). */
  readonly onEnqueued?: () => void;
  /** Replaces the SMTP mailer (tests). */
  readonly mailer?: Mailer;
}

/**
 * Creates the notifier of a dispatcher. A notice becomes:
 * - an event of its operational type, delivered (signed, retried, logged like any other) to
 *   each active **operational webhook** of the program, except the webhook the notice is about;
 * - for `webhook.failing` and `webhook.disabled`, an email to `HOOKLINE_OPERATIONS_EMAIL`
 *   through `HOOKLINE_SMTP_URL` when both are set. `delivery.exhausted` is not emailed: a dead
 *   endpoint exhausts a delivery per event, which would flood the owner's inbox.
 */
export function createNotifier(options: NotifierOptions): Notifier {
  const { store, config } = options;
  const mailer =
    options.mailer ??
    (config.smtpUrl !== undefined
      ? createSmtpMailer({ url: config.smtpUrl, from: config.smtpFrom })
      : undefined);

  async function toWebhooks(notice: OperationalNotice): Promise<void> {
    const targets = (await operationalWebhooks(store.db, notice.programId)).filter(
      (w) => w.id !== notice.webhookId,
    );
    if (targets.length === 0) return;
    await store.db.transaction().execute(async (trx) => {
      for (const w of targets) {
        await recordEvent(trx, {
          programId: notice.programId,
          type: notice.type,
          data: notice.data,
          source: 'api',
          onlyWebhookId: w.id,
        });
      }
    });
    options.onEnqueued?.();
  }

  async function byEmail(notice: OperationalNotice): Promise<void> {
    if (!mailer || config.operationsEmail === undefined) return;
    if (notice.type === 'delivery.exhausted') return;
    await mailer.send({
      to: config.operationsEmail,
      subject: `[Hookline] ${noticeSubject(notice)}`,
      text: noticeText(notice),
    });
  }

  return {
    async notify(notice) {
      const results = await Promise.allSettled([toWebhooks(notice), byEmail(notice)]);
      for (const [i, r] of results.entries()) {
        if (r.status === 'rejected') {
          options.logger?.error(
            { err: r.reason, notice: notice.type, channel: i === 0 ? 'webhook' : 'email' },
            'operational notice failed',
          );
        }
      }
    },
    close: () => mailer?.close(),
  };
}
