// Shared fixtures: a secret, realistic events, and loopback server plumbing.

import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Customer, HooklineEvent, Partner, Reward, Transaction } from '../src/index.js';

/** A secret shaped like Hookline's: 32 alphanumeric characters (also valid base64). */
export const SECRET = 'qK7nR2vT9xW4yZ1aB3cD5eF6gH8jL0mN';
/** A second secret, for rotations. */
export const OTHER_SECRET = 'Zz9Yy8Xx7Ww6Vv5Uu4Tt3Ss2Rr1Qq0Pp';

const AT = '2026-05-07T10:30:00.000000Z';

export const partner: Partner = {
  id: 'prt_01HZX3K9',
  key: 'jane-doe',
  email: 'jane@example.com',
  name: 'Jane',
  surname: null,
  status: 'active',
  approved: true,
  tags: [{ value: 'influencer' }],
  referral_link: 'https://example.com/?ref=jane-doe',
  referral_links: ['https://example.com/?ref=jane-doe'],
  referrals_count: 3,
  created_at: AT,
  updated_at: AT,
  deleted_at: null,
};

export const customer: Customer = {
  id: 'cus_01HZX3KB',
  key: 'cus_42',
  partner: partner.id,
  email: 'buyer@example.com',
  name: 'Zoë',
  surname: 'Müller',
  status: 'active',
  tags: [],
  referring_customer: null,
  created_at: AT,
  updated_at: AT,
  deleted_at: null,
};

export const reward: Reward = {
  id: 'rwd_01HZX3KA',
  key: 'txn_1001',
  action: 'sale',
  status: 'paid',
  partner: partner.id,
  customer: customer.key,
  transaction: 'txn_1001',
  amount: 12.5,
  amount_units: 'usd',
  is_currency: true,
  credit: false,
  product_type_data: { product_id: 'plan_pro' },
  note: null,
  payout_request: null,
  created_at: AT,
  approved_at: AT,
  paid_at: AT,
  deleted_at: null,
};

export const transaction: Transaction = {
  key: 'txn_1001',
  action: 'sale',
  amount: 125,
  amount_units: 'usd',
  partner: partner.id,
  customer: customer.key,
  credit: false,
  is_currency: true,
  product_id: 'plan_pro',
  product_type: null,
  gross_amount: null,
  discount_amount: null,
  discount_code: null,
  rewards: [reward],
  created_at: AT,
  updated_at: AT,
  deleted_at: null,
};

/** Builds an envelope; `id` defaults to one derived from the event type. */
export function envelope<E extends HooklineEvent>(
  event: E['event'],
  data: E['data'],
  id?: string,
): E {
  return {
    id: id ?? `evt_${event.replace('.', '_')}`,
    event,
    url: 'https://example.com/webhooks/hookline',
    webhook_key: 'uLbBzVvN7ARX',
    created_at: AT,
    data,
  } as E;
}

export const rewardPaid = envelope<HooklineEvent>('reward.paid', reward, 'evt_01HZX3KB');

/** The body as the server sends it: PHP-style escaped slashes and raw non-ASCII text. */
export function serverBody(event: HooklineEvent): string {
  return JSON.stringify(event).replaceAll('/', '\\/');
}

/** Starts a server on an ephemeral loopback port and returns its base URL. */
export async function listen(server: Server): Promise<string> {
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return `http://127.0.0.1:${port}`;
}

/** Stops a server, dropping keep-alive connections so the test does not hang. */
export async function close(server: Server): Promise<void> {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
}

/** POSTs a body with headers and returns the status and parsed JSON (or text). */
export async function post(
  url: string,
  body: string | Uint8Array,
  headers: Record<string, string>,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, { method: 'POST', body, headers });
  const text = await response.text();
  let parsed: unknown = text;
  try {
    parsed = JSON.parse(text);
  } catch {
    // Not JSON: keep the text.
  }
  return { status: response.status, body: parsed };
}
