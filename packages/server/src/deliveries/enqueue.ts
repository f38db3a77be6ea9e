import { CompiledQuery, sql } from 'kysely';
import type { Insertable, Kysely } from 'kysely';
import { engineOf } from '../storage/index.js';
import type { Database, DeliveriesTable, EventsTable } from '../storage/index.js';
import { newId } from '../util/ids.js';
import { ALL_EVENTS, getEventType } from '../webhooks/catalog.js';
import {
  postbackPartnerOf,
  postbackPolicyAllows,
  postbackTargets,
} from '../webhooks/postbacks-targets.js';
import type { EnqueuedPostback } from '../webhooks/postbacks-targets.js';
import { DELIVERY_SUMMARY_COLUMNS } from './queries.js';
import type { DeliverySummaryRow } from './queries.js';

/** Options of {@link enqueue}. */
export interface EnqueueOptions {
  /** When the first attempt is due. Default the event's `created_at`. */
  readonly dueAt?: number;
  /** Only this webhook (a test send); by default every subscribed active one. */
  readonly onlyWebhookId?: string;
  /**
   * A test delivery: no scheduled attempt (`next_attempt_at = null`), so the dispatcher never
   * takes it; the request that created it makes its one attempt.
   */
  readonly test?: boolean;
}

/**
 * Transition `∅ → pending`, the outbox write: the event row and one delivery per active webhook
 * of its program subscribed to its type, in the caller's transaction or statement (the change,
 * the event and its deliveries commit together). The event's payload is written once, in the
 * event row; each delivery fixes what its envelope adds (URL, webhook key, `created_at` = the
 * event's), so its body is the same bytes on every retry (webhooks/envelope.ts).
 *
 * On PostgreSQL this is one statement, so one round trip (and atomic on its own, without a
 * transaction): `with e as (insert into events …) insert into deliveries select … from
 * webhooks … returning …`. On SQLite, where a statement costs no round trip, three.
 *
 * **Partner postbacks** (webhooks of kind `postback`, lane 1) receive a resource event of a
 * postback type about their own partner (`data.partner`), when the program's policy allows the
 * type; never an event published through `POST /v1/events` (see postbacks-targets.ts). Their
 * delivery's `url` holds its target (webhooks/postbacks-target.ts: the filled template, or the
 * URL with the PII policy), computed from the event with a few reads. Only an event a postback
 * receives pays for them: on PostgreSQL the statement inserts the postbacks' deliveries not yet
 * due, and a second step fills their targets and makes them due; on SQLite the targets are
 * computed before the insert. A program without postbacks runs the same statements as before.
 *
 * @returns the summaries of the deliveries created, by id
 */
