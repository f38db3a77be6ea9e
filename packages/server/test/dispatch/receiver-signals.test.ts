import { describe, expect, it } from 'vitest';
import { FREE_THROTTLES, nextDeliveryStateAfter } from '../../src/deliveries/index.js';
import { disableReason, nextFailureRecord } from '../../src/dispatch/endpoint-lifecycle.js';
import { parseRetryAfter, receiverSignal } from '../../src/dispatch/receiver-signals.js';

const HOUR = 3_600_000;
const NOW = Date.parse('2026-11-28T10:00:00Z');

describe('Retry-After', () => {
  it('reads delay-seconds and HTTP-dates, and ignores what it cannot read', () => {
    expect(parseRetryAfter('120', NOW)).toBe(120_000);
    expect(parseRetryAfter(' 0 ', NOW)).toBe(0);
    expect(parseRetryAfter('Sat, 28 Nov 2026 10:05:00 GMT', NOW)).toBe(300_000);
    expect(parseRetryAfter('Sat, 28 Nov 2026 09:00:00 GMT', NOW)).toBe(0);
    expect(parseRetryAfter('soon', NOW)).toBeUndefined();
    expect(parseRetryAfter('-5', NOW)).toBeUndefined();
    expect(parseRetryAfter('1.5', NOW)).toBeUndefined();
    expect(parseRetryAfter(undefined, NOW)).toBeUndefined();
  });

  it('throttles on 429 and 503 with Retry-After, bounded; 410 is gone; the rest is nothing', () => {
    const at = (statusCode: number, retryAfter?: string) =>
      receiverSignal({
        statusCode,
        headers: retryAfter === undefined ? {} : { 'retry-after': retryAfter },
        now: NOW,
        maxDelayMs: HOUR,
      });
    expect(at(429, '30')).toEqual({ kind: 'throttle', until: NOW + 30_000 });
    expect(at(503, '30')).toEqual({ kind: 'throttle', until: NOW + 30_000 });
    expect(at(429, String(86_400))).toEqual({ kind: 'throttle', until: NOW + HOUR });
    expect(at(429)).toEqual({ kind: 'none' });
    expect(at(429, '0')).toEqual({ kind: 'none' });
    expect(at(500, '30')).toEqual({ kind: 'none' });
    expect(at(410)).toEqual({ kind: 'gone' });
    expect(receiverSignal({ statusCode: null, headers: null, now: NOW, maxDelayMs: HOUR })).toEqual(
      { kind: 'none' },
    );
  });
});

describe('the retry schedule with receiver signals', () => {
  const schedule = [0, 60_000, 300_000];
  const base = { succeeded: false, schedule, now: NOW, throttleIsFree: true, gone: false };

  it('a free throttle waits exactly as asked, even on the last attempt of the budget', () => {
    expect(
      nextDeliveryStateAfter({ ...base, attemptNumber: 3, throttleUntil: NOW + 90_000 }),
    ).toEqual({ status: 'pending', nextAttemptAt: NOW + 90_000 });
  });

  it('a throttle past the free ones counts, and still waits at least as asked', () => {
    const counted = { ...base, throttleIsFree: false };
    expect(
      nextDeliveryStateAfter({ ...counted, attemptNumber: 1, throttleUntil: NOW + 90_000 }),
    ).toEqual({ status: 'pending', nextAttemptAt: NOW + 90_000 });
    expect(
      nextDeliveryStateAfter({ ...counted, attemptNumber: 1, throttleUntil: NOW + 1_000 }),
    ).toEqual({ status: 'pending', nextAttemptAt: NOW + 60_000 });
    expect(
      nextDeliveryStateAfter({ ...counted, attemptNumber: 3, throttleUntil: NOW + 1_000 }),
    ).toEqual({ status: 'failed' });
    expect(FREE_THROTTLES).toBeGreaterThan(0);
  });

  it('410 fails the delivery at once; success succeeds; otherwise the schedule', () => {
    expect(
      nextDeliveryStateAfter({ ...base, attemptNumber: 1, throttleUntil: null, gone: true }),
    ).toEqual({ status: 'failed' });
    expect(
      nextDeliveryStateAfter({ ...base, succeeded: true, attemptNumber: 1, throttleUntil: null }),
    ).toEqual({ status: 'succeeded' });
    expect(nextDeliveryStateAfter({ ...base, attemptNumber: 2, throttleUntil: null })).toEqual({
      status: 'pending',
      nextAttemptAt: NOW + 300_000,
    });
  });
});

describe('endpoint health over time', () => {
  const healthy = { failingSince: null, consecutiveFailures: 0 };
  const policy = { disableAfterMs: 5 * 24 * HOUR, disableAfterFailures: null };

  it('a failure starts the record, an exhausted delivery counts, a success clears it', () => {
    const first = nextFailureRecord(healthy, 'failed', NOW);
    expect(first).toEqual({ next: { failingSince: NOW, consecutiveFailures: 0 }, changed: true });
    expect(nextFailureRecord(first.next, 'failed', NOW + 1).changed).toBe(false);
    const exhausted = nextFailureRecord(first.next, 'exhausted', NOW + 2);
    expect(exhausted.next).toEqual({ failingSince: NOW, consecutiveFailures: 1 });
    expect(nextFailureRecord(exhausted.next, 'throttled', NOW + 3)).toEqual({
      next: exhausted.next,
      changed: false,
    });
    expect(nextFailureRecord(exhausted.next, 'succeeded', NOW + 4)).toEqual({
      next: healthy,
      changed: true,
    });
    expect(nextFailureRecord(healthy, 'succeeded', NOW).changed).toBe(false);
  });

  it('disables after the configured time or count, and at once on 410', () => {
    const since = { failingSince: NOW, consecutiveFailures: 3 };
    expect(disableReason(since, 'failed', NOW + 5 * 24 * HOUR - 1, policy)).toBeNull();
    expect(disableReason(since, 'failed', NOW + 5 * 24 * HOUR, policy)).toMatch(/5 days/);
    expect(disableReason(since, 'throttled', NOW + 9 * 24 * HOUR, policy)).toBeNull();
    expect(disableReason(healthy, 'gone', NOW, policy)).toMatch(/410 Gone/);
    const byCount = { disableAfterMs: null, disableAfterFailures: 3 };
    expect(disableReason(since, 'exhausted', NOW, byCount)).toMatch(/3 deliveries in a row/);
    expect(
      disableReason({ ...since, consecutiveFailures: 2 }, 'exhausted', NOW, byCount),
    ).toBeNull();
  });
});
