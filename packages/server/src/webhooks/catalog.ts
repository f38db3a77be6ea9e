import { z } from 'zod';
import {
  customerSchema,
  partnerSchema,
  rewardSchema,
  transactionSchema,
} from './resource-schemas.js';
import type {
  CustomerResource,
  PartnerResource,
  RewardResource,
  TransactionResource,
} from './resource-schemas.js';

/** Every event type Hookline sends, in catalog order. */
export const EVENT_TYPES = [
  'partner.created',
  'partner.updated',
  'partner.approved',
  'partner.rejected',
  'partner.archived',
  'partner.deleted',
  'customer.created',
  'customer.updated',
  'customer.deleted',
  'transaction.created',
  'transaction.updated',
  'transaction.deleted',
  'reward.created',
  'reward.approved',
  'reward.paid',
] as const;

/** One of {@link EVENT_TYPES}. */
export type EventType = (typeof EVENT_TYPES)[number];

/** The subscription wildcard: every event type, including ones added later. */
export const ALL_EVENTS = '*';

/** True when `name` is a catalog event type. */
export function isEventType(name: string): name is EventType {
  return (EVENT_TYPES as readonly string[]).includes(name);
}

/** A catalog entry: what an event type means, its `data` schema and a realistic sample. */
export interface EventTypeDefinition {
  readonly name: EventType;
  readonly resource: 'partner' | 'customer' | 'transaction' | 'reward';
  readonly description: string;
  readonly schema: z.ZodType;
  readonly sample: Record<string, unknown>;
}

const created = '2026-05-07T10:30:00.000000Z';
const later = '2026-05-07T11:02:41.000000Z';

const samplePartner: PartnerResource = {
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

const sampleCustomer: CustomerResource = {
  id: 'cus_01jv3x8k2d9q4m7n5p6r8s0t1v',
  key: 'customer_123',
  partner: 'partner_123',
  email: 'jane.roe@example.com',
  name: 'Jane',
  surname: 'Roe',
  status: 'active',
  tags: [],
  created_at: created,
  updated_at: created,
  deleted_at: null,
};

const sampleReward: RewardResource = {
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
  created_at: created,
  approved_at: null,
  paid_at: null,
  deleted_at: null,
};

const sampleTransaction: TransactionResource = {
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

const definitions: readonly EventTypeDefinition[] = [
  {
    name: 'partner.created',
    resource: 'partner',
    description: 'A partner signed up or was added through the API.',
    schema: partnerSchema,
    sample: { ...samplePartner, status: 'pending', approved: false },
  },
  {
    name: 'partner.updated',
    resource: 'partner',
    description: "A partner's details changed.",
    schema: partnerSchema,
    sample: { ...samplePartner, surname: 'Doe-Smith', updated_at: later },
  },
  {
    name: 'partner.approved',
    resource: 'partner',
    description: 'A partner application was approved.',
    schema: partnerSchema,
    sample: { ...samplePartner, updated_at: later },
  },
  {
    name: 'partner.rejected',
    resource: 'partner',
    description: 'A partner application was rejected.',
    schema: partnerSchema,
    sample: { ...samplePartner, status: 'rejected', approved: false, updated_at: later },
  },
  {
    name: 'partner.archived',
    resource: 'partner',
    description: 'A partner was archived and lost portal access.',
    schema: partnerSchema,
    sample: { ...samplePartner, status: 'archived', updated_at: later },
  },
  {
    name: 'partner.deleted',
    resource: 'partner',
    description: 'A partner was deleted. Carries the last state, with deleted_at set.',
    schema: partnerSchema,
    sample: { ...samplePartner, updated_at: later, deleted_at: later },
  },
  {
    name: 'customer.created',
    resource: 'customer',
    description: 'A customer referred by a partner was created.',
    schema: customerSchema,
    sample: sampleCustomer,
  },
  {
    name: 'customer.updated',
    resource: 'customer',
    description: "A customer's details changed.",
    schema: customerSchema,
    sample: { ...sampleCustomer, name: 'Janet', updated_at: later },
  },
  {
    name: 'customer.deleted',
    resource: 'customer',
    description: 'A customer was deleted. Carries the last state, with deleted_at set.',
    schema: customerSchema,
    sample: { ...sampleCustomer, status: 'deleted', updated_at: later, deleted_at: later },
  },
  {
    name: 'transaction.created',
    resource: 'transaction',
    description: 'A transaction was recorded, with the rewards it earned.',
    schema: transactionSchema,
    sample: sampleTransaction,
  },
  {
    name: 'transaction.updated',
    resource: 'transaction',
    description: 'A transaction changed; its unpaid rewards were adjusted.',
    schema: transactionSchema,
    sample: {
      ...sampleTransaction,
      amount: 120,
      rewards: [{ ...sampleReward, amount: 36 }],
      updated_at: later,
    },
  },
  {
    name: 'transaction.deleted',
    resource: 'transaction',
    description: 'A transaction was refunded; its commission was reversed.',
    schema: transactionSchema,
    sample: {
      ...sampleTransaction,
      rewards: [{ ...sampleReward, status: 'cancelled', deleted_at: later }],
      updated_at: later,
      deleted_at: later,
    },
  },
  {
    name: 'reward.created',
    resource: 'reward',
    description: 'A commission (reward) was created for a partner.',
    schema: rewardSchema,
    sample: sampleReward,
  },
  {
    name: 'reward.approved',
    resource: 'reward',
    description: 'A reward was approved for payout.',
    schema: rewardSchema,
    sample: { ...sampleReward, status: 'approved', approved_at: later },
  },
  {
    name: 'reward.paid',
    resource: 'reward',
    description: 'A reward was marked as paid.',
    schema: rewardSchema,
    sample: {
      ...sampleReward,
      status: 'paid',
      approved_at: later,
      paid_at: '2026-06-01T09:00:00.000000Z',
    },
  },
];

const byName = new Map(definitions.map((d) => [d.name, d]));

/** The catalog, in {@link EVENT_TYPES} order. */
export function listEventTypes(): readonly EventTypeDefinition[] {
  return definitions;
}

/** One catalog entry, or `undefined` for an unknown name. */
export function getEventType(name: string): EventTypeDefinition | undefined {
  return byName.get(name as EventType);
}

const jsonSchemas = new Map<string, Record<string, unknown>>();

/** The JSON Schema (draft 2020-12) of an event type's `data`, computed once. */
export function jsonSchemaOf(definition: EventTypeDefinition): Record<string, unknown> {
  let schema = jsonSchemas.get(definition.name);
  if (!schema) {
    schema = z.toJSONSchema(definition.schema, { target: 'draft-2020-12' }) as Record<
      string,
      unknown
    >;
    jsonSchemas.set(definition.name, schema);
  }
  return schema;
}
