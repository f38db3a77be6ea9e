import { z } from 'zod';
import { getEventType, jsonSchemaOf, listEventTypes } from '../../webhooks/catalog.js';
import type { EventTypeDefinition } from '../../webhooks/catalog.js';
import type { Api, ResolvedDeps } from '../app.js';
import { notFound } from '../errors.js';
import { ok } from '../responses.js';
import { eventTypeData, eventTypeList } from './event-type-schemas.js';

function present(definition: EventTypeDefinition) {
  return {
    name: definition.name,
    resource: definition.resource,
    description: definition.description,
    schema: jsonSchemaOf(definition),
    sample: definition.sample,
  };
}

/** The catalog: `GET /v1/event-types` and `GET /v1/event-types/{name}`. */
export function registerEventTypeRoutes(app: Api, _deps: ResolvedDeps): void {
  app.get(
    '/event-types',
    {
      schema: {
        tags: ['event types'],
        summary: 'List the event types',
        response: { 200: eventTypeList },
      },
    },
    async () => ok(listEventTypes().map(present)),
  );
  app.get(
    '/event-types/:name',
    {
      schema: {
        tags: ['event types'],
        summary: 'Show one event type with its JSON Schema and sample',
        params: z.object({ name: z.string() }),
        response: { 200: eventTypeData },
      },
    },
    async (request) => {
      const definition = getEventType(request.params.name);
      if (!definition) throw notFound('Event type');
      return ok(present(definition));
    },
  );
}
