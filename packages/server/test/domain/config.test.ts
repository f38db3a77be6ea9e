import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from '../../src/config/config.js';

describe('HOOKLINE_REWARD_SWEEP_INTERVAL', () => {
  it('defaults to one minute and accepts durations from 1s to 24h', () => {
    expect(loadConfig({}).rewardSweepIntervalMs).toBe(60_000);
    expect(loadConfig({ HOOKLINE_REWARD_SWEEP_INTERVAL: '10s' }).rewardSweepIntervalMs).toBe(
      10_000,
    );
    expect(() => loadConfig({ HOOKLINE_REWARD_SWEEP_INTERVAL: '10ms' })).toThrow(ConfigError);
    expect(() => loadConfig({ HOOKLINE_REWARD_SWEEP_INTERVAL: 'soon' })).toThrow(
      /HOOKLINE_REWARD_SWEEP_INTERVAL/,
    );
  });
});
