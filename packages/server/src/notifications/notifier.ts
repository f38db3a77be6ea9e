import type { Logger } from 'pino';
import type { Config } from '../config/config.js';
import { recordEvent } from '../outbox/outbox.js';
import type { Store } from '../storage/index.js';
import { noticeSubject, noticeText } from '../webhooks/operational-notices.js';
import type { OperationalNotice } from '../webhooks/operational-notices.js';
import { recordPostbackNotice } from '../webhooks/postbacks-notices.js';
import { visibleUrl } from '../webhooks/postbacks-target.js';
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
 *
 * A notice about a partner's **postback** goes to the partner instead, never to the owner: for
 * `webhook.disabled` a notice the portal shows (`GET /portal/api/notices`) and, with SMTP, an
 * e-mail to the partner's address; the other kinds are dropped (the partner sees its failing
 * deliveries in its log). The owner sees postbacks' health on `GET /v1/postbacks`.
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

  /** The postback a notice is about, with its partner's address; `undefined` for a webhook. */
  async function postbackOf(webhookId: string) {
    return store.db
      .selectFrom('webhooks')
      .innerJoin('partners', (join) =>
        join
          .onRef('partners.program_id', '=', 'webhooks.program_id')
          .onRef('partners.id', '=', 'webhooks.partner_id'),
      )
      .select(['webhooks.id', 'webhooks.partner_id', 'webhooks.url', 'partners.email'])
      .where('webhooks.id', '=', webhookId)
      .where('webhooks.kind', '=', 'postback')
      .executeTakeFirst();
  }

  async function toPartner(notice: OperationalNotice): Promise<void> {
    if (notice.type !== 'webhook.disabled' || notice.webhookId === undefined) return;
    const postback = await postbackOf(notice.webhookId);
    if (!postback) return;
    const url = visibleUrl(postback.url);
    const message = `Hookline disabled your postback to ${url}: ${notice.data.reason} Fix the endpoint, then enable the postback again in the partner portal.`;
    await recordPostbackNotice(store.db, {
      programId: notice.programId,
      partnerId: postback.partner_id ?? '',
      postbackId: postback.id,
      url,
      message,
      now: Date.parse(notice.data.disabled_at) || Date.now(),
    });
    if (mailer) {
      await mailer.send({
        to: postback.email,
        subject: '[Hookline] Your postback was disabled',
        text: message,
      });
    }
  }

  return {
    async notify(notice) {
      if (notice.webhookId !== undefined) {
        const isPostback = await store.db
          .selectFrom('webhooks')
          .select('kind')
          .where('id', '=', notice.webhookId)
          .executeTakeFirst();
        if (isPostback?.kind === 'postback') {
          try {
            await toPartner(notice);
          } catch (error) {
            options.logger?.error({ err: error, notice: notice.type }, 'postback notice failed');
          }
          return;
        }
      }
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
