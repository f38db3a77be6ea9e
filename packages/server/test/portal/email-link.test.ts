import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';

// E-mailed sign-in links through a real SMTP server on loopback.

interface Mail {
  readonly to: string[];
  readonly raw: string;
}

async function startSmtp(): Promise<{ port: number; mails: Mail[]; close(): Promise<void> }> {
  const mails: Mail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The sign-in path in a (quoted-printable) message. */
function linkIn(raw: string): string {
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /http:\/\/hookline\.test(\/portal\/sign-in\?token=[A-Za-z0-9_-]+)/.exec(text);
  if (!match?.[1]) throw new Error(`no sign-in link in: ${raw}`);
  return match[1];
}

/** Waits (bounded) until `n` mails arrived. */
async function mailsArrive(mails: Mail[], n: number): Promise<void> {
  for (let i = 0; i < 500 && mails.length < n; i++) await new Promise((r) => setTimeout(r, 10));
  expect(mails.length).toBeGreaterThanOrEqual(n);
}

describe.each(engines)('portal e-mail sign-in links on %s', (engine) => {
  let ctx: TestContext;
  let smtp: Awaited<ReturnType<typeof startSmtp>>;

  beforeAll(async () => {
    smtp = await startSmtp();
    ctx = await createTestContext(engine, {
      env: {
        HOOKLINE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        HOOKLINE_SMTP_FROM: 'portal@shop.test',
      },
    });
    await ctx.request('POST', '/v1/partners', { id: 'ann', email: 'ann@partners.test' });
    await ctx.request('POST', '/v1/partners', { id: 'gone', email: 'gone@partners.test' });
    await ctx.request('POST', '/v1/partners/gone/archive');
  });
  afterAll(async () => {
    await ctx?.close();
    await smtp?.close();
  });

  const ask = (email: string) =>
    ctx.app.inject({ method: 'POST', url: '/portal/auth/email-link', payload: { email } });

  it('answers the same whoever asks, and mails only a partner who may sign in', async () => {
    const unknown = await ask('nobody@partners.test');
    const archived = await ask('gone@partners.test');
    const known = await ask('ANN@partners.test');
    for (const res of [unknown, archived, known]) {
      expect(res.statusCode).toBe(202);
      expect(res.body).toBe(known.body);
    }
    await mailsArrive(smtp.mails, 1);
    // The first two were looked up before Ann's (in order); only Ann's produced a message.
    expect(smtp.mails).toHaveLength(1);
    expect(smtp.mails[0]?.to).toEqual(['ann@partners.test']);

    const path = linkIn(smtp.mails[0]?.raw ?? '');
    const first = await ctx.app.inject({ method: 'GET', url: path });
    expect(first.headers.location).toBe('/portal');
    const cookie = String(first.headers['set-cookie']).split(';')[0] ?? '';
    const me = await ctx.app.inject({ method: 'GET', url: '/portal/api/me', headers: { cookie } });
    expect(me.json().data.partner.id).toBe('ann');
    const again = await ctx.app.inject({ method: 'GET', url: path });
    expect(again.headers.location).toBe('/portal?link=invalid');

    // Asked again within a minute: the same answer, no second e-mail (no inbox flooding).
    // A sign-in URL from the API is no e-mail and does not count.
    await ctx.request('POST', '/v1/partners:sign-in-url', { id: 'ann' });
    expect((await ask('ann@partners.test')).statusCode).toBe(202);
    await ctx.request('POST', '/v1/partners', { id: 'bea', email: 'bea@partners.test' });
    expect((await ask('bea@partners.test')).statusCode).toBe(202);
    await mailsArrive(smtp.mails, 2);
    expect(smtp.mails.map((m) => m.to[0])).toEqual(['ann@partners.test', 'bea@partners.test']);
  });

  it('refuses a body past 4 KiB and a missing e-mail clearly', async () => {
    expect((await ask('x'.repeat(5000))).statusCode).toBe(413);
    const missing = await ctx.app.inject({
      method: 'POST',
      url: '/portal/auth/email-link',
      payload: {},
    });
    expect(missing.statusCode).toBe(422);
  });
});

describe('portal e-mail sign-in without SMTP', () => {
  it('says e-mail sign-in is not configured, for every address alike', async () => {
    const ctx = await createTestContext('sqlite');
    try {
      await ctx.request('POST', '/v1/partners', { id: 'ann', email: 'ann@partners.test' });
      const a = await ctx.app.inject({
        method: 'POST',
        url: '/portal/auth/email-link',
        payload: { email: 'ann@partners.test' },
      });
      const b = await ctx.app.inject({
        method: 'POST',
        url: '/portal/auth/email-link',
        payload: { email: 'no@partners.test' },
      });
      expect(a.statusCode).toBe(503);
      expect(b.body).toBe(a.body);
    } finally {
      await ctx.close();
    }
  });
});
