import type { Kysely } from 'kysely';
import { z } from 'zod';
import { programTypeOf } from '../domain/program-types.js';
import type { Database } from '../storage/index.js';
import { endProgramSessions } from '../partner-access/sessions.js';
import { portalDb } from '../partner-access/tables.js';
import type { PortalSettingsTable } from '../partner-access/tables.js';
import type { PostbackPolicy } from '../postbacks/index.js';
import { POSTBACK_EVENTS } from '../webhooks/postbacks.js';

/**
 * The owner's portal controls (`GET|PUT /v1/program/portal`), stored in `portal_settings`
 * rather than in the program's settings JSON so the portal owns them whole. A program without
 * a row has the defaults: the portal on (in affiliate programs), customer PII masked, no
 * passwords.
 */

/** Whether partners see their referrals' names and e-mails. */
export const CUSTOMER_PII = ['masked', 'visible'] as const;

/** Whether partners' postbacks carry their customers' PII (`trimmed`: a stub with the key). */
export const POSTBACK_CUSTOMER_PII = ['trimmed', 'visible'] as const;

/** Postbacks a partner may keep, unless the program says otherwise. */
export const DEFAULT_MAX_POSTBACKS = 5;

/**
 * The postback policy's columns of `portal_settings` (migration 0018), null meaning the
 * default. Typed here, with the settings they belong to.
 */
interface PostbackSettingsColumns {
  postbacks_enabled: number | null;
  postback_events: string | null;
  postback_customer_pii: string | null;
  max_postbacks_per_partner: number | null;
  postback_allow_http: number | null;
}

/** The portal's tables with the postback policy's columns. */
function settingsDb(db: Kysely<Database>) {
  return portalDb(db).withTables<{
    portal_settings: PortalSettingsTable & PostbackSettingsColumns;
  }>();
}

/** The portal settings as the API shows them. */
export const portalSettingsSchema = z.object({
  enabled: z
    .boolean()
    .describe('Partners can sign in (affiliate programs only; on by default there).'),
  customer_pii: z
    .enum(CUSTOMER_PII)
    .describe('`masked` (default) shows partners their referrals as `a***@e***.com`.'),
  password_sign_in: z
    .boolean()
    .describe('Partners may also sign in with the `password` set through `/v1/partners`.'),
  /** False in refer-a-friend and newsletter programs, whatever `enabled` says. */
  available: z.boolean().describe('False outside affiliate programs, whatever `enabled` says.'),
  postbacks_enabled: z
    .boolean()
    .describe(
      'Partners (and the owner for them) can register postbacks; off cancels pending postback deliveries. On by default.',
    ),
  postback_events: z
    .array(z.enum(POSTBACK_EVENTS))
    .describe('Event types partners may receive as postbacks; default all of them.'),
  postback_customer_pii: z
    .enum(POSTBACK_CUSTOMER_PII)
    .describe('`trimmed` (default): webhook-format postbacks carry a customer stub (its key).'),
  max_postbacks_per_partner: z.number().int().describe('Default 5.'),
  postback_allow_http: z
    .boolean()
    .describe('Allow `http://` postback URLs (default only `https://`).'),
});

/** The portal settings. */
export type PortalSettings = z.infer<typeof portalSettingsSchema>;

/** `PUT /v1/program/portal`: only the given fields change. */
export const portalSettingsUpdateSchema = z.strictObject({
  enabled: z.boolean().optional(),
  customer_pii: z.enum(CUSTOMER_PII).optional(),
  password_sign_in: z.boolean().optional(),
  ...postbackFields(),
});

/** The postback policy's fields of an update (also accepted by `PUT /v1/program`). */
function postbackFields() {
  return {
    postbacks_enabled: z.boolean().optional(),
    postback_events: z.array(z.enum(POSTBACK_EVENTS)).max(POSTBACK_EVENTS.length).optional(),
    postback_customer_pii: z.enum(POSTBACK_CUSTOMER_PII).optional(),
    max_postbacks_per_partner: z.number().int().min(0).max(100).optional(),
    postback_allow_http: z.boolean().optional(),
  };
}

/** The postback policy fields alone: what `PUT /v1/program` accepts besides its own. */
export const postbackSettingsUpdateSchema = z.object(postbackFields());

/** The names of the postback policy fields. */
export const POSTBACK_SETTING_FIELDS = Object.keys(postbackFields()) as readonly (keyof ReturnType<
  typeof postbackFields
>)[];

/** Input of {@link updatePortalSettings}. */
export type PortalSettingsUpdate = z.infer<typeof portalSettingsUpdateSchema>;

const DEFAULTS = {
  enabled: true,
  customer_pii: 'masked',
  password_sign_in: false,
  postbacks_enabled: true,
  postback_events: [...POSTBACK_EVENTS],
  postback_customer_pii: 'trimmed',
  max_postbacks_per_partner: DEFAULT_MAX_POSTBACKS,
  postback_allow_http: false,
} as const;

/** The stored postback event list, defaulted (unknown names dropped). */
function storedEvents(json: string | null): PortalSettings['postback_events'] {
  if (json === null) return [...POSTBACK_EVENTS];
  try {
    const parsed = JSON.parse(json) as unknown;
    if (!Array.isArray(parsed)) return [...POSTBACK_EVENTS];
    return POSTBACK_EVENTS.filter((e) => parsed.includes(e));
  } catch {
    return [...POSTBACK_EVENTS];
  }
}

