import { deliveryBody } from '../../src/deliveries/index.js';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { expect } from 'vitest';
import { getEventType, jsonSchemaOf } from '../../src/webhooks/catalog.js';
import type { TestContext } from '../helpers/context.js';

const ajv = new Ajv2020({ allErrors: true, strict: false });
const validators = new Map<string, ReturnType<typeof ajv.compile>>();

/**
 * Validates an event's `data` against the catalog's published JSON Schema with an
 * independent validator (ajv), not the zod schema it was generated from.
 */
export function expectValidData(type: string, data: unknown): void {
  const definition = getEventType(type);
  if (!definition) throw new Error(`unknown event type ${type}`);
  let validate = validators.get(type);
  if (!validate) {
    validate = ajv.compile(jsonSchemaOf(definition));
    validators.set(type, validate);
  }
  const valid = validate(data);
  expect(validate.errors ?? [], `${type} data should match its JSON Schema`).toEqual([]);
  expect(valid).toBe(true);
}

/** A recorded event with its deliveries' parsed envelopes. */
export interface RecordedEvent {
  id: string;
  type: string;
  source: string;
  data: Record<string, unknown>;
  deliveries: { status: string; webhook_key: string; body: Record<string, unknown> }[];
}

/** Every event of the context's program, oldest first, with deliveries. */
export async function recordedEvents(
  ctx: TestContext,
  programId = ctx.programId,
): Promise<RecordedEvent[]> {
  const db = ctx.store.db;
  const events = await db
    .selectFrom('events')
    .selectAll()
    .where('program_id', '=', programId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const deliveries = await db
    .selectFrom('deliveries')
    .select(['event_id', 'event_type', 'status', 'url', 'webhook_key', 'created_at'])
    .where('program_id', '=', programId)
    .execute();
  return events.map((e) => ({
    id: e.id,
    type: e.type,
    source: e.source,
    data: JSON.parse(e.data) as Record<string, unknown>,
    deliveries: deliveries
      .filter((d) => d.event_id === e.id)
      .map((d) => ({
        status: d.status,
        webhook_key: d.webhook_key,
        body: JSON.parse(deliveryBody(d, e.data)) as Record<string, unknown>,
      })),
  }));
}

/** Number of event rows of the program (to prove that a refused change fired nothing). */
export async function eventCount(ctx: TestContext, programId = ctx.programId): Promise<number> {
  const row = await ctx.store.db
    .selectFrom('events')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('program_id', '=', programId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Subscribes a webhook to every event so that each event gets a pending delivery. */
export async function subscribeAll(ctx: TestContext, key = 'allhook'): Promise<void> {
  const res = await ctx.request('POST', '/v1/webhooks', {
    name: 'all',
    url: 'https://receiver.example.com/hooks',
    events: ['*'],
    key,
  });
  expect(res.statusCode).toBe(201);
}

/** Sends a request and asserts its status, returning the parsed body. */
export async function call(
  ctx: TestContext,
  method: 'GET' | 'POST' | 'PUT' | 'DELETE',
  url: string,
  body: unknown,
  status: number,
  // biome-ignore lint/suspicious/noExplicitAny: test bodies are read loosely
): Promise<any> {
  const res = await ctx.request(method, url, body);
  expect(res.statusCode, `${method} ${url} → ${res.body}`).toBe(status);
  return res.json();
}
