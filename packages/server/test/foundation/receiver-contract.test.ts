import { EVENT_TYPES as RECEIVER_EVENT_TYPES, constructEvent, verify } from '@hookline/receiver';
import type { EventDataMap } from '@hookline/receiver';
import { describe, expect, expectTypeOf, it } from 'vitest';
import type {
  CustomerCreditResource,
  CustomerResource,
  LeadResource,
  PartnerResource,
  RewardResource,
  SubscriberResource,
  TransactionResource,
} from '../../src/webhooks/resource-schemas.js';
import { EVENT_TYPES, listEventTypes } from '../../src/webhooks/catalog.js';
import { buildEnvelopeBody } from '../../src/webhooks/envelope.js';
import { signAttempt } from '../../src/webhooks/signing.js';
import { generateSecret } from '../../src/webhooks/webhook-store.js';

// The receiver SDK and the server must agree on the catalog and on the signatures.
describe('receiver SDK contract', () => {
  it('knows the same twenty-four event types as the server catalog', () => {
    expect([...RECEIVER_EVENT_TYPES]).toEqual([...EVENT_TYPES]);
  });

  it("types each event's data as the server's resource schema produces it", () => {
    expectTypeOf<PartnerResource>().toExtend<EventDataMap['partner.created']>();
    expectTypeOf<CustomerResource>().toExtend<EventDataMap['customer.deleted']>();
    expectTypeOf<TransactionResource>().toExtend<EventDataMap['transaction.created']>();
    expectTypeOf<RewardResource>().toExtend<EventDataMap['reward.paid']>();
    expectTypeOf<LeadResource>().toExtend<EventDataMap['lead.converted']>();
    expectTypeOf<SubscriberResource>().toExtend<EventDataMap['subscriber.rewarded']>();
    expectTypeOf<CustomerCreditResource>().toExtend<EventDataMap['customer.credited']>();
  });

  it('verifies what the server signs, in both schemes, for every catalog sample', () => {
    const secret = generateSecret();
    for (const definition of listEventTypes()) {
      const body = buildEnvelopeBody({
        eventId: 'evt_contract',
        event: definition.name,
        url: 'https://example.com/hooks',
        webhookKey: 'uLbBzVvN7ARX',
        createdAt: Date.now(),
        data: definition.sample,
      });
      const headers = signAttempt({
        eventId: 'evt_contract',
        body,
        timestampSeconds: Math.floor(Date.now() / 1000),
        secrets: [secret],
      });
      const event = constructEvent(body, headers, secret);
      expect(event.event).toBe(definition.name);
      expect(event.data).toEqual(definition.sample);
      // Partnero-only receivers see just the Signature header.
      const partnero = verify(body, { Signature: headers.Signature }, secret);
      expect(partnero.scheme).toBe('signature');
    }
  });
});
