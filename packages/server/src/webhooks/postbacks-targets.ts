import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { POSTBACK_EVENTS } from './postbacks.js';
import { currencyDecimals, fillTemplate, formBody, macroValues } from './postbacks-macros.js';
import { encodeTarget } from './postbacks-target.js';

/**
 * What enqueue needs to know about postbacks, and the one read it makes for them. Programs
 * without postbacks never reach {@link postbackTargets}: the enqueue statement finds no
 * postback row, and nothing here runs.
 */

/** A postback as enqueue reads it. */
export interface EnqueuedPostback {
  readonly id: string;
  readonly url: string;
  readonly postback_format: string | null;
  readonly method: string | null;
  readonly partner_id: string | null;
}

const TYPES = new Set<string>(POSTBACK_EVENTS);

/**
 * The partner an event is about, when postbacks may receive it: a resource event (a change
 * through the partner-program API, never `POST /v1/events`, whose data the owner writes and
 * could forge for any partner) of a postback type, whose data names its partner (`partner`:
 * the partner's id, on customers, transactions, rewards and leads alike). `undefined`: no
 * postback receives it.
 */
export function postbackPartnerOf(event: {
  readonly type: string;
  readonly source: string;
  readonly data: string;
}): string | undefined {
  if (event.source !== 'resource' || !TYPES.has(event.type)) return undefined;
  try {
    const partner = (JSON.parse(event.data) as { partner?: unknown }).partner;
    return typeof partner === 'string' && partner !== '' ? partner : undefined;
  } catch {
    return undefined;
  }
}

/** Whether the postback policy of a program lets its postbacks receive this type. */
export async function postbackPolicyAllows(
  db: Kysely<Database>,
  programId: string,
  type: string,
): Promise<boolean> {
  const settings = await db
    .withTables<{
      portal_settings: {
        program_id: string;
        postbacks_enabled: number | null;
        postback_events: string | null;
      };
    }>()
    .selectFrom('portal_settings')
    .select(['postbacks_enabled', 'postback_events'])
    .where('program_id', '=', programId)
    .executeTakeFirst();
  if (settings?.postbacks_enabled === 0) return false;
  if (settings?.postback_events != null) {
    try {
      if (!(JSON.parse(settings.postback_events) as unknown[]).includes(type)) return false;
    } catch {
      // Unreadable: the default, every type.
    }
  }
  const program = await db
    .selectFrom('programs')
    .select('settings')
    .where('id', '=', programId)
    .executeTakeFirst();
  try {
    const type = (JSON.parse(program?.settings ?? '{}') as { program_type?: unknown }).program_type;
    return type === undefined || type === 'affiliate';
  } catch {
    return true;
  }
}

/**
 * The stored target (postbacks-target.ts) of each postback's delivery of one event: the
 * webhook format's URL with the PII policy, or the url format's filled template (and form
 * body). Reads the program's PII policy, the partners' keys and, for a reward event of a url
 * postback, the sale's amount.
 */
export async function postbackTargets(
  db: Kysely<Database>,
  event: {
    readonly id: string;
    readonly program_id: string;
    readonly type: string;
    readonly data: string;
    readonly created_at: number;
  },
  postbacks: readonly EnqueuedPostback[],
): Promise<Map<string, string>> {
  const targets = new Map<string, string>();
  if (postbacks.length === 0) return targets;
  const programId = event.program_id;
  let data: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(event.data) as unknown;
    if (typeof parsed === 'object' && parsed !== null) data = parsed as Record<string, unknown>;
  } catch {
    // A payload that is not an object fills no macro.
  }

  if (postbacks.some((p) => p.postback_format !== 'url')) {
    const settings = await db
      .withTables<{
        portal_settings: { program_id: string; postback_customer_pii: string | null };
      }>()
      .selectFrom('portal_settings')
      .select('postback_customer_pii')
      .where('program_id', '=', programId)
      .executeTakeFirst();
    const trimPii = settings?.postback_customer_pii !== 'visible';
    for (const p of postbacks) {
      if (p.postback_format !== 'url') {
        targets.set(p.id, encodeTarget({ format: 'webhook', url: p.url, trimPii }));
      }
    }
  }

  const templates = postbacks.filter((p) => p.postback_format === 'url');
  if (templates.length === 0) return targets;
  const partnerIds = [...new Set(templates.map((p) => p.partner_id ?? ''))];
  const keys = new Map(
    (
      await db
        .selectFrom('partners')
        .select(['id', 'key'])
        .where('program_id', '=', programId)
        .where('id', 'in', partnerIds)
        .execute()
    ).map((p) => [p.id, p.key]),
  );
  let sale: { amount: number; currency: string } | null = null;
  if (event.type.startsWith('reward.') && typeof data.transaction === 'string') {
    const row = await db
      .selectFrom('transactions')
      .select(['amount_minor', 'amount_units'])
      .where('program_id', '=', programId)
      .where('key', '=', data.transaction)
      .executeTakeFirst();
    if (row) {
      sale = {
        amount: Number(row.amount_minor) / 10 ** currencyDecimals(row.amount_units),
        currency: row.amount_units,
      };
    }
  }
  for (const p of templates) {
    const values = macroValues({
      event: event.type,
      eventId: event.id,
      createdAt: event.created_at,
      data,
      partnerKey: keys.get(p.partner_id ?? '') ?? '',
      partnerId: p.partner_id ?? '',
      sale,
    });
    const url = fillTemplate(p.url, values);
    targets.set(
      p.id,
      p.method === 'POST'
        ? encodeTarget({ format: 'url', method: 'POST', url, form: formBody(values) })
        : encodeTarget({ format: 'url', method: 'GET', url, form: '' }),
    );
  }
  return targets;
}
