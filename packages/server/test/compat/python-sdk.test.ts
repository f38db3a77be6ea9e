import { afterAll, beforeAll, describe, expect } from 'vitest';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { engines } from '../helpers/store.js';
import { PYTHON_SDK, replayExchanges, tickingClock } from './replay.js';
import type { Answer, Exchange } from './replay.js';

// The requests of the Python SDK simon-offerwell/partnero-sdk (PyPI `partnero` 0.4.0) for
// partners, customers and transactions. partnero/base_api.py sends `json=data` (Python `None`
// becomes JSON null) and `params=params` (the query), with partnero/authentication.py's
// `Content-Type: application/json` on every request, bodyless ones included.
const REPO = 'simon-offerwell/partnero-sdk';
const PARTNERS = `${REPO}: partnero/partner_api.py`;
const CUSTOMERS = `${REPO}: partnero/customer_api.py`;
const TRANSACTIONS = `${REPO}: partnero/transaction_api.py`;

const keys = (body: Answer) => body.data.map((d: { key: string }) => d.key);

const exchanges: Exchange[] = [
  {
    name: 'create_partner(email, name, password) sends id and key as null',
    source: PARTNERS,
    client: PYTHON_SDK,
    request: {
      method: 'POST',
      path: '/partners',
      body: { email: 'py@example.com', name: 'Py', password: 'Secret123', id: null, key: null },
    },
    expect: {
      status: 201,
      shape: 'partner',
      check: (b) => expect(b.data.key).toMatch(/^[a-z0-9]{12}$/),
    },
    save: 'partner',
  },
  {
    name: 'create_partner with a custom id and key',
    source: PARTNERS,
    client: PYTHON_SDK,
    request: {
      method: 'POST',
      path: '/partners',
      body: {
        email: 'py2@example.com',
        name: 'Py2',
        password: 'Secret123',
        id: 'py2',
        key: 'pykey',
      },
    },
    expect: { status: 201, shape: 'partner', check: (b) => expect(b.data.id).toBe('py2') },
  },
  {
    name: 'list_partners(limit=15, page=1)',
    source: PARTNERS,
    client: PYTHON_SDK,
    request: { method: 'GET', path: '/partners', query: { limit: 15, page: 1 } },
    expect: { status: 200, shape: 'partner[]', check: (b) => expect(b.data).toHaveLength(2) },
  },
  {
    name: 'get_partner(email=…): GET /partners:search?email=',
    source: PARTNERS,
    client: PYTHON_SDK,
    request: { method: 'GET', path: '/partners:search', query: { email: 'py2@example.com' } },
    expect: { status: 200, shape: 'partner[]', check: (b) => expect(keys(b)).toEqual(['pykey']) },
  },
  {
    name: 'get_partner(name=…, partner_id=…)',
    source: PARTNERS,
    client: PYTHON_SDK,
    request: { method: 'GET', path: '/partners:search', query: { name: 'py', id: 'py2' } },
    expect: { status: 200, shape: 'partner[]', check: (b) => expect(keys(b)).toEqual(['pykey']) },
  },
  {
    name: 'update_partner(partner_id, surname=…, password=…)',
    source: PARTNERS,
    client: PYTHON_SDK,
    request: {
      method: 'PUT',
      path: '/partners/py2',
      body: { surname: 'Thon', password: 'NewSecret1' },
    },
    expect: { status: 200, shape: 'partner', check: (b) => expect(b.data.surname).toBe('Thon') },
  },
  {
    name: 'create_customer(partner_key, customer_key, email, name)',
    source: CUSTOMERS,
    client: PYTHON_SDK,
    request: {
      method: 'POST',
      path: '/customers',
      body: { partner: { key: 'pykey' }, key: 'c-py', email: 'cpy@example.com', name: 'C' },
    },
    expect: { status: 201, shape: 'customer', check: (b) => expect(b.data.partner).toBe('py2') },
  },
  {
    name: 'list_customers(limit=15, page=1)',
    source: CUSTOMERS,
    client: PYTHON_SDK,
    request: { method: 'GET', path: '/customers', query: { limit: 15, page: 1 } },
    expect: { status: 200, shape: 'customer[]', check: (b) => expect(keys(b)).toEqual(['c-py']) },
  },
  {
    name: 'get_customer(email=…): GET /customers:search?email=',
    source: CUSTOMERS,
    client: PYTHON_SDK,
    request: { method: 'GET', path: '/customers:search', query: { email: 'cpy@example.com' } },
    expect: { status: 200, shape: 'customer[]', check: (b) => expect(keys(b)).toEqual(['c-py']) },
  },
  {
    name: 'get_customer(customer_key=…)',
    source: CUSTOMERS,
    client: PYTHON_SDK,
    request: { method: 'GET', path: '/customers:search', query: { key: 'c-py' } },
    expect: { status: 200, shape: 'customer[]', check: (b) => expect(keys(b)).toEqual(['c-py']) },
  },
  {
    name: 'update_customer(customer_key, email, name)',
    source: CUSTOMERS,
    client: PYTHON_SDK,
    request: {
      method: 'PUT',
      path: '/customers/c-py',
      body: { email: 'new@example.com', name: 'Cee' },
    },
    expect: {
      status: 200,
      shape: 'customer',
      check: (b) => expect(b.data).toMatchObject({ email: 'new@example.com', name: 'Cee' }),
    },
  },
  {
    name: 'create_transaction(customer_key, transaction_key, amount, None, None, action)',
    source: TRANSACTIONS,
    client: PYTHON_SDK,
    request: {
      method: 'POST',
      path: '/transactions',
      body: {
        customer: { key: 'c-py' },
        key: 't-py',
        amount: 19.99,
        product_id: null,
        product_type: null,
        action: 'sale',
      },
    },
    expect: {
      status: 201,
      shape: 'transaction',
      check: (b) => expect(b.data).toMatchObject({ amount: 19.99, product_id: null }),
    },
  },
  {
    name: 'list_transactions(limit=15, page=1)',
    source: TRANSACTIONS,
    client: PYTHON_SDK,
    request: { method: 'GET', path: '/transactions', query: { limit: 15, page: 1 } },
    expect: {
      status: 200,
      shape: 'transaction[]',
      check: (b) => expect(keys(b)).toEqual(['t-py']),
    },
  },
  {
    name: 'get_customer_transactions(customer_key, limit=15, page=1)',
    source: CUSTOMERS,
    client: PYTHON_SDK,
    request: { method: 'GET', path: '/customers/c-py/transactions', query: { limit: 15, page: 1 } },
    expect: {
      status: 200,
      shape: 'transaction[]',
      check: (b) => expect(keys(b)).toEqual(['t-py']),
    },
  },
  {
    name: 'delete_transaction(transaction_key)',
    source: TRANSACTIONS,
    client: PYTHON_SDK,
    needs: ['bodyless-json'],
    request: { method: 'DELETE', path: '/transactions/t-py' },
    expect: { status: 200, shape: 'status' },
  },
  {
    name: 'delete_customer(customer_key)',
    source: CUSTOMERS,
    client: PYTHON_SDK,
    needs: ['bodyless-json'],
    request: { method: 'DELETE', path: '/customers/c-py' },
    expect: { status: 200, shape: 'status' },
  },
  {
    name: 'delete_partner(partner_id)',
    source: PARTNERS,
    client: PYTHON_SDK,
    needs: ['bodyless-json'],
    request: (s) => ({ method: 'DELETE', path: `/partners/${s.partner.id}` }),
    expect: { status: 200, shape: 'status' },
  },
];

describe.each(engines)('partnero Python SDK on %s', (engine) => {
  let ctx: TestContext;
  beforeAll(async () => {
    ctx = await createTestContext(engine, tickingClock());
  });
  afterAll(async () => ctx.close());

  replayExchanges(() => ctx, exchanges);
});
