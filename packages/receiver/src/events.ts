/**
 * The payloads Hookline sends, as TypeScript types.
 *
 * Terminology, used the same way across this package:
 * - **event**: one thing that happened in a partner program (a partner was approved, a reward was
 *   paid). It has an id (`evt_...`) that stays the same for every webhook and every retry.
 * - **event type**: the event's name, such as `reward.paid`; the 24 names are {@link EVENT_TYPES}.
 * - **webhook**: a subscription (URL, event types, signing secret) registered with Hookline.
 * - **delivery**: one event sent to one webhook; **attempt**: one HTTP request of a delivery.
 *   Deliveries are at-least-once, so the same event can arrive more than once (deduplicate on the
 *   event id).
 * - **secret**: the webhook's signing secret (its `signature` field in the API): 32 alphanumeric
 *   characters, used for both the `Signature` and the Standard Webhooks header.
 * - **envelope**: the JSON body of a request: `{ id, event, url, webhook_key, created_at, data }`.
 *
 * @module
 */

/**
 * Every event type Hookline sends, in catalog order.
 *
 * @example
 * ```ts
 * import { EVENT_TYPES } from '@hookline/receiver';
 * EVENT_TYPES.includes('reward.paid'); // true
 * ```
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

/** The name of an event type, such as `'transaction.created'`. */
export type EventType = (typeof EVENT_TYPES)[number];

/**
 * An ISO 8601 UTC time with microseconds, as Hookline writes it: `2026-05-07T10:30:00.000000Z`.
 * Kept as a string so that no precision is lost; `new Date(value)` parses it.
 */
export type Timestamp = string;

/** A tag attached to a partner or customer. */
export interface Tag {
  value: string;
}

/** The lifecycle state of a partner. */
export type PartnerStatus = 'pending' | 'active' | 'rejected' | 'archived';

/** A partner (affiliate) of the program: the `data` of `partner.*` events. */
export interface Partner {
  id: string;
  key: string;
  email: string;
  name: string | null;
  surname: string | null;
  status: PartnerStatus;
  approved: boolean;
  tags: Tag[];
  referral_link: string | null;
  referral_links: string[];
  referrals_count: number;
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set on `partner.deleted`; `null` otherwise. */
  deleted_at: Timestamp | null;
}

/** The lifecycle state of a customer. */
export type CustomerStatus = 'active' | 'deleted';

