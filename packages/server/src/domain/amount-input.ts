import { validationFailed } from './errors.js';
import { currencyExponent, toMinor } from './money.js';

/**
 * A major-unit amount from a request (`99.99`, `"99.99"`) as integer minor units of `units`,
 * or a 422 naming `field`. Amounts must be positive (at least one minor unit): every caller
 * (bonus, lead conversion, payout, balance credit) adds value; refunds have their own path.
 */
export function positiveAmountMinor(field: string, value: number | string, units: string): number {
  const minor = toMinor(value, units);
  if (typeof minor === 'number') {
    if (minor <= 0) {
      throw validationFailed({
        [field]: [`The ${field.replaceAll('_', ' ')} must be greater than zero.`],
      });
    }
    return minor;
  }
  const messages = {
    not_a_number: `The ${field.replaceAll('_', ' ')} must be a number in major units, such as 99.99.`,
    too_precise: `The ${field.replaceAll('_', ' ')} has more decimal places than ${units} has (${currencyExponent(units)}).`,
    too_large: `The ${field.replaceAll('_', ' ')} is too large.`,
  };
  throw validationFailed({ [field]: [messages[minor]] });
}

/** `usd` → `USD`: Partnero's clients send lower-case currency codes (the n8n node's default). */
export function currencyCode(units: string): string {
  return units.trim().toUpperCase();
}
