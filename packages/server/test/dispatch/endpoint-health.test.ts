import { describe, expect, it } from 'vitest';
import { FAILING_STREAK, endpointHealth } from '../../src/dispatch/endpoint-health.js';

describe('endpointHealth', () => {
  const active = { isActive: true, attempts: 100, succeeded: 100, consecutiveFailures: 0 };

  it('is disabled when the webhook is inactive, whatever its history', () => {
    expect(endpointHealth({ ...active, isActive: false })).toBe('disabled');
    expect(endpointHealth({ ...active, isActive: false, succeeded: 0 })).toBe('disabled');
  });

  it('is idle without attempts in the window', () => {
    expect(endpointHealth({ ...active, attempts: 0, succeeded: 0 })).toBe('idle');
  });

  it('is healthy at 95% and above with the last attempt succeeded', () => {
    expect(endpointHealth(active)).toBe('healthy');
    expect(endpointHealth({ ...active, succeeded: 95 })).toBe('healthy');
  });

  it('is degraded below 95%, or when the last attempt failed', () => {
    expect(endpointHealth({ ...active, succeeded: 94 })).toBe('degraded');
    expect(endpointHealth({ ...active, consecutiveFailures: 1 })).toBe('degraded');
    expect(endpointHealth({ ...active, consecutiveFailures: FAILING_STREAK - 1 })).toBe('degraded');
    expect(endpointHealth({ ...active, succeeded: 50 })).toBe('degraded');
  });

  it('is failing below 50%, or after a whole schedule of failures in a row', () => {
    expect(endpointHealth({ ...active, succeeded: 49 })).toBe('failing');
    expect(endpointHealth({ ...active, consecutiveFailures: FAILING_STREAK })).toBe('failing');
    expect(endpointHealth({ ...active, attempts: 1, succeeded: 0, consecutiveFailures: 1 })).toBe(
      'failing',
    );
  });
});
