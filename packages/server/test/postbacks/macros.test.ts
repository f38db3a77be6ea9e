import { describe, expect, it } from 'vitest';
import { currencyExponent } from '../../src/domain/money.js';
import { refusePostbackUrl } from '../../src/postbacks/check-url.js';
import {
  POSTBACK_MACROS,
  currencyDecimals,
  fillTemplate,
  formBody,
  formatAmount,
  macroValues,
  unknownMacros,
} from '../../src/webhooks/postbacks-macros.js';
import type { MacroValues } from '../../src/webhooks/postbacks-macros.js';
import { trimCustomerPii } from '../../src/webhooks/postbacks-pii.js';
import {
  contentTypeOf,
  decodeTarget,
  encodeTarget,
  visibleUrl,
} from '../../src/webhooks/postbacks-target.js';
import {
  sampleCustomer,
  sampleLead,
  sampleReward,
  sampleTransaction,
} from '../../src/webhooks/catalog-samples.js';

// The pure parts of url postbacks: macro filling (each value encoded on its own), the form
// body, amounts with the currency's decimals, the stored delivery target, PII trimming and the
// URL checks.

const values = (over: Partial<Record<(typeof POSTBACK_MACROS)[number], string>>): MacroValues =>
  ({ ...Object.fromEntries(POSTBACK_MACROS.map((m) => [m, ''])), ...over }) as MacroValues;

describe('fillTemplate', () => {
  it('encodes each value on its own, so no character of a value changes the URL', () => {
    const nasty = 'a&b=c#d+e f%20g/h?i é✓';
    const url = fillTemplate(
      'https://t.example/cb?c={customer_key}&t={transaction_key}#f',
      values({
        customer_key: nasty,
        transaction_key: 'plain',
      }),
    );
    expect(url).toBe(
      'https://t.example/cb?c=a%26b%3Dc%23d%2Be%20f%2520g%2Fh%3Fi%20%C3%A9%E2%9C%93&t=plain#f',
    );
    const parsed = new URL(url);
    expect(parsed.searchParams.get('c')).toBe(nasty);
    expect(parsed.searchParams.get('t')).toBe('plain');
    expect(parsed.hash).toBe('#f');
    expect([...parsed.searchParams.keys()]).toEqual(['c', 't']);
  });

  it('fills a macro in the path and never fills a value twice', () => {
    const url = fillTemplate(
      'https://t.example/{event}/x?e={event_id}',
      values({
        event: 'reward.paid',
        event_id: '{event}',
      }),
    );
    expect(url).toBe('https://t.example/reward.paid/x?e=%7Bevent%7D');
  });

  it('leaves an inapplicable macro empty', () => {
    expect(fillTemplate('https://t.example/?r={reward_id}', values({}))).toBe(
      'https://t.example/?r=',
    );
  });
});

describe('formBody', () => {
  it('holds every macro, in the table order, form-encoded', () => {
    const body = formBody(values({ event: 'transaction.created', customer_key: 'a b&c=d+e' }));
    const parsed = new URLSearchParams(body);
    expect([...parsed.keys()]).toEqual([...POSTBACK_MACROS]);
    expect(parsed.get('customer_key')).toBe('a b&c=d+e');
    expect(body).toContain('customer_key=a+b%26c%3Dd%2Be');
  });
});

describe('unknownMacros', () => {
  it('names every brace that is not a macro, once', () => {
    expect(unknownMacros('https://a.test/?x={payout}&y={payout}&z={}&w={event}')).toEqual([
      'payout',
      '',
    ]);
    expect(
      unknownMacros(`https://a.test/?${POSTBACK_MACROS.map((m) => `${m}={${m}}`).join('&')}`),
    ).toEqual([]);
  });
});

describe('amounts', () => {
  it('uses the currency decimals: 99.50, JPY 100, KWD 1.250', () => {
    expect(formatAmount(99.5, 'USD')).toBe('99.50');
    expect(formatAmount(100, 'JPY')).toBe('100');
    expect(formatAmount(1.25, 'KWD')).toBe('1.250');
    expect(formatAmount(null, 'USD')).toBe('');
  });

  it('agrees with the API money module on every currency it special-cases', () => {
    for (const code of [
      'USD',
      'EUR',
      'JPY',
      'KRW',
      'CLP',
      'ISK',
      'KWD',
      'IQD',
      'BHD',
      'TND',
      'XOF',
    ]) {
      expect(currencyDecimals(code), code).toBe(currencyExponent(code));
    }
  });
});

