import { createHash } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { IDEMPOTENCY_WINDOW_MS } from '../../outbox/idempotency-window.js';
import { recordEvent } from '../../outbox/outbox.js';
import { isUniqueViolation } from '../../storage/index.js';
import type { Database } from '../../storage/index.js';
import { formatTimestamp } from '../../util/time.js';
import { getEventType } from '../../webhooks/catalog.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { MAX_FIELD_ERRORS } from '../errors.js';
import { fieldErrors } from '../validation-errors.js';
import { ok } from '../responses.js';
import { validationMessage, valueAt } from '../validation-message.js';
import { presentDeliverySummary } from './deliveries-present.js';
import { eventResponses } from './publish-schemas.js';
import type { BatchItemResult, Event } from './publish-schemas.js';

/** Most events one `POST /v1/events/batch` carries (the 1 MiB body limit still applies). */
export const MAX_BATCH_EVENTS = 100;

const batchBody = z.object({
  // Items are checked one by one below, so that one bad item gets its own errors instead of
  // failing the whole request (a backfill must not fail whole for one bad item).
  events: z.array(z.unknown()).min(1).max(MAX_BATCH_EVENTS),
});

/** One item once checked: what to record, or its errors. */
type Checked =
  | {
      readonly ok: true;
      readonly event: string;
      readonly data: Record<string, unknown>;
      readonly key: string | undefined;
      /** Hash of `{event, data}`, as `POST /v1/events` hashes its body for `Idempotency-Key`. */
      readonly hash: string;
    }
  | { readonly ok: false; readonly errors: Record<string, string[]> };

/** Checks one item: its shape, its event type, its data against the type's schema. */
function checkItem(item: unknown): Checked {
  const errors = new Map<string, string[]>();
  const add = (field: string, message: string) => {
    if (errors.size >= MAX_FIELD_ERRORS && !errors.has(field)) return;
    errors.set(field, [...(errors.get(field) ?? []), message]);
  };
  if (typeof item !== 'object' || item === null || Array.isArray(item)) {
    return { ok: false, errors: { item: ['Each item must be an object with event and data.'] } };
  }
  const { event, data, idempotency_key: key } = item as Record<string, unknown>;
  for (const field of Object.keys(item)) {
    if (!['event', 'data', 'idempotency_key'].includes(field)) {
      add(
        field,
        `The ${field} field is not supported. Supported fields: event, data, idempotency_key.`,
      );
    }
  }
  if (typeof event !== 'string' || event.length === 0 || event.length > 100) {
    add('event', 'The event field is required: an event type of 1 to 100 characters.');
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    add('data', 'The data field is required and must be an object.');
  }
  if (key !== undefined && (typeof key !== 'string' || key.length === 0 || key.length > 255)) {
    add('idempotency_key', 'The idempotency_key must be a string of 1 to 255 characters.');
  }
  if (errors.size === 0) {
    const definition = getEventType(event as string);
    if (!definition) {
      add('event', `Unknown event "${event as string}". See GET /v1/event-types for the list.`);
    } else {
      const parsed = definition.schema.safeParse(data);
      if (!parsed.success) {
        for (const issue of parsed.error.issues) {
          const field = ['data', ...issue.path.map(String)].join('.');
          add(field, validationMessage(field, issue, valueAt(data, issue.path)));
        }
      }
    }
  }
  if (errors.size > 0) return { ok: false, errors: fieldErrors(errors) };
  const body = { event: event as string, data: data as Record<string, unknown> };
  return {
    ok: true,
    ...body,
    key: key as string | undefined,
    hash: createHash('sha256').update(JSON.stringify(body)).digest('hex'),
  };
}

/**
 * `POST /v1/events/batch`: up to {@link MAX_BATCH_EVENTS} events, each with its own optional
 * `idempotency_key`. Every valid event is recorded in one transaction (with its deliveries, and
 * its key stored as `POST /v1/events` stores an `Idempotency-Key`, so either route replays the
 * other's); every invalid one gets its errors. The answer is 200 with one result per item, in
 * order: `created` (`event_id`), `replayed` (the key was used with the same event within 24 h:
 * the earlier `event_id`) or `invalid` (`errors`).
 */
