import type { Kysely } from 'kysely';
import { z } from 'zod';
import { programTypeOf } from '../domain/program-types.js';
import type { Database } from '../storage/index.js';
import { endProgramSessions } from '../partner-access/sessions.js';
import { portalDb } from '../partner-access/tables.js';

/**
 * The owner's portal controls (`GET|PUT /v1/program/portal`), stored in `portal_settings`
 * rather than in the program's settings JSON so the portal owns them whole. A program without
 * a row has the defaults: the portal on (in affiliate programs), customer PII masked, no
 * passwords.
 */

/** Whether partners see their referrals' names and e-mails. */
export const CUSTOMER_PII = ['masked', 'visible'] as const;

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
});

/** The portal settings. */
export type PortalSettings = z.infer<typeof portalSettingsSchema>;

/** `PUT /v1/program/portal`: only the given fields change. */
export const portalSettingsUpdateSchema = z.strictObject({
  enabled: z.boolean().optional(),
  customer_pii: z.enum(CUSTOMER_PII).optional(),
  password_sign_in: z.boolean().optional(),
});

/** Input of {@link updatePortalSettings}. */
export type PortalSettingsUpdate = z.infer<typeof portalSettingsUpdateSchema>;

const DEFAULTS = { enabled: true, customer_pii: 'masked', password_sign_in: false } as const;

/** A program's portal settings (defaults when it never changed them). */
export async function loadPortalSettings(
  db: Kysely<Database>,
  programId: string,
): Promise<PortalSettings> {
  const row = await portalDb(db)
    .selectFrom('portal_settings')
    .selectAll()
    .where('program_id', '=', programId)
    .executeTakeFirst();
  const available = (await programTypeOf(db, programId)) === 'affiliate';
  if (!row) return { ...DEFAULTS, available };
  return {
    enabled: row.enabled === 1,
    customer_pii: row.customer_pii === 'visible' ? 'visible' : 'masked',
    password_sign_in: row.password_sign_in === 1,
    available,
  };
}

/**
 * Changes the portal settings. Turning the portal off ends every partner session of the
 * program in the same transaction: no request is served by a portal that is off.
 */
export async function updatePortalSettings(
  db: Kysely<Database>,
  programId: string,
  update: PortalSettingsUpdate,
  now: number,
): Promise<PortalSettings> {
  return db.transaction().execute(async (trx) => {
    const current = await loadPortalSettings(trx, programId);
    const next = {
      enabled: update.enabled ?? current.enabled,
      customer_pii: update.customer_pii ?? current.customer_pii,
      password_sign_in: update.password_sign_in ?? current.password_sign_in,
    };
    const values = {
      enabled: next.enabled ? 1 : 0,
      customer_pii: next.customer_pii,
      password_sign_in: next.password_sign_in ? 1 : 0,
      updated_at: now,
    };
    await portalDb(trx)
      .insertInto('portal_settings')
      .values({ program_id: programId, ...values })
      .onConflict((oc) => oc.column('program_id').doUpdateSet(values))
      .execute();
    if (!next.enabled) await endProgramSessions(trx, programId);
    return { ...next, available: current.available };
  });
}

/** Whether partners of this program can use the portal now (on, and an affiliate program). */
export function portalOpen(settings: PortalSettings): boolean {
  return settings.enabled && settings.available;
}
