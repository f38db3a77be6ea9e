import type { Kysely } from 'kysely';
import type { Database } from '../storage/index.js';

/** A program's stored name and settings JSON, as {@link changeProgram} hands them over. */
export interface StoredProgram {
  readonly name: string;
  /** `programs.settings`: JSON whose meaning belongs to `domain/program-settings.ts`. */
  readonly settings: string;
}

/** What a change writes: new settings JSON, and a new name when given. */
export interface ProgramChange {
  readonly settings: string;
  readonly name?: string | undefined;
}

/**
 * Transition "change a program" (`PUT /v1/program`, `PUT /v1/settings`): a read-modify-write of
 * its name and settings in one transaction, with the program's row locked before the read, so
 * concurrent changes of different fields apply in turn (PostgreSQL re-reads after the wait,
 * READ COMMITTED) instead of the later one writing back settings read before the earlier one
 * committed (test/domain/create-races.test.ts). `change` runs inside the transaction with its
 * handle: it may read other tables and throw to refuse (nothing is written then). What the
 * settings mean is the caller's (partner-program rules); the row is this module's.
 *
 * @returns false for an unknown program (nothing written)
 */
export async function changeProgram(
  db: Kysely<Database>,
  programId: string,
  now: number,
  change: (trx: Kysely<Database>, current: StoredProgram) => Promise<ProgramChange>,
): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    // The lock: a write to the row before reading it.
    const locked = await trx
      .updateTable('programs')
      .set({ updated_at: now })
      .where('id', '=', programId)
      .executeTakeFirst();
    if (Number(locked.numUpdatedRows) === 0) return false;
    const current = await trx
      .selectFrom('programs')
      .select(['name', 'settings'])
      .where('id', '=', programId)
      .executeTakeFirstOrThrow();
    const next = await change(trx, current);
    await trx
      .updateTable('programs')
      .set({
        settings: next.settings,
        updated_at: now,
        ...(next.name !== undefined ? { name: next.name } : {}),
      })
      .where('id', '=', programId)
      .execute();
    return true;
  });
}
