import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { PHP_SDK, replayExchanges, tickingClock } from './replay.js';
import type { Answer, Exchange } from './replay.js';

// The requests of Partnero's official PHP SDK, partnero/partnero-php, for partners, customers,
// transactions and partner referral links. src/Http/HttpLayer.php JSON-encodes the parameter
// array as the body on every method, GET and DELETE included (the recorded traffic,
// recordings/partnero-php-sdk*.jsonl, shows it; only the `search()` methods build a query
// string); models drop null fields (src/Models/AbstractModel.php).
const REPO = 'partnero/partnero-php';
const TEST = `${REPO}: src/Endpoints/Test.php`;
const PARTNERS = `${REPO}: src/Endpoints/Partners.php`;
const CUSTOMERS = `${REPO}: src/Endpoints/Customers.php`;
const TRANSACTIONS = `${REPO}: src/Endpoints/Transactions.php`;
const LINKS = `${REPO}: src/Endpoints/PartnerReferralLinks.php`;
// Deprecated classes, still shipped: the singular `/partner` and `/customer` endpoints.
const LEGACY_PARTNER = `${REPO}: src/Endpoints/Partner.php`;
const LEGACY_CUSTOMER = `${REPO}: src/Endpoints/Customer.php`;

const keys = (body: Answer) => body.data.map((d: { key: string }) => d.key);

