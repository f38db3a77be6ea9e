import { sql } from 'kysely';
import type { Kysely, Selectable } from 'kysely';
import type { Database, WebhooksTable } from '../storage/index.js';
import { newId, randomAlphanumeric } from '../util/ids.js';
import { formatTimestamp } from '../util/time.js';
import { openSecret, sealSecret } from './secrets-at-rest.js';

/** A webhook row as stored. */
export type WebhookRow = Selectable<WebhooksTable>;

/**
 * A rotated-out secret that keeps signing until `expires_at` (epoch ms). `secret` is in its
 * stored form, like `webhooks.secret` (sealed when an encryption key is configured).
 */
export interface PreviousSecret {
  readonly secret: string;
  readonly expires_at: number;
}

/** The webhook resource as the API returns it (Partnero's fields). */
export interface WebhookResource {
  key: string;
  name: string;
  url: string;
  is_active: boolean;
  signature: string;
  events: string[];
  created_at: string;
  updated_at: string;
  /** Receives the program's operational events (`webhook.disabled`, ...). Beyond Partnero. */
  operational: boolean;
  /** Why Hookline disabled it (410 Gone, failing for days), while it stays disabled; else null. */
  disabled_reason: string | null;
  /** When Hookline disabled it, while it stays disabled; else null. */
  disabled_at: string | null;
  /** Since when every attempt has failed; null while healthy. */
  failing_since: string | null;
  /** Deliveries in a row that failed every attempt. */
  consecutive_failures: number;
}

/** Length of generated webhook keys (Partnero's examples are 12 alphanumerics). */
export const WEBHOOK_KEY_LENGTH = 12;
/** Length of signing secrets: 32 alphanumerics, valid both as UTF-8 and as base64. */
export const SECRET_LENGTH = 32;

/** A new signing secret. */
export function generateSecret(): string {
  return randomAlphanumeric(SECRET_LENGTH);
}

/** Renders a row as the API resource. */
export function presentWebhook(row: WebhookRow): WebhookResource {
  return {
    key: row.key,
    name: row.name,
    url: row.url,
    is_active: row.is_active === 1,
    signature: openSecret(row.secret),
    events: JSON.parse(row.events) as string[],
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
    ...presentLifecycle(row),
  };
}

/** The lifecycle fields of the webhook resource (see {@link WebhookResource}). */
export function presentLifecycle(
  row: Pick<
    WebhookRow,
    | 'is_active'
    | 'operational'
    | 'disabled_reason'
    | 'disabled_at'
    | 'failing_since'
    | 'consecutive_failures'
  >,
): Pick<
  WebhookResource,
  'operational' | 'disabled_reason' | 'disabled_at' | 'failing_since' | 'consecutive_failures'
> {
  // A webhook a user re-enabled no longer shows why Hookline had disabled it.
  const disabled = row.is_active !== 1 && row.disabled_at !== null;
  return {
    operational: row.operational === 1,
    disabled_reason: disabled ? row.disabled_reason : null,
    disabled_at: disabled ? formatTimestamp(Number(row.disabled_at)) : null,
    failing_since: row.failing_since === null ? null : formatTimestamp(Number(row.failing_since)),
    consecutive_failures: Number(row.consecutive_failures),
  };
}

/**
 * Every secret that signs at `now`, newest first: the current one, then rotated-out ones
 * still inside their grace period.
 */
export function activeSecrets(
  row: Pick<WebhookRow, 'secret' | 'previous_secrets'>,
  now: number,
): string[] {
  const previous = JSON.parse(row.previous_secrets) as PreviousSecret[];
  return [
    openSecret(row.secret),
    ...previous.filter((p) => p.expires_at > now).map((p) => openSecret(p.secret)),
  ];
}

/** Finds a webhook of a program by key; `undefined` for an unknown key or another program's. */
export async function findWebhook(
  db: Kysely<Database>,
  programId: string,
  key: string,
): Promise<WebhookRow | undefined> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('program_id', '=', programId)
    .where('key', '=', key)
    .executeTakeFirst();
}

/** Inserts a webhook; the caller has validated the fields and the key's uniqueness. */
export async function insertWebhook(
  db: Kysely<Database>,
  input: {
    programId: string;
    key?: string | undefined;
    name: string;
    url: string;
    events: readonly string[];
    isActive: boolean;
    kind?: 'endpoint' | 'listener';
    secret?: string;
    now: number;
  },
): Promise<WebhookRow> {
  const row: WebhookRow = {
    id: newId('whk', input.now),
    program_id: input.programId,
    key: input.key ?? randomAlphanumeric(WEBHOOK_KEY_LENGTH),
    name: input.name,
    url: input.url,
    is_active: input.isActive ? 1 : 0,
    secret: sealSecret(input.secret ?? generateSecret()),
    previous_secrets: '[]',
    events: JSON.stringify([...new Set(input.events)]),
    kind: input.kind ?? 'endpoint',
    created_at: input.now,
    updated_at: input.now,
    failing_since: null,
    consecutive_failures: 0,
    disabled_reason: null,
    disabled_at: null,
    paused_until: null,
    operational: 0,
    api_key_id: null,
  };
  await db.insertInto('webhooks').values(row).execute();
  return row;
}

