import { describe, expect, it } from 'vitest';
import { backoffMs, DEFAULT_RETRY_POLICY, isSafeToRetry, retryAfterMs } from '@hookline/client';

describe('retryAfterMs', () => {
  const now = Date.parse('2026-12-06T12:00:00Z');

  it('reads delay-seconds and HTTP dates', () => {
    expect(retryAfterMs('0', now)).toBe(0);
    expect(retryAfterMs(' 7 ', now)).toBe(7000);
    expect(retryAfterMs('Sun, 06 Dec 2026 12:00:03 GMT', now)).toBe(3000);
    // A date already past asks for no wait.
    expect(retryAfterMs('Sun, 06 Dec 2026 11:00:00 GMT', now)).toBe(0);
  });

  it('ignores what RFC 9110 does not allow', () => {
    for (const value of [null, '', '-1', '1.5', '1e3', 'soon', 'Sun, 99 Foo 2026']) {
      expect(retryAfterMs(value, now)).toBeUndefined();
    }
  });
});

describe('isSafeToRetry', () => {
  it('allows idempotent methods, and others only with an Idempotency-Key', () => {
    const none = new Headers();
    const keyed = new Headers({ 'idempotency-key': 'k' });
    for (const method of ['GET', 'HEAD', 'OPTIONS', 'PUT', 'DELETE', 'get']) {
      expect(isSafeToRetry(method, none)).toBe(true);
    }
    expect(isSafeToRetry('POST', none)).toBe(false);
    expect(isSafeToRetry('PATCH', none)).toBe(false);
    expect(isSafeToRetry('POST', keyed)).toBe(true);
    expect(isSafeToRetry('POST', new Headers({ 'idempotency-key': '' }))).toBe(false);
  });
});

describe('backoffMs', () => {
  it('doubles its ceiling per retry up to maxDelayMs, and jitters below it', () => {
    const top = () => 0.999_999;
    expect(backoffMs(0, DEFAULT_RETRY_POLICY, top)).toBe(499);
    expect(backoffMs(3, DEFAULT_RETRY_POLICY, top)).toBe(3999);
    expect(backoffMs(20, DEFAULT_RETRY_POLICY, top)).toBe(29_999);
    expect(backoffMs(5, DEFAULT_RETRY_POLICY, () => 0)).toBe(0);
  });
});