const exchanges: Exchange[] = [
  {
    name: 'Test::test()',
    source: TEST,
    client: PHP_SDK,
    request: { method: 'GET', path: '/test' },
    expect: { status: 200, shape: 'status' },
  },
  {
    name: 'Partners::create(Partner{key, email, name, surname, password})',
    source: PARTNERS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/partners',
      body: {
        key: 'phpkey',
        email: 'php@example.com',
        name: 'Pat',
        surname: 'Hp',
        password: 'Secret123',
      },
    },
    expect: { status: 201, shape: 'partner' },
    save: 'partner',
  },
  {
    name: 'Partners::list(20)',
    source: PARTNERS,
    client: PHP_SDK,
    request: { method: 'GET', path: '/partners', body: { limit: 20 } },
    expect: { status: 200, shape: 'partner[]' },
  },
  {
    name: "Partners::find('phpkey'): GET /partners/phpkey with a {key} body",
    source: PARTNERS,
    client: PHP_SDK,
    request: { method: 'GET', path: '/partners/phpkey', body: { key: 'phpkey' } },
    expect: {
      status: 200,
      shape: 'partner',
      check: (b, s) => expect(b.data.id).toBe(s.partner.id),
    },
  },
  {
    name: "Partners::find(null, 'php@example.com'): GET /partners/ with an {email} body",
    source: PARTNERS,
    client: PHP_SDK,
    request: { method: 'GET', path: '/partners/', body: { email: 'php@example.com' } },
    expect: { status: 200, shape: 'partner[]', check: (b) => expect(keys(b)).toEqual(['phpkey']) },
  },
  {
    name: "Partners::update('phpkey', {name}): PUT /partners {update, key}",
    source: PARTNERS,
    client: PHP_SDK,
    request: {
      method: 'PUT',
      path: '/partners',
      body: { update: { name: 'Patricia' }, key: 'phpkey' },
    },
    expect: {
      status: 200,
      shape: 'partner',
      check: (b) => expect(b.data).toMatchObject({ name: 'Patricia', key: 'phpkey' }),
    },
  },
  {
    name: 'Customers::create(Customer{key, name, email}, Partner{key})',
    source: CUSTOMERS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/customers',
      body: {
        key: 'c-php',
        name: 'Cus',
        email: 'cus@example.com',
        partner: { key: 'phpkey' },
      },
    },
    expect: { status: 201, shape: 'customer' },
  },
  {
    name: 'Customers::create with the partner model carrying an int id',
    source: `${REPO}: src/Models/Partner.php`,
    client: PHP_SDK,
    request: (s) => ({
      method: 'POST',
      path: '/customers',
      body: { key: 'c-php-2', partner: { id: s.partner.id, email: 'php@example.com' } },
    }),
    expect: { status: 201, shape: 'customer' },
  },
  {
    name: 'Customers::create(Customer, Partner, Transaction{key, amount, action}): customer and first sale',
    source: CUSTOMERS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/customers',
      body: {
        key: 'c-php-4',
        email: 'four@example.com',
        partner: { key: 'phpkey' },
        transaction: { key: 't-first', amount: 30, action: 'sale' },
      },
    },
    expect: { status: 201, shape: 'customer' },
  },
  {
    name: 'The first sale was recorded for the new customer',
    source: CUSTOMERS,
    client: PHP_SDK,
    request: { method: 'GET', path: '/customers/c-php-4/transactions' },
    expect: {
      status: 200,
      shape: 'transaction[]',
      check: (b) => {
        expect(keys(b)).toEqual(['t-first']);
        expect(b.data[0].rewards).toHaveLength(1);
      },
    },
  },
  {
    name: "Customers::list(10, 'phpkey'): GET /customers?partner[key]=phpkey&limit=10",
    source: CUSTOMERS,
    client: PHP_SDK,
    request: { method: 'GET', path: '/customers', body: { partner: { key: 'phpkey' }, limit: 10 } },
    expect: {
      status: 200,
      shape: 'customer[]',
      check: (b) => expect(keys(b)).toEqual(['c-php', 'c-php-2', 'c-php-4']),
    },
  },
  {
    name: "Customers::find('c-php')",
    source: CUSTOMERS,
    client: PHP_SDK,
    request: { method: 'GET', path: '/customers/c-php' },
    expect: { status: 200, shape: 'customer' },
  },
  {
    name: "Customers::update('c-php', {name}): PUT /customers {key, update}",
    source: CUSTOMERS,
    client: PHP_SDK,
    request: {
      method: 'PUT',
      path: '/customers',
      body: { key: 'c-php', update: { name: 'Cuss' } },
    },
    expect: { status: 200, shape: 'customer', check: (b) => expect(b.data.name).toBe('Cuss') },
  },
  {
    name: 'Transactions::create(Transaction{key, amount, action, rewardable, product_id}, Customer{key})',
    source: TRANSACTIONS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/transactions',
      body: {
        key: 't-php',
        amount: 49.5,
        action: 'sale',
        rewardable: true,
        product_id: 'pro',
        customer: { key: 'c-php' },
      },
    },
    expect: {
      status: 201,
      shape: 'transaction',
      check: (b) => expect(b.data.rewards).toHaveLength(1),
    },
  },
  {
    name: 'Transactions::create with rewardable: false records no commission',
    source: `${REPO}: src/Models/Transaction.php`,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/transactions',
      body: { key: 't-php-2', amount: 10, rewardable: false, customer: { key: 'c-php' } },
    },
    expect: { status: 201, shape: 'transaction', check: (b) => expect(b.data.rewards).toEqual([]) },
  },
  {
    name: "Transactions::delete('t-php'): DELETE /transactions/t-php with a {key} body",
    source: TRANSACTIONS,
    client: PHP_SDK,
    request: { method: 'DELETE', path: '/transactions/t-php', body: { key: 't-php' } },
    expect: { status: 200, shape: 'status' },
  },
  {
    name: 'Transactions::create(Transaction{key, amount}, Customer{key}) for archiving',
    source: TRANSACTIONS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/transactions',
      body: { key: 't-php-3', amount: 20, customer: { key: 'c-php' } },
    },
    expect: { status: 201, shape: 'transaction' },
  },
  {
    name: "Transactions::archive('t-php-3'): POST /transactions/t-php-3/archive {key}",
    source: TRANSACTIONS,
    client: PHP_SDK,
    request: { method: 'POST', path: '/transactions/t-php-3/archive', body: { key: 't-php-3' } },
    expect: {
      status: 200,
      check: (b) => {
        expect(b.status).toBe(1);
        expect(b.data.deleted_at).not.toBeNull();
        expect(b.data.rewards[0]).toMatchObject({ status: 'cancelled' });
      },
    },
  },
  {
    name: "Transactions::revokeArchived('t-php-3')",
    source: TRANSACTIONS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/transactions/t-php-3/revoke-archive',
      body: { key: 't-php-3' },
    },
    expect: {
      status: 200,
      shape: 'transaction',
      check: (b) => {
        expect(b.data.deleted_at).toBeNull();
        expect(b.data.rewards[0]).toMatchObject({ status: 'review_period', deleted_at: null });
      },
    },
  },
  {
    name: "Transactions::revokeArchived('t-php-3') again: 422",
    source: TRANSACTIONS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/transactions/t-php-3/revoke-archive',
      body: { key: 't-php-3' },
    },
    expect: { status: 422, shape: 'error' },
  },
  {
    name: 'PartnerReferralLinks::list($partnerId, 10)',
    source: LINKS,
    client: PHP_SDK,
    request: (s) => ({
      method: 'GET',
      path: `/partners/${s.partner.id}/referral_links`,
      body: { limit: 10 },
    }),
    expect: {
      status: 200,
      shape: 'referral_link[]',
      check: (b) => expect(keys(b)).toEqual(['phpkey']),
    },
  },
  {
    name: 'PartnerReferralLinks::create(ReferralLink{key}, Partner{key})',
    source: LINKS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/partner_referral_links',
      body: { key: 'php-extra', domain_id: null, is_additional: false, partner: { key: 'phpkey' } },
    },
    expect: {
      status: 201,
      shape: 'referral_link',
      check: (b) => expect(b.data).toMatchObject({ id: 'php-extra', default: false }),
    },
  },
  {
    name: 'A customer attributed through the additional link belongs to its partner',
    source: CUSTOMERS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/customers',
      body: { key: 'c-php-3', partner: { key: 'php-extra' } },
    },
    expect: {
      status: 201,
      shape: 'customer',
      check: (b, s) => expect(b.data.partner).toBe(s.partner.id),
    },
  },
  {
    name: "PartnerReferralLinks::get('php-extra')",
    source: LINKS,
    client: PHP_SDK,
    request: { method: 'GET', path: '/partner_referral_links/php-extra' },
    expect: { status: 200, shape: 'referral_link' },
  },
  {
    name: "PartnerReferralLinks::update('php-extra', ReferralLink{key})",
    source: LINKS,
    client: PHP_SDK,
    request: {
      method: 'PUT',
      path: '/partner_referral_links/php-extra',
      body: { key: 'php-extra-2' },
    },
    expect: {
      status: 200,
      shape: 'referral_link',
      check: (b) => expect(b.data.key).toBe('php-extra-2'),
    },
  },
  {
    name: 'PartnerReferralLinks::create with a key another partner uses: 422',
    source: LINKS,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/partner_referral_links',
      body: { key: 'phpkey', domain_id: null, is_additional: false, partner: { key: 'phpkey' } },
    },
    expect: { status: 422, shape: 'error' },
  },
  {
    name: 'The partner lists both links',
    source: PARTNERS,
    client: PHP_SDK,
    request: { method: 'GET', path: '/partners/phpkey', body: { key: 'phpkey' } },
    expect: {
      status: 200,
      shape: 'partner',
      check: (b) => expect(b.data.referral_links).toHaveLength(2),
    },
  },
  {
    name: "PartnerReferralLinks::delete('php-extra-2')",
    source: LINKS,
    client: PHP_SDK,
    request: { method: 'DELETE', path: '/partner_referral_links/php-extra-2' },
    expect: { status: 200, shape: 'status' },
  },
  {
    name: "Customers::delete('c-php-3')",
    source: CUSTOMERS,
    client: PHP_SDK,
    request: { method: 'DELETE', path: '/customers/c-php-3' },
    expect: { status: 200, shape: 'status' },
  },
  {
    name: "Partners::delete('phpkey'): DELETE /partners with a {key} body",
    source: PARTNERS,
    client: PHP_SDK,
    request: { method: 'DELETE', path: '/partners', body: { key: 'phpkey' } },
    expect: { status: 200, shape: 'status' },
  },
  {
    name: "Partners::find('phpkey') after the delete: 404",
    source: PARTNERS,
    client: PHP_SDK,
    request: { method: 'GET', path: '/partners/phpkey', body: { key: 'phpkey' } },
    expect: { status: 404, shape: 'error' },
  },
  {
    name: 'Partner::create (deprecated): POST /partner',
    source: LEGACY_PARTNER,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/partner',
      body: { key: 'legacy', email: 'legacy@example.com', name: 'Leg' },
    },
    expect: { status: 201, shape: 'partner' },
  },
  {
    name: "Partner::get('legacy') (deprecated): GET /partner with a {key} body",
    source: LEGACY_PARTNER,
    client: PHP_SDK,
    request: { method: 'GET', path: '/partner', body: { key: 'legacy' } },
    expect: { status: 200, shape: 'partner' },
  },
  {
    name: "Partner::update('legacy', {name}) (deprecated): PUT /partner {key, update}",
    source: LEGACY_PARTNER,
    client: PHP_SDK,
    request: { method: 'PUT', path: '/partner', body: { key: 'legacy', update: { name: 'Lego' } } },
    expect: { status: 200, shape: 'partner', check: (b) => expect(b.data.name).toBe('Lego') },
  },
  {
    name: 'Customer::create (deprecated): POST /customer {customer, partner, transaction}',
    source: LEGACY_CUSTOMER,
    client: PHP_SDK,
    request: {
      method: 'POST',
      path: '/customer',
      body: {
        customer: { key: 'c-legacy', email: 'cl@example.com', name: 'Cl' },
        partner: { key: 'legacy' },
        transaction: { key: 't-legacy', amount: 12.5 },
      },
    },
    expect: { status: 201, shape: 'customer' },
  },
  {
    name: "Customer::get('c-legacy') (deprecated): GET /customer with a {key} body",
    source: LEGACY_CUSTOMER,
    client: PHP_SDK,
    request: { method: 'GET', path: '/customer', body: { key: 'c-legacy' } },
    expect: {
      status: 200,
      shape: 'customer',
      check: (b) => expect(b.data.email).toBe('cl@example.com'),
    },
  },
  {
    name: "Customer::update('c-legacy', {name}) (deprecated): PUT /customer {key, update}",
    source: LEGACY_CUSTOMER,
    client: PHP_SDK,
    request: {
      method: 'PUT',
      path: '/customer',
      body: { key: 'c-legacy', update: { name: 'Clo' } },
    },
    expect: { status: 200, shape: 'customer', check: (b) => expect(b.data.name).toBe('Clo') },
  },
  {
    name: 'The first sale sent with the deprecated create was recorded',
    source: LEGACY_CUSTOMER,
    client: PHP_SDK,
    request: { method: 'GET', path: '/transactions/t-legacy' },
    expect: {
      status: 200,
      shape: 'transaction',
      check: (b) => expect(b.data.customer).toBe('c-legacy'),
    },
  },
  {
    name: "Customer::delete('c-legacy') (deprecated): DELETE /customer with a {key} body",
    source: LEGACY_CUSTOMER,
    client: PHP_SDK,
    request: { method: 'DELETE', path: '/customer', body: { key: 'c-legacy' } },
    expect: { status: 200, shape: 'status' },
  },
  {
    name: "Partner::delete('legacy') (deprecated): DELETE /partner with a {key} body",
    source: LEGACY_PARTNER,
    client: PHP_SDK,
    request: { method: 'DELETE', path: '/partner', body: { key: 'legacy' } },
    expect: { status: 200, shape: 'status' },
  },
];

describe.each(engines)('partnero-php on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine, tickingClock());
    await ctx.request('PUT', '/v1/program', { website_url: 'https://shop.test' });
  });
  afterAll(async () => ctx.close());

  replayExchanges(() => ctx, exchanges);
});