/** A webhook's failure record as stored (endpoint lifecycle, dispatch/endpoint-lifecycle.ts). */
export interface StoredFailureRecord {
  readonly failingSince: number | null;
  readonly consecutiveFailures: number;
}

/**
 * Writes a webhook's failure record after an attempt: `reset` (a success), `failed` (failing
 * since now unless already), `exhausted` (also one more delivery failed for good). The values
 * are computed in SQL so that attempts of one webhook finishing together never lose a count. A
 * webhook a user re-enabled after Hookline disabled it (`disabled_at` set, active again) starts a
 * new record.
 *
 * @returns the record after the write (`undefined` for an unknown webhook)
 */
export async function saveFailureRecord(
  db: Kysely<Database>,
  webhookId: string,
  change: 'reset' | 'failed' | 'exhausted',
  now: number,
): Promise<StoredFailureRecord | undefined> {
  if (change === 'reset') {
    await db
      .updateTable('webhooks')
      .set({
        failing_since: null,
        consecutive_failures: 0,
        disabled_at: null,
        disabled_reason: null,
      })
      .where('id', '=', webhookId)
      .where((eb) =>
        eb.or([eb('failing_since', 'is not', null), eb('consecutive_failures', '>', 0)]),
      )
      .execute();
    return { failingSince: null, consecutiveFailures: 0 };
  }
  const add = change === 'exhausted' ? 1 : 0;
  const row = await db
    .updateTable('webhooks')
    .set({
      failing_since: sql`case when disabled_at is not null then ${now} else coalesce(failing_since, ${now}) end`,
      consecutive_failures: sql`case when disabled_at is not null then ${add} else consecutive_failures + ${add} end`,
      disabled_at: null,
      disabled_reason: null,
    })
    .where('id', '=', webhookId)
    .where('is_active', '=', 1)
    .returning(['failing_since', 'consecutive_failures'])
    .executeTakeFirst();
  if (!row) return undefined;
  return {
    failingSince: row.failing_since === null ? null : Number(row.failing_since),
    consecutiveFailures: Number(row.consecutive_failures),
  };
}

/**
 * Disables a webhook with a reason (410 Gone, failing too long). Only one caller wins when
 * several attempts decide it together.
 *
 * @returns true when this call disabled it
 */
export async function disableWebhook(
  db: Kysely<Database>,
  webhookId: string,
  reason: string,
  now: number,
): Promise<boolean> {
  const result = await db
    .updateTable('webhooks')
    .set({ is_active: 0, disabled_reason: reason, disabled_at: now, updated_at: now })
    .where('id', '=', webhookId)
    .where('is_active', '=', 1)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/**
 * Re-enables a webhook and clears its lifecycle record (the dashboard's "Re-enable").
 *
 * @returns the webhook as stored after the change
 */
export async function enableWebhook(
  db: Kysely<Database>,
  webhookId: string,
  now: number,
): Promise<WebhookRow | undefined> {
  await db
    .updateTable('webhooks')
    .set({
      is_active: 1,
      failing_since: null,
      consecutive_failures: 0,
      disabled_reason: null,
      disabled_at: null,
      paused_until: null,
      updated_at: now,
    })
    .where('id', '=', webhookId)
    .execute();
  return db.selectFrom('webhooks').selectAll().where('id', '=', webhookId).executeTakeFirst();
}

/** Pauses a webhook until `until` (a receiver's `Retry-After`); a longer pause is kept. */
export async function pauseWebhook(
  db: Kysely<Database>,
  webhookId: string,
  until: number,
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ paused_until: until })
    .where('id', '=', webhookId)
    .where((eb) => eb.or([eb('paused_until', 'is', null), eb('paused_until', '<', until)]))
    .execute();
}

/** Marks a webhook as one that receives the program's operational events, or not. */
export async function setOperational(
  db: Kysely<Database>,
  webhookId: string,
  operational: boolean,
  now: number,
): Promise<void> {
  await db
    .updateTable('webhooks')
    .set({ operational: operational ? 1 : 0, updated_at: now })
    .where('id', '=', webhookId)
    .execute();
}

/** The active webhooks of a program that receive its operational events. */
export async function operationalWebhooks(
  db: Kysely<Database>,
  programId: string,
): Promise<WebhookRow[]> {
  return db
    .selectFrom('webhooks')
    .selectAll()
    .where('program_id', '=', programId)
    .where('operational', '=', 1)
    .where('is_active', '=', 1)
    .execute();
}
