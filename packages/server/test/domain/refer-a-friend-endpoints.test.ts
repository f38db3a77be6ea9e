import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { tickingClock } from '../compat/replay.js';

// Issue 20 (items 2, 3): the refer-a-friend endpoints the PHP SDK calls (customer stats,
// invitations, customer referral links), partner_referral_links:search, GET /subscribers/{email},
// the refer-a-friend `id` as a customer's identifier, and "Nobody" refused in affiliate programs.

// biome-ignore lint/suspicious/noExplicitAny: JSON answers are checked field by field.
type Json = any;

/** A loopback SMTP server that keeps every message it is given. */
async function startSmtp(): Promise<{ port: number; mails: string[]; close(): Promise<void> }> {
  const mails: string[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    onData(stream, _session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        mails.push(Buffer.concat(chunks).toString('utf8'));
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.server.address() as AddressInfo).port;
  return {
    port,
    mails,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Sends a request as the given program (its key) and checks the status. */
async function call(
  ctx: TestContext,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body: unknown,
  status: number,
  apiKey?: string,
): Promise<Json> {
  const res = await ctx.request(
    method,
    url,
    body,
    apiKey ? { authorization: `Bearer ${apiKey}` } : {},
  );
  expect(res.statusCode, `${method} ${url}: ${res.body}`).toBe(status);
  expect(res.headers['content-type']).toMatch(/^application\/json/);
  return res.body === '' ? undefined : res.json();
}

const ERROR = { message: expect.any(String), errors: expect.any(Object) };

describe.each(engines)('refer-a-friend endpoints on %s', (engine) => {
  let ctx: TestContext;
  let other: { programId: string; apiKey: string };
  let smtp: Awaited<ReturnType<typeof startSmtp>>;
  let mailing: TestContext;

  beforeAll(async () => {
    ctx = await createTestContext(engine, tickingClock());
    other = await ctx.otherProgram();
    smtp = await startSmtp();
    mailing = await createTestContext(engine, {
      env: {
        HOOKLINE_SMTP_URL: `smtp://127.0.0.1:${smtp.port}`,
        HOOKLINE_SMTP_FROM: 'referrals@acme.test',
      },
    });
    for (const [c, key] of [
      [ctx, undefined],
      [ctx, other.apiKey],
      [mailing, undefined],
    ] as const) {
      await call(
        c,
        'PUT',
        '/v1/program',
        { program_type: 'refer-a-friend', website_url: 'https://acme.test' },
        200,
        key,
      );
    }
  });
  afterAll(async () => {
    await ctx?.close();
    await mailing?.close();
    await smtp?.close();
  });

  it('a client-given id is the identifier: created without key, addressed by it everywhere', async () => {
    const ref = await call(
      ctx,
      'POST',
      '/v1/customers',
      { id: 'ann-1', email: 'ann@example.com', name: 'Ann' },
      201,
    );
    expect(ref.data).toMatchObject({ key: 'ann-1', referring_customer: null });
    expect(ref.data.id).toMatch(/^cus_/);
    // Referred by the client id, by Hookline's own id, and by key.
    const byId = await call(
      ctx,
      'POST',
      '/v1/customers',
      { id: 'bob-1', email: 'bob@example.com', referring_customer: { id: 'ann-1' } },
      201,
    );
    expect(byId.data.referring_customer).toEqual({ key: 'ann-1' });
    const byOwnId = await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'cid-1', referring_customer: { id: ref.data.id } },
      201,
    );
    expect(byOwnId.data.referring_customer).toEqual({ key: 'ann-1' });
    await call(
      ctx,
      'POST',
      '/v1/customers',
      { id: 'dan-1', referring_customer: { key: 'ann-1' } },
      201,
    );
    // `key` and `id` both given must agree; neither is a 422.
    const mismatch = await call(ctx, 'POST', '/v1/customers', { id: 'x-1', key: 'y-1' }, 422);
    expect(mismatch).toMatchObject(ERROR);
    expect(mismatch.errors.id[0]).toMatch(/one identifier/);
    await call(ctx, 'POST', '/v1/customers', { id: 'same-1', key: 'same-1' }, 201);
    const neither = await call(ctx, 'POST', '/v1/customers', { email: 'e@example.com' }, 422);
    expect(neither.errors.id[0]).toMatch(/id/);
    const unknown = await call(
      ctx,
      'POST',
      '/v1/customers',
      { id: 'z-1', referring_customer: { id: 'nobody-here' } },
      422,
    );
    expect(unknown.errors.referring_customer[0]).toContain('id "nobody-here"');
    // Addressed by the id (path, body, search) and by Hookline's id.
    expect((await call(ctx, 'GET', '/v1/customers/ann-1', undefined, 200)).data.key).toBe('ann-1');
    expect((await call(ctx, 'GET', `/v1/customers/${ref.data.id}`, undefined, 200)).data.key).toBe(
      'ann-1',
    );
    const renamed = await call(
      ctx,
      'PUT',
      '/v1/customers',
      { id: 'ann-1', update: { name: 'Anna' } },
      200,
    );
    expect(renamed.data.name).toBe('Anna');
    const found = await call(ctx, 'GET', '/v1/customers:search?id=ann-1', undefined, 200);
    expect(found.data.map((c: Json) => c.key)).toEqual(['ann-1']);
    // refer_status filters.
    const referred = await call(
      ctx,
      'GET',
      '/v1/customers?refer_status=referred&limit=50&page=1',
      undefined,
      200,
    );
    expect(referred.data.map((c: Json) => c.key)).toEqual(['bob-1', 'cid-1', 'dan-1']);
    const organic = await call(
      ctx,
      'GET',
      '/v1/customers?refer_status=non_referred',
      undefined,
      200,
    );
    expect(organic.data.map((c: Json) => c.key)).toEqual(['ann-1', 'same-1']);
    await call(ctx, 'GET', '/v1/customers?refer_status=everyone', undefined, 422);
    // Another program's customer is unknown here, by key and by Hookline's id.
    await call(ctx, 'GET', '/v1/customers/ann-1', undefined, 404, other.apiKey);
    await call(ctx, 'GET', `/v1/customers/${ref.data.id}`, undefined, 404, other.apiKey);
    await call(
      ctx,
      'POST',
      '/v1/customers',
      { id: 'o-1', referring_customer: { id: 'ann-1' } },
      422,
      other.apiKey,
    );
  });

  it('stats are computed from referrals, their purchases, credits, rewards and invitations', async () => {
    await call(ctx, 'POST', '/v1/customers', { id: 'st-ref', email: 'st@example.com' }, 201);
    const empty = await call(ctx, 'GET', '/v1/customers/st-ref/stats', undefined, 200);
    expect(empty.data).toEqual({
      customer: 'st-ref',
      referrals_count: 0,
      paying_referrals_count: 0,
      referral_purchases: { count: 0, amounts: [] },
      purchases: { count: 0, amounts: [] },
      credits: { count: 0, amounts: [] },
      rewards: { count: 0, amounts: [] },
      balance: [],
      invitations_count: 0,
      referral_links_count: 1,
    });
    for (const id of ['st-a', 'st-b', 'st-c']) {
      await call(ctx, 'POST', '/v1/customers', { id, referring_customer: { id: 'st-ref' } }, 201);
    }
    const sale = (key: string, customer: string, amount: number, amount_units = 'USD') =>
      call(
        ctx,
        'POST',
        '/v1/transactions',
        { key, amount, amount_units, customer: { key: customer } },
        201,
      );
    await sale('st-t1', 'st-a', 20);
    await sale('st-t2', 'st-a', 5.5);
    await sale('st-t3', 'st-b', 1000, 'JPY');
    await sale('st-t4', 'st-ref', 7);
    await sale('st-t5', 'st-b', 3);
    await call(ctx, 'DELETE', '/v1/transactions/st-t5', undefined, 200); // refunded: not counted
    await call(ctx, 'DELETE', '/v1/customers/st-c', undefined, 200); // deleted: not counted
    await call(
      ctx,
      'POST',
      '/v1/customers/st-ref/balance/credit',
      { amount: 10, amount_units: 'usd' },
      201,
    );
    await call(
      ctx,
      'POST',
      '/v1/customers/st-ref/balance/credit',
      { amount: 2.5, amount_units: 'usd' },
      201,
    );
    await call(
      ctx,
      'POST',
      '/v1/customers/st-ref/reward',
      { amount: 5, referred_customer: 'st-a' },
      201,
    );
    await call(
      ctx,
      'POST',
      '/v1/customers/st-ref/reward',
      { amount: 30, amount_units: 'points', is_currency: false },
      201,
    );
    await call(
      ctx,
      'POST',
      '/v1/customers:invite',
      { email: 'f1@example.com', referring_customer: { id: 'st-ref' } },
      201,
    );
    await call(
      ctx,
      'POST',
      '/v1/customer_referral_links',
      { key: 'st-ref-2', customer: { key: 'st-ref' } },
      201,
    );

    const stats = await call(ctx, 'GET', '/v1/customers/st-ref/stats', undefined, 200);
    expect(stats.data).toEqual({
      customer: 'st-ref',
      referrals_count: 2,
      paying_referrals_count: 2,
      referral_purchases: {
        count: 3,
        amounts: [
          { amount: 1000, amount_units: 'JPY' },
          { amount: 25.5, amount_units: 'USD' },
        ],
      },
      purchases: { count: 1, amounts: [{ amount: 7, amount_units: 'USD' }] },
      credits: { count: 2, amounts: [{ amount: 12.5, amount_units: 'USD', is_currency: true }] },
      rewards: {
        count: 2,
        amounts: [
          { amount: 5, amount_units: 'USD', is_currency: true },
          { amount: 30, amount_units: 'points', is_currency: false },
        ],
      },
      balance: [
        { amount: 17.5, amount_units: 'USD', is_currency: true },
        { amount: 30, amount_units: 'points', is_currency: false },
      ],
      invitations_count: 1,
      referral_links_count: 2,
    });
    // By Hookline's id too; another program's customer is a 404; no query parameter is read.
    const row = await call(ctx, 'GET', '/v1/customers/st-ref', undefined, 200);
    expect(
      (await call(ctx, 'GET', `/v1/customers/${row.data.id}/stats`, undefined, 200)).data
        .referrals_count,
    ).toBe(2);
    await call(ctx, 'GET', '/v1/customers/st-ref/stats', undefined, 404, other.apiKey);
    await call(ctx, 'GET', '/v1/customers/nobody/stats', undefined, 404);
    await call(ctx, 'GET', '/v1/customers/st-ref/stats?period=30d', undefined, 422);
  });

  it('invitations are recorded without SMTP, and e-mailed through a real SMTP server', async () => {
    const recorded = await call(
      ctx,
      'POST',
      '/v1/customers:invite',
      { email: 'Inv@Example.com', personalization: { k1: 'v1' } },
      201,
    );
    expect(recorded.data).toEqual({
      id: expect.stringMatching(/^inv_/),
      email: 'inv@example.com',
      name: null,
      referring_customer: null,
      referral_link: null,
      personalization: { k1: 'v1' },
      status: 'recorded',
      error: null,
      created_at: expect.any(String),
      sent_at: null,
    });
    // No event: an invitation changes no resource.
    const events = await ctx.store.db
      .selectFrom('events')
      .select('type')
      .where('program_id', '=', ctx.programId)
      .where('type', 'like', '%invit%')
      .execute();
    expect(events).toEqual([]);

    for (const bad of [
      {},
      { email: 'not-an-email' },
      { email: 'a@example.com', personalization: 'x' },
      { email: 'a@example.com', personalization: { nested: { a: 1 } } },
      { email: 'a@example.com', referring_customer: { id: 'nobody-here' } },
    ]) {
      expect(await call(ctx, 'POST', '/v1/customers:invite', bad, 422)).toMatchObject(ERROR);
    }

    await call(mailing, 'POST', '/v1/customers', { id: 'mia', name: 'Mia', surname: 'Wong' }, 201);
    const sent = await call(
      mailing,
      'POST',
      '/v1/customers:invite',
      {
        email: 'friend@example.com',
        name: 'Fred',
        referring_customer: { id: 'mia' },
        personalization: { code: 'WELCOME10' },
      },
      201,
    );
    expect(sent.data).toMatchObject({
      status: 'sent',
      referring_customer: { key: 'mia' },
      referral_link: 'https://acme.test?aff=mia',
    });
    expect(sent.data.sent_at).toEqual(expect.any(String));
    expect(smtp.mails).toHaveLength(1);
    const mail = smtp.mails[0] ?? '';
    expect(mail).toMatch(/^To: friend@example\.com/m);
    expect(mail).toMatch(/^From: referrals@acme\.test/m);
    expect(mail).toMatch(/^Subject: Mia Wong invites you to Test program/m);
    expect(mail).toContain('Hello Fred,');
    expect(mail).toContain('https://acme.test?aff=mia');
    expect(mail).toContain('code: WELCOME10');
    const stored = await mailing.store.db
      .selectFrom('customer_invitations')
      .select(['status', 'email'])
      .execute();
    expect(stored).toEqual([{ status: 'sent', email: 'friend@example.com' }]);
  });

  it('an SMTP server that refuses the mail leaves the invitation failed, with its reason', async () => {
    const refusing = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onRcptTo(_address, _session, callback) {
        callback(Object.assign(new Error('mailbox unavailable'), { responseCode: 550 }));
      },
    });
    await new Promise<void>((resolve) => refusing.listen(0, '127.0.0.1', resolve));
    const port = (refusing.server.address() as AddressInfo).port;
    const c = await createTestContext(engine, {
      env: { HOOKLINE_SMTP_URL: `smtp://127.0.0.1:${port}` },
    });
    try {
      await call(c, 'PUT', '/v1/program', { program_type: 'refer-a-friend' }, 200);
      const failed = await call(c, 'POST', '/v1/customers:invite', { email: 'x@example.com' }, 201);
      expect(failed.data.status).toBe('failed');
      expect(failed.data.error).toMatch(/mailbox unavailable/);
      const row = await c.store.db
        .selectFrom('customer_invitations')
        .select('status')
        .executeTakeFirst();
      expect(row?.status).toBe('failed');
    } finally {
      await c.close();
      await new Promise<void>((resolve) => refusing.close(() => resolve()));
    }
  });

  it('customer referral links: main link, additional ones, search, rename, delete, isolation', async () => {
    await call(ctx, 'POST', '/v1/customers', { id: 'lk-ann', email: 'lk@example.com' }, 201);
    const main = await call(
      ctx,
      'GET',
      '/v1/customers/lk-ann/referral_links?limit=10',
      undefined,
      200,
    );
    expect(main.data).toEqual([
      {
        id: 'lk-ann',
        key: 'lk-ann',
        url: 'https://acme.test?aff=lk-ann',
        default: true,
        is_additional: false,
        direct_tracking: false,
        direct_tracking_redirect: false,
        direct_tracking_redirect_url: null,
        customer: 'lk-ann',
        created_at: expect.any(String),
        updated_at: expect.any(String),
      },
    ]);
    const created = await call(
      ctx,
      'POST',
      '/v1/customer_referral_links',
      { key: 'lk-extra', domain_id: null, is_additional: false, customer: { key: 'lk-ann' } },
      201,
    );
    expect(created.data).toMatchObject({
      key: 'lk-extra',
      default: false,
      is_additional: true,
      customer: 'lk-ann',
    });
    // Taken keys: another link's, a customer's; an unknown customer; a bad key.
    for (const [body, field] of [
      [{ key: 'lk-extra', customer: { key: 'lk-ann' } }, 'key'],
      [{ key: 'lk-ann', customer: { key: 'lk-ann' } }, 'key'],
      [{ key: 'fresh', customer: { key: 'nobody-here' } }, 'customer'],
      [{ key: 'has space', customer: { key: 'lk-ann' } }, 'key'],
      [{ key: 'fresh' }, 'customer'],
    ] as const) {
      const refused = await call(ctx, 'POST', '/v1/customer_referral_links', body, 422);
      expect(Object.keys(refused.errors).join()).toContain(field);
    }
    // A customer key is a main link: it cannot take an additional link's key, on create or rename.
    await call(ctx, 'POST', '/v1/customers', { id: 'lk-extra' }, 422);
    await call(ctx, 'POST', '/v1/customers', { id: 'lk-bo' }, 201);
    await call(ctx, 'PUT', '/v1/customers/lk-bo', { key: 'lk-extra' }, 422);
    const listed = await call(ctx, 'GET', '/v1/customers/lk-ann/referral_links', undefined, 200);
    expect(listed.data.map((l: Json) => l.key)).toEqual(['lk-ann', 'lk-extra']);
    expect(
      (await call(ctx, 'GET', '/v1/customer_referral_links/lk-extra', undefined, 200)).data
        .customer,
    ).toBe('lk-ann');
    expect(
      (await call(ctx, 'GET', '/v1/customer_referral_links/lk-ann', undefined, 200)).data.default,
    ).toBe(true);
    const searched = await call(
      ctx,
      'GET',
      '/v1/customer_referral_links:search?key=LK-',
      undefined,
      200,
    );
    // Main and additional links, oldest first across both kinds.
    expect(searched.data.map((l: Json) => l.key)).toEqual(['lk-ann', 'lk-extra', 'lk-bo']);
    const sorted = await call(
      ctx,
      'GET',
      '/v1/customer_referral_links:search?key=lk-&sort=desc&limit=2&page=1',
      undefined,
      200,
    );
    expect(sorted.data.map((l: Json) => l.key)).toEqual(['lk-bo', 'lk-extra']);
    const narrowed = await call(
      ctx,
      'GET',
      '/v1/customer_referral_links:search?id=extra',
      undefined,
      200,
    );
    expect(narrowed.data.map((l: Json) => l.key)).toEqual(['lk-extra']);
    await call(ctx, 'GET', '/v1/customer_referral_links:search?partner=x', undefined, 422);
    // A link key is what the partnero_referral cookie holds: it names the referrer.
    const friend = await call(
      ctx,
      'POST',
      '/v1/customers',
      { id: 'lk-friend', referring_customer: { key: 'lk-extra' } },
      201,
    );
    expect(friend.data.referring_customer).toEqual({ key: 'lk-ann' });
    // Rename an additional link; the main link is the customer's identifier.
    const renamed = await call(
      ctx,
      'PUT',
      '/v1/customer_referral_links/lk-extra',
      { key: 'lk-new' },
      200,
    );
    expect(renamed.data.key).toBe('lk-new');
    await call(ctx, 'GET', '/v1/customer_referral_links/lk-extra', undefined, 404);
    await call(ctx, 'PUT', '/v1/customer_referral_links/lk-ann', { key: 'lk-other' }, 422);
    await call(ctx, 'DELETE', '/v1/customer_referral_links/lk-ann', undefined, 422);
    // Another program sees none of it.
    await call(ctx, 'GET', '/v1/customer_referral_links/lk-new', undefined, 404, other.apiKey);
    await call(ctx, 'GET', '/v1/customers/lk-ann/referral_links', undefined, 404, other.apiKey);
    await call(
      ctx,
      'PUT',
      '/v1/customer_referral_links/lk-new',
      { key: 'mine' },
      404,
      other.apiKey,
    );
    await call(ctx, 'DELETE', '/v1/customer_referral_links/lk-new', undefined, 404, other.apiKey);
    await call(
      ctx,
      'POST',
      '/v1/customer_referral_links',
      { key: 'steal', customer: { key: 'lk-ann' } },
      422,
      other.apiKey,
    );
    expect(
      (
        await call(
          ctx,
          'GET',
          '/v1/customer_referral_links:search?key=lk',
          undefined,
          200,
          other.apiKey,
        )
      ).data,
    ).toEqual([]);
    // The same key may exist in another program.
    await call(ctx, 'POST', '/v1/customers', { id: 'lk-new' }, 201, other.apiKey);
    await call(ctx, 'DELETE', '/v1/customer_referral_links/lk-new', undefined, 200);
    await call(ctx, 'GET', '/v1/customer_referral_links/lk-new', undefined, 404);
    // Deleting the customer frees its links' keys.
    await call(
      ctx,
      'POST',
      '/v1/customer_referral_links',
      { key: 'lk-gone', customer: { id: 'lk-ann' } },
      201,
    );
    await call(ctx, 'DELETE', '/v1/customers/lk-ann', undefined, 200);
    await call(ctx, 'GET', '/v1/customer_referral_links/lk-gone', undefined, 404);
    await call(
      ctx,
      'POST',
      '/v1/customer_referral_links',
      { key: 'lk-gone', customer: { id: 'lk-friend' } },
      201,
    );
  });
});