export async function enqueue(
  db: Kysely<Database>,
  event: Insertable<EventsTable>,
  options: EnqueueOptions = {},
): Promise<DeliverySummaryRow[]> {
  const dueAt = options.test ? null : (options.dueAt ?? event.created_at);
  // The partner whose postbacks may receive it (none for most events), or a test send's postback.
  const postbacks: PostbackScope =
    options.onlyWebhookId !== undefined
      ? options.test
        ? { kind: 'test' }
        : { kind: 'none' }
      : ((partner) => (partner === undefined ? { kind: 'none' } : { kind: 'partner', partner }))(
          postbackPartnerOf(event),
        );
  if (engineOf(db) === 'postgres') {
    return enqueueInOneStatement(db, event, dueAt, options, postbacks);
  }

  // SQLite: hand-written texts (one each, prepared once), run through the caller's transaction.
  await db.executeQuery(
    CompiledQuery.raw(INSERT_EVENT_SQL, [
      event.id,
      event.program_id,
      event.type,
      event.data,
      event.source,
      event.created_at,
    ]),
  );
  const webhooks = (
    await db.executeQuery<
      { id: string; key: string; url: string; events: string; kind: string } & EnqueuedPostback
    >(
      options.onlyWebhookId !== undefined
        ? CompiledQuery.raw(ONE_WEBHOOK_SQL, [event.program_id, options.onlyWebhookId])
        : postbacks.kind === 'partner'
          ? CompiledQuery.raw(PARTNER_WEBHOOKS_SQL, [event.program_id, postbacks.partner])
          : CompiledQuery.raw(OWNER_WEBHOOKS_SQL, [event.program_id]),
    )
  ).rows;
  // `*` means every event of the program's type; the type is read only when a `*` webhook
  // does not name the event itself.
  let wildcard: boolean | undefined;
  const subscribed: typeof webhooks = [];
  const partnerPostbacks: typeof webhooks = [];
  for (const w of webhooks) {
    if (w.kind === 'postback') {
      if (postbacks.kind === 'test') partnerPostbacks.push(w);
      else if (
        postbacks.kind === 'partner' &&
        w.partner_id === postbacks.partner &&
        (JSON.parse(w.events) as string[]).includes(event.type)
      ) {
        partnerPostbacks.push(w);
      }
      continue;
    }
    const events = JSON.parse(w.events) as string[];
    if (options.onlyWebhookId !== undefined || events.includes(event.type)) subscribed.push(w);
    else if (events.includes(ALL_EVENTS)) {
      wildcard ??= await wildcardCovers(db, event.program_id, event.type);
      if (wildcard) subscribed.push(w);
    }
  }
  const rows = subscribed.map((w) =>
    pendingDeliveryRow({
      programId: event.program_id,
      eventId: event.id,
      eventType: event.type,
      webhook: w,
      now: event.created_at,
      dueAt,
    }),
  );
  if (
    partnerPostbacks.length > 0 &&
    (await postbackPolicyAllows(db, event.program_id, event.type))
  ) {
    const targets = await postbackTargets(db, event, partnerPostbacks);
    for (const w of partnerPostbacks) {
      rows.push(
        pendingDeliveryRow({
          programId: event.program_id,
          eventId: event.id,
          eventType: event.type,
          webhook: { id: w.id, key: w.key, url: targets.get(w.id) ?? w.url },
          now: event.created_at,
          dueAt,
          lane: 1,
        }),
      );
    }
  }
  // One JSON parameter for every row: one text whatever the number of webhooks (a multi-row
  // VALUES had a text per count, longer than the statement cache keeps, parsed every time).
  if (rows.length > 0) {
    const values = rows.map((r) => [r.id, r.webhook_id, r.webhook_key, r.url, r.lane ?? 0]);
    await db.executeQuery(
      CompiledQuery.raw(INSERT_DELIVERIES_SQL, [
        event.program_id,
        event.id,
        event.type,
        dueAt,
        event.created_at,
        event.created_at,
        JSON.stringify(values),
      ]),
    );
  }
  return rows.map(summaryOf).sort(byId);
}

const INSERT_EVENT_SQL =
  'insert into events (id, program_id, type, data, source, created_at) values (?, ?, ?, ?, ?, ?)';
const WEBHOOK_COLUMNS = 'id, key, url, events, kind, partner_id, postback_format, method';
// The owner's webhooks (partner_id null) and, for an event about a partner, that partner's
// postbacks only, through `webhooks_partner`: a program with 200 partners' postbacks read all of
// them on every event (measured: 4 % of serve's main thread at 2,000 deliveries/s, every event).
const OWNER_WEBHOOKS_SQL = `select ${WEBHOOK_COLUMNS} from webhooks where program_id = ? and partner_id is null and is_active = 1 order by id`;
const PARTNER_WEBHOOKS_SQL = `select ${WEBHOOK_COLUMNS} from webhooks where program_id = ? and (partner_id is null or partner_id = ?) and is_active = 1 order by id`;
const ONE_WEBHOOK_SQL = `select ${WEBHOOK_COLUMNS} from webhooks where program_id = ? and is_active = 1 and id = ? order by id`;
const INSERT_DELIVERIES_SQL = `insert into deliveries (program_id, event_id, event_type,
    next_attempt_at, created_at, updated_at, id, webhook_id, webhook_key, url, lane, status, attempts)
  select ?, ?, ?, ?, ?, ?, value ->> 0, value ->> 1, value ->> 2, value ->> 3, value ->> 4, 'pending', 0
  from json_each(?)`;

