import type { Kysely } from 'kysely';
import { z } from 'zod';
import { notFound } from './errors.js';
import { changeProgram } from '../programs/index.js';
import type { Database } from '../storage/index.js';
import { formatTimestamp } from '../util/time.js';
import { PROGRAM_TYPES } from '../webhooks/catalog.js';
import type { ProgramType } from '../webhooks/catalog.js';
import { parseDecimal } from './money.js';
import { assertTypeChangeAllowed } from './program-types.js';
import type { CommissionRule } from './money.js';

/**
 * Program settings: what the partner program pays and how. Stored as JSON in
 * `programs.settings`; a missing field takes its default, so programs created before a setting
 * existed (or with `{}`) read as the defaults.
 */

const upTo4Decimals = (n: number) => (parseDecimal(n)?.scale ?? 99) <= 4;

const ruleFields = {
  type: z.enum(['percent', 'fixed']),
  value: z
    .number()
    .min(0)
    .max(1_000_000_000)
    .refine(upTo4Decimals, 'must have at most 4 decimal places'),
};

/** A commission rule, validated: percent 0–100, or a fixed major-unit amount. */
export const commissionRuleSchema = z
  .object(ruleFields)
  .refine((r) => r.type !== 'percent' || r.value <= 100, {
    message: 'a percent commission must be from 0 to 100',
    path: ['value'],
  });

/** The program's commission: a default rule plus optional overrides per `product_type`. */
export const commissionSchema = z
  .object({
    ...ruleFields,
    overrides: z
      .array(
        z
          .object({ product_type: z.string().trim().min(1).max(100), ...ruleFields })
          .refine((r) => r.type !== 'percent' || r.value <= 100, {
            message: 'a percent commission must be from 0 to 100',
            path: ['value'],
          }),
      )
      .max(100)
      .default([]),
  })
  .refine((r) => r.type !== 'percent' || r.value <= 100, {
    message: 'a percent commission must be from 0 to 100',
    path: ['value'],
  });

/** The settings of a program's partner program. */
export interface ProgramSettings {
  /** Base of referral links (`https://acme.test` → `https://acme.test?aff=<key>`). */
  readonly website_url: string | null;
  /** ISO 4217 code used when a transaction gives no `amount_units`. */
  readonly default_currency: string;
  readonly commission: {
    readonly type: 'percent' | 'fixed';
    readonly value: number;
    readonly overrides: readonly (CommissionRule & { readonly product_type: string })[];
  };
  /** Days a new reward waits in `review_period` before it is approved; 0 approves at once. */
  readonly review_period_days: number;
  /** When true, new partners start `pending` and need `POST /partners/{id}/approve`. */
  readonly require_partner_approval: boolean;
  /** Partnero's program type; decides which events and resources the program has. */
  readonly program_type: ProgramType;
}

/**
 * The defaults: no website (referral links are null until one is set), USD, 30 % of every
 * sale, a 30-day review period (refund windows are usually 14–30 days), partners admitted
 * without review.
 */
export const DEFAULT_PROGRAM_SETTINGS: ProgramSettings = Object.freeze({
  website_url: null,
  default_currency: 'USD',
  commission: Object.freeze({ type: 'percent', value: 30, overrides: Object.freeze([]) }),
  review_period_days: 30,
  require_partner_approval: false,
  program_type: 'affiliate',
}) as ProgramSettings;

/** `^[A-Z]{3}$`, upper-cased on input. */
export const currencySchema = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^[A-Z]{3}$/, 'must be a 3-letter ISO 4217 currency code such as USD');

/** An absolute http(s) URL, the base of referral links. */
export const websiteSchema = z
  .string()
  .trim()
  .max(2048)
  .refine((v) => {
    try {
      const u = new URL(v);
      return u.protocol === 'http:' || u.protocol === 'https:';
    } catch {
      return false;
    }
  }, 'must be an absolute http or https URL');

/** Body of `PUT /v1/program`: every field optional; `commission` replaces the whole rule. */
export const programUpdateSchema = z.object({
  name: z.string().trim().min(1).max(200).optional(),
  website_url: websiteSchema.nullable().optional(),
  default_currency: currencySchema.optional(),
  commission: commissionSchema.optional(),
  review_period_days: z.number().int().min(0).max(3650).optional(),
  require_partner_approval: z.boolean().optional(),
  program_type: z.enum(PROGRAM_TYPES).optional(),
});

