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

/**
 * Finds a webhook of a program by key; `undefined` for an unknown key or another program's.
 * A partner's postback is no owner webhook: its key finds nothing here (postbacks.ts reads
 * postbacks by id and partner).
 */
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
    .where('kind', '<>', 'postback')
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
    kind?: 'endpoint' | 'listener' | 'postback';
    secret?: string;
    /** Postbacks only (see postbacks.ts). */
    postback?: {
      readonly partnerId: string;
      readonly format: 'webhook' | 'url';
      readonly method: 'GET' | 'POST' | null;
    };
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
    partner_id: input.postback?.partnerId ?? null,
    postback_format: input.postback?.format ?? null,
    method: input.postback?.method ?? null,
  };
  await db.insertInto('webhooks').values(row).execute();
  return row;
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
