import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDashboard } from '../../src/dashboard/index.js';
import { portalDb } from '../../src/partner-access/tables.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { portalCookie, portalSetCookie } from '../helpers/portal.js';
import { engines } from '../helpers/store.js';

// The partner portal on both engines: sign-in URLs, the portal's own session, isolation of
// partners, PII masking, CSRF, and sessions ending when the partner or the portal goes.

/** What a signed-in partner holds: its cookie and CSRF token. */
interface Partner {
  readonly cookie: string;
  readonly csrf: string;
}

describe.each(engines)('partner portal on %s', (engine) => {
  let ctx: TestContext;
  let now = Date.UTC(2026, 5, 1, 12);

  beforeAll(async () => {
    ctx = await createTestContext(engine, {
      extend: (deps) => ({ ...withDashboard(deps, { dir: '/nonexistent' }), clock: () => now }),
    });
    expect(
      (
        await ctx.request('PUT', '/v1/program', {
          review_period_days: 0,
          website_url: 'https://shop.test',
        })
      ).statusCode,
    ).toBe(200);
  });
  afterAll(async () => ctx?.close());

  const anon = (
    method: 'GET' | 'POST' | 'PUT' | 'DELETE',
    url: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ) =>
    ctx.app.inject({
      method,
      url,
      headers,
      ...(body === undefined ? {} : { payload: body as object }),
    });

  const signInUrl = async (body: Record<string, unknown>) => {
    const res = await ctx.request('POST', '/v1/partners:sign-in-url', body);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().data as { url: string; expires_at: string };
  };

  const open = async (url: string) => {
    const path = url.replace(ctx.config.publicUrl, '');
    return anon('GET', path);
  };

  const signIn = async (ref: Record<string, unknown>): Promise<Partner> => {
    const { url } = await signInUrl(ref);
    const res = await open(url);
    expect(res.statusCode).toBe(303);
    expect(res.headers.location).toBe('/portal');
    const pair = portalCookie(res.headers);
    expect(pair).toMatch(/^hookline_portal=.{20,}/);
    const me = await anon('GET', '/portal/api/me', undefined, { cookie: pair });
    expect(me.statusCode, me.body).toBe(200);
    return { cookie: pair, csrf: me.json().data.csrf_token };
  };

  const as = (p: Partner, method: 'GET' | 'POST' | 'PUT' | 'DELETE', url: string, body?: unknown) =>
    anon(method, url, body, { cookie: p.cookie, 'x-csrf-token': p.csrf });

  /** A partner with a referral who bought twice (one sale in EUR). */
  const partnerWithSales = async (id: string) => {
    expect(
      (
        await ctx.request('POST', '/v1/partners', {
          id,
          email: `${id}@partners.test`,
          key: `${id}key`,
        })
      ).statusCode,
    ).toBe(201);
    expect(
      (
        await ctx.request('POST', '/v1/partner_referral_links', {
          partner: { id },
          key: `${id}extra`,
        })
      ).statusCode,
    ).toBeLessThan(300);
    expect(
      (
        await ctx.request('POST', '/v1/customers', {
          key: `${id}-customer`,
          email: `${id}.buyer@mail.test`,
          name: `${id}name`,
          surname: 'Buyer',
          partner: { key: `${id}key` },
        })
      ).statusCode,
    ).toBe(201);
    for (const [key, amount, units] of [
      [`${id}-order-1`, 100, 'USD'],
      [`${id}-order-2`, 50, 'EUR'],
    ] as const) {
      const sale = await ctx.request('POST', '/v1/transactions', {
        key,
        amount,
        amount_units: units,
        customer: { key: `${id}-customer` },
      });
      expect(sale.statusCode, sale.body).toBe(201);
    }
  };

  it('answers POST /v1/partners:sign-in-url as Partnero: {data: {url, expires_at}, status: 1}', async () => {
    await ctx.request('POST', '/v1/partners', {
      id: 'solo',
      email: 'solo@partners.test',
      key: 'solokey',
    });
    const res = await ctx.request('POST', '/v1/partners:sign-in-url', {
      key: 'solokey',
      expires_in: 120,
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.status).toBe(1);
    expect(body.data.url).toMatch(
      /^http:\/\/hookline\.test\/portal\/sign-in\?token=[A-Za-z0-9_-]{40,}$/,
    );
    expect(Date.parse(body.data.expires_at) - now).toBe(120_000);
    // By e-mail and id too; default 120 s; bounds 30–900.
    const byEmail = await signInUrl({ email: 'solo@partners.test' });
    expect(Date.parse(byEmail.expires_at) - now).toBe(120_000);
    expect(Date.parse((await signInUrl({ id: 'solo', expires_in: 900 })).expires_at) - now).toBe(
      900_000,
    );
    for (const expires_in of [29, 901, 'soon']) {
      const bad = await ctx.request('POST', '/v1/partners:sign-in-url', {
        key: 'solokey',
        expires_in,
      });
      expect(bad.statusCode).toBe(422);
      expect(bad.json().errors.expires_in).toBeDefined();
    }
    expect((await ctx.request('POST', '/v1/partners:sign-in-url', {})).statusCode).toBe(422);
    const unknown = await ctx.request('POST', '/v1/partners:sign-in-url', { key: 'nobody' });
    expect(unknown.statusCode).toBe(422);
    expect(unknown.json().errors.key).toBeDefined();
    // n8n sends the key in the body exactly like this, with an empty `email` left out.
    expect(
      (await ctx.request('POST', '/v1/partners:sign-in-url', { key: 'solokey', expires_in: 120 }))
        .statusCode,
    ).toBe(200);
  });

  it('stores only the hash of the token', async () => {
    const { url } = await signInUrl({ key: 'solokey' });
    const token = new URL(url).searchParams.get('token') ?? '';
    const rows = await portalDb(ctx.store.db)
      .selectFrom('portal_sign_in_links')
      .selectAll()
      .execute();
    expect(rows.length).toBeGreaterThan(0);
    expect(JSON.stringify(rows)).not.toContain(token);
  });

  it('the URL works once, within expires_in, and sets a portal cookie of its own', async () => {
    const { url } = await signInUrl({ key: 'solokey', expires_in: 30 });
    const first = await open(url);
    expect(first.statusCode).toBe(303);
    const { line } = portalSetCookie(first.headers);
    expect(line).toMatch(/HttpOnly/);
    expect(line).toMatch(/SameSite=Strict/);
    expect(line).toMatch(/Path=\/portal/);
    expect(line).not.toMatch(/Secure/);
    expect(line).not.toContain('hookline_session');
    const second = await open(url);
    expect(second.statusCode).toBe(303);
    expect(second.headers.location).toBe('/portal?link=invalid');
    expect(portalCookie(second.headers)).toBe('');

    const late = await signInUrl({ key: 'solokey', expires_in: 30 });
    now += 30_000;
    const expired = await open(late.url);
    expect(expired.headers.location).toBe('/portal?link=invalid');
    expect(portalCookie(expired.headers)).toBe('');
    const forged = await anon('GET', '/portal/sign-in?token=not-a-token');
    expect(forged.headers.location).toBe('/portal?link=invalid');
  });

  it('partner A never sees partner B: every portal resource, and B’s payout by id', async () => {
    await partnerWithSales('alice');
    await partnerWithSales('bob');
    const alice = await signIn({ key: 'alicekey' });
    const bob = await signIn({ id: 'bob' });
    // Each keeps details and requests a payout, so every resource has rows for both.
    for (const [p, name] of [
      [alice, 'alice'],
      [bob, 'bob'],
    ] as const) {
      const saved = await as(p, 'PUT', '/portal/api/payout-details', {
        gateway: 'paypal',
        payout_settings: { paypal_email: `${name}@paypal.test` },
      });
      expect(saved.statusCode, saved.body).toBe(200);
      const payout = await as(p, 'POST', '/portal/api/payouts', { amount_units: 'usd' });
      expect(payout.statusCode, payout.body).toBe(201);
      expect(payout.json().data.payout_settings).toEqual({ paypal_email: `${name}@paypal.test` });
    }
    const resources = [
      '/me',
      '/referral-links',
      '/referrals',
      '/transactions',
      '/rewards',
      '/balance',
      '/payouts',
      '/payout-details',
    ];
    for (const [self, other, otherName] of [
      [alice, bob, 'bob'],
      [bob, alice, 'alice'],
    ] as const) {
      const otherMarks = [
        otherName,
        `${otherName}key`,
        `${otherName}extra`,
        `${otherName}-order`,
        `${otherName}-customer`,
      ];
      for (const path of resources) {
        const res = await as(self, 'GET', `/portal/api${path}`);
        expect(res.statusCode, `${path}: ${res.body}`).toBe(200);
        const text = res.body.toLowerCase();
        for (const mark of otherMarks) expect(text, `${path} shows ${mark}`).not.toContain(mark);
      }
      const otherPayouts = (await as(other, 'GET', '/portal/api/payouts')).json().data as {
        id: number;
      }[];
      for (const payout of otherPayouts) {
        await ctx.request('POST', `/v1/payout_requests/${payout.id}/request_resubmission`);
        const res = await as(self, 'POST', `/portal/api/payouts/${payout.id}/resubmit`, {});
        expect(res.statusCode).toBe(404);
      }
    }
    // Its own data is there.
    const links = (await as(alice, 'GET', '/portal/api/referral-links')).json().data;
    expect(links.map((l: { key: string }) => l.key)).toEqual(['alicekey', 'aliceextra']);
    expect(links[0].url).toBe('https://shop.test?aff=alicekey');
    const sales = (await as(alice, 'GET', '/portal/api/transactions')).json().data;
    expect(sales.map((t: { key: string }) => t.key).sort()).toEqual([
      'alice-order-1',
      'alice-order-2',
    ]);
    expect(sales.find((t: { key: string }) => t.key === 'alice-order-1').commission).toMatchObject({
      amount: 30,
      amount_units: 'USD',
      status: 'approved',
    });
    const balance = (await as(alice, 'GET', '/portal/api/balance')).json().data;
    expect(balance).toEqual([
      { amount_units: 'EUR', in_review: 0, available: 15, in_payout: 0, paid: 0 },
      { amount_units: 'USD', in_review: 0, available: 0, in_payout: 30, paid: 0 },
    ]);
  });

  it('partners of another program are out of reach too', async () => {
    const other = await ctx.otherProgram();
    const otherReq = (method: 'POST' | 'PUT', url: string, body: unknown) =>
      ctx.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${other.apiKey}` },
        payload: body as object,
      });
    expect(
      (
        await otherReq('POST', '/v1/partners', {
          id: 'alice',
          email: 'alice@partners.test',
          key: 'alicekey',
        })
      ).statusCode,
    ).toBe(201);
    const res = await otherReq('POST', '/v1/partners:sign-in-url', { key: 'alicekey' });
    const path = (res.json().data.url as string).replace(ctx.config.publicUrl, '');
    const cookie = portalCookie((await anon('GET', path)).headers);
    const me = (await anon('GET', '/portal/api/me', undefined, { cookie })).json().data;
    expect(me.program.id).toBe(other.programId);
    const sales = (await anon('GET', '/portal/api/transactions', undefined, { cookie })).json()
      .data;
    expect(sales).toEqual([]);
  });

  it('masks referrals’ names and e-mails unless the program allows them', async () => {
    const alice = await signIn({ key: 'alicekey' });
    const masked = (await as(alice, 'GET', '/portal/api/referrals')).json().data;
    expect(masked).toHaveLength(1);
    expect(masked[0].email).toBe('a**********@m***.test');
    expect(masked[0].name).toBe('a******** B****');
    expect(JSON.stringify(masked)).not.toContain('alicename');
    expect(JSON.stringify(masked)).not.toContain('alice.buyer');
    expect(
      (await ctx.request('PUT', '/v1/program/portal', { customer_pii: 'visible' })).json().data,
    ).toMatchObject({
      enabled: true,
      customer_pii: 'visible',
    });
    const visible = (await as(alice, 'GET', '/portal/api/referrals')).json().data;
    expect(visible[0]).toMatchObject({ email: 'alice.buyer@mail.test', name: 'alicename Buyer' });
    await ctx.request('PUT', '/v1/program/portal', { customer_pii: 'masked' });
  });

  it('a partner session cannot call /v1 or the dashboard; owner credentials do not open the portal', async () => {
    const alice = await signIn({ key: 'alicekey' });
    for (const url of ['/v1/partners', '/v1/program', '/v1/program/portal', '/v1/webhooks']) {
      expect((await anon('GET', url, undefined, { cookie: alice.cookie })).statusCode).toBe(401);
    }
    const write = await anon(
      'POST',
      '/v1/partners:sign-in-url',
      { key: 'bobkey' },
      { cookie: alice.cookie, 'x-csrf-token': alice.csrf },
    );
    expect(write.statusCode).toBe(401);
    expect(
      (await anon('GET', '/auth/session', undefined, { cookie: alice.cookie })).statusCode,
    ).toBe(401);
    // The owner's key and dashboard session are no partner credential.
    expect((await ctx.request('GET', '/portal/api/me')).statusCode).toBe(401);
    const dash = await anon('POST', '/auth/session', { api_key: ctx.apiKey });
    const dashCookie =
      String(
        (dash.headers['set-cookie'] as string[]).find((l) => l.startsWith('hookline_session=')),
      ).split(';')[0] ?? '';
    for (const path of ['/me', '/transactions', '/payouts']) {
      expect(
        (await anon('GET', `/portal/api${path}`, undefined, { cookie: dashCookie })).statusCode,
      ).toBe(401);
    }
    // A dashboard token pasted into the portal cookie is unknown there.
    const swapped = dashCookie.replace('hookline_session=', 'hookline_portal=');
    expect((await anon('GET', '/portal/api/me', undefined, { cookie: swapped })).statusCode).toBe(
      401,
    );
  });

  it('refuses state-changing portal requests without the CSRF token', async () => {
    const alice = await signIn({ key: 'alicekey' });
    const body = { gateway: 'wire', payout_settings: { iban: 'X' } };
    const none = await anon('PUT', '/portal/api/payout-details', body, { cookie: alice.cookie });
    expect(none.statusCode).toBe(403);
    const wrong = await anon('PUT', '/portal/api/payout-details', body, {
      cookie: alice.cookie,
      'x-csrf-token': `${alice.csrf}x`,
    });
    expect(wrong.statusCode).toBe(403);
    const payout = await anon(
      'POST',
      '/portal/api/payouts',
      { amount_units: 'EUR' },
      { cookie: alice.cookie },
    );
    expect(payout.statusCode).toBe(403);
    const signOut = await anon('DELETE', '/portal/auth/session', undefined, {
      cookie: alice.cookie,
    });
    expect(signOut.statusCode).toBe(403);
    expect((await as(alice, 'GET', '/portal/api/payout-details')).json().data.gateway).toBe(
      'paypal',
    );
    expect((await as(alice, 'PUT', '/portal/api/payout-details', body)).statusCode).toBe(200);
    expect((await as(alice, 'DELETE', '/portal/auth/session')).statusCode).toBe(204);
    expect((await as(alice, 'GET', '/portal/api/me')).statusCode).toBe(401);
  });

  it('payout resubmission: the owner sends a request back, the partner corrects its details', async () => {
    const bob = await signIn({ key: 'bobkey' });
    const eur = await as(bob, 'POST', '/portal/api/payouts', { amount_units: 'EUR' });
    expect(eur.statusCode, eur.body).toBe(201);
    const id = eur.json().data.id as number;
    // Nothing to resubmit before the owner asks.
    expect((await as(bob, 'POST', `/portal/api/payouts/${id}/resubmit`, {})).statusCode).toBe(422);
    const back = await ctx.request('POST', `/v1/payout_requests/${id}/request_resubmission`);
    expect(back.statusCode, back.body).toBe(200);
    expect(back.json().data.status).toBe('resubmit_requested');
    const found = await ctx.request('GET', '/v1/payout_requests?status=resubmit_requested');
    expect(found.json().data.map((p: { id: number }) => p.id)).toContain(id);
    const resubmitted = await as(bob, 'POST', `/portal/api/payouts/${id}/resubmit`, {
      gateway: 'wire',
      payout_settings: { iban: 'DE00 1234' },
    });
    expect(resubmitted.statusCode, resubmitted.body).toBe(200);
    expect(resubmitted.json().data).toMatchObject({
      status: 'resubmitted',
      gateway: 'wire',
      payout_settings: { iban: 'DE00 1234' },
    });
    // The corrected details are kept for the next request.
    expect((await as(bob, 'GET', '/portal/api/payout-details')).json().data.gateway).toBe('wire');
    const approved = await ctx.request('POST', `/v1/payout_requests/${id}/approve`);
    expect(approved.json().data.status).toBe('approved');
    const paid = await ctx.request('POST', `/v1/payout_requests/${id}/mark_as_paid`);
    expect(paid.json().data.status).toBe('finished');
    const balance = (await as(bob, 'GET', '/portal/api/balance')).json().data;
    expect(balance.find((b: { amount_units: string }) => b.amount_units === 'EUR')).toMatchObject({
      available: 0,
      paid: 15,
    });
    // No balance left: a clear 422.
    const empty = await as(bob, 'POST', '/portal/api/payouts', { amount_units: 'EUR' });
    expect(empty.statusCode).toBe(422);
  });

  const sessionsOf = async (partnerId: string) =>
    (
      await portalDb(ctx.store.db)
        .selectFrom('portal_sessions')
        .select('id')
        .where('program_id', '=', ctx.programId)
        .where('partner_id', '=', partnerId)
        .execute()
    ).length;

  it('archiving, rejecting or deleting a partner ends its sessions at once', async () => {
    for (const [id, action] of [
      ['arch', 'archive'],
      ['rej', 'reject'],
      ['del', 'delete'],
    ] as const) {
      if (action === 'reject')
        await ctx.request('PUT', '/v1/program', { require_partner_approval: true });
      expect(
        (
          await ctx.request('POST', '/v1/partners', {
            id,
            email: `${id}@partners.test`,
            key: `${id}key`,
          })
        ).statusCode,
      ).toBe(201);
      if (action === 'reject')
        await ctx.request('PUT', '/v1/program', { require_partner_approval: false });
      const p = await signIn({ id });
      const spare = await signInUrl({ id });
      expect(await sessionsOf(id)).toBe(1);
      const res =
        action === 'delete'
          ? await ctx.request('DELETE', `/v1/partners/${id}`)
          : await ctx.request('POST', `/v1/partners/${id}/${action}`);
      expect(res.statusCode, res.body).toBeLessThan(300);
      expect(await sessionsOf(id)).toBe(0);
      expect((await as(p, 'GET', '/portal/api/me')).statusCode).toBe(401);
      // An unspent link dies with it, and no new one is given.
      expect((await open(spare.url)).headers.location).toBe('/portal?link=invalid');
      if (action !== 'delete') {
        expect((await ctx.request('POST', '/v1/partners:sign-in-url', { id })).statusCode).toBe(
          422,
        );
      }
    }
  });

  it('turning the portal off ends every partner session; on again, old sessions stay ended', async () => {
    const alice = await signIn({ key: 'alicekey' });
    const bob = await signIn({ key: 'bobkey' });
    const off = await ctx.request('PUT', '/v1/program/portal', { enabled: false });
    expect(off.json().data).toMatchObject({ enabled: false, available: true });
    expect(await sessionsOf('alice')).toBe(0);
    for (const p of [alice, bob])
      expect((await as(p, 'GET', '/portal/api/me')).statusCode).toBe(401);
    expect(
      (await ctx.request('POST', '/v1/partners:sign-in-url', { key: 'alicekey' })).statusCode,
    ).toBe(422);
    expect((await ctx.request('PUT', '/v1/program/portal', { enabled: true })).statusCode).toBe(
      200,
    );
    expect((await as(alice, 'GET', '/portal/api/me')).statusCode).toBe(401);
    expect((await ctx.request('PUT', '/v1/program/portal', { enabled: 'yes' })).statusCode).toBe(
      422,
    );
    expect((await ctx.request('PUT', '/v1/program/portal', { colour: 'red' })).statusCode).toBe(
      422,
    );
  });

  it('password sign-in: scrypt-hashed, only when the program allows it, same answer for every failure', async () => {
    const created = await ctx.request('POST', '/v1/partners', {
      id: 'pw',
      email: 'pw@partners.test',
      password: 'Secret123',
    });
    expect(created.statusCode).toBe(201);
    expect(created.body).not.toContain('Secret123');
    const stored = await portalDb(ctx.store.db)
      .selectFrom('portal_passwords')
      .selectAll()
      .where('partner_id', '=', 'pw')
      .execute();
    expect(stored).toHaveLength(1);
    expect(stored[0]?.password_hash).toMatch(/^scrypt\$16384\$8\$1\$/);
    expect(stored[0]?.password_hash).not.toContain('Secret123');

    const tryIt = (email: string, password: string) =>
      anon('POST', '/portal/auth/password', { email, password });
    const off = await tryIt('pw@partners.test', 'Secret123');
    expect(off.statusCode).toBe(401);
    expect(
      (await ctx.request('PUT', '/v1/program/portal', { password_sign_in: true })).json().data
        .password_sign_in,
    ).toBe(true);
    const wrong = await tryIt('pw@partners.test', 'Secret124');
    const unknown = await tryIt('nobody@partners.test', 'Secret123');
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(unknown.body).toBe(wrong.body);
    expect(unknown.body).toBe(off.body);
    const good = await tryIt('PW@partners.test', 'Secret123');
    expect(good.statusCode).toBe(204);
    const cookie = portalCookie(good.headers);
    expect(
      (await anon('GET', '/portal/api/me', undefined, { cookie })).json().data.partner.id,
    ).toBe('pw');

    // A new password (Partnero's update) replaces the old one.
    expect(
      (await ctx.request('PUT', '/v1/partners/pw', { password: 'NewSecret1' })).statusCode,
    ).toBe(200);
    expect((await tryIt('pw@partners.test', 'Secret123')).statusCode).toBe(401);
    // ... and ends the sessions opened with the old one.
    expect((await anon('GET', '/portal/api/me', undefined, { cookie })).statusCode).toBe(401);
    expect((await tryIt('pw@partners.test', 'NewSecret1')).statusCode).toBe(204);
    // An archived partner cannot sign in, whatever its password.
    await ctx.request('POST', '/v1/partners/pw/archive');
    expect((await tryIt('pw@partners.test', 'NewSecret1')).statusCode).toBe(401);
    await ctx.request('PUT', '/v1/program/portal', { password_sign_in: false });
  });

  it('portals are for affiliate programs', async () => {
    const other = await ctx.otherProgram();
    const req = (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) =>
      ctx.app.inject({
        method,
        url,
        headers: { authorization: `Bearer ${other.apiKey}` },
        ...(body === undefined ? {} : { payload: body as object }),
      });
    expect((await req('PUT', '/v1/program', { program_type: 'newsletter' })).statusCode).toBe(200);
    expect((await req('GET', '/v1/program/portal')).json().data).toMatchObject({
      enabled: true,
      available: false,
    });
    const res = await req('POST', '/v1/partners:sign-in-url', { key: 'whoever' });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors.program_type[0]).toMatch(/affiliate/);
  });

  it('serves the portal page with a strict policy; the portal API is in /openapi.json', async () => {
    const page = await anon('GET', '/portal');
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    expect(page.headers['x-frame-options']).toBe('DENY');
    expect((await anon('GET', '/portal/app.js')).statusCode).toBe(200);
    const doc = (await anon('GET', '/openapi.json')).json();
    for (const path of [
      '/portal/api/me',
      '/portal/api/transactions',
      '/portal/api/payouts',
      '/v1/partners:sign-in-url',
      '/v1/program/portal',
    ]) {
      expect(doc.paths[path], path).toBeDefined();
    }
    expect(
      doc.paths['/portal/api/balance'].get.responses['200'].content['application/json'].schema,
    ).toBeDefined();
  });
});

describe('portal cookie over https', () => {
  it('is Secure when the public URL is https', async () => {
    const ctx = await createTestContext('sqlite', {
      env: { HOOKLINE_PUBLIC_URL: 'https://hookline.test' },
    });
    try {
      await ctx.request('POST', '/v1/partners', { id: 'p', email: 'p@partners.test' });
      const url = (await ctx.request('POST', '/v1/partners:sign-in-url', { id: 'p' })).json().data
        .url as string;
      expect(url.startsWith('https://hookline.test/portal/sign-in?token=')).toBe(true);
      const res = await ctx.app.inject({
        method: 'GET',
        url: url.replace('https://hookline.test', ''),
      });
      expect(portalSetCookie(res.headers).line).toMatch(/; Secure/);
    } finally {
      await ctx.close();
    }
  });
});