/** Which postbacks an event may reach: none, one partner's, or the test send's postback. */
type PostbackScope =
  | { readonly kind: 'none' }
  | { readonly kind: 'partner'; readonly partner: string }
  | { readonly kind: 'test' };

async function enqueueInOneStatement(
  db: Kysely<Database>,
  event: Insertable<EventsTable>,
  dueAt: number | null,
  options: EnqueueOptions,
  postbacks: PostbackScope,
): Promise<DeliverySummaryRow[]> {
  const now = event.created_at;
  // `dlv_` + the creation time in the id's fixed-width base 32 + 16 random hex characters
  // (hex is a subset of the id alphabet), so ids sort by creation time like `newId`'s.
  const idPrefix = newId('dlv', now).slice(0, 14);
  const which =
    options.onlyWebhookId !== undefined
      ? sql`w.id = ${options.onlyWebhookId}`
      : sql`(w.events::jsonb ? ${event.type} or (w.events::jsonb ? ${ALL_EVENTS} and ${wildcardCondition(event)}))`;
  if (postbacks.kind === 'none') {
    const result = await sql<DeliverySummaryRow>`
      with e as (
        insert into events (id, program_id, type, data, source, created_at)
        values (${event.id}, ${event.program_id}, ${event.type}, ${event.data}, ${event.source}, ${now})
      )
      insert into deliveries (id, program_id, event_id, event_type, webhook_id, webhook_key, url,
        status, attempts, next_attempt_at, created_at, updated_at)
      select ${idPrefix} || substr(md5(random()::text || w.id), 1, 16), w.program_id, ${event.id},
        ${event.type}, w.id, w.key, w.url, 'pending', 0, cast(${dueAt} as bigint), ${now}, ${now}
      from webhooks w
      where w.program_id = ${event.program_id} and w.partner_id is null and w.is_active = 1
        and ${which} and w.kind <> 'postback'
      returning ${sql.join(DELIVERY_SUMMARY_COLUMNS.map((c) => sql.ref(c)))}
    `.execute(db);
    return result.rows.sort(byId);
  }

  // An event a postback may receive: postbacks' deliveries are inserted not yet due (their
  // target is filled below, in the caller's transaction), on lane 1.
  const mine = postbacks.kind === 'partner' ? sql`w.partner_id = ${postbacks.partner}` : sql`true`;
  const result = await sql<DeliverySummaryRow & { lane: number; webhook_id: string }>`
    with e as (
      insert into events (id, program_id, type, data, source, created_at)
      values (${event.id}, ${event.program_id}, ${event.type}, ${event.data}, ${event.source}, ${now})
    )
    insert into deliveries (id, program_id, event_id, event_type, webhook_id, webhook_key, url,
      status, attempts, next_attempt_at, created_at, updated_at, lane)
    select ${idPrefix} || substr(md5(random()::text || w.id), 1, 16), w.program_id, ${event.id},
      ${event.type}, w.id, w.key, w.url, 'pending', 0,
      case when w.kind = 'postback' then null else cast(${dueAt} as bigint) end, ${now}, ${now},
      case when w.kind = 'postback' then 1 else 0 end
    from webhooks w
    where w.program_id = ${event.program_id} and w.is_active = 1 and ${which}
      and (w.kind <> 'postback' or (${mine} and ${postbackPolicyCondition(event)}))
    returning ${sql.join(DELIVERY_SUMMARY_COLUMNS.map((c) => sql.ref(c)))}, lane, webhook_id
  `.execute(db);
  const lane1 = result.rows.filter((r) => Number(r.lane) === 1);
  if (lane1.length > 0) {
    const rows = await db
      .selectFrom('webhooks')
      .select(['id', 'url', 'postback_format', 'method', 'partner_id'])
      .where(
        'id',
        'in',
        lane1.map((r) => r.webhook_id),
      )
      .execute();
    const targets = await postbackTargets(db, { ...event, created_at: now }, rows);
    for (const r of lane1) {
      r.url = targets.get(r.webhook_id) ?? r.url;
      r.next_attempt_at = dueAt;
      await sql`update deliveries set url = ${r.url}, next_attempt_at = ${dueAt}
        where id = ${r.id}`.execute(db);
    }
  }
  return result.rows
    .map(({ lane: _lane, webhook_id: _webhookId, ...summary }) => summary)
    .sort(byId);
}

