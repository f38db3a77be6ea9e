/**
 * Partner postbacks next to the owner's webhooks (issue 22, "no cost to the owner's webhooks"):
 * the end-to-end run at a fixed rate to the owner's ten healthy webhooks, first quiet, then with
 * 200 partners' postback webhooks (`kind = 'postback'`, delivery lane 1) whose receiver never
 * answers (the 5 s timeout), each with a due backlog. Both phases run in the same environment,
 * one after the other, so the target is a same-run ratio: the owner's p99 with the postbacks at
 * most 2× the quiet one. The dispatcher keeps the owner's share of its in-flight capacity
 * (`HOOKLINE_POSTBACK_SHARE`); without it the postbacks would hold every slot for 5 s at a time.
 *
 * The postbacks are seeded as rows (webhooks of kind `postback`, pending lane-1 deliveries), as
 * the postbacks feature would write them, so this runs before that feature is merged.
 */
import type { Insertable } from 'kysely';
import { pendingDeliveryRow } from '../../../packages/server/src/deliveries/index.js';
import type { DeliveriesTable, EventsTable } from '../../../packages/server/src/storage/index.js';
import { insertWebhook } from '../../../packages/server/src/webhooks/webhook-store.js';
import type { BenchContext } from '../context.js';
import type { BenchDatabase } from '../database.js';
import { sleep } from '../procs.js';
import { startReceivers } from '../receivers.js';
import type { RunResult } from '../results.js';
import { EVENT_TYPE, newId, sampleData } from '../workload.js';
import type { Deployment } from './deployments.js';
import { measurePhase, settleSeconds } from './e2e.js';
import { startEnvironment } from './environment.js';

/** Partners with a postback each. */
export const PARTNERS = 200;
/** Due postbacks seeded per partner: enough to keep the lane saturated through a phase. */
const BACKLOG_PER_PARTNER = 40;
/** The delivery lane of partners' postbacks (packages/server/src/deliveries/lanes.ts). */
const POSTBACK_LANE = 1;

/** Seeds the partners' postback webhooks and their due lane-1 deliveries. */
async function seedPostbacks(db: BenchDatabase, url: string, secret: string): Promise<void> {
  const hooks: { id: string; key: string; url: string }[] = [];
  const now = Date.now();
  for (let i = 0; i < PARTNERS; i++) {
    // Subscribed to nothing the publisher sends (the owner's events must not fan out to them).
    const row = await insertWebhook(db.store.db, {
      programId: db.programId,
      key: `partner${String(i).padStart(5, '0')}`,
      name: `partner ${i} postback`,
      url: `${url}?partner=${i}`,
      events: ['partner.deleted'],
      isActive: true,
      secret,
      // As the postbacks feature creates them: of the postback kind, owned by a partner (the
      // partner rows themselves play no part in delivery).
      kind: 'postback',
      postback: {
        partnerId: `prt_bench${String(i).padStart(5, '0')}`,
        format: 'webhook',
        method: null,
      },
      now,
    });
    hooks.push({ id: row.id, key: row.key, url: row.url });
  }
  const dataJson = JSON.stringify(sampleData());
  for (let round = 0; round < BACKLOG_PER_PARTNER; round++) {
    const now = Date.now();
    const events: Insertable<EventsTable>[] = [];
    const deliveries: Insertable<DeliveriesTable>[] = [];
    for (const w of hooks) {
      const eventId = newId('evt', now);
      events.push({
        id: eventId,
        program_id: db.programId,
        type: EVENT_TYPE,
        data: dataJson,
        source: 'api',
        created_at: now,
      });
      deliveries.push({
        ...pendingDeliveryRow({
          programId: db.programId,
          eventId,
          eventType: EVENT_TYPE,
          webhook: w,
          now,
        }),
        lane: POSTBACK_LANE,
      });
    }
    await db.store.db.transaction().execute(async (trx) => {
      await trx.insertInto('events').values(events).execute();
      await trx.insertInto('deliveries').values(deliveries).execute();
    });
  }
}

/**
 * Runs the quiet phase and the postbacks phase at `eventsPerSecond` on the owner's webhooks.
 * Returns two fairness rows: `fairness/<key>/postbacks-quiet` and `fairness/<key>/postbacks`.
 */
export async function runPostbacks(
  ctx: BenchContext,
  deployment: Deployment,
  eventsPerSecond: number,
): Promise<RunResult[]> {
  const base = { scenario: 'fairness', system: deployment.label } as const;
  const partners = await startReceivers(['timeout'], ctx.secret);
  try {
    const env = await startEnvironment(ctx, deployment, ctx.receivers);
    try {
      const load = { kind: 'rate', eventsPerSecond } as const;
      // A whole phase of warm-up first, as in fairness.ts: the quiet phase is the baseline.
      await measurePhase(ctx, env, ctx.receivers, load, settleSeconds(ctx));
      const quiet = await measurePhase(ctx, env, ctx.receivers, load, ctx.sizes.e2eSeconds);
      const partnerUrl = partners.urls[0];
      if (!partnerUrl) throw new Error('the partners’ receiver has no endpoint');
      await seedPostbacks(env.db, partnerUrl, ctx.secret);
      // The dispatchers find the postbacks at their next poll (seeded rows wake no one) and
      // fill the postback lane with requests that hang for the whole timeout.
      await sleep(1_500);
      const loaded = await measurePhase(ctx, env, ctx.receivers, load, ctx.sizes.e2eSeconds);
      const healthy = (r: typeof quiet.result) => ({
        deliveries: r.deliveries ?? 0,
        deliveriesPerSecond: r.deliveriesPerSecond ?? 0,
        latency: r.latency,
      });
      return [
        {
          ...base,
          id: `fairness/${deployment.key}/postbacks-quiet`,
          variant: 'owner webhooks, no postbacks (baseline of the next row)',
          ...quiet.result,
          healthy: healthy(quiet.result),
        },
        {
          ...base,
          id: `fairness/${deployment.key}/postbacks`,
          variant: `owner webhooks next to ${PARTNERS} partners' timing-out postbacks`,
          ...loaded.result,
          healthy: healthy(loaded.result),
        },
      ];
    } finally {
      await env.close();
    }
  } finally {
    await partners.stop();
  }
}
