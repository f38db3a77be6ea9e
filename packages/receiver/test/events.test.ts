import { describe, expect, expectTypeOf, it } from 'vitest';
import {
  constructEvent,
  EVENT_TYPES,
  type EventType,
  type HooklineEvent,
  type HooklineEventOf,
  isEventType,
  parseEvent,
  type Partner,
  type Reward,
  signPayload,
  type Transaction,
  verify,
  WebhookVerificationError,
} from '../src/index.js';
import * as web from '../src/web.js';
import {
  customer,
  envelope,
  partner,
  reward,
  rewardPaid,
  SECRET,
  serverBody,
  transaction,
} from './helpers.js';

describe('EVENT_TYPES', () => {
  it('lists the 24 catalog event types once each', () => {
    expect(EVENT_TYPES).toHaveLength(24);
    expect(new Set(EVENT_TYPES).size).toBe(24);
    expect(EVENT_TYPES.filter((t) => t.startsWith('partner.'))).toHaveLength(6);
    expect(EVENT_TYPES).toContain('transaction.deleted');
  });

  it('backs isEventType', () => {
    expect(isEventType('reward.paid')).toBe(true);
    expect(isEventType('reward.cancelled')).toBe(false);
    expect(isEventType(42)).toBe(false);
  });
});

describe('parseEvent', () => {
  const samples: HooklineEvent[] = [
    envelope('partner.approved', partner),
    envelope('partner.deleted', { ...partner, deleted_at: '2026-05-08T00:00:00.000000Z' }),
    envelope('customer.created', customer),
    envelope('transaction.deleted', transaction),
    envelope('reward.paid', reward),
  ];

  it.each(samples)('parses $event as sent by the server', (event) => {
    const body = serverBody(event);
    expect(parseEvent(body)).toEqual(event);
    expect(parseEvent(verify(body, signPayload(body, SECRET), SECRET))).toEqual(event);
  });

  it.each([
    ['not JSON', '{"id":', /not valid JSON/],
    ['an array', '[]', /not a JSON object/],
    ['no id', JSON.stringify({ event: 'reward.paid', data: {} }), /no `id`/],
    [
      'an unknown event type',
      JSON.stringify({ id: 'e', event: 'reward.cancelled', data: {} }),
      /Unknown event type "reward.cancelled"/,
    ],
    ['no data', JSON.stringify({ id: 'e', event: 'reward.paid', data: null }), /no `data`/],
  ])('refuses %s with invalid_body', (_label, body, message) => {
    expect(() => parseEvent(body)).toThrow(message);
    try {
      parseEvent(body);
    } catch (error) {
      expect((error as WebhookVerificationError).reason).toBe('invalid_body');
    }
  });

  it('refuses anything but the verified body string', () => {
    expect(() => parseEvent({} as unknown as string)).toThrow(WebhookVerificationError);
  });
});

describe('constructEvent', () => {
  const body = serverBody(rewardPaid);

  it('verifies then parses (node and web)', async () => {
    const headers = signPayload(body, SECRET, { id: rewardPaid.id });
    expect(constructEvent(Buffer.from(body), headers, SECRET)).toEqual(rewardPaid);
    expect(
      await web.constructEvent(new TextEncoder().encode(body), new Headers(headers), SECRET),
    ).toEqual(rewardPaid);
  });

  it('does not parse a body that fails verification', () => {
    const notJson = 'this would not parse';
    const headers = signPayload(body, SECRET);
    expect(() => constructEvent(notJson, headers, SECRET)).toThrow(
      /does not match|No webhook-signature/,
    );
  });
});

describe('types', () => {
  it('narrows data by event type', () => {
    const event = parseEvent(serverBody(rewardPaid));
    if (event.event === 'reward.paid') expectTypeOf(event.data).toEqualTypeOf<Reward>();
    if (event.event === 'partner.approved') expectTypeOf(event.data).toEqualTypeOf<Partner>();
    if (event.event === 'transaction.deleted') {
      expectTypeOf(event.data).toEqualTypeOf<Transaction>();
      expectTypeOf(event.data.rewards).toEqualTypeOf<Reward[]>();
    }
    expectTypeOf<HooklineEventOf<'customer.updated'>['data']['partner']>().toEqualTypeOf<
      string | null
    >();
    expectTypeOf<HooklineEvent['event']>().toEqualTypeOf<EventType>();
  });

  it('has a union member for every event type', () => {
    type Covered = HooklineEvent['event'];
    expectTypeOf<Exclude<(typeof EVENT_TYPES)[number], Covered>>().toBeNever();
  });
});
