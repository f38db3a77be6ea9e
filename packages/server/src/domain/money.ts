/**
 * Exact money. Amounts are stored as integer minor units (`amount_minor`, e.g. cents) and
 * shown in the API as major-unit numbers (`99.99`), like Partnero. Conversions go through the
 * decimal text of a number, never through float arithmetic, so `0.1 + 0.2` problems cannot
 * reach storage.
 *
 * Rounding rule (the only one): a commission is rounded **half-up to the minor unit**
 * (half away from zero). 30 % of 99.99 USD = 29.997 → 30.00; 30 % of 0.05 = 0.015 → 0.02.
 */

/** ISO 4217 currencies with no minor unit. */
const ZERO_DECIMAL = new Set([
  'BIF',
  'CLP',
  'DJF',
  'GNF',
  'ISK',
  'JPY',
  'KMF',
  'KRW',
  'PYG',
  'RWF',
  'UGX',
  'UYI',
  'VND',
  'VUV',
  'XAF',
  'XOF',
  'XPF',
]);
/** ISO 4217 currencies with three decimals. */
const THREE_DECIMAL = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Largest accepted amount in minor units: far inside 2^53, so sums stay exact numbers. */
export const MAX_MINOR = 1e15;

/** Decimal places of a currency's minor unit: 0 (JPY), 3 (KWD), else 2. */
export function currencyExponent(currency: string): number {
  if (ZERO_DECIMAL.has(currency)) return 0;
  if (THREE_DECIMAL.has(currency)) return 3;
  return 2;
}

/**
 * The exact decimal digits of a finite number or numeric string as a scaled integer:
 * `{digits: 9999n, scale: 2}` for `99.99`. Returns `undefined` for anything else.
 */
export function parseDecimal(
  value: number | string,
): { digits: bigint; scale: number } | undefined {
  let text: string;
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return undefined;
    // Shortest round-trip text; tiny or huge numbers come out in exponent form.
    text = String(value);
    if (/e/i.test(text)) {
      const [mantissa, exp] = text.toLowerCase().split('e') as [string, string];
      const inner = parseDecimal(mantissa);
      if (!inner) return undefined;
      const shift = Number(exp);
      if (shift >= 0) {
        if (shift > 40) return undefined;
        return inner.scale >= shift
          ? { digits: inner.digits, scale: inner.scale - shift }
          : { digits: inner.digits * 10n ** BigInt(shift - inner.scale), scale: 0 };
      }
      if (-shift + inner.scale > 40) return undefined;
      return { digits: inner.digits, scale: inner.scale - shift };
    }
  } else {
    text = value.trim();
  }
  const match = /^(-?)(\d+)(?:\.(\d+))?$/.exec(text);
  if (!match) return undefined;
  const [, sign, whole, fraction = ''] = match;
  if ((whole?.length ?? 0) + fraction.length > 40) return undefined;
  const digits = BigInt(`${whole}${fraction}`);
  return { digits: sign === '-' ? -digits : digits, scale: fraction.length };
}

/** Why an amount was refused by {@link toMinor}. */
export type AmountProblem = 'not_a_number' | 'too_precise' | 'too_large';

/**
 * Major units (`99.99`, `"99.99"`) to integer minor units (`9999`) for a currency. Refuses more
 * decimals than the currency has (`99.999` USD), instead of silently rounding a price.
 */
export function toMinor(value: number | string, currency: string): number | AmountProblem {
  const parsed = parseDecimal(value);
  if (!parsed) return 'not_a_number';
  const exponent = currencyExponent(currency);
  let { digits, scale } = parsed;
  // Trailing zeros beyond the exponent are harmless (`10.500` USD).
  while (scale > exponent && digits % 10n === 0n) {
    digits /= 10n;
    scale--;
  }
  if (scale > exponent) return 'too_precise';
  const minor = digits * 10n ** BigInt(exponent - scale);
  if (minor > BigInt(MAX_MINOR) || minor < -BigInt(MAX_MINOR)) return 'too_large';
  return Number(minor);
}

/** Integer minor units to the API's major-unit number: `9999` USD → `99.99`, `500` JPY → `500`. */
export function toMajor(minor: number, currency: string): number {
  // One correctly rounded division gives the double nearest the exact decimal, which is the
  // same double that parsing its text ("99.99") gives.
  return minor / 10 ** currencyExponent(currency);
}

/** `numerator / denominator` rounded half away from zero, exactly (denominator > 0). */
export function divideHalfUp(numerator: bigint, denominator: bigint): bigint {
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (n * 2n + denominator) / (denominator * 2n);
  return negative ? -q : q;
}

/** A commission rule: a percentage of the amount, or a fixed amount in major units. */
export interface CommissionRule {
  readonly type: 'percent' | 'fixed';
  /** Percent (`30` = 30 %, up to 4 decimals) or a fixed major-unit amount (`10.5`). */
  readonly value: number;
}

/**
 * The commission, in minor units of the transaction's currency, that `rule` yields on an
 * amount of `amountMinor`. Percent: `amount × value / 100`, rounded half-up to the minor unit.
 * Fixed: `value` in the transaction's currency, rounded half-up to its minor unit.
 *
 * @example commissionMinor(9999, 'USD', {type: 'percent', value: 30}) // 3000 (29.997 → 30.00)
 */
export function commissionMinor(
  amountMinor: number,
  currency: string,
  rule: CommissionRule,
): number {
  const value = parseDecimal(rule.value);
  if (!value) throw new RangeError(`Invalid commission value ${rule.value}`);
  const scale = 10n ** BigInt(value.scale);
  if (rule.type === 'percent') {
    return Number(divideHalfUp(BigInt(amountMinor) * value.digits, 100n * scale));
  }
  const exponent = 10n ** BigInt(currencyExponent(currency));
  return Number(divideHalfUp(value.digits * exponent, scale));
}
