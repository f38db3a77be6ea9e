import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cancelForWebhook } from '../../src/deliveries/index.js';
import { recordEvent } from '../../src/outbox/outbox.js';
import { startRetentionJob } from '../../src/retention/retention-job.js';
import { engines } from '../helpers/store.js';
import { createTestContext } from '../helpers/context.js';
import type { TestContext } from '../helpers/context.js';

const DAY = 86_400_000;

describe.each(engines)('retention on %s', (engine) => {
  let ctx: TestContext;
  const now = Date.UTC(2026, 10, 28, 12);
  beforeAll(async () => {
    ctx = await createTestContext(engine);
  });
  afterAll(async () => ctx?.close());

  async function webhookId(key: string): Promise<string> {
    const row = await ctx.store.db
      .selectFrom('webhooks')
      .select('id')
      .where('key', '=', key)
      .executeTakeFirstOrThrow();
    return row.id;
  }

  async function publishAt(time: number): Promise<string> {
    const recorded = await recordEvent(ctx.store.db, {
      programId: ctx.programId,
      type: 'partner.created',
      data: { id: `p_${time}` },
      source: 'api',
      now: time,
    });
    return recorded.id;
  }

  async function addAttempt(eventId: string, time: number): Promise<void> {
    const deliveries = await ctx.store.db
      .selectFrom('deliveries')
      .select(['id', 'webhook_id'])
      .where('event_id', '=', eventId)
      .execute();
    for (const d of deliveries) {
      // Fixture rows: the shape the attempt log has after a failed attempt.
      await ctx.store.db
        .insertInto('attempts')
        .values({
          id: `att_${d.id}`,
          delivery_id: d.id,
          program_id: ctx.programId,
          webhook_id: d.webhook_id,
          number: 1,
          trigger: 'scheduled',
          started_at: time,
          duration_ms: 5,
          request_headers: '{}',
          response_status: 500,
          response_headers: '{}',
          response_body: 'oops',
          succeeded: 0,
          error_class: null,
          error_message: null,
        })
        .execute();
    }
  }

  it('deletes final history past the window in batches, never a pending delivery, and expired keys and sessions', async () => {
    const done = await ctx.createWebhook('http://127.0.0.1:9/done');
    const old: string[] = [];
    for (let i = 0; i < 5; i++) {
      const id = await publishAt(now - 40 * DAY + i);
      await addAttempt(id, now - 40 * DAY + i);
      old.push(id);
    }
    // All of those are final (cancelled); then a second webhook arrives, whose delivery of an
    // old event stays pending, so that event must survive.
    await cancelForWebhook(ctx.store.db, await webhookId(done.key), 'test', now - 39 * DAY);
    const recent = [await publishAt(now - DAY), await publishAt(now - 2 * DAY)];
    await cancelForWebhook(ctx.store.db, await webhookId(done.key), 'test', now - DAY);
    await ctx.createWebhook('http://127.0.0.1:9/pending');
    const stuck = await publishAt(now - 41 * DAY);

    await ctx.store.db
      .insertInto('idempotency_keys')
      .values([
        {
          program_id: ctx.programId,
          key: 'old',
          request_hash: 'h',
          status_code: 201,
          response: '{}',
          created_at: now - 2 * DAY,
        },
        {
          program_id: ctx.programId,
          key: 'new',
          request_hash: 'h',
          status_code: 201,
          response: '{}',
          created_at: now - 3_600_000,
        },
      ])
      .execute();
    await ctx.store.db
      .insertInto('sessions')
      .values([
        {
          id: 'gone',
          program_id: ctx.programId,
          api_key_id: null,
          csrf_token: 'c',
          created_at: now - DAY,
          expires_at: now - 1,
        },
        {
          id: 'live',
          program_id: ctx.programId,
          api_key_id: null,
          csrf_token: 'c',
          created_at: now,
          expires_at: now + DAY,
        },
      ])
      .execute();

    const purged: unknown[] = [];
    const job = startRetentionJob({
      store: ctx.store,
      clock: () => now,
      retentionMs: 30 * DAY,
      batchSize: 2,
      pauseMs: 0,
      intervalMs: 3_600_000,
      onPurged: (counts) => purged.push(counts),
      onError: (error) => {
        throw error;
      },
    });
    try {
      const counts = await job.runOnce();
      expect(counts).toMatchObject({
        events: 5,
        deliveries: 5,
        attempts: 5,
        idempotencyKeys: 1,
        sessions: 1,
      });
      expect(purged).toHaveLength(1);
    } finally {
      await job.stop();
    }

    const events = await ctx.store.db.selectFrom('events').select('id').execute();
    expect(events.map((e) => e.id).sort()).toEqual([...recent, stuck].sort());
    const leftDeliveries = await ctx.store.db
      .selectFrom('deliveries')
      .select(['event_id', 'status'])
      .where('event_id', 'in', old)
      .execute();
    expect(leftDeliveries).toEqual([]);
    const stuckDeliveries = await ctx.store.db
      .selectFrom('deliveries')
      .select('status')
      .where('event_id', '=', stuck)
      .execute();
    expect(stuckDeliveries).toEqual([{ status: 'pending' }, { status: 'pending' }]);
    expect(await ctx.store.db.selectFrom('attempts').select('id').execute()).toEqual([]);
    const keys = await ctx.store.db.selectFrom('idempotency_keys').select('key').execute();
    expect(keys).toEqual([{ key: 'new' }]);
    const sessions = await ctx.store.db.selectFrom('sessions').select('id').execute();
    expect(sessions).toEqual([{ id: 'live' }]);

    if (engine === 'sqlite') {
      // The deleted rows' pages went back to the file system, not only to the free list.
      const mode = await sql<{ auto_vacuum: number }>`pragma auto_vacuum`.execute(ctx.store.db);
      expect(Number(mode.rows[0]?.auto_vacuum)).toBe(2);
      const free = await sql<{ freelist_count: number }>`pragma freelist_count`.execute(
        ctx.store.db,
      );
      expect(Number(free.rows[0]?.freelist_count)).toBe(0);
    }

    // Nothing left to do: a second run deletes nothing.
    const again = startRetentionJob({
      store: ctx.store,
      clock: () => now,
      retentionMs: 30 * DAY,
      onError: () => {},
    });
    expect((await again.runOnce()).events).toBe(0);
    await again.stop();
  });
});