describe('macroValues', () => {
  const base = {
    eventId: 'evt_1',
    createdAt: Date.UTC(2026, 4, 7, 10, 30),
    partnerKey: 'ref_123',
    partnerId: 'partner_123',
  };

  it('fills a sale: the sale amount and the partner’s commission on it', () => {
    const v = macroValues({ ...base, event: 'transaction.created', data: sampleTransaction });
    expect(v).toMatchObject({
      event: 'transaction.created',
      event_id: 'evt_1',
      partner_key: 'ref_123',
      customer_key: 'customer_123',
      transaction_key: 'transaction_123',
      amount: '99.99',
      currency: 'USD',
      commission: '30.00',
      reward_id: sampleReward.id,
      reward_status: 'review_period',
      created_at: '2026-05-07T10:30:00.000000Z',
    });
  });

  it('gives a reward event the sale amount as {amount} and the reward as {commission}', () => {
    const v = macroValues({
      ...base,
      event: 'reward.approved',
      data: sampleReward,
      sale: { amount: 99.5, currency: 'USD' },
    });
    expect(v).toMatchObject({
      amount: '99.50',
      commission: '30.00',
      currency: 'USD',
      transaction_key: 'transaction_123',
    });
  });

  it('leaves what does not apply empty (a customer has no amount, a lead no customer)', () => {
    expect(macroValues({ ...base, event: 'customer.created', data: sampleCustomer })).toMatchObject(
      {
        customer_key: 'customer_123',
        amount: '',
        commission: '',
        transaction_key: '',
      },
    );
    expect(macroValues({ ...base, event: 'lead.submitted', data: sampleLead })).toMatchObject({
      customer_key: '',
      amount: '',
    });
  });

  it('does not count another partner’s reward on the same sale', () => {
    const v = macroValues({
      ...base,
      partnerId: 'someone_else',
      event: 'transaction.created',
      data: sampleTransaction,
    });
    expect(v.commission).toBe('');
    expect(v.reward_id).toBe('');
  });
});

describe('delivery targets', () => {
  it('round-trips every form and shows the URL as sent', () => {
    for (const target of [
      { format: 'webhook', url: 'https://a.test/h', trimPii: true },
      { format: 'webhook', url: 'https://a.test/h', trimPii: false },
      { format: 'url', method: 'GET', url: 'https://a.test/?a=%20b', form: '' },
      { format: 'url', method: 'POST', url: 'https://a.test/p', form: 'event=x&amount=1.00' },
    ] as const) {
      const stored = encodeTarget(target);
      expect(decodeTarget(stored)).toEqual(target);
      expect(visibleUrl(stored)).toBe(target.url);
    }
    expect(decodeTarget('https://owner.test/hook')).toBeUndefined();
    expect(visibleUrl('https://owner.test/hook')).toBe('https://owner.test/hook');
  });
});

describe('trimCustomerPii', () => {
  it('makes a customer a stub with its key, blanks a lead’s name and e-mail and reward notes', () => {
    const customer = JSON.parse(
      trimCustomerPii('customer.created', JSON.stringify(sampleCustomer)),
    );
    expect(customer).toEqual({
      id: sampleCustomer.id,
      key: 'customer_123',
      partner: 'partner_123',
      status: 'active',
      created_at: sampleCustomer.created_at,
      updated_at: sampleCustomer.updated_at,
      deleted_at: null,
    });
    const lead = JSON.parse(trimCustomerPii('lead.submitted', JSON.stringify(sampleLead)));
    expect(lead).toMatchObject({ name: null, email: null, partner: 'partner_123' });
    const withNote = { ...sampleReward, note: 'Lead 7 (dana@fbi.example.com)' };
    expect(JSON.parse(trimCustomerPii('reward.created', JSON.stringify(withNote)))).toEqual({
      ...withNote,
      note: null,
    });
    const sale = { ...sampleTransaction, rewards: [withNote] };
    expect(JSON.parse(trimCustomerPii('transaction.created', JSON.stringify(sale)))).toEqual({
      ...sale,
      rewards: [{ ...withNote, note: null }],
    });
    const partner = JSON.stringify({ id: 'p', email: 'p@x.test' });
    expect(trimCustomerPii('partner.created', partner)).toBe(partner);
  });
});

describe('refusePostbackUrl', () => {
  const strict = { allowHttp: false, allowPrivateNetworks: false };
  it('takes https templates with known macros in the path and query', () => {
    expect(refusePostbackUrl('url', 'https://t.example/{event}?a={amount}', strict)).toBeNull();
    expect(refusePostbackUrl('webhook', 'https://t.example/hook', strict)).toBeNull();
  });
  it('refuses unknown macros, macros in the host, http, private addresses and credentials', () => {
    expect(refusePostbackUrl('url', 'https://t.example/?p={payout}', strict)).toMatch(
      /Unknown macro \{payout\}/,
    );
    expect(refusePostbackUrl('url', 'https://{partner_key}.example/', strict)).toMatch(/host/);
    expect(refusePostbackUrl('url', 'http://t.example/?e={event}', strict)).toMatch(/https/);
    expect(
      refusePostbackUrl('url', 'http://t.example/?e={event}', { ...strict, allowHttp: true }),
    ).toBeNull();
    expect(refusePostbackUrl('webhook', 'https://127.0.0.1/hook', strict)).toMatch(
      /private|loopback/,
    );
    expect(refusePostbackUrl('webhook', 'https://u:p@t.example/', strict)).toMatch(/credentials/);
    expect(refusePostbackUrl('webhook', 'https://t.example/{event}', strict)).toMatch(/no macros/);
    expect(refusePostbackUrl('url', 'ftp://t.example/', strict)).toMatch(/http/);
  });
});

describe('contentTypeOf', () => {
  it('is what goes on the wire: JSON, the form type, or none for a GET', () => {
    expect(contentTypeOf('https://owner.example/hook')).toBe('application/json');
    const url = 'https://p.example/cb?x=1';
    expect(contentTypeOf(encodeTarget({ format: 'webhook', url, trimPii: true }))).toBe(
      'application/json',
    );
    expect(
      contentTypeOf(encodeTarget({ format: 'url', method: 'POST', url, form: 'event=a' })),
    ).toBe('application/x-www-form-urlencoded');
    expect(
      contentTypeOf(encodeTarget({ format: 'url', method: 'GET', url, form: '' })),
    ).toBeUndefined();
  });
});
