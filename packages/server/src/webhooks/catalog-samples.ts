import type {
  CustomerCreditResource,
  CustomerResource,
  LeadResource,
  PartnerResource,
  RewardResource,
  SubscriberResource,
  TransactionResource,
} from './resource-schemas.js';

/**
 * Realistic samples of every resource an event carries, for the catalog (`GET
 * /v1/event-types`) and test sends. `test/domain/catalog-samples.test.ts` checks that each has
 * exactly the fields of the real resource.
 */

/** When the sample resources were created. */
export const created = '2026-05-07T10:30:00.000000Z';
/** When the sample resources last changed. */
export const later = '2026-05-07T11:02:41.000000Z';

/** A partner. */
export const samplePartner: PartnerResource = {
  id: 'partner_123',
  key: 'ref_123',
  email: 'john.doe@example.com',
  name: 'John',
  surname: 'Doe',
  status: 'active',
  approved: true,
  tags: [{ value: 'newsletter' }],
  referral_link: 'https://acme.test?aff=ref_123',
  referral_links: ['https://acme.test?aff=ref_123'],
  referrals_count: 3,
  created_at: created,
  updated_at: created,
  deleted_at: null,
};

/** A customer referred by a partner. */
export const sampleCustomer: CustomerResource = {
  id: 'cus_01jv3x8k2d9q4m7n5p6r8s0t1v',
  key: 'customer_123',
  partner: 'partner_123',
  email: 'jane.roe@example.com',
  name: 'Jane',
  surname: 'Roe',
  status: 'active',
  tags: [],
  referring_customer: null,
  created_at: created,
  updated_at: created,
  deleted_at: null,
};

/** A commission on a sale. */
export const sampleReward: RewardResource = {
  id: 'rwd_01jv3x8k2d9q4m7n5p6r8s0t1v',
  key: 'transaction_123',
  action: 'sale',
  status: 'review_period',
  partner: 'partner_123',
  customer: 'customer_123',
  transaction: 'transaction_123',
  amount: 30,
  amount_units: 'USD',
  is_currency: true,
  credit: false,
  product_type_data: { product_id: 'prod_123', product_type: 'monthly' },
  note: null,
  payout_request: null,
  created_at: created,
  approved_at: null,
  paid_at: null,
  deleted_at: null,
};

/** A sale with its commission. */
export const sampleTransaction: TransactionResource = {
  key: 'transaction_123',
  action: 'sale',
  amount: 99.99,
  amount_units: 'USD',
  partner: 'partner_123',
  customer: 'customer_123',
  credit: false,
  is_currency: true,
  product_id: 'prod_123',
  product_type: 'monthly',
  gross_amount: null,
  discount_amount: null,
  discount_code: null,
  rewards: [sampleReward],
  created_at: created,
  updated_at: created,
  deleted_at: null,
};

/** A lead submitted by a partner. */
export const sampleLead: LeadResource = {
  id: 1042,
  partner: 'partner_123',
  name: 'Dana Scully',
  email: 'dana@fbi.example.com',
  status: 'pending',
  commission_transaction_amount: null,
  amount_units: null,
  reward: null,
  created_at: created,
  updated_at: created,
  converted_at: null,
  rejected_at: null,
};

/** A newsletter subscriber referred by another. */
export const sampleSubscriber: SubscriberResource = {
  id: 'sub_123',
  key: 'ross',
  email: 'ross.geller@example.com',
  name: 'Ross Geller',
  is_referred: true,
  referring_subscriber: 'sub_100',
  tos: true,
  marketing_consent: true,
  status: 'active',
  approved: true,
  share_link: 'https://acme.test?aff=ross',
  referrals_count: 0,
  reward: [],
  created_at: created,
  updated_at: created,
  deleted_at: null,
};

/** A credit added to a refer-a-friend customer's balance. */
export const sampleCustomerCredit: CustomerCreditResource = {
  id: 'cbe_01jv3x8k2d9q4m7n5p6r8s0t1v',
  customer: 'customer_123',
  type: 'credit',
  amount: 10,
  amount_units: 'USD',
  is_currency: true,
  note: 'Goodwill credit',
  referred_customer: null,
  balance: [{ amount: 25, amount_units: 'USD', is_currency: true }],
  created_at: later,
};
