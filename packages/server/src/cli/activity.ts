import { randomBytes } from 'node:crypto';
import type { EventTypeEntry } from '../api/contract.js';
import type { EventType } from '../webhooks/catalog.js';
import { ApiError } from './api-client.js';
import type { ApiClient } from './api-client.js';

/** How an event was produced: through the partner-program resources, or `POST /v1/events`. */
export type ActivityVia = 'resource' | 'events';

const FIRST_NAMES = [
  'Ada',
  'Grace',
  'Linus',
  'Margaret',
  'Ken',
  'Barbara',
  'Dennis',
  'Radia',
  'Alan',
  'Frances',
];
const SURNAMES = [
  'Lovelace',
  'Hopper',
  'Torvalds',
  'Hamilton',
  'Thompson',
  'Liskov',
  'Ritchie',
  'Perlman',
  'Kay',
  'Allen',
];
const PRODUCTS = ['starter', 'pro', 'team', 'enterprise'];

function pick<T>(list: readonly T[]): T {
  return list[Math.floor(Math.random() * list.length)] as T;
}

function suffix(): string {
  return randomBytes(4).toString('hex');
}

/** A fake partner, with a unique email. */
export function fakePartner(): { email: string; name: string; surname: string } {
  const name = pick(FIRST_NAMES);
  const surname = pick(SURNAMES);
  return { email: `${name}.${surname}.${suffix()}@example.com`.toLowerCase(), name, surname };
}

/** A fake customer referred by `partnerId`. */
export function fakeCustomer(partnerId: string) {
  const name = pick(FIRST_NAMES);
  return {
    key: `cus_${suffix()}`,
    email: `${name}.${suffix()}@customer.example.com`.toLowerCase(),
    name,
    surname: pick(SURNAMES),
    partner: { id: partnerId },
  };
}

/** A fake sale of a plan to `customerKey`. */
export function fakeTransaction(customerKey: string) {
  const product = pick(PRODUCTS);
  const amount = { starter: 19, pro: 49, team: 99, enterprise: 499 }[product] ?? 49;
  return {
    key: `txn_${suffix()}`,
    amount,
    action: 'sale',
    product_id: `plan_${product}`,
    product_type: 'subscription',
    customer: { key: customerKey },
  };
}

interface Ctx {
  partnerId?: string;
  partnerStatus?: string;
  customerKey?: string;
  transactionKey?: string;
  rewardId?: string;
  leadId?: number;
  subscriberId?: string;
}

type Step = (api: ApiClient, ctx: Ctx) => Promise<void>;

const createPartner: Step = async (api, ctx) => {
  const partner = await api.post<{ id: string; status?: string }>('/v1/partners', fakePartner());
  ctx.partnerId = partner.id;
  ctx.partnerStatus = partner.status;
};
const partnerAction =
  (action: string): Step =>
  async (api, ctx) => {
    await api.post(`/v1/partners/${ctx.partnerId}/${action}`);
  };
/** Approves or rejects the new partner, which must be pending for that to mean anything. */
const reviewPartner =
  (action: 'approve' | 'reject'): Step =>
  async (api, ctx) => {
    if (ctx.partnerStatus !== undefined && ctx.partnerStatus !== 'pending') {
      throw new Error(
        `new partners are ${ctx.partnerStatus} at once in this program (require_partner_approval is off), so none can be ${action === 'approve' ? 'approved' : 'rejected'}`,
      );
    }
    await api.post(`/v1/partners/${ctx.partnerId}/${action}`);
  };
/** Approves the new partner if the program makes partners wait for approval. */
const activatePartner: Step = async (api, ctx) => {
  if (ctx.partnerStatus === 'pending') await api.post(`/v1/partners/${ctx.partnerId}/approve`);
};
const createCustomer: Step = async (api, ctx) => {
  const customer = fakeCustomer(ctx.partnerId as string);
  await api.post('/v1/customers', customer);
  ctx.customerKey = customer.key;
};
const createTransaction: Step = async (api, ctx) => {
  const transaction = fakeTransaction(ctx.customerKey as string);
  await api.post('/v1/transactions', transaction);
  ctx.transactionKey = transaction.key;
};
const findReward: Step = async (api, ctx) => {
  // The reward is created by the transaction; find it by the transaction it belongs to.
  const page = await api.getPage<Record<string, unknown>>('/v1/rewards', { limit: 100 });
  const reward = page.data.find((r) => JSON.stringify(r).includes(ctx.transactionKey as string));
  if (!reward || typeof reward.id !== 'string')
    throw new Error('the transaction created no reward');
  ctx.rewardId = reward.id;
};
const rewardAction =
  (action: string): Step =>
  async (api, ctx) => {
    await api.post(`/v1/rewards/${ctx.rewardId}/${action}`);
  };

const submitLead: Step = async (api, ctx) => {
  const name = pick(FIRST_NAMES);
  const lead = await api.post<{ id: number }>('/v1/leads', {
    partner: { id: ctx.partnerId },
    name,
    email: `${name}.${suffix()}@lead.example.com`.toLowerCase(),
  });
  ctx.leadId = lead.id;
};
/** A refer-a-friend customer who referred another (refer-a-friend programs only). */
const referringCustomer: Step = async (api, ctx) => {
  const referrer = `cus_${suffix()}`;
  await api.post('/v1/customers', { key: referrer, name: pick(FIRST_NAMES) });
  const friend = `cus_${suffix()}`;
  await api.post('/v1/customers', { key: friend, referring_customer: { key: referrer } });
  ctx.customerKey = referrer;
  ctx.transactionKey = friend;
};
const createSubscriber: Step = async (api, ctx) => {
  const name = pick(FIRST_NAMES);
  const subscriber = await api.post<{ id: string }>('/v1/subscribers', {
    email: `${name}.${suffix()}@reader.example.com`.toLowerCase(),
    name,
    tos: true,
  });
  ctx.subscriberId = subscriber.id;
};

