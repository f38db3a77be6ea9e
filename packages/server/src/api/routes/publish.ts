import { IDEMPOTENCY_WINDOW_MS } from '../../outbox/idempotency-window.js';
import { createHash } from 'node:crypto';
import type { Kysely, Selectable } from 'kysely';
import { z } from 'zod';
import { isUniqueViolation } from '../../storage/index.js';
import type { Database, EventsTable } from '../../storage/index.js';
import { eventDeliveriesQuery } from '../../deliveries/index.js';
import { recordEvent } from '../../outbox/outbox.js';
import type { RecordedEvent } from '../../outbox/outbox.js';
import { createPublisher } from '../../outbox/publisher.js';
import { getEventType } from '../../webhooks/catalog.js';
import { formatTimestamp } from '../../util/time.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { MAX_FIELD_ERRORS, notFound, validationFailed } from '../errors.js';
import { fieldErrors } from '../validation-errors.js';
import { validationMessage, valueAt } from '../validation-message.js';
import { offsetOf, ok, pageQuery, paginate } from '../responses.js';
import { presentDeliverySummary } from './deliveries-present.js';
import { eventResponses } from './publish-schemas.js';
import type { Event, EventSummary } from './publish-schemas.js';

const publishBody = z.object({
  event: z.string().min(1).max(100),
  data: z.record(z.string(), z.unknown()),
});

const listQuery = pageQuery.extend({
  event: z.string().max(100).optional(),
  /** Order by creation: `desc` (newest first, the default) or `asc`. */
  sort: z.enum(['asc', 'desc']).optional(),
});

