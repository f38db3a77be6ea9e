import { loadSettings } from '../../domain/program-settings.js';
import { eventsAllowedFor, getEventType } from '../../webhooks/catalog.js';
import type { Api, ResolvedDeps } from '../app.js';
import { principalOf } from '../auth.js';
import { ok } from '../responses.js';
import { programEventsResponse } from './program-events-schemas.js';

/** `GET /v1/program/events`: the events this program's type has (what webhooks may subscribe to). */
export function registerProgramEventRoutes(app: Api, deps: ResolvedDeps): void {
  app.get(
    '/program/events',
    {
      schema: {
        tags: ['program'],
        summary: "The program's type and the event types it has",
        response: { 200: programEventsResponse },
      },
    },
    async (request) => {
      const { program_type } = await loadSettings(deps.store.db, principalOf(request).programId);
      const events = eventsAllowedFor(program_type).map((name) => {
        const definition = getEventType(name);
        return {
          name,
          resource: definition?.resource ?? name.split('.')[0] ?? '',
          description: definition?.description ?? '',
        };
      });
      return ok({ program_type, events });
    },
  );
}