const partner: Step[] = [createPartner];
const activePartner: Step[] = [createPartner, activatePartner];
const customer: Step[] = [...activePartner, createCustomer];
const transaction: Step[] = [...customer, createTransaction];
const reward: Step[] = [...transaction, findReward];

/**
 * For each event type, the API calls that make it happen for real (the first creates what the
 * later ones need). Like `stripe trigger`'s fixtures: triggering `reward.paid` also fires the
 * partner, customer, transaction and reward events on the way.
 */
export const RECIPES: Readonly<Record<EventType, readonly Step[]>> = {
  'partner.created': partner,
  'partner.updated': [
    ...partner,
    async (api, ctx) => {
      await api.put(`/v1/partners/${ctx.partnerId}`, { name: pick(FIRST_NAMES) });
    },
  ],
  'partner.approved': [...partner, reviewPartner('approve')],
  'partner.rejected': [...partner, reviewPartner('reject')],
  'partner.archived': [...partner, partnerAction('archive')],
  'partner.deleted': [
    ...partner,
    async (api, ctx) => {
      await api.delete(`/v1/partners/${ctx.partnerId}`);
    },
  ],
  'customer.created': customer,
  'customer.updated': [
    ...customer,
    async (api, ctx) => {
      await api.put(`/v1/customers/${ctx.customerKey}`, { name: pick(FIRST_NAMES) });
    },
  ],
  'customer.deleted': [
    ...customer,
    async (api, ctx) => {
      await api.delete(`/v1/customers/${ctx.customerKey}`);
    },
  ],
  'transaction.created': transaction,
  'transaction.updated': [
    ...transaction,
    async (api, ctx) => {
      await api.put(`/v1/transactions/${ctx.transactionKey}`, { amount: 149 });
    },
  ],
  'transaction.deleted': [
    ...transaction,
    async (api, ctx) => {
      await api.delete(`/v1/transactions/${ctx.transactionKey}`);
    },
  ],
  'reward.created': reward,
  'reward.approved': [...reward, rewardAction('approve')],
  'reward.paid': [...reward, rewardAction('approve'), rewardAction('mark-paid')],
  'customer.credited': [
    referringCustomer,
    async (api, ctx) => {
      await api.post(`/v1/customers/${ctx.customerKey}/balance/credit`, { amount: 10 });
    },
  ],
  'customer.rewarded': [
    referringCustomer,
    async (api, ctx) => {
      await api.post(`/v1/customers/${ctx.customerKey}/reward`, {
        amount: 5,
        referred_customer: ctx.transactionKey,
      });
    },
  ],
  'lead.submitted': [...activePartner, submitLead],
  'lead.converted': [
    ...activePartner,
    submitLead,
    async (api, ctx) => {
      await api.post('/v1/leads/convert', { id: ctx.leadId, commission_transaction_amount: 1200 });
    },
  ],
  'lead.rejected': [
    ...activePartner,
    submitLead,
    async (api, ctx) => {
      await api.post('/v1/leads/reject', { id: ctx.leadId });
    },
  ],
  'subscriber.created': [createSubscriber],
  'subscriber.updated': [
    createSubscriber,
    async (api, ctx) => {
      await api.put(`/v1/subscribers/${ctx.subscriberId}`, { marketing_consent: true });
    },
  ],
  'subscriber.deleted': [
    createSubscriber,
    async (api, ctx) => {
      await api.delete(`/v1/subscribers/${ctx.subscriberId}`);
    },
  ],
  'subscriber.rewarded': [
    createSubscriber,
    async (api, ctx) => {
      await api.post(`/v1/subscribers/${ctx.subscriberId}/reward`, { name: '3 referrals' });
    },
  ],
};

/** Outcome of {@link produceEvent}. */
export interface Produced {
  readonly via: ActivityVia;
  /** The id of the event of the requested type, when it could be found. */
  readonly eventId: string | undefined;
  /** Why the resource API was not used, when it was not. */
  readonly fallbackReason?: string;
}

/**
 * Makes one event of `type` happen in the program: through the partner-program resources, or,
 * when that is not possible (e.g. `partner.approved` in a program that approves partners at
 * once) or `resources` is false, by publishing the catalog sample with `POST /v1/events`.
 *
 * @example const { eventId, via } = await produceEvent(api, 'partner.created');
 */
export async function produceEvent(
  api: ApiClient,
  type: EventType,
  options: { resources?: boolean } = {},
): Promise<Produced> {
  let fallbackReason: string | undefined;
  if (options.resources !== false) {
    const before = await newestEventId(api, type);
    const ctx: Ctx = {};
    try {
      for (const run of RECIPES[type]) await run(api, ctx);
      const after = await newestEventId(api, type);
      return {
        via: 'resource',
        eventId: after !== undefined && after !== before ? after : undefined,
      };
    } catch (error) {
      if (error instanceof ApiError && error.status === 401) throw error;
      fallbackReason = `the resource API failed (${error instanceof Error ? error.message : String(error)})`;
    }
  }
  const definition = await api.get<EventTypeEntry>(`/v1/event-types/${type}`);
  const event = await api.post<{ id: string }>('/v1/events', {
    event: type,
    data: definition.sample,
  });
  return { via: 'events', eventId: event.id, ...(fallbackReason ? { fallbackReason } : {}) };
}

async function newestEventId(api: ApiClient, type: string): Promise<string | undefined> {
  const page = await api.getPage<{ id: string }>('/v1/events', { event: type, limit: 1 });
  return page.data[0]?.id;
}
