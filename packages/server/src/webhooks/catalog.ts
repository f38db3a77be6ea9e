import { z } from 'zod';
import {
  later,
  sampleCustomer,
  sampleCustomerCredit,
  sampleLead,
  samplePartner,
  sampleReward,
  sampleSubscriber,
  sampleTransaction,
} from './catalog-samples.js';
import {
  customerCreditSchema,
  customerSchema,
  leadSchema,
  partnerSchema,
  rewardSchema,
  subscriberSchema,
  transactionSchema,
} from './resource-schemas.js';

/**
 * Every event type Hookline sends, in catalog order: the 20 of Partnero's n8n trigger plus
 * `transaction.updated` and the three `reward.*` events of Partnero's webhook guide.
 */
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
  'customer.credited',
  'customer.rewarded',
  'transaction.created',
  'transaction.updated',
  'transaction.deleted',
  'reward.created',
  'reward.approved',
  'reward.paid',
  'lead.submitted',
  'lead.converted',
  'lead.rejected',
  'subscriber.created',
  'subscriber.updated',
  'subscriber.deleted',
  'subscriber.rewarded',
] as const;

/** One of {@link EVENT_TYPES}. */
export type EventType = (typeof EVENT_TYPES)[number];

/** The subscription wildcard: every event type of the program's type, including ones added later. */
export const ALL_EVENTS = '*';

/**
 * Partnero's program types. Affiliate: partners refer customers and earn commissions.
 * Refer-a-friend: customers refer customers and earn balance credits. Newsletter: subscribers
 * refer subscribers and earn milestone rewards.
 */
export const PROGRAM_TYPES = ['affiliate', 'refer-a-friend', 'newsletter'] as const;

/** One of {@link PROGRAM_TYPES}. */
export type ProgramType = (typeof PROGRAM_TYPES)[number];

/** True when `name` is a catalog event type. */
export function isEventType(name: string): name is EventType {
  return (EVENT_TYPES as readonly string[]).includes(name);
}

/** The resources events are grouped by. */
export type EventResource =
  | 'partner'
  | 'customer'
  | 'transaction'
  | 'reward'
  | 'lead'
  | 'subscriber';

/** A catalog entry: what an event type means, its `data` schema and a realistic sample. */
export interface EventTypeDefinition {
  readonly name: EventType;
  /** The resource the event is about (the dashboard groups by it). */
  readonly resource: EventResource;
  /** What `data` is: the resource itself, or a customer balance entry. */
  readonly payload: EventResource | 'customer_credit';
  readonly description: string;
  readonly schema: z.ZodType;
  readonly sample: Record<string, unknown>;
  /** The program types that have this event; a webhook of another type cannot subscribe. */
  readonly programTypes: readonly ProgramType[];
}

const AFFILIATE = ['affiliate'] as const;
const BOTH = ['affiliate', 'refer-a-friend'] as const;
const REFER = ['refer-a-friend'] as const;
const NEWSLETTER = ['newsletter'] as const;

type Entry = Omit<EventTypeDefinition, 'payload'> & { payload?: EventTypeDefinition['payload'] };

const partner = (name: EventType, description: string, sample: object): Entry => ({
  name,
  resource: 'partner',
  description,
  schema: partnerSchema,
  sample: { ...samplePartner, ...sample },
  programTypes: AFFILIATE,
});

