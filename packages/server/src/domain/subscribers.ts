import type { Kysely, Selectable } from 'kysely';
import type { Database, SubscribersTable } from '../storage/index.js';
import { isUniqueViolation } from '../storage/index.js';
import { newId, randomAlphanumeric } from '../util/ids.js';
import { formatTimestamp } from '../util/time.js';
import type { SubscriberResource, SubscriberRewardResource } from '../webhooks/resource-schemas.js';
import { commitChange } from './change.js';
import type { DomainDeps } from './change.js';
import { notFound, validationFailed } from './errors.js';
import { loadSettings, referralLink } from './program-settings.js';
import { requireProgramType } from './program-types.js';

/**
 * Subscribers of newsletter referral programs (Partnero's `/v1/subscribers`): people on a
 * newsletter who refer others with their link and receive rewards. Addressed by `id` (custom
 * or generated) or by email; `key` is the referral key in their share link. Deleting one
 * removes it (the event carries the last state with `deleted_at`); those it referred keep
 * `is_referred`.
 */

/** A subscriber row with its referrals count. */
export type SubscriberRow = Selectable<SubscribersTable> & { referrals_count: number };

/** Statuses of a subscriber. */
export type SubscriberStatus = SubscriberResource['status'];

/** How a request names a subscriber: by id or email (id wins). */
export interface SubscriberRef {
  readonly id?: string | undefined;
  readonly email?: string | undefined;
}

/** Fields of a subscriber that create and update take. */
export interface SubscriberFields {
  readonly email?: string | undefined;
  readonly name?: string | null | undefined;
  readonly key?: string | undefined;
  readonly tos?: boolean | null | undefined;
  readonly marketing_consent?: boolean | null | undefined;
  readonly status?: SubscriberStatus | undefined;
  readonly approved?: boolean | undefined;
}

/** Input of {@link createSubscriber}. */
export interface SubscriberInput extends SubscriberFields {
  readonly email: string;
  readonly id?: string | undefined;
  /** Who referred the new subscriber. */
  readonly referral?: SubscriberRef | undefined;
}

/** Input of {@link rewardSubscriber}: Partnero's reward fields. */
export interface SubscriberRewardInput {
  readonly name: string;
  readonly description?: string | null | undefined;
  readonly fulfillment_type?: string | null | undefined;
  readonly fulfillment_value?: string | null | undefined;
}

const bool = (v: number | null) => (v === null ? null : v === 1);
const flag = (v: boolean | null | undefined) => (v === undefined || v === null ? null : v ? 1 : 0);

/** The subscriber as the API and its events show it. */
export function presentSubscriber(
  row: SubscriberRow,
  website: string | null,
  deletedAt: number | null = null,
): SubscriberResource {
  return {
    id: row.id,
    key: row.key,
    email: row.email,
    name: row.name,
    is_referred: row.referring_subscriber_id !== null,
    referring_subscriber: row.referring_subscriber_id,
    tos: bool(row.tos),
    marketing_consent: bool(row.marketing_consent),
    status: row.status as SubscriberStatus,
    approved: row.approved === 1,
    share_link: referralLink(website, row.key),
    referrals_count: Number(row.referrals_count),
    reward: JSON.parse(row.rewards) as SubscriberRewardResource[],
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    deleted_at: deletedAt === null ? null : formatTimestamp(deletedAt),
  };
}

function rows(db: Kysely<Database>, programId: string) {
  return db
    .selectFrom('subscribers')
    .selectAll('subscribers')
    .select((eb) =>
      eb
        .selectFrom('subscribers as referred')
        .select(eb.fn.countAll<number>().as('n'))
        .whereRef('referred.program_id', '=', 'subscribers.program_id')
        .whereRef('referred.referring_subscriber_id', '=', 'subscribers.id')
        .as('referrals_count'),
    )
    .where('subscribers.program_id', '=', programId);
}

