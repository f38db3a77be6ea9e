import { describe, expect, it } from 'vitest';
import {
  POSTBACK_START_BURST,
  msUntilNextPostbackStart,
  newPostbackPace,
  postbackStartsAllowed,
  refillPostbackPace,
  spendPostbackPace,
} from '../../src/dispatch/postback-pacing.js';

describe('postback pacing (token bucket)', () => {
  it('starts full: one claim may take a burst at once', () => {
    expect(postbackStartsAllowed(newPostbackPace(1_000))).toBe(POSTBACK_START_BURST);
  });

  it('after a burst, allows `rate` starts per second, never more than a burst', () => {
    let pace = spendPostbackPace(newPostbackPace(0), POSTBACK_START_BURST);
    expect(postbackStartsAllowed(pace)).toBe(0);
    pace = refillPostbackPace(pace, 250, 20);
    expect(postbackStartsAllowed(pace)).toBe(5);
    pace = refillPostbackPace(pace, 60_000, 20);
    expect(postbackStartsAllowed(pace)).toBe(POSTBACK_START_BURST);
  });

  it('counts fractions: 128/s allows one start per 7.8 ms', () => {
    let pace = spendPostbackPace(newPostbackPace(0), POSTBACK_START_BURST);
    expect(msUntilNextPostbackStart(pace, 128)).toBe(8);
    pace = refillPostbackPace(pace, 7, 128);
    expect(postbackStartsAllowed(pace)).toBe(0);
    expect(msUntilNextPostbackStart(pace, 128)).toBe(1);
    pace = refillPostbackPace(pace, 8, 128);
    expect(postbackStartsAllowed(pace)).toBe(1);
    expect(msUntilNextPostbackStart(pace, 128)).toBe(0);
  });

  it('gives back starts a claim took and did not use, up to a burst', () => {
    let pace = spendPostbackPace(newPostbackPace(0), 10);
    expect(postbackStartsAllowed(pace)).toBe(POSTBACK_START_BURST - 10);
    pace = spendPostbackPace(pace, 3 - 10);
    expect(postbackStartsAllowed(pace)).toBe(POSTBACK_START_BURST - 3);
    pace = spendPostbackPace(pace, -100);
    expect(postbackStartsAllowed(pace)).toBe(POSTBACK_START_BURST);
  });

  it('rate 0 is unpaced: always a full burst, never a wait', () => {
    const pace = spendPostbackPace(newPostbackPace(0), POSTBACK_START_BURST);
    expect(postbackStartsAllowed(refillPostbackPace(pace, 0, 0))).toBe(POSTBACK_START_BURST);
    expect(msUntilNextPostbackStart(pace, 0)).toBe(0);
  });

  it('a clock that goes back refills nothing', () => {
    const pace = spendPostbackPace(newPostbackPace(10_000), POSTBACK_START_BURST);
    expect(postbackStartsAllowed(refillPostbackPace(pace, 5_000, 128))).toBe(0);
  });
});
