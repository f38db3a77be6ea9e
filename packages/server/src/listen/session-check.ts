import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';

/** Why the server ends a listener session by itself. */
export type SessionEndReason = 'api_key_revoked' | 'listener_stopped';

/** What a listener session was opened with: the listener, and the API key that opened it. */
export interface SessionCredentials {
  readonly listenerId: string;
  /** The principal's key id; one that names no key row (a sign-in-link session) is not checked. */
  readonly apiKeyId: string;
}

/**
 * Reads, in one round of queries, which of the given sessions must end: their key was revoked
 * (by any process sharing the database), or their listener was stopped or deleted. Sessions
 * that may go on are absent from the answer.
 */
export type SessionCheck = (
  sessions: readonly SessionCredentials[],
) => Promise<ReadonlyMap<SessionCredentials, SessionEndReason>>;

/** Ids per `in (...)` list: far under SQLite's and PostgreSQL's parameter limits. */
const CHUNK = 500;

/** What a session end tells the client, in the stream's last event. */
export const SESSION_END_MESSAGES: Readonly<Record<SessionEndReason, string>> = {
  api_key_revoked: 'The API key of this session was revoked.',
  listener_stopped: 'This listener was stopped.',
};

/**
 * The {@link SessionCheck} against the database: two primary-key reads (`webhooks`, `api_keys`)
 * per {@link CHUNK} distinct ids, whatever the number of sessions. API keys are never deleted,
 * so a key id without a row is not a key (a dashboard session opened through a sign-in link):
 * only its listener is checked.
 */
export function createSessionCheck(db: Kysely<Database>): SessionCheck {
  return async (sessions) => {
    const listenerIds = [...new Set(sessions.map((s) => s.listenerId))];
    const keyIds = [...new Set(sessions.map((s) => s.apiKeyId))];
    const active = new Set<string>();
    for (const ids of chunks(listenerIds)) {
      const rows = await db
        .selectFrom('webhooks')
        .select(['id', 'is_active'])
        .where('id', 'in', ids)
        .execute();
      for (const row of rows) if (row.is_active === 1) active.add(row.id);
    }
    const revoked = new Set<string>();
    for (const ids of chunks(keyIds)) {
      const rows = await db
        .selectFrom('api_keys')
        .select(['id', 'revoked_at'])
        .where('id', 'in', ids)
        .execute();
      for (const row of rows) if (row.revoked_at !== null) revoked.add(row.id);
    }
    const ended = new Map<SessionCredentials, SessionEndReason>();
    for (const session of sessions) {
      if (revoked.has(session.apiKeyId)) ended.set(session, 'api_key_revoked');
      else if (!active.has(session.listenerId)) ended.set(session, 'listener_stopped');
    }
    return ended;
  };
}

function* chunks(ids: readonly string[]): Generator<string[]> {
  for (let i = 0; i < ids.length; i += CHUNK) yield ids.slice(i, i + CHUNK);
}
