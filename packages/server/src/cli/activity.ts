import { randomBytes } from 'node:crypto';
import type { EventType } from '../webhooks/catalog.js';
import { ApiError, answer } from './api-client.js';
import type { CliApi } from './api-client.js';

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

type Step = (api: CliApi, ctx: Ctx) => Promise<void>;

/** A value an earlier step of the recipe set. */
function made<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`no ${what} was created before this step`);
  return value;
}

const createPartner: Step = async (api, ctx) => {
  const { data: partner } = await answer(api.client.POST('/v1/partners', { body: fakePartner() }));
  ctx.partnerId = partner.id;
  ctx.partnerStatus = partner.status;
};
/** A partner action: `POST /v1/partners/{id}/<action>`. */
async function actOnPartner(api: CliApi, id: string, action: 'approve' | 'reject' | 'archive') {
  const params = { path: { id } };
  if (action === 'approve') await api.client.POST('/v1/partners/{id}/approve', { params });
  else if (action === 'reject') await api.client.POST('/v1/partners/{id}/reject', { params });
  else await api.client.POST('/v1/partners/{id}/archive', { params });
}
/** Approves or rejects the new partner, which must be pending for that to mean anything. */
const reviewPartner =
  (action: 'approve' | 'reject'): Step =>
  async (api, ctx) => {
    if (ctx.partnerStatus !== undefined && ctx.partnerStatus !== 'pending') {
      throw new Error(
        `new partners are ${ctx.partnerStatus} at once in this program (require_partner_approval is off), so none can be ${action === 'approve' ? 'approved' : 'rejected'}`,
      );
    }
    await actOnPartner(api, made(ctx.partnerId, 'partner'), action);
  };
/** Approves the new partner if the program makes partners wait for approval. */
const activatePartner: Step = async (api, ctx) => {
  if (ctx.partnerStatus === 'pending') {
    await actOnPartner(api, made(ctx.partnerId, 'partner'), 'approve');
  }
};
const createCustomer: Step = async (api, ctx) => {
  const customer = fakeCustomer(made(ctx.partnerId, 'partner'));
  await api.client.POST('/v1/customers', { body: customer });
  ctx.customerKey = customer.key;
};
const createTransaction: Step = async (api, ctx) => {
  const transaction = fakeTransaction(made(ctx.customerKey, 'customer'));
  await api.client.POST('/v1/transactions', { body: transaction });
  ctx.transactionKey = transaction.key;
};
const findReward: Step = async (api, ctx) => {
  // The reward is created by the transaction; find it by the transaction it belongs to.
  const key = made(ctx.transactionKey, 'transaction');
  const page = await answer(api.client.GET('/v1/rewards', { params: { query: { limit: 100 } } }));
  const reward = page.data.find((r) => JSON.stringify(r).includes(key));
  if (!reward) throw new Error('the transaction created no reward');
  ctx.rewardId = reward.id;
};
const approveReward: Step = async (api, ctx) => {
  const params = { path: { id: made(ctx.rewardId, 'reward') } };
  await api.client.POST('/v1/rewards/{id}/approve', { params });
};
const payReward: Step = async (api, ctx) => {
  const params = { path: { id: made(ctx.rewardId, 'reward') } };
  await api.client.POST('/v1/rewards/{id}/mark-paid', { params });
};

