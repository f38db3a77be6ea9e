import { describe, expect, it } from 'vitest';
import { classifyError, classifyOutcome } from '../../src/dispatch/classify-outcome.js';
import { manualResultStatus, nextDeliveryState } from '../../src/deliveries/index.js';
import { DEFAULT_RETRY_SCHEDULE } from '../../src/config/config.js';

describe('nextDeliveryState', () => {
  const schedule = DEFAULT_RETRY_SCHEDULE;
  const now = 1_000_000;

  it('succeeds on success, whatever the attempt number', () => {
    expect(nextDeliveryState({ succeeded: true, attemptNumber: 1, schedule, now })).toEqual({
      status: 'succeeded',
    });
    expect(nextDeliveryState({ succeeded: true, attemptNumber: 9, schedule, now })).toEqual({
      status: 'succeeded',
    });
  });

  it('follows the default schedule: 1 min, 5 min, 30 min, 2 h, then failed after the 5th', () => {
    const delays = [1, 2, 3, 4].map((n) => {
      const next = nextDeliveryState({ succeeded: false, attemptNumber: n, schedule, now });
      expect(next.status).toBe('pending');
      return next.status === 'pending' ? next.nextAttemptAt - now : -1;
    });
    expect(delays).toEqual([60_000, 300_000, 1_800_000, 7_200_000]);
    expect(nextDeliveryState({ succeeded: false, attemptNumber: 5, schedule, now })).toEqual({
      status: 'failed',
    });
  });

  it('uses a custom schedule whose length is the number of attempts', () => {
    const custom = [0, 200, 400];
    expect(
      nextDeliveryState({ succeeded: false, attemptNumber: 1, schedule: custom, now }),
    ).toEqual({ status: 'pending', nextAttemptAt: now + 200 });
    expect(
      nextDeliveryState({ succeeded: false, attemptNumber: 2, schedule: custom, now }),
    ).toEqual({ status: 'pending', nextAttemptAt: now + 400 });
    expect(
      nextDeliveryState({ succeeded: false, attemptNumber: 3, schedule: custom, now }),
    ).toEqual({ status: 'failed' });
    expect(nextDeliveryState({ succeeded: false, attemptNumber: 1, schedule: [0], now })).toEqual({
      status: 'failed',
    });
  });

  it('fails a recovered delivery after one more failed attempt (numbers continue past the schedule)', () => {
    expect(nextDeliveryState({ succeeded: false, attemptNumber: 6, schedule, now })).toEqual({
      status: 'failed',
    });
  });
});

describe('manualResultStatus', () => {
  it('a success makes any delivery succeeded; a failure changes nothing', () => {
    for (const s of ['pending', 'failed', 'cancelled', 'succeeded'] as const) {
      expect(manualResultStatus(s, true)).toBe('succeeded');
      expect(manualResultStatus(s, false)).toBe(s);
    }
  });
});

describe('classifyOutcome', () => {
  it('2xx is success; 1xx, 3xx, 4xx, 5xx are http_status', () => {
    for (const code of [200, 201, 204, 299])
      expect(classifyOutcome({ kind: 'response', statusCode: code }).succeeded).toBe(true);
    for (const code of [101, 301, 302, 304, 400, 404, 410, 500, 503]) {
      const c = classifyOutcome({ kind: 'response', statusCode: code });
      expect(c).toMatchObject({ succeeded: false, errorClass: 'http_status' });
    }
    expect(classifyOutcome({ kind: 'response', statusCode: 302 }).message).toMatch(
      /redirects are not followed/,
    );
  });

  const err = (code: string, message = 'boom') => Object.assign(new Error(message), { code });
  it.each([
    [err('ECONNREFUSED'), 'connection'],
    [err('ECONNRESET'), 'connection'],
    [err('UND_ERR_SOCKET'), 'connection'],
    [err('ENOTFOUND'), 'dns'],
    [err('EAI_AGAIN'), 'dns'],
    [err('UND_ERR_HEADERS_TIMEOUT'), 'timeout'],
    [err('UND_ERR_BODY_TIMEOUT'), 'timeout'],
    [err('UND_ERR_CONNECT_TIMEOUT'), 'timeout'],
    [
      Object.assign(new Error('The operation was aborted due to timeout'), {
        name: 'TimeoutError',
      }),
      'timeout',
    ],
    [err('DEPTH_ZERO_SELF_SIGNED_CERT'), 'tls'],
    [err('ERR_TLS_CERT_ALTNAME_INVALID'), 'tls'],
    [err('ERR_SSL_WRONG_VERSION_NUMBER'), 'tls'],
    [err('HOOKLINE_SSRF_BLOCKED', 'Refused to connect'), 'ssrf_blocked'],
    [new Error('fetch failed', { cause: err('ECONNREFUSED') }), 'connection'],
    [new Error('wrapped', { cause: err('ENOTFOUND') }), 'dns'],
    ['a string', 'connection'],
  ])('classifies %o as %s', (error, expected) => {
    expect(classifyError(error).errorClass).toBe(expected);
  });
});
