import nodemailer from 'nodemailer';

/** Sends one plain-text email. */
export interface Mailer {
  send(message: { to: string; subject: string; text: string }): Promise<void>;
  close(): void;
}

/**
 * An SMTP mailer (nodemailer) for owner notices. `url` is `smtp://user:pass@host:port`
 * (`smtps://` for implicit TLS); STARTTLS is used when the server offers it.
 *
 * @example
 * const mailer = createSmtpMailer({ url: 'smtp://127.0.0.1:2525', from: 'hookline@acme.test' });
 */
export function createSmtpMailer(options: {
  readonly url: string;
  readonly from: string;
  /** Connect and greeting timeouts, in ms. Default 10 s. */
  readonly timeoutMs?: number;
}): Mailer {
  const timeout = options.timeoutMs ?? 10_000;
  const transport = nodemailer.createTransport({
    url: options.url,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout * 3,
  } as Parameters<typeof nodemailer.createTransport>[0]);
  return {
    async send(message) {
      await transport.sendMail({ from: options.from, ...message });
    },
    close: () => transport.close(),
  };
}