const submitLead: Step = async (api, ctx) => {
  const name = pick(FIRST_NAMES);
  const { data: lead } = await answer(
    api.client.POST('/v1/leads', {
      body: {
        partner: { id: made(ctx.partnerId, 'partner') },
        name,
        email: `${name}.${suffix()}@lead.example.com`.toLowerCase(),
      },
    }),
  );
  ctx.leadId = lead.id;
};
/** A refer-a-friend customer who referred another (refer-a-friend programs only). */
const referringCustomer: Step = async (api, ctx) => {
  const referrer = `cus_${suffix()}`;
  await api.client.POST('/v1/customers', { body: { key: referrer, name: pick(FIRST_NAMES) } });
  const friend = `cus_${suffix()}`;
  await api.client.POST('/v1/customers', {
    body: { key: friend, referring_customer: { key: referrer } },
  });
  ctx.customerKey = referrer;
  ctx.transactionKey = friend;
};
const createSubscriber: Step = async (api, ctx) => {
  const name = pick(FIRST_NAMES);
  const { data: subscriber } = await answer(
    api.client.POST('/v1/subscribers', {
      body: { email: `${name}.${suffix()}@reader.example.com`.toLowerCase(), name, tos: true },
    }),
  );
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
      await api.client.PUT('/v1/partners/{id}', {
        params: { path: { id: made(ctx.partnerId, 'partner') } },
        body: { name: pick(FIRST_NAMES) },
      });
    },
  ],
  'partner.approved': [...partner, reviewPartner('approve')],
  'partner.rejected': [...partner, reviewPartner('reject')],
  'partner.archived': [
    ...partner,
    async (api, ctx) => actOnPartner(api, made(ctx.partnerId, 'partner'), 'archive'),
  ],
  'partner.deleted': [
    ...partner,
    async (api, ctx) => {
      await api.client.DELETE('/v1/partners/{id}', {
        params: { path: { id: made(ctx.partnerId, 'partner') } },
      });
    },
  ],
  'customer.created': customer,
  'customer.updated': [
    ...customer,
    async (api, ctx) => {
      await api.client.PUT('/v1/customers/{customer}', {
        params: { path: { customer: made(ctx.customerKey, 'customer') } },
        body: { name: pick(FIRST_NAMES) },
      });
    },
  ],
  'customer.deleted': [
    ...customer,
    async (api, ctx) => {
      await api.client.DELETE('/v1/customers/{customer}', {
        params: { path: { customer: made(ctx.customerKey, 'customer') } },
      });
    },
  ],
  'transaction.created': transaction,
  'transaction.updated': [
    ...transaction,
    async (api, ctx) => {
      await api.client.PUT('/v1/transactions/{key}', {
        params: { path: { key: made(ctx.transactionKey, 'transaction') } },
        body: { amount: 149 },
      });
    },
  ],
  'transaction.deleted': [
    ...transaction,
    async (api, ctx) => {
      await api.client.DELETE('/v1/transactions/{key}', {
        params: { path: { key: made(ctx.transactionKey, 'transaction') } },
      });
    },
  ],
  'reward.created': reward,
  'reward.approved': [...reward, approveReward],
  'reward.paid': [...reward, approveReward, payReward],
  'customer.credited': [
    referringCustomer,
    async (api, ctx) => {
      await api.client.POST('/v1/customers/{key}/balance/credit', {
        params: { path: { key: made(ctx.customerKey, 'customer') } },
        body: { amount: 10 },
      });
    },
  ],
  'customer.rewarded': [
    referringCustomer,
    async (api, ctx) => {
      await api.client.POST('/v1/customers/{key}/reward', {
        params: { path: { key: made(ctx.customerKey, 'customer') } },
        body: { amount: 5, referred_customer: made(ctx.transactionKey, 'referred customer') },
      });
    },
  ],
  'lead.submitted': [...activePartner, submitLead],
  'lead.converted': [
    ...activePartner,
    submitLead,
    async (api, ctx) => {
      await api.client.POST('/v1/leads/convert', {
        body: { id: made(ctx.leadId, 'lead'), commission_transaction_amount: 1200 },
      });
    },
  ],
  'lead.rejected': [
    ...activePartner,
    submitLead,
    async (api, ctx) => {
      await api.client.POST('/v1/leads/reject', { body: { id: made(ctx.leadId, 'lead') } });
    },
  ],
  'subscriber.created': [createSubscriber],
  'subscriber.updated': [
    createSubscriber,
    async (api, ctx) => {
      await api.client.PUT('/v1/subscribers/{id}', {
        params: { path: { id: made(ctx.subscriberId, 'subscriber') } },
        body: { marketing_consent: true },
      });
    },
  ],
  'subscriber.deleted': [
    createSubscriber,
    async (api, ctx) => {
      await api.client.DELETE('/v1/subscribers/{id}', {
        params: { path: { id: made(ctx.subscriberId, 'subscriber') } },
      });
    },
  ],
  'subscriber.rewarded': [
    createSubscriber,
    async (api, ctx) => {
      await api.client.POST('/v1/subscribers/{id}/reward', {
        params: { path: { id: made(ctx.subscriberId, 'subscriber') } },
        body: { name: '3 referrals' },
      });
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
  api: CliApi,
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
  const { data: definition } = await answer(
    api.client.GET('/v1/event-types/{name}', { params: { path: { name: type } } }),
  );
  const { data: event } = await answer(
    api.client.POST('/v1/events', { body: { event: type, data: definition.sample } }),
  );
  return { via: 'events', eventId: event.id, ...(fallbackReason ? { fallbackReason } : {}) };
}

async function newestEventId(api: CliApi, type: string): Promise<string | undefined> {
  const page = await answer(
    api.client.GET('/v1/events', { params: { query: { event: type, limit: 1 } } }),
  );
  return page.data[0]?.id;
}
