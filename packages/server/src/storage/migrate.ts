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
  for (let attempt = 1; ; attempt++) {
    const { error, results = [] } = await migrator.migrateToLatest();
    const applied = results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
    if (!error) return { applied };
    // Kysely looks for its bookkeeping tables by listing every schema of the database and
    // asking has_schema_privilege() of each; a schema dropped by someone else between the two
    // (parallel test runs, another tenant's teardown) fails that query with 3F000 (seen once in
    // CI=true npm test). The migrator records what it applied, so running it again is safe.
    if (attempt < MAX_ATTEMPTS && isSchemaGoneRace(error)) continue;
    throw new Error(`Migration failed after applying [${applied.join(', ')}]`, { cause: error });
  }
}

const MAX_ATTEMPTS = 3;

function isSchemaGoneRace(error: unknown): boolean {
  return (error as { code?: unknown } | null)?.code === '3F000';
}