/** A subscriber by id or email, or `undefined`. */
export async function findSubscriber(
  db: Kysely<Database>,
  programId: string,
  ref: SubscriberRef,
): Promise<SubscriberRow | undefined> {
  let query = rows(db, programId);
  if (ref.id !== undefined) query = query.where('subscribers.id', '=', ref.id);
  else if (ref.email !== undefined)
    query = query.where('subscribers.email', '=', ref.email.toLowerCase());
  else return undefined;
  const row = await query.executeTakeFirst();
  return row ? { ...row, referrals_count: Number(row.referrals_count ?? 0) } : undefined;
}

/** A subscriber by id or email, or a 404. */
export async function getSubscriber(
  db: Kysely<Database>,
  programId: string,
  ref: SubscriberRef,
): Promise<SubscriberRow> {
  const row = await findSubscriber(db, programId, ref);
  if (!row) throw notFound('Subscriber');
  return row;
}

/** Lists subscribers, oldest first unless `sort` is `desc`; `refer_status` as Partnero's. */
export async function listSubscribers(
  db: Kysely<Database>,
  programId: string,
  filters: {
    refer_status?: 'referred' | 'non_referred' | undefined;
    email?: string | undefined;
    key?: string | undefined;
  },
  page: { limit: number; offset: number; sort?: 'asc' | 'desc' | undefined },
): Promise<SubscriberResource[]> {
  let query = rows(db, programId);
  if (filters.refer_status === 'referred')
    query = query.where('subscribers.referring_subscriber_id', 'is not', null);
  if (filters.refer_status === 'non_referred')
    query = query.where('subscribers.referring_subscriber_id', 'is', null);
  if (filters.email !== undefined)
    query = query.where('subscribers.email', '=', filters.email.toLowerCase());
  if (filters.key !== undefined) query = query.where('subscribers.key', '=', filters.key);
  const found = await query
    .orderBy('subscribers.created_at', page.sort ?? 'asc')
    .orderBy('subscribers.id', page.sort ?? 'asc')
    .limit(page.limit + 1)
    .offset(page.offset)
    .execute();
  const { website_url } = await loadSettings(db, programId);
  return found.map((r) =>
    presentSubscriber({ ...r, referrals_count: Number(r.referrals_count ?? 0) }, website_url),
  );
}

function taken(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw validationFailed({ email: ['The id, email or key has already been taken.'] });
  }
  throw error;
}

/** Creates a subscriber (newsletter programs) and fires `subscriber.created`. */
export async function createSubscriber(
  deps: DomainDeps,
  programId: string,
  input: SubscriberInput,
): Promise<SubscriberResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    await requireProgramType(trx, programId, ['newsletter'], 'Subscribers');
    const email = input.email.toLowerCase();
    if (await findSubscriber(trx, programId, { email })) {
      throw validationFailed({ email: ['The email has already been taken.'] });
    }
    if (input.id !== undefined && (await findSubscriber(trx, programId, { id: input.id }))) {
      throw validationFailed({ id: ['The id has already been taken.'] });
    }
    let referrer: SubscriberRow | undefined;
    if (input.referral !== undefined) {
      referrer = await findSubscriber(trx, programId, input.referral);
      if (!referrer) {
        throw validationFailed({ referral: ['No subscriber matches the referral id or email.'] });
      }
    }
    const row: Selectable<SubscribersTable> = {
      id: input.id ?? newId('sub', now),
      program_id: programId,
      key: input.key ?? randomAlphanumeric(10).toLowerCase(),
      email,
      name: input.name ?? null,
      tos: flag(input.tos),
      marketing_consent: flag(input.marketing_consent),
      status: input.status ?? 'active',
      approved: input.approved === false ? 0 : 1,
      referring_subscriber_id: referrer?.id ?? null,
      rewards: '[]',
      created_at: now,
      updated_at: now,
    };
    await trx.insertInto('subscribers').values(row).execute().catch(taken);
    const { website_url } = await loadSettings(trx, programId);
    const subscriber = presentSubscriber({ ...row, referrals_count: 0 }, website_url);
    await change.emit('subscriber.created', subscriber);
    return subscriber;
  }).catch(taken);
}