/** A program's portal settings (defaults when it never changed them). */
export async function loadPortalSettings(
  db: Kysely<Database>,
  programId: string,
): Promise<PortalSettings> {
  const row = await settingsDb(db)
    .selectFrom('portal_settings')
    .selectAll()
    .where('program_id', '=', programId)
    .executeTakeFirst();
  const available = (await programTypeOf(db, programId)) === 'affiliate';
  if (!row) return { ...DEFAULTS, postback_events: [...DEFAULTS.postback_events], available };
  return {
    enabled: row.enabled === 1,
    customer_pii: row.customer_pii === 'visible' ? 'visible' : 'masked',
    password_sign_in: row.password_sign_in === 1,
    available,
    postbacks_enabled: row.postbacks_enabled !== 0,
    postback_events: storedEvents(row.postback_events),
    postback_customer_pii: row.postback_customer_pii === 'visible' ? 'visible' : 'trimmed',
    max_postbacks_per_partner:
      row.max_postbacks_per_partner === null
        ? DEFAULT_MAX_POSTBACKS
        : Number(row.max_postbacks_per_partner),
    postback_allow_http: row.postback_allow_http === 1,
  };
}

/**
 * Cancels the pending postback deliveries of a program (postbacks turned off), in the caller's
 * transaction. Passed in by the caller: the webhooks and deliveries modules own those rows.
 */
export type CancelProgramPostbacks = (
  trx: Kysely<Database>,
  programId: string,
  now: number,
) => Promise<unknown>;

/**
 * Changes the portal settings. Turning the portal off ends every partner session of the
 * program in the same transaction: no request is served by a portal that is off. Turning
 * postbacks off cancels their pending deliveries in the same transaction too (as deactivating a
 * webhook does); the postbacks themselves are kept, and receive new events again when postbacks
 * are turned back on.
 */
export async function updatePortalSettings(
  db: Kysely<Database>,
  programId: string,
  update: PortalSettingsUpdate,
  now: number,
  cancelPostbacks?: CancelProgramPostbacks,
): Promise<PortalSettings> {
  return db
    .transaction()
    .execute((trx) => writePortalSettings(trx, programId, update, now, cancelPostbacks));
}

/**
 * {@link updatePortalSettings} inside the caller's transaction (`PUT /v1/program` writes the
 * postback policy in the program's own transaction).
 */
export async function writePortalSettings(
  trx: Kysely<Database>,
  programId: string,
  update: PortalSettingsUpdate,
  now: number,
  cancelPostbacks?: CancelProgramPostbacks,
): Promise<PortalSettings> {
  const current = await loadPortalSettings(trx, programId);
  const next = {
    enabled: update.enabled ?? current.enabled,
    customer_pii: update.customer_pii ?? current.customer_pii,
    password_sign_in: update.password_sign_in ?? current.password_sign_in,
    postbacks_enabled: update.postbacks_enabled ?? current.postbacks_enabled,
    postback_events: update.postback_events
      ? POSTBACK_EVENTS.filter((e) => update.postback_events?.includes(e))
      : current.postback_events,
    postback_customer_pii: update.postback_customer_pii ?? current.postback_customer_pii,
    max_postbacks_per_partner:
      update.max_postbacks_per_partner ?? current.max_postbacks_per_partner,
    postback_allow_http: update.postback_allow_http ?? current.postback_allow_http,
  };
  const values = {
    enabled: next.enabled ? 1 : 0,
    customer_pii: next.customer_pii,
    password_sign_in: next.password_sign_in ? 1 : 0,
    postbacks_enabled: next.postbacks_enabled ? 1 : 0,
    postback_events: JSON.stringify(next.postback_events),
    postback_customer_pii: next.postback_customer_pii,
    max_postbacks_per_partner: next.max_postbacks_per_partner,
    postback_allow_http: next.postback_allow_http ? 1 : 0,
    updated_at: now,
  };
  await settingsDb(trx)
    .insertInto('portal_settings')
    .values({ program_id: programId, ...values })
    .onConflict((oc) => oc.column('program_id').doUpdateSet(values))
    .execute();
  if (!next.enabled) await endProgramSessions(trx, programId);
  if (current.postbacks_enabled && !next.postbacks_enabled) {
    await cancelPostbacks?.(trx, programId, now);
  }
  return { ...next, available: current.available };
}

/** Whether partners of this program may have postbacks delivered (on, an affiliate program). */
export function postbacksOpen(settings: PortalSettings): boolean {
  return settings.postbacks_enabled && settings.available;
}

/** Whether partners of this program can use the portal now (on, and an affiliate program). */
export function portalOpen(settings: PortalSettings): boolean {
  return settings.enabled && settings.available;
}

/** The program's postback policy, as the postback routes need it. */
export async function postbackPolicyOf(
  db: Kysely<Database>,
  programId: string,
): Promise<PostbackPolicy> {
  const settings = await loadPortalSettings(db, programId);
  return {
    open: postbacksOpen(settings),
    events: settings.postback_events,
    maxPerPartner: settings.max_postbacks_per_partner,
    allowHttp: settings.postback_allow_http,
  };
}