/** Parsed body of `PUT /v1/program`. */
export type ProgramUpdate = z.infer<typeof programUpdateSchema>;

const storedSchema = z
  .object({
    website_url: websiteSchema.nullable().catch(null),
    default_currency: currencySchema.catch('USD'),
    commission: commissionSchema.catch(DEFAULT_PROGRAM_SETTINGS.commission as never),
    review_period_days: z.number().int().min(0).catch(30),
    require_partner_approval: z.boolean().catch(false),
    program_type: z.enum(PROGRAM_TYPES).catch('affiliate'),
  })
  .partial();

/** Reads stored settings JSON, defaulting every missing or unreadable field. */
export function parseSettings(json: string): ProgramSettings {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    raw = {};
  }
  const parsed = storedSchema.safeParse(raw);
  return { ...DEFAULT_PROGRAM_SETTINGS, ...(parsed.success ? stripUndefined(parsed.data) : {}) };
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}

/** The commission rule for a product type: its override if any, else the default rule. */
export function commissionRuleFor(
  settings: ProgramSettings,
  productType: string | null,
): CommissionRule {
  const override =
    productType === null
      ? undefined
      : settings.commission.overrides.find((o) => o.product_type === productType);
  const rule = override ?? settings.commission;
  return { type: rule.type, value: rule.value };
}

/**
 * A partner's referral link: the website with `aff=<key>` added to its query (`?aff=` or
 * `&aff=`), before any `#fragment`. Null while the program has no website.
 *
 * @example referralLink('https://acme.test', 'ref_1') // 'https://acme.test?aff=ref_1'
 */
export function referralLink(website: string | null, key: string): string | null {
  if (website === null) return null;
  const hash = website.indexOf('#');
  const base = hash === -1 ? website : website.slice(0, hash);
  const fragment = hash === -1 ? '' : website.slice(hash);
  const separator = base.includes('?')
    ? base.endsWith('?') || base.endsWith('&')
      ? ''
      : '&'
    : '?';
  return `${base}${separator}aff=${encodeURIComponent(key)}${fragment}`;
}

/** The program resource of `GET /v1/program`. */
export interface ProgramResource extends ProgramSettings {
  readonly id: string;
  readonly name: string;
  readonly created_at: string;
  readonly updated_at: string;
}

/** Loads a program's settings (defaults applied). Throws 404 for an unknown program. */
export async function loadSettings(
  db: Kysely<Database>,
  programId: string,
): Promise<ProgramSettings> {
  const row = await db
    .selectFrom('programs')
    .select('settings')
    .where('id', '=', programId)
    .executeTakeFirst();
  if (!row) throw notFound('Program');
  return parseSettings(row.settings);
}

/** The program as `GET /v1/program` shows it. */
export async function loadProgram(
  db: Kysely<Database>,
  programId: string,
): Promise<ProgramResource> {
  const row = await db
    .selectFrom('programs')
    .selectAll()
    .where('id', '=', programId)
    .executeTakeFirst();
  if (!row) throw notFound('Program');
  return {
    id: row.id,
    name: row.name,
    ...parseSettings(row.settings),
    created_at: formatTimestamp(row.created_at),
    updated_at: formatTimestamp(row.updated_at),
  };
}

/**
 * Applies a partial update (a given `commission` replaces the whole rule) and returns it. The
 * write is the programs module's {@link changeProgram} (the row locked before the read); this
 * decides the new settings: a program type change is refused while a webhook subscribes to
 * events the new type lacks.
 */
export async function updateProgram(
  db: Kysely<Database>,
  programId: string,
  update: ProgramUpdate,
  now: number,
  /** More writes of the same request, in the same transaction (route plugins' settings). */
  alsoWrite?: (trx: Kysely<Database>) => Promise<void>,
): Promise<ProgramResource> {
  const found = await changeProgram(db, programId, now, async (trx, stored) => {
    const current = parseSettings(stored.settings);
    const { name, ...settings } = update;
    // Program types (issue 12): no webhook may be left subscribed to events the type lacks.
    if (settings.program_type !== undefined && settings.program_type !== current.program_type) {
      await assertTypeChangeAllowed(trx, programId, settings.program_type);
    }
    await alsoWrite?.(trx);
    const next: ProgramSettings = { ...current, ...stripUndefined(settings) } as ProgramSettings;
    return { settings: JSON.stringify(next), name };
  });
  if (!found) throw notFound('Program');
  return loadProgram(db, programId);
}
