import { describe, expect, it } from 'vitest';
import { fairnessRate } from '../src/scenarios/fairness.js';

describe('fairnessRate', () => {
  it('is 1,000 deliveries/s spread over the endpoints when the maximum is unknown or high', () => {
    expect(fairnessRate(10, undefined)).toBe(100);
    expect(fairnessRate(10, 330)).toBe(100);
    expect(fairnessRate(4, undefined)).toBe(250);
  });

  it('is half the maximum when that is below the fixed rate', () => {
    expect(fairnessRate(10, 126)).toBe(63);
  });
});
