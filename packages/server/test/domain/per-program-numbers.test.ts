import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Migrator } from 'kysely';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { getLead } from '../../src/domain/leads.js';
import { getPayoutRequest } from '../../src/domain/payout-requests.js';
import { nextNumber } from '../../src/domain/program-counters.js';
import { migrateToLatest, openStore } from '../../src/storage/index.js';
import type { Store } from '../../src/storage/index.js';
import { migrations } from '../../src/storage/migrations.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';
import { TEST_POSTGRES_URL, engines } from '../helpers/store.js';
import { call } from './helpers.js';

const ROUNDS = 5;
const N = 6;

describe.each(engines)('lead and payout-request numbers per program on %s', (engine) => {
  let ctx: TestContext;
  let other: { programId: string; apiKey: string };
  const as = (apiKey: string) => ({ authorization: `Bearer ${apiKey}` });
  beforeAll(async () => {
    ctx = await createTestContext(engine);
    other = await ctx.otherProgram();
    for (const key of [ctx.apiKey, other.apiKey]) {
      for (let p = 0; p < N; p++) {
        const res = await ctx.request(
          'POST',
          '/v1/partners',
          { email: `p${p}@example.com`, id: `p${p}` },
          as(key),
        );
        expect(res.statusCode).toBe(201);
      }
    }
  });
  afterAll(async () => ctx?.close());

  it('numbers leads 1, 2, 3… in each program, also when both programs submit at once', async () => {
    const submit = (apiKey: string, i: number) =>
      ctx.request(
        'POST',
        '/v1/leads',
        { partner: { id: `p${i % N}` }, email: `lead${i}@example.com` },
        as(apiKey),
      );
    // The first lead of the second program is its lead 1, whatever the first program did.
    expect((await submit(ctx.apiKey, 0)).json().data.id).toBe(1);
    expect((await submit(other.apiKey, 0)).json().data.id).toBe(1);
    for (let round = 0; round < ROUNDS; round++) {
      const answers = await Promise.all(
        Array.from({ length: 2 * N }, (_, i) => submit(i % 2 === 0 ? ctx.apiKey : other.apiKey, i)),
      );
      expect(
        answers.map((a) => a.statusCode),
        answers.map((a) => a.body).join(' | '),
      ).toEqual(Array(2 * N).fill(201));
    }
    for (const key of [ctx.apiKey, other.apiKey]) {
      const list = await ctx.request('GET', '/v1/leads?limit=100&sort=asc', undefined, as(key));
      expect(list.json().data.map((l: { id: number }) => l.id)).toEqual(
        Array.from({ length: 1 + ROUNDS * N }, (_, i) => i + 1),
      );
    }
    // Each program reads its own lead 3, and a number it has not reached is a 404.
    const mine = await call(ctx, 'GET', '/v1/leads/3', undefined, 200);
    const theirs = await ctx.request('GET', '/v1/leads/3', undefined, as(other.apiKey));
    expect(theirs.statusCode).toBe(200);
    expect(theirs.json().data.id).toBe(3);
    expect(mine.data.id).toBe(3);
    await call(ctx, 'GET', `/v1/leads/${2 + ROUNDS * N}`, undefined, 404);
    // Convert and reject address the number; the reward's note names it too.
    const converted = await call(
      ctx,
      'POST',
      '/v1/leads/convert',
      { id: 3, commission_transaction_amount: 100 },
      200,
    );
    expect(converted.data).toMatchObject({ id: 3, status: 'converted' });
    const reward = await call(ctx, 'GET', `/v1/rewards/${converted.data.reward}`, undefined, 200);
    expect(reward.data.note).toMatch(/^Lead 3 /);
    expect((await call(ctx, 'POST', '/v1/leads/reject', { id: 4 }, 200)).data.id).toBe(4);
    // The other program's lead 3 is untouched.
    const still = await ctx.request('GET', '/v1/leads/3', undefined, as(other.apiKey));
    expect(still.json().data.status).toBe('pending');
    // A deleted lead's number is never handed out again.
    const last = 1 + ROUNDS * N;
    await call(ctx, 'DELETE', `/v1/leads/${last}`, undefined, 200);
    expect((await submit(ctx.apiKey, 0)).json().data.id).toBe(last + 1);
  });

  it('numbers payout requests per program, concurrent requests included', async () => {
    for (let round = 0; round < ROUNDS; round++) {
      for (const key of [ctx.apiKey, other.apiKey]) {
        for (let p = 0; p < N; p++) {
          const bonus = await ctx.request(
            'POST',
            `/v1/partners/p${p}/reward`,
            { amount: 5 },
            as(key),
          );
          expect(bonus.statusCode).toBe(201);
        }
      }
      const answers = await Promise.all(
        Array.from({ length: 2 * N }, (_, i) =>
          ctx.request(
            'POST',
            '/v1/payout_requests',
            { partner: { id: `p${Math.floor(i / 2)}` }, amount_units: 'USD' },
            as(i % 2 === 0 ? ctx.apiKey : other.apiKey),
          ),
        ),
      );
      expect(
        answers.map((a) => a.statusCode),
        answers.map((a) => a.body).join(' | '),
      ).toEqual(Array(2 * N).fill(201));
    }
    for (const key of [ctx.apiKey, other.apiKey]) {
      const list = await ctx.request(
        'GET',
        '/v1/payout_requests?limit=100&sort=asc',
        undefined,
        as(key),
      );
      const requests = list.json().data as { id: number; rewards: string[] }[];
      expect(requests.map((r) => r.id)).toEqual(
        Array.from({ length: ROUNDS * N }, (_, i) => i + 1),
      );
      // Each request holds its own reward, and the reward names the request by its number.
      for (const request of requests) {
        expect(request.rewards).toHaveLength(1);
        const reward = await ctx.request(
          'GET',
          `/v1/rewards/${request.rewards[0]}`,
          undefined,
          as(key),
        );
        expect(reward.json().data.payout_request).toBe(request.id);
      }
    }
    // Paying request 1 of this program pays its reward only, not the other program's request 1.
    await call(ctx, 'POST', '/v1/payout_requests/1/approve', undefined, 200);
    const paid = await call(ctx, 'POST', '/v1/payout_requests/1/mark_as_paid', undefined, 200);
    expect(paid.data).toMatchObject({ id: 1, status: 'finished' });
    const theirs = await ctx.request('GET', '/v1/payout_requests/1', undefined, as(other.apiKey));
    expect(theirs.json().data.status).toBe('requested');
    const theirReward = await ctx.request(
      'GET',
      `/v1/rewards/${theirs.json().data.rewards[0]}`,
      undefined,
      as(other.apiKey),
    );
    expect(theirReward.json().data.status).toBe('approved');
    // Rejecting releases this program's rewards only.
    await call(ctx, 'POST', '/v1/payout_requests/2/reject', undefined, 200);
    const theirs2 = await ctx.request('GET', '/v1/payout_requests/2', undefined, as(other.apiKey));
    expect(theirs2.json().data.rewards).toHaveLength(1);
  });
});