/** A customer referred by a partner: the `data` of `customer.*` events. */
export interface Customer {
  key: string;
  /** The id of the referring partner, or `null` when the customer was not referred. */
  partner: string | null;
  email: string | null;
  name: string | null;
  surname: string | null;
  status: CustomerStatus;
  tags: Tag[];
  /** Refer-a-friend: the customer who referred this one, or `null`. */
  referring_customer: { key: string } | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** Where a reward is in its payout lifecycle. */
export type RewardStatus = 'review_period' | 'approved' | 'paid' | 'cancelled';

/**
 * A partner's reward: a commission on a transaction, on a converted lead (`action` `lead`) or a
 * manual bonus (`bonus`). The `data` of `reward.*` events.
 */
export interface Reward {
  id: string;
  /** The key of the transaction this reward was earned on, or the reward's id without one. */
  key: string;
  action: string;
  status: RewardStatus;
  /** The id of the partner who earns the reward. */
  partner: string;
  /** The key of the customer whose transaction earned it; `null` for bonuses and leads. */
  customer: string | null;
  /** The key of the transaction it was earned on; `null` for bonuses and leads. */
  transaction: string | null;
  amount: number;
  amount_units: string;
  is_currency: boolean;
  credit: boolean;
  product_type_data: { product_id?: string; product_type?: string };
  /** Why a bonus was given; `null` for commissions. */
  note: string | null;
  /** The payout request that holds or paid the reward, or `null`. */
  payout_request: number | null;
  created_at: Timestamp;
  approved_at: Timestamp | null;
  paid_at: Timestamp | null;
  deleted_at: Timestamp | null;
}

/**
 * A customer's purchase (or other tracked action): the `data` of `transaction.*` events.
 * `transaction.deleted` is a refund, which also reverses the rewards.
 */
export interface Transaction {
  key: string;
  action: string;
  amount: number;
  amount_units: string;
  /** The id of the partner credited, or `null` when the customer was not referred. */
  partner: string | null;
  /** The key of the customer. */
  customer: string;
  credit: boolean;
  is_currency: boolean;
  product_id: string | null;
  product_type: string | null;
  rewards: Reward[];
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
}

/** A lead a partner submitted: the `data` of `lead.*` events (affiliate programs). */
export interface Lead {
  /** Numeric, as in Partnero. */
  id: number;
  /** The id of the partner who submitted it. */
  partner: string;
  name: string | null;
  email: string;
  status: 'pending' | 'converted' | 'rejected';
  /** The converted deal's value, or `null` before conversion. */
  commission_transaction_amount: number | null;
  amount_units: string | null;
  /** The id of the reward the conversion earned, or `null`. */
  reward: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  converted_at: Timestamp | null;
  rejected_at: Timestamp | null;
}

/** A reward a newsletter subscriber received. */
export interface SubscriberReward {
  id: string;
  name: string;
  description: string | null;
  fulfillment_type: string | null;
  fulfillment_value: string | null;
  created_at: Timestamp;
}

/** A newsletter subscriber: the `data` of `subscriber.*` events (newsletter programs). */
export interface Subscriber {
  id: string;
  key: string;
  email: string;
  name: string | null;
  is_referred: boolean;
  /** The id of the subscriber who referred this one, or `null`. */
  referring_subscriber: string | null;
  tos: boolean | null;
  marketing_consent: boolean | null;
  status: 'active' | 'rejected' | 'suspended';
  approved: boolean;
  share_link: string | null;
  referrals_count: number;
  /** The rewards received; on `subscriber.rewarded` the new one is last. */
  reward: SubscriberReward[];
  created_at: Timestamp;
  updated_at: Timestamp;
  /** Set on `subscriber.deleted`; `null` otherwise. */
  deleted_at: Timestamp | null;
}

/** One amount of a balance, per currency or unit. */
export interface BalanceAmount {
  amount: number;
  amount_units: string;
  is_currency: boolean;
}

/**
 * An entry of a refer-a-friend customer's balance: the `data` of `customer.credited` (a credit)
 * and `customer.rewarded` (a referral reward).
 */
export interface CustomerCredit {
  id: string;
  /** The customer's key. */
  customer: string;
  type: 'credit' | 'reward';
  amount: number;
  amount_units: string;
  is_currency: boolean;
  note: string | null;
  /** For a reward: the key of the referred customer it was earned for, or `null`. */
  referred_customer: string | null;
  /** The customer's balance after this entry. */
  balance: BalanceAmount[];
  created_at: Timestamp;
}

/** Maps each event type to the shape of its `data`. */
export interface EventDataMap {
  'partner.created': Partner;
  'partner.updated': Partner;
  'partner.approved': Partner;
  'partner.rejected': Partner;
  'partner.archived': Partner;
  'partner.deleted': Partner;
  'customer.created': Customer;
  'customer.updated': Customer;
  'customer.deleted': Customer;
  'customer.credited': CustomerCredit;
  'customer.rewarded': CustomerCredit;
  'transaction.created': Transaction;
  'transaction.updated': Transaction;
  'transaction.deleted': Transaction;
  'reward.created': Reward;
  'reward.approved': Reward;
  'reward.paid': Reward;
  'lead.submitted': Lead;
  'lead.converted': Lead;
  'lead.rejected': Lead;
  'subscriber.created': Subscriber;
  'subscriber.updated': Subscriber;
  'subscriber.deleted': Subscriber;
  'subscriber.rewarded': Subscriber;
}

/**
 * The envelope of one event type: the JSON body of a webhook request.
 *
 * @typeParam T - the event type, which fixes the shape of `data`
 */
export interface WebhookEnvelope<T extends EventType = EventType> {
  /** The event id (`evt_...`): the same on every webhook and every retry, so deduplicate on it. */
  id: string;
  event: T;
  /** The URL this copy was sent to (the webhook's URL). */
  url: string;
  /** The key of the webhook subscription that fired. */
  webhook_key: string;
  /** When the event was dispatched. */
  created_at: Timestamp;
  data: EventDataMap[T];
}

/**
 * Any Hookline event, as a union discriminated by `event`: checking `event.event` narrows
 * `event.data`.
 *
 * @example
 * ```ts
 * function handle(event: HooklineEvent) {
 *   switch (event.event) {
 *     case 'reward.paid':
 *       return markPaid(event.data.id, event.data.amount); // data is a Reward here
 *     case 'partner.approved':
 *       return welcome(event.data.email); // data is a Partner here
 *   }
 * }
 * ```
 */
export type HooklineEvent = { [T in EventType]: WebhookEnvelope<T> }[EventType];

/**
 * The event of one type, picked out of {@link HooklineEvent}.
 *
 * @example
 * ```ts
 * function onPaid(event: HooklineEventOf<'reward.paid'>) { event.data.paid_at; }
 * ```
 */
export type HooklineEventOf<T extends EventType> = Extract<HooklineEvent, { event: T }>;

const eventTypeSet: ReadonlySet<string> = new Set(EVENT_TYPES);

/**
 * Tells whether a string is one of the {@link EVENT_TYPES}.
 *
 * @example
 * ```ts
 * if (isEventType(name)) subscribeTo(name); // name is an EventType here
 * ```
 */
export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && eventTypeSet.has(value);
}
