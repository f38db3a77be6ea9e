import { formatTimestamp } from '../util/time.js';

/**
 * The macros of `url` postbacks (docs/partner-portal.md, "Postbacks"): a partner's URL template
 * names them in braces (`https://track.example/cb?tx={transaction_key}&payout={commission}`),
 * and each is replaced by its value, URL-encoded on its own. Pure: no I/O; the caller reads the
 * partner's key and a reward's sale.
 */

/** Every macro, in the order of the docs' table (and of a POST postback's form body). */
export const POSTBACK_MACROS = [
  'event',
  'event_id',
  'partner_key',
  'customer_key',
  'transaction_key',
  'amount',
  'currency',
  'commission',
  'reward_id',
  'reward_status',
  'created_at',
] as const;

/** A macro name. */
export type PostbackMacro = (typeof POSTBACK_MACROS)[number];

/** The value of every macro for one event; `''` where a macro does not apply. */
export type MacroValues = Readonly<Record<PostbackMacro, string>>;

const KNOWN = new Set<string>(POSTBACK_MACROS);
/** A macro reference: braces around a name. Anything else in braces is refused too. */
const REFERENCE = /\{([^{}]*)\}/g;

/**
 * The names in braces in `template` that are not macros, in order of appearance, each once.
 *
 * @example
 * unknownMacros('https://a.test/?t={transaction_key}&x={payout}') // ['payout']
 */
export function unknownMacros(template: string): string[] {
  const unknown = new Set<string>();
  for (const match of template.matchAll(REFERENCE)) {
    const name = match[1] ?? '';
    if (!KNOWN.has(name)) unknown.add(name);
  }
  return [...unknown];
}

/**
 * Fills a URL template: each `{macro}` becomes its value, URL-encoded on its own with
 * `encodeURIComponent` (so `&`, `=`, `#`, `+`, `/`, `?`, `%` and spaces in a value never change
 * the URL's structure; a space is `%20`). A value cannot contain a brace once encoded, so a
 * filled value is never filled again.
 *
 * @example
 * fillTemplate('https://a.test/cb?e={event}', values) // 'https://a.test/cb?e=transaction.created'
 */
export function fillTemplate(template: string, values: MacroValues): string {
  return template.replace(REFERENCE, (whole, name: string) =>
    KNOWN.has(name) ? encodeURIComponent(values[name as PostbackMacro]) : whole,
  );
}

/**
 * The body of a `POST` url postback: every macro as a field, in {@link POSTBACK_MACROS} order,
 * `application/x-www-form-urlencoded` (as browsers encode forms: a space is `+`).
 *
 * @example
 * formBody(values) // 'event=transaction.created&event_id=evt_…&partner_key=ann&…'
 */
export function formBody(values: MacroValues): string {
  return new URLSearchParams(
    POSTBACK_MACROS.map((name): [string, string] => [name, values[name]]),
  ).toString();
}

/** What the macros are computed from, besides the event's own data. */
export interface MacroContext {
  readonly event: string;
  readonly eventId: string;
  /** The event's `created_at` (epoch ms). */
  readonly createdAt: number;
  /** The event's `data`, parsed. */
  readonly data: unknown;
  /** The postback's partner's referral key. */
  readonly partnerKey: string;
  /** The partner's id (picks its own rewards among a sale's). */
  readonly partnerId: string;
  /** For reward events: the sale the reward is for (`{amount}`), when there is one. */
  readonly sale?: { readonly amount: number; readonly currency: string } | null | undefined;
}

type Loose = Record<string, unknown>;

const text = (value: unknown): string =>
  typeof value === 'string' ? value : typeof value === 'number' ? String(value) : '';

/**
 * ISO 4217 currencies without a minor unit, and with three decimals: the same lists as
 * `domain/money.ts` (which this module cannot import; test/postbacks/macros.test.ts checks
 * that they agree), so `{amount}` has the decimals the API's amounts have.
 */
const ZERO_DECIMAL = new Set(
  'BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX UYI VND VUV XAF XOF XPF'.split(' '),
);
const THREE_DECIMAL = new Set('BHD IQD JOD KWD LYD OMR TND'.split(' '));

/** The decimals of a currency's minor unit: `JPY` 0, `KWD` 3, else 2. */
export function currencyDecimals(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/**
 * An amount in major units with its currency's decimals: `99.5` USD → `99.50`, `100` JPY →
 * `100`. Empty when there is no amount.
 */
export function formatAmount(amount: unknown, currency: string): string {
  if (typeof amount !== 'number' || !Number.isFinite(amount)) return '';
  return amount.toFixed(currency === '' ? 2 : currencyDecimals(currency));
}

/**
 * The value of every macro for one event and partner. Per resource:
 *
 * | | customer | transaction | reward | lead |
 * |---|---|---|---|---|
 * | `customer_key` | its key | its customer | its customer | — |
 * | `transaction_key` | — | its key | its sale's key | — |
 * | `amount`, `currency` | — | the sale | the sale (context) | the converted amount |
 * | `commission` | — | the partner's rewards on it, summed | the reward | — |
 * | `reward_id`, `reward_status` | — | the partner's first reward on it | the reward | `reward_id`: its reward |
 *
 * `{commission}` uses the reward's currency; `{currency}` is the sale's (the reward's without a
 * sale).
 */
export function macroValues(context: MacroContext): MacroValues {
  const data = (
    typeof context.data === 'object' && context.data !== null ? context.data : {}
  ) as Loose;
  const resource = context.event.split('.')[0];
  const values: Record<PostbackMacro, string> = {
    event: context.event,
    event_id: context.eventId,
    partner_key: context.partnerKey,
    customer_key: '',
    transaction_key: '',
    amount: '',
    currency: '',
    commission: '',
    reward_id: '',
    reward_status: '',
    created_at: formatTimestamp(context.createdAt),
  };
  if (resource === 'customer') {
    values.customer_key = text(data.key);
  } else if (resource === 'transaction') {
    const currency = text(data.amount_units);
    values.customer_key = text(data.customer);
    values.transaction_key = text(data.key);
    values.currency = currency;
    values.amount = formatAmount(data.amount, currency);
    const rewards = (Array.isArray(data.rewards) ? data.rewards : []).filter(
      (r): r is Loose =>
        typeof r === 'object' && r !== null && (r as Loose).partner === context.partnerId,
    );
    const first = rewards[0];
    if (first) {
      const rewardCurrency = text(first.amount_units) || currency;
      const sum = rewards
        .filter((r) => text(r.amount_units) === text(first.amount_units))
        .reduce((total, r) => total + (typeof r.amount === 'number' ? r.amount : 0), 0);
      values.commission = formatAmount(sum, rewardCurrency);
      values.reward_id = text(first.id);
      values.reward_status = text(first.status);
    }
  } else if (resource === 'reward') {
    const rewardCurrency = text(data.amount_units);
    values.customer_key = text(data.customer);
    values.transaction_key = text(data.transaction);
    values.commission = formatAmount(data.amount, rewardCurrency);
    values.reward_id = text(data.id);
    values.reward_status = text(data.status);
    values.currency = context.sale?.currency ?? rewardCurrency;
    if (context.sale) values.amount = formatAmount(context.sale.amount, context.sale.currency);
  } else if (resource === 'lead') {
    const currency = text(data.amount_units);
    values.currency = currency;
    values.amount = formatAmount(data.commission_transaction_amount, currency);
    values.reward_id = text(data.reward);
  }
  return values;
}
