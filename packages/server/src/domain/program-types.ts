import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';
import { ALL_EVENTS, eventsAllowedFor, isEventType } from '../webhooks/catalog.js';
import type { ProgramType } from '../webhooks/catalog.js';
import { validationFailed } from './errors.js';
import { loadSettings } from './program-settings.js';

/**
 * Program types (Partnero's affiliate, refer-a-friend and newsletter programs) decide which
 * events a program has and which resources it hosts. "Partnero rejects events its program does
 * not support": a webhook subscribing to one is a 422 naming it, and `*` means every event of
 * the program's type.
 */

export { eventsAllowedFor };

const LABEL: Record<ProgramType, string> = {
  affiliate: 'affiliate',
  'refer-a-friend': 'refer-a-friend',
  newsletter: 'newsletter',
};

/** The program's type (default `affiliate`). */
export async function programTypeOf(db: Kysely<Database>, programId: string): Promise<ProgramType> {
  return (await loadSettings(db, programId)).program_type;
}

/** The events a program of `type` lacks, among `events` (unknown names and `*` excluded). */
export function eventsNotAllowed(type: ProgramType, events: readonly string[]): string[] {
  const allowed = new Set<string>(eventsAllowedFor(type));
  return events.filter((e) => e !== ALL_EVENTS && isEventType(e) && !allowed.has(e));
}

/**
 * Refuses (422, one message per offending `events.<index>`) events that the program's type
 * does not have. Unknown names are left to the caller's own check. `undefined` passes.
 *
 * @example await assertEventsAllowed(db, programId, body.events) // in webhook create/update
 */
export async function assertEventsAllowed(
  db: Kysely<Database>,
  programId: string,
  events: readonly string[] | undefined,
): Promise<void> {
  if (events === undefined) return;
  const type = await programTypeOf(db, programId);
  const refused = new Set(eventsNotAllowed(type, events));
  if (refused.size === 0) return;
  const errors: Record<string, string[]> = {};
  events.forEach((event, i) => {
    if (refused.has(event)) {
      errors[`events.${i}`] = [
        `The event "${event}" is not available in ${LABEL[type]} programs. Available: ${eventsAllowedFor(type).join(', ')}.`,
      ];
    }
  });
  throw validationFailed(errors);
}

/**
 * Refuses (422) a resource of another program type: leads in a newsletter program, for
 * example. `what` names the resource in the message ("Leads").
 */
export async function requireProgramType(
  db: Kysely<Database>,
  programId: string,
  types: readonly ProgramType[],
  what: string,
): Promise<ProgramType> {
  const type = await programTypeOf(db, programId);
  if (!types.includes(type)) {
    const list = types.map((t) => LABEL[t]).join(' or ');
    throw validationFailed({
      program_type: [`${what} exist only in ${list} programs; this program is ${LABEL[type]}.`],
    });
  }
  return type;
}

/**
 * Refuses (422) changing the program to a type that lacks events its webhooks subscribe to,
 * naming each webhook and event, so no subscription silently stops firing.
 */
export async function assertTypeChangeAllowed(
  db: Kysely<Database>,
  programId: string,
  next: ProgramType,
): Promise<void> {
  // Partners' postbacks do not hold a type back: they belong to the affiliate portal, which
  // other types do not have, and the events they follow simply stop (docs/partner-portal.md).
  const webhooks = await db
    .selectFrom('webhooks')
    .select(['key', 'events'])
    .where('program_id', '=', programId)
    .where('kind', '!=', 'postback')
    .orderBy('id')
    .execute();
  const problems: string[] = [];
  for (const w of webhooks) {
    const refused = eventsNotAllowed(next, JSON.parse(w.events) as string[]);
    if (refused.length > 0) problems.push(`webhook "${w.key}" subscribes to ${refused.join(', ')}`);
  }
  if (problems.length > 0) {
    throw validationFailed({
      program_type: [
        `A ${LABEL[next]} program lacks events that webhooks subscribe to (${problems.join('; ')}). Change those webhooks first.`,
      ],
    });
  }
}