/** Updates the given fields; fires `subscriber.updated` when something changed. */
export function updateSubscriber(
  deps: DomainDeps,
  programId: string,
  ref: SubscriberRef,
  update: SubscriberFields,
): Promise<SubscriberResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getSubscriber(trx, programId, ref);
    const next = {
      email: update.email?.toLowerCase() ?? row.email,
      name: update.name !== undefined ? update.name : row.name,
      key: update.key ?? row.key,
      tos: update.tos !== undefined ? flag(update.tos) : row.tos,
      marketing_consent:
        update.marketing_consent !== undefined
          ? flag(update.marketing_consent)
          : row.marketing_consent,
      status: update.status ?? row.status,
      approved: update.approved !== undefined ? (update.approved ? 1 : 0) : row.approved,
    };
    const { website_url } = await loadSettings(trx, programId);
    const changed = (Object.keys(next) as (keyof typeof next)[]).some((k) => next[k] !== row[k]);
    if (!changed) return presentSubscriber(row, website_url);
    await trx
      .updateTable('subscribers')
      .set({ ...next, updated_at: now })
      .where('program_id', '=', programId)
      .where('id', '=', row.id)
      .execute()
      .catch(taken);
    const subscriber = presentSubscriber({ ...row, ...next, updated_at: now }, website_url);
    await change.emit('subscriber.updated', subscriber);
    return subscriber;
  }).catch(taken);
}

/** Deletes a subscriber and fires `subscriber.deleted` with its last state. */
export function deleteSubscriber(
  deps: DomainDeps,
  programId: string,
  ref: SubscriberRef,
): Promise<SubscriberResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getSubscriber(trx, programId, ref);
    await trx
      .deleteFrom('subscribers')
      .where('program_id', '=', programId)
      .where('id', '=', row.id)
      .execute();
    const { website_url } = await loadSettings(trx, programId);
    const subscriber = presentSubscriber({ ...row, updated_at: now }, website_url, now);
    await change.emit('subscriber.deleted', subscriber);
    return subscriber;
  });
}

/**
 * Gives a subscriber a reward (appended to its `reward` list) and fires `subscriber.rewarded`.
 * Partnero grants newsletter rewards when referral milestones are reached; Hookline lets the
 * host grant them, since it does not run the newsletter's milestones.
 */
export function rewardSubscriber(
  deps: DomainDeps,
  programId: string,
  ref: SubscriberRef,
  input: SubscriberRewardInput,
): Promise<SubscriberResource> {
  return commitChange(deps, programId, async (change) => {
    const { trx, now } = change;
    const row = await getSubscriber(trx, programId, ref);
    if (row.status !== 'active') {
      throw validationFailed({
        status: [`The subscriber is ${row.status}; only active subscribers are rewarded.`],
      });
    }
    const reward: SubscriberRewardResource = {
      id: newId('srw', now),
      name: input.name,
      description: input.description ?? null,
      fulfillment_type: input.fulfillment_type ?? null,
      fulfillment_value: input.fulfillment_value ?? null,
      created_at: formatTimestamp(now),
    };
    const rewards = JSON.stringify([...(JSON.parse(row.rewards) as unknown[]), reward]);
    const updated = await trx
      .updateTable('subscribers')
      .set({ rewards, updated_at: now })
      .where('program_id', '=', programId)
      .where('id', '=', row.id)
      // The list is rewritten whole: a concurrent reward must not be lost.
      .where('rewards', '=', row.rewards)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) !== 1) {
      throw validationFailed({ reward: ['The subscriber changed meanwhile; try again.'] });
    }
    const { website_url } = await loadSettings(trx, programId);
    const subscriber = presentSubscriber({ ...row, rewards, updated_at: now }, website_url);
    await change.emit('subscriber.rewarded', subscriber);
    return subscriber;
  });
}