const entries: readonly Entry[] = [
  partner('partner.created', 'A partner signed up or was added through the API.', {
    status: 'pending',
    approved: false,
  }),
  partner('partner.updated', "A partner's details changed.", {
    surname: 'Doe-Smith',
    updated_at: later,
  }),
  partner('partner.approved', 'A partner application was approved.', { updated_at: later }),
  partner('partner.rejected', 'A partner application was rejected.', {
    status: 'rejected',
    approved: false,
    updated_at: later,
  }),
  partner('partner.archived', 'A partner was archived and lost portal access.', {
    status: 'archived',
    updated_at: later,
  }),
  partner(
    'partner.deleted',
    'A partner was deleted. Carries the last state, with deleted_at set.',
    {
      updated_at: later,
      deleted_at: later,
    },
  ),
  {
    name: 'customer.created',
    resource: 'customer',
    description: 'A customer was created (referred by a partner, or by another customer).',
    schema: customerSchema,
    sample: sampleCustomer,
    programTypes: BOTH,
  },
  {
    name: 'customer.updated',
    resource: 'customer',
    description: "A customer's details changed.",
    schema: customerSchema,
    sample: { ...sampleCustomer, name: 'Janet', updated_at: later },
    programTypes: BOTH,
  },
  {
    name: 'customer.deleted',
    resource: 'customer',
    description: 'A customer was deleted. Carries the last state, with deleted_at set.',
    schema: customerSchema,
    sample: { ...sampleCustomer, status: 'deleted', updated_at: later, deleted_at: later },
    programTypes: BOTH,
  },
  {
    name: 'customer.credited',
    resource: 'customer',
    payload: 'customer_credit',
    description: "A credit was added to a refer-a-friend customer's balance.",
    schema: customerCreditSchema,
    sample: sampleCustomerCredit,
    programTypes: REFER,
  },
  {
    name: 'customer.rewarded',
    resource: 'customer',
    payload: 'customer_credit',
    description: 'A refer-a-friend customer earned a reward for a referral.',
    schema: customerCreditSchema,
    sample: {
      ...sampleCustomerCredit,
      type: 'reward',
      note: 'Friend made a first purchase',
      referred_customer: 'customer_456',
    },
    programTypes: REFER,
  },
  {
    name: 'transaction.created',
    resource: 'transaction',
    description: 'A transaction was recorded, with the rewards it earned.',
    schema: transactionSchema,
    sample: sampleTransaction,
    programTypes: BOTH,
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
    programTypes: BOTH,
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
    programTypes: BOTH,
  },
  {
    name: 'reward.created',
    resource: 'reward',
    description:
      'A reward was created for a partner: a commission, a converted lead or a manual bonus.',
    schema: rewardSchema,
    sample: sampleReward,
    programTypes: AFFILIATE,
  },
  {
    name: 'reward.approved',
    resource: 'reward',
    description: 'A reward was approved for payout.',
    schema: rewardSchema,
    sample: { ...sampleReward, status: 'approved', approved_at: later },
    programTypes: AFFILIATE,
  },
  {
    name: 'reward.paid',
    resource: 'reward',
    description: 'A reward was marked as paid (by hand, or by a paid payout request).',
    schema: rewardSchema,
    sample: {
      ...sampleReward,
      status: 'paid',
      payout_request: 17,
      approved_at: later,
      paid_at: '2026-06-01T09:00:00.000000Z',
    },
    programTypes: AFFILIATE,
  },
  {
    name: 'lead.submitted',
    resource: 'lead',
    description: 'A partner submitted a lead.',
    schema: leadSchema,
    sample: sampleLead,
    programTypes: AFFILIATE,
  },
  {
    name: 'lead.converted',
    resource: 'lead',
    description: 'A lead converted; the partner earned a commission on the given amount.',
    schema: leadSchema,
    sample: {
      ...sampleLead,
      status: 'converted',
      commission_transaction_amount: 1200,
      amount_units: 'USD',
      reward: 'rwd_01jv3y2m4k8q0r6s9t1v3w5x7z',
      updated_at: later,
      converted_at: later,
    },
    programTypes: AFFILIATE,
  },
  {
    name: 'lead.rejected',
    resource: 'lead',
    description: 'A lead was rejected.',
    schema: leadSchema,
    sample: { ...sampleLead, status: 'rejected', updated_at: later, rejected_at: later },
    programTypes: AFFILIATE,
  },
  {
    name: 'subscriber.created',
    resource: 'subscriber',
    description: 'A newsletter subscriber joined the referral program.',
    schema: subscriberSchema,
    sample: sampleSubscriber,
    programTypes: NEWSLETTER,
  },
  {
    name: 'subscriber.updated',
    resource: 'subscriber',
    description: "A subscriber's details changed.",
    schema: subscriberSchema,
    sample: { ...sampleSubscriber, marketing_consent: false, updated_at: later },
    programTypes: NEWSLETTER,
  },
  {
    name: 'subscriber.deleted',
    resource: 'subscriber',
    description: 'A subscriber was deleted. Carries the last state, with deleted_at set.',
    schema: subscriberSchema,
    sample: { ...sampleSubscriber, updated_at: later, deleted_at: later },
    programTypes: NEWSLETTER,
  },
  {
    name: 'subscriber.rewarded',
    resource: 'subscriber',
    description: 'A subscriber received a reward (its new reward is the last of `reward`).',
    schema: subscriberSchema,
    sample: {
      ...sampleSubscriber,
      referrals_count: 3,
      reward: [
        {
          id: 'srw_01jv3x8k2d9q4m7n5p6r8s0t1v',
          name: '3 referrals: 10% off',
          description: null,
          fulfillment_type: 'generic_coupon',
          fulfillment_value: 'REWARD10',
          created_at: later,
        },
      ],
      updated_at: later,
    },
    programTypes: NEWSLETTER,
  },
];

const definitions: readonly EventTypeDefinition[] = entries.map((e) => ({
  ...e,
  payload: e.payload ?? e.resource,
}));

const byName = new Map(definitions.map((d) => [d.name, d]));

/** The catalog, in {@link EVENT_TYPES} order. */
export function listEventTypes(): readonly EventTypeDefinition[] {
  return definitions;
}

/** One catalog entry, or `undefined` for an unknown name. */
export function getEventType(name: string): EventTypeDefinition | undefined {
  return byName.get(name as EventType);
}

/**
 * The event types a program of this type has, in catalog order ("Partnero rejects events its
 * program does not support").
 */
export function eventsAllowedFor(programType: ProgramType): readonly EventType[] {
  return allowedByType.get(programType) ?? [];
}

const allowedByType = new Map<ProgramType, readonly EventType[]>(
  PROGRAM_TYPES.map((type) => [
    type,
    Object.freeze(definitions.filter((d) => d.programTypes.includes(type)).map((d) => d.name)),
  ]),
);

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