describe.each(engines)('affiliate and newsletter endpoints on %s', (engine) => {
  let ctx: TestContext;
  let other: { programId: string; apiKey: string };

  beforeAll(async () => {
    ctx = await createTestContext(engine, tickingClock());
    other = await ctx.otherProgram();
    await call(ctx, 'PUT', '/v1/program', { website_url: 'https://acme.test' }, 200);
  });
  afterAll(async () => {
    await ctx?.close();
  });

  it('"Nobody" as an affiliate customer\'s partner is refused; refer-a-friend endpoints are 422 here', async () => {
    const refused = await call(
      ctx,
      'POST',
      '/v1/customers',
      { key: 'nobody-c', email: 'n@example.com' },
      422,
    );
    expect(refused.errors.partner[0]).toMatch(/referring partner/);
    // The n8n node's empty reference ("" is null) is refused too.
    await call(ctx, 'POST', '/v1/customers', { key: 'nobody-c', partner: { key: '' } }, 422);
    await call(ctx, 'POST', '/v1/partners', { email: 'pa@example.com', key: 'pa' }, 201);
    await call(ctx, 'POST', '/v1/customers', { key: 'somebody', partner: { key: 'pa' } }, 201);
    // In an affiliate program `key` is required, and `id` does not replace it.
    expect(
      (await call(ctx, 'POST', '/v1/customers', { id: 'x', partner: { key: 'pa' } }, 422)).errors
        .key,
    ).toBeDefined();
    for (const [method, url, body] of [
      ['GET', '/v1/customers/somebody/stats', undefined],
      ['POST', '/v1/customers:invite', { email: 'f@example.com' }],
      ['GET', '/v1/customers/somebody/referral_links', undefined],
      ['POST', '/v1/customer_referral_links', { key: 'k2', customer: { key: 'somebody' } }],
      ['GET', '/v1/customer_referral_links:search?key=s', undefined],
    ] as const) {
      const answer = await call(ctx, method, url, body, 422);
      expect(answer.errors.program_type[0]).toMatch(/refer-a-friend/);
    }
  });

  it('partner_referral_links:search finds main and additional links of live partners, in this program only', async () => {
    const ann = await call(
      ctx,
      'POST',
      '/v1/partners',
      { email: 'ann@example.com', key: 'ann-main' },
      201,
    );
    await call(
      ctx,
      'POST',
      '/v1/partner_referral_links',
      { key: 'ann-extra', partner: { id: ann.data.id } },
      201,
    );
    await call(ctx, 'POST', '/v1/partners', { email: 'zed@example.com', key: 'zed' }, 201);
    const found = await call(
      ctx,
      'GET',
      '/v1/partner_referral_links:search?key=ANN',
      undefined,
      200,
    );
    expect(found.data.map((l: Json) => [l.key, l.default, l.partner])).toEqual([
      ['ann-main', true, ann.data.id],
      ['ann-extra', false, ann.data.id],
    ]);
    expect(found.data[0].url).toBe('https://acme.test?aff=ann-main');
    const byPartner = await call(
      ctx,
      'GET',
      `/v1/partner_referral_links:search?partner=${ann.data.id}&sort=desc&limit=1`,
      undefined,
      200,
    );
    expect(byPartner.data.map((l: Json) => l.key)).toEqual(['ann-extra']);
    expect(byPartner.meta).toMatchObject({ per_page: 1 });
    const page2 = await call(
      ctx,
      'GET',
      `/v1/partner_referral_links:search?partner=${ann.data.id}&sort=desc&limit=1&page=2`,
      undefined,
      200,
    );
    expect(page2.data.map((l: Json) => l.key)).toEqual(['ann-main']);
    await call(ctx, 'GET', '/v1/partner_referral_links:search?customer=x', undefined, 422);
    await call(ctx, 'GET', '/v1/partner_referral_links:search?limit=0', undefined, 422);
    expect(
      (
        await call(
          ctx,
          'GET',
          '/v1/partner_referral_links:search?key=ann',
          undefined,
          200,
          other.apiKey,
        )
      ).data,
    ).toEqual([]);
    await call(ctx, 'DELETE', `/v1/partners/${ann.data.id}`, undefined, 200);
    expect(
      (await call(ctx, 'GET', '/v1/partner_referral_links:search?key=ann', undefined, 200)).data,
    ).toEqual([]);
  });

  it("GET /subscribers/{email} shows the subscriber with that address; another program's is a 404", async () => {
    const c = await createTestContext(engine);
    try {
      await call(c, 'PUT', '/v1/program', { program_type: 'newsletter' }, 200);
      const created = await call(
        c,
        'POST',
        '/v1/subscribers',
        { email: 'Rae@Example.com', name: 'Rae' },
        201,
      );
      const byEmail = await call(c, 'GET', '/v1/subscribers/rae@example.com', undefined, 200);
      expect(byEmail.data).toEqual(created.data);
      expect(
        (await call(c, 'GET', '/v1/subscribers/RAE@example.com?id=RAE@example.com', undefined, 200))
          .data.id,
      ).toBe(created.data.id);
      expect(
        (await call(c, 'GET', `/v1/subscribers/${created.data.id}`, undefined, 200)).data.email,
      ).toBe('rae@example.com');
      await call(c, 'GET', '/v1/subscribers/nobody@example.com', undefined, 404);
      const o = await c.otherProgram();
      await call(c, 'PUT', '/v1/program', { program_type: 'newsletter' }, 200, o.apiKey);
      await call(c, 'GET', '/v1/subscribers/rae@example.com', undefined, 404, o.apiKey);
    } finally {
      await c.close();
    }
  });
});
