import { Migrator } from 'kysely';
import { migrations } from './migrations.js';
import type { Store } from './database.js';

/** Outcome of {@link migrateToLatest}: the migrations that ran, in order. */
export interface MigrationReport {
  readonly applied: readonly string[];
}

/**
 * Applies every pending migration. Safe to call from several processes at once: Kysely's
 * migrator takes a lock table first, so concurrent `hookline worker` starts do not race.
 *
 * @throws the first migration error, with the names that did apply before it in `cause`
 */
export async function migrateToLatest(store: Store): Promise<MigrationReport> {
  const migrator = new Migrator({
    db: store.db,
    provider: { getMigrations: async () => migrations(store.engine) },
    ...(store.postgres ? { migrationTableSchema: store.postgres.schema } : {}),
  });
  const { error, results = [] } = await migrator.migrateToLatest();
  const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
  if (error) {
    throw new Error(`Migration failed after applying [${applied.join(', ')}]`, { cause: error });
  }
  return { applied };
}