export function registerEventBatchRoute(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  app.post(
    '/events/batch',
    {
      schema: {
        tags: ['events'],
        summary: 'Publish up to 100 events at once',
        description:
          'Each item is `{event, data, idempotency_key?}`. Valid items are recorded together in one transaction; invalid ones are not recorded and get their errors. Answers 200 with one result per item, in order: `created` with `event_id`, `replayed` with the `event_id` recorded earlier under the same `idempotency_key` (24 h, shared with the `Idempotency-Key` of `POST /v1/events`), or `invalid` with `errors`. More than 100 items, an empty list or no `events` array is a 422 for the whole request (nothing recorded).',
        body: batchBody,
        response: eventResponses.batch,
      },
    },
    async (request, reply) => {
      const { programId } = principalOf(request);
      const checked = request.body.events.map(checkItem);
      const now = deps.clock();
      const firstAttemptDelayMs = deps.config.retrySchedule[0] ?? 0;
      let results: BatchItemResult[];
      try {
        results = await recordBatch(db, programId, checked, now, firstAttemptDelayMs);
      } catch (error) {
        // A concurrent request stored one of these keys first: the whole transaction rolled
        // back; once more, its keys are now found and replayed.
        if (!isUniqueViolation(error)) throw error;
        results = await recordBatch(db, programId, checked, now, firstAttemptDelayMs);
      }
      if (results.some((r) => r.status === 'created')) deps.wakeup.wake();
      return reply.code(200).send(ok(results));
    },
  );
}

async function recordBatch(
  db: Kysely<Database>,
  programId: string,
  checked: readonly Checked[],
  now: number,
  firstAttemptDelayMs: number,
): Promise<BatchItemResult[]> {
  return db.transaction().execute(async (trx) => {
    const keys = [...new Set(checked.flatMap((c) => (c.ok && c.key !== undefined ? [c.key] : [])))];
    const stored = new Map<string, { hash: string; eventId: string }>();
    if (keys.length > 0) {
      // Expired keys are free again.
      await trx
        .deleteFrom('idempotency_keys')
        .where('program_id', '=', programId)
        .where('key', 'in', keys)
        .where('created_at', '<=', now - IDEMPOTENCY_WINDOW_MS)
        .execute();
      const rows = await trx
        .selectFrom('idempotency_keys')
        .select(['key', 'request_hash', 'response'])
        .where('program_id', '=', programId)
        .where('key', 'in', keys)
        .execute();
      for (const r of rows) {
        const answer = JSON.parse(r.response) as { data?: { id?: string } };
        stored.set(r.key, { hash: r.request_hash, eventId: answer.data?.id ?? '' });
      }
    }
    const results: BatchItemResult[] = [];
    for (const [index, item] of checked.entries()) {
      if (!item.ok) {
        results.push({ index, status: 'invalid', errors: item.errors });
        continue;
      }
      const earlier = item.key === undefined ? undefined : stored.get(item.key);
      if (earlier) {
        results.push(
          earlier.hash === item.hash
            ? { index, status: 'replayed', event_id: earlier.eventId }
            : {
                index,
                status: 'invalid',
                errors: {
                  idempotency_key: [
                    'This idempotency_key was already used with a different event or data.',
                  ],
                },
              },
        );
        continue;
      }
      const recorded = await recordEvent(trx, {
        programId,
        type: item.event,
        data: item.data,
        source: 'api',
        now,
        firstAttemptDelayMs,
      });
      if (item.key !== undefined) {
        const answer: Event = {
          id: recorded.id,
          event: recorded.type,
          source: recorded.source,
          data: item.data,
          created_at: formatTimestamp(recorded.createdAt),
          deliveries: recorded.deliveries.map(presentDeliverySummary),
        };
        await trx
          .insertInto('idempotency_keys')
          .values({
            program_id: programId,
            key: item.key,
            request_hash: item.hash,
            status_code: 201,
            response: JSON.stringify(ok(answer)),
            created_at: now,
          })
          .execute();
        // The same key later in this batch replays this event.
        stored.set(item.key, { hash: item.hash, eventId: recorded.id });
      }
      results.push({ index, status: 'created', event_id: recorded.id });
    }
    return results;
  });
}