/** Publishing and reading events: `POST|GET /v1/events`, `GET /v1/events/{id}`. */
export function registerEventRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  const tags = ['events'];

  const publisher = createPublisher(deps.store);

  app.post(
    '/events',
    {
      schema: {
        tags,
        summary: 'Publish an event to every subscribed webhook',
        description:
          "Validates `data` against the event type's schema, records the event and one delivery per subscribed active webhook in one transaction. Send `Idempotency-Key` to make retries safe for 24 h.",
        body: publishBody,
        headers: z.object({ 'idempotency-key': z.string().min(1).max(255).optional() }),
        response: eventResponses.publish,
      },
    },
    async (request, reply) => {
      const { programId } = principalOf(request);
      const { event, data } = request.body;
      const definition = getEventType(event);
      if (!definition) {
        throw validationFailed({
          event: [`Unknown event "${event}". See GET /v1/event-types for the list.`],
        });
      }
      const parsed = definition.schema.safeParse(data);
      if (!parsed.success) {
        // Only the fields an error body lists are worded (100,000 wrong items are counted, not
        // described); the map is prototype-free, as field names come from the client's data.
        const errors = new Map<string, string[]>();
        const fields = new Set<string>();
        for (const issue of parsed.error.issues) {
          const field = ['data', ...issue.path.map(String)].join('.');
          fields.add(field);
          if (fields.size > MAX_FIELD_ERRORS) continue;
          errors.set(field, [
            ...(errors.get(field) ?? []),
            validationMessage(field, issue, valueAt(data, issue.path)),
          ]);
        }
        throw validationFailed(fieldErrors(errors), fields.size);
      }

      const idempotencyKey = request.headers['idempotency-key'];
      // Only an idempotent request needs the hash of its body.
      const requestHash =
        idempotencyKey === undefined
          ? ''
          : createHash('sha256').update(JSON.stringify(request.body)).digest('hex');
      const now = deps.clock();

      // The stored answer for this key, or undefined. It returns the answer rather than sending
      // it: a Fastify reply is a thenable, so `await`ing a function that returns one resolves to
      // undefined once it is sent, and the caller went on as if nothing had been replayed.
      const storedAnswer = async (): Promise<{ status: number; body: unknown } | undefined> => {
        if (idempotencyKey === undefined) return undefined;
        const stored = await db
          .selectFrom('idempotency_keys')
          .selectAll()
          .where('program_id', '=', programId)
          .where('key', '=', idempotencyKey)
          .executeTakeFirst();
        if (!stored || stored.created_at <= now - IDEMPOTENCY_WINDOW_MS) return undefined;
        if (stored.request_hash !== requestHash) {
          throw validationFailed({
            'Idempotency-Key': [
              'This Idempotency-Key was already used with a different request body.',
            ],
          });
        }
        return { status: stored.status_code, body: JSON.parse(stored.response) };
      };
      const replay = (answer: { status: number; body: unknown }) =>
        reply
          .code(answer.status as 201)
          .header('idempotent-replayed', 'true')
          .send(answer.body as never);

      const earlier = await storedAnswer();
      if (earlier) return replay(earlier);

      const input = {
        programId,
        type: event,
        data,
        now,
        firstAttemptDelayMs: deps.config.retrySchedule[0] ?? 0,
      };
      let published: Event;
      if (idempotencyKey === undefined) {
        // The common path: grouped commits on SQLite, one statement on PostgreSQL, and the
        // answer built from what was written (no read back).
        published = presentRecordedEvent(await publisher.publish(input), data);
      } else {
        try {
          published = await db.transaction().execute(async (trx) => {
            // An expired key is free again.
            await trx
              .deleteFrom('idempotency_keys')
              .where('program_id', '=', programId)
              .where('key', '=', idempotencyKey)
              .where('created_at', '<=', now - IDEMPOTENCY_WINDOW_MS)
              .execute();
            const recorded = presentRecordedEvent(
              await recordEvent(trx, { ...input, source: 'api' }),
              data,
            );
            // The response is stored in the same transaction as the event, so a replay can
            // never point at an event that was rolled back.
            await trx
              .insertInto('idempotency_keys')
              .values({
                program_id: programId,
                key: idempotencyKey,
                request_hash: requestHash,
                status_code: 201,
                response: JSON.stringify(ok(recorded)),
                created_at: now,
              })
              .execute();
            return recorded;
          });
        } catch (error) {
          // A concurrent request with the same key won the race: answer with its result.
          if (isUniqueViolation(error)) {
            const raced = await storedAnswer();
            if (raced) return replay(raced);
          }
          throw error;
        }
      }
      deps.wakeup.wake();
      return reply.code(201).send(ok(published));
    },
  );

  app.get(
    '/events',
    {
      schema: {
        tags,
        summary: 'List events, newest first',
        description: 'Filter: `event`. `sort=asc` lists oldest first.',
        querystring: listQuery,
        response: eventResponses.list,
      },
    },
    async (request) => {
      const { programId } = principalOf(request);
      const paging = request.query;
      let query = db
        .selectFrom('events')
        .selectAll()
        .where('program_id', '=', programId)
        .orderBy('id', paging.sort ?? 'desc')
        .limit(paging.limit + 1)
        .offset(offsetOf(paging));
      if (paging.event !== undefined) query = query.where('type', '=', paging.event);
      const rows = await query.execute();
      return paginate(request, deps.config.publicUrl, paging, rows.map(presentEventSummary));
    },
  );

  app.get(
    '/events/:id',
    {
      schema: {
        tags,
        summary: 'Show an event with its deliveries',
        params: z.object({ id: z.string().max(100) }),
        response: eventResponses.show,
      },
    },
    async (request) => {
      const response = await loadEvent(db, principalOf(request).programId, request.params.id);
      if (!response) throw notFound('Event');
      return ok(response);
    },
  );
}

/** A just recorded event, as the publish answer shows it (built from what was written). */
function presentRecordedEvent(recorded: RecordedEvent, data: unknown): Event {
  return {
    id: recorded.id,
    event: recorded.type,
    source: recorded.source,
    data,
    created_at: formatTimestamp(recorded.createdAt),
    deliveries: recorded.deliveries.map(presentDeliverySummary),
  };
}

/** An event as lists show it. */
function presentEventSummary(row: Selectable<EventsTable>): EventSummary {
  return {
    id: row.id,
    event: row.type,
    source: row.source as EventSummary['source'],
    data: JSON.parse(row.data) as unknown,
    created_at: formatTimestamp(row.created_at),
  };
}

/** An event with its delivery summaries, as the API shows it; `undefined` if not found. */
async function loadEvent(
  db: Kysely<Database>,
  programId: string,
  id: string,
): Promise<Event | undefined> {
  const event = await db
    .selectFrom('events')
    .selectAll()
    .where('program_id', '=', programId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!event) return undefined;
  const deliveries = await eventDeliveriesQuery(db, programId, id).execute();
  return { ...presentEventSummary(event), deliveries: deliveries.map(presentDeliverySummary) };
}