/**
 * The program's postback policy inside the PostgreSQL statement: postbacks on (default), the
 * type offered (default every postback type), an affiliate program. Scalar subqueries on primary
 * keys, evaluated only for postback rows.
 */
function postbackPolicyCondition(event: Insertable<EventsTable>) {
  const program = event.program_id;
  return sql`coalesce((select s.postbacks_enabled from portal_settings s where s.program_id = ${program}), 1) = 1
    and coalesce((select s.postback_events::jsonb ? ${event.type} from portal_settings s
      where s.program_id = ${program} and s.postback_events is not null), true)
    and coalesce((select p.settings::jsonb ->> 'program_type' from programs p where p.id = ${program}), 'affiliate') = 'affiliate'`;
}

/**
 * The program types whose `*` subscriptions cover an event type, or `undefined` when every
 * type's do (an event type outside the catalog).
 */
function typesCovering(type: string): readonly string[] | undefined {
  return getEventType(type)?.programTypes;
}

/** The program's type, read from its settings (a primary-key lookup); `affiliate` by default. */
async function wildcardCovers(
  db: Kysely<Database>,
  programId: string,
  type: string,
): Promise<boolean> {
  const types = typesCovering(type);
  if (!types) return true;
  const row = await db
    .selectFrom('programs')
    .select('settings')
    .where('id', '=', programId)
    .executeTakeFirst();
  let programType: unknown;
  try {
    programType = (JSON.parse(row?.settings ?? '{}') as { program_type?: unknown }).program_type;
  } catch {
    programType = undefined;
  }
  return types.includes(typeof programType === 'string' ? programType : 'affiliate');
}

/** {@link wildcardCovers} inside the one PostgreSQL statement (a scalar subquery). */
function wildcardCondition(event: Insertable<EventsTable>) {
  const types = typesCovering(event.type);
  if (!types) return sql`true`;
  return sql`coalesce((select p.settings::jsonb ->> 'program_type' from programs p where p.id = ${event.program_id}), 'affiliate') in (${sql.join(types.map((t) => sql`${t}`))})`;
}

const byId = (a: { id: string }, b: { id: string }) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The row of a new pending delivery of an event to a webhook. Exported for tools that seed
 * deliveries in bulk (benchmarks, tests) so that they write exactly what {@link enqueue} writes.
 */
export function pendingDeliveryRow(input: {
  programId: string;
  eventId: string;
  eventType: string;
  webhook: { id: string; key: string; url: string };
  /** The event's `created_at`, also the envelope's. */
  now: number;
  /** When the first attempt is due (`null`: never, a test delivery). Default `now`. */
  dueAt?: number | null;
  /** `1` for a partner's postback; default `0`, the owner's lane. */
  lane?: number;
}): Insertable<DeliveriesTable> {
  const { webhook, now } = input;
  return {
    lane: input.lane ?? 0,
    id: newId('dlv', now),
    program_id: input.programId,
    event_id: input.eventId,
    event_type: input.eventType,
    webhook_id: webhook.id,
    webhook_key: webhook.key,
    url: webhook.url,
    status: 'pending',
    attempts: 0,
    next_attempt_at: input.dueAt === undefined ? now : input.dueAt,
    locked_until: null,
    locked_by: null,
    last_status_code: null,
    last_error: null,
    last_attempt_at: null,
    cancel_reason: null,
    created_at: now,
    updated_at: now,
    completed_at: null,
  };
}

/** The summary of a row just inserted (no read back). */
function summaryOf(row: Insertable<DeliveriesTable>): DeliverySummaryRow {
  return {
    id: row.id,
    event_id: row.event_id,
    event_type: row.event_type,
    webhook_key: row.webhook_key,
    url: row.url,
    status: row.status,
    attempts: row.attempts ?? 0,
    next_attempt_at: row.next_attempt_at ?? null,
    last_status_code: null,
    last_error: null,
    last_attempt_at: null,
    cancel_reason: null,
    created_at: row.created_at,
    updated_at: row.updated_at,
    completed_at: null,
  };
}