// Rows made before the migration keep answering at the id they were given.
describe.each(engines)('migration 0012 on an existing %s database', (engine) => {
  let store: Store | undefined;
  let dir: string | undefined;
  afterEach(async () => {
    await store?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('keeps every existing lead and payout-request id, and continues after the highest', async () => {
    if (engine === 'sqlite') {
      dir = mkdtempSync(join(tmpdir(), 'hookline-0012-'));
      store = await openStore({ engine, filename: join(dir, 'db.sqlite') });
    } else {
      store = await openStore(
        { engine, connectionString: TEST_POSTGRES_URL },
        { schema: `t_${randomBytes(6).toString('hex')}`, poolSize: 2 },
      );
    }
    const s = store;
    const before = Object.fromEntries(
      Object.entries(migrations(s.engine)).filter(([name]) => name < '0012'),
    );
    const migrator = new Migrator({
      db: s.db,
      provider: { getMigrations: async () => before },
      ...(s.postgres ? { migrationTableSchema: s.postgres.schema } : {}),
    });
    expect((await migrator.migrateToLatest()).error).toBeUndefined();
    // biome-ignore lint/suspicious/noExplicitAny: the tables predate the typed schema's columns
    const db = s.db as any;
    const lead = (programId: string, email: string) => ({
      program_id: programId,
      partner_id: 'p',
      name: null,
      email,
      status: 'pending',
      amount_minor: null,
      amount_units: null,
      reward_id: null,
      created_at: 1,
      updated_at: 1,
      converted_at: null,
      rejected_at: null,
    });
    // One installation-wide sequence: A gets 1 and 3, B gets 2.
    for (const [programId, email] of [
      ['prgA', 'a1@x.com'],
      ['prgB', 'b1@x.com'],
      ['prgA', 'a2@x.com'],
    ] as const) {
      await db.insertInto('leads').values(lead(programId, email)).execute();
    }
    const payout = (programId: string) => ({
      program_id: programId,
      partner_id: 'p',
      status: 'requested',
      amount_minor: 500,
      amount_units: 'USD',
      gateway: null,
      payout_settings: '{}',
      created_at: 1,
      updated_at: 1,
      approved_at: null,
      paid_at: null,
      rejected_at: null,
    });
    await db.insertInto('payout_requests').values(payout('prgB')).execute(); // 1
    await db.insertInto('payout_requests').values(payout('prgA')).execute(); // 2
    for (const [id, programId, payoutId] of [
      ['rwd_a', 'prgA', 2],
      ['rwd_b', 'prgB', 1],
    ] as const) {
      await db
        .insertInto('rewards')
        .values({
          id,
          program_id: programId,
          transaction_id: null,
          partner_id: 'p',
          customer_id: null,
          action: 'bonus',
          status: 'approved',
          amount_minor: 500,
          amount_units: 'USD',
          is_currency: 1,
          credit: 0,
          product_id: null,
          product_type: null,
          review_ends_at: null,
          created_at: 1,
          updated_at: 1,
          approved_at: 1,
          paid_at: null,
          deleted_at: null,
          note: null,
          payout_request_id: payoutId,
        })
        .execute();
    }

    const report = await migrateToLatest(s);
    expect(report.applied).toContain('0012_per_program_numbers');
    expect((await getLead(s.db, 'prgA', 1)).email).toBe('a1@x.com');
    expect((await getLead(s.db, 'prgA', 3)).email).toBe('a2@x.com');
    expect((await getLead(s.db, 'prgB', 2)).email).toBe('b1@x.com');
    await expect(getLead(s.db, 'prgB', 1)).rejects.toThrow('Lead not found');
    expect(await getPayoutRequest(s.db, 'prgA', 2)).toMatchObject({ id: 2, rewards: ['rwd_a'] });
    expect(await getPayoutRequest(s.db, 'prgB', 1)).toMatchObject({ id: 1, rewards: ['rwd_b'] });
    // New numbers follow each program's highest; a program with none starts at 1.
    expect(await nextNumber(s.db, 'prgA', 'leads')).toBe(4);
    expect(await nextNumber(s.db, 'prgB', 'leads')).toBe(3);
    expect(await nextNumber(s.db, 'prgC', 'leads')).toBe(1);
    expect(await nextNumber(s.db, 'prgA', 'payout_requests')).toBe(3);
    expect(await nextNumber(s.db, 'prgB', 'payout_requests')).toBe(2);
  });
});
