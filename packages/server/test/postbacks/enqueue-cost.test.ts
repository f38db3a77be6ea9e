import type { KyselyPlugin } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { enqueue } from '../../src/deliveries/index.js';
import { createProgram } from '../../src/programs/index.js';
import { newId } from '../../src/util/ids.js';
import { createPostback } from '../../src/webhooks/index.js';
import { engines, openTestStore } from '../helpers/store.js';
import type { TestStore } from '../helpers/store.js';

// On PostgreSQL enqueue stays ONE statement for a program without postbacks, also for a
// resource event a postback could receive (a sale naming its partner); only an event that a
// postback does receive pays for it (its target is filled in a second step). Counted through a
// plugin that sees every query Kysely sends. SQLite's statements are prepared texts that cost
// no round trip, so the count is a PostgreSQL property.

const counting = (counter: { n: number }): KyselyPlugin => ({
  transformQuery(args) {
    counter.n++;
    return args.node;
  },
  async transformResult(args) {
    return args.result;
  },
});

describe.runIf(engines.includes('postgres'))('enqueue cost with postbacks on postgres', () => {
  let store: TestStore;
  beforeAll(async () => {
    store = await openTestStore('postgres');
  });
  afterAll(async () => store?.close());

  const sale = (programId: string, partner: string, now: number) => ({
    id: newId('evt', now),
    program_id: programId,
    type: 'transaction.created',
    data: JSON.stringify({
      key: 't1',
      partner,
      customer: 'c1',
      amount: 10,
      amount_units: 'USD',
      rewards: [],
    }),
    source: 'resource',
    created_at: now,
  });

  it('is one statement without postbacks, and more only when a postback receives the event', async () => {
    const program = await createProgram(store.db, { name: 'P' });
    await store.db
      .insertInto('partners')
      .values({
        id: 'p1',
        program_id: program.id,
        key: 'p1key',
        email: 'p1@x.test',
        name: null,
        surname: null,
        status: 'active',
        approved: 1,
        status_before_archive: null,
        tags: '[]',
        created_at: 1,
        updated_at: 1,
        deleted_at: null,
      })
      .execute();
    const counter = { n: 0 };
    const db = store.db.withPlugin(counting(counter));

    const none = await enqueue(db, sale(program.id, 'p1', Date.now()));
    expect(none).toEqual([]);
    expect(counter.n).toBe(1);

    const created = await createPostback(
      store.db,
      {
        programId: program.id,
        partnerId: 'p1',
        format: 'url',
        url: 'https://t.example/cb?a={amount}&p={partner_key}',
        method: 'GET',
        events: ['transaction.created'],
        isActive: true,
        max: 5,
      },
      Date.now(),
    );
    expect(created.created).toBe(true);

    // Another partner's sale: still one statement, no delivery.
    counter.n = 0;
    expect(await enqueue(db, sale(program.id, 'p2', Date.now()))).toEqual([]);
    expect(counter.n).toBe(1);

    // Its own partner's sale: the postback's delivery, its target filled and due.
    counter.n = 0;
    const now = Date.now();
    const [delivery] = await enqueue(db, sale(program.id, 'p1', now));
    expect(counter.n).toBeGreaterThan(1);
    expect(delivery?.url).toBe('pb:GET https://t.example/cb?a=10.00&p=p1key');
    expect(Number(delivery?.next_attempt_at)).toBe(now);
    const stored = await store.db
      .selectFrom('deliveries')
      .select(['url', 'lane', 'next_attempt_at'])
      .where('id', '=', delivery?.id ?? '')
      .executeTakeFirstOrThrow();
    expect(stored).toMatchObject({ url: delivery?.url, lane: 1 });
    expect(Number(stored.next_attempt_at)).toBe(now);
  });
});
