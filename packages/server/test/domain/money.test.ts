import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  commissionMinor,
  currencyExponent,
  divideHalfUp,
  toMajor,
  toMinor,
} from '../../src/domain/money.js';

describe('money', () => {
  it('converts major units to minor units exactly, per currency exponent', () => {
    expect(toMinor(99.99, 'USD')).toBe(9999);
    expect(toMinor('99.99', 'USD')).toBe(9999);
    expect(toMinor(0.1 + 0.2, 'USD')).toBe('too_precise'); // 0.30000000000000004
    expect(toMinor(10.5, 'USD')).toBe(1050);
    expect(toMinor('10.500', 'USD')).toBe(1050);
    expect(toMinor(1e-7, 'USD')).toBe('too_precise');
    expect(toMinor(1e21, 'USD')).toBe('too_large');
    expect(toMinor(500, 'JPY')).toBe(500);
    expect(toMinor(500.5, 'JPY')).toBe('too_precise');
    expect(toMinor(1.234, 'KWD')).toBe(1234);
    expect(toMinor('abc', 'USD')).toBe('not_a_number');
    expect(toMinor(Number.NaN, 'USD')).toBe('not_a_number');
    expect(currencyExponent('EUR')).toBe(2);
    expect(toMajor(9999, 'USD')).toBe(99.99);
    expect(toMajor(-315, 'USD')).toBe(-3.15);
    expect(toMajor(500, 'JPY')).toBe(500);
  });

  it('round-trips every cent amount through the API number', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e13, max: 1e13 }), (minor) => {
        expect(toMinor(toMajor(minor, 'USD'), 'USD')).toBe(minor);
      }),
    );
  });

  it('rounds commissions half-up to the minor unit', () => {
    expect(commissionMinor(9999, 'USD', { type: 'percent', value: 30 })).toBe(3000); // 29.997
    expect(commissionMinor(5, 'USD', { type: 'percent', value: 30 })).toBe(2); // 0.015 → 0.02
    expect(commissionMinor(4, 'USD', { type: 'percent', value: 30 })).toBe(1); // 0.012 → 0.01
    expect(commissionMinor(1000, 'USD', { type: 'percent', value: 12.5 })).toBe(125);
    expect(commissionMinor(333, 'JPY', { type: 'percent', value: 10 })).toBe(33); // 33.3 → 33
    expect(commissionMinor(335, 'JPY', { type: 'percent', value: 10 })).toBe(34); // 33.5 → 34
    expect(commissionMinor(1, 'USD', { type: 'fixed', value: 10.5 })).toBe(1050);
    expect(commissionMinor(1, 'JPY', { type: 'fixed', value: 10.5 })).toBe(11);
    expect(divideHalfUp(-15n, 10n)).toBe(-2n);
  });

  it('never exceeds the amount on a percent rule, and matches exact arithmetic', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 1e12 }),
        fc.integer({ min: 0, max: 1_000_000 }),
        (amount, pctE4) => {
          const value = pctE4 / 10_000;
          const got = commissionMinor(amount, 'USD', { type: 'percent', value });
          expect(got).toBeLessThanOrEqual(amount);
          // Exact: |got − amount·p| ≤ ½ minor unit.
          const exact2 = BigInt(amount) * BigInt(pctE4) * 2n; // 2·amount·p·10^6
          const diff = BigInt(got) * 2_000_000n - exact2;
          expect(diff <= 1_000_000n && diff > -1_000_000n).toBe(true);
        },
      ),
    );
  });
});
