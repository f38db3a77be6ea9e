/**
 * True for a unique-constraint violation on either engine (PostgreSQL SQLSTATE 23505, SQLite's
 * constraint codes). Callers turn it into a 422 "already taken" or a replay.
 */
export function isUniqueViolation(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return (
    e?.code === '23505' ||
    e?.code === 'SQLITE_CONSTRAINT_UNIQUE' ||
    e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    /UNIQUE constraint failed/.test(e?.message ?? '')
  );
}

/**
 * True for PostgreSQL's refusal of a prepared statement whose result's column types changed
 * since it was parsed (SQLSTATE 0A000, "cached plan must not change result type"): a migration
 * altered a column it returns. The connection prepares it again under a new name (database.ts).
 */
export function isStalePlan(error: unknown): boolean {
  const e = error as { code?: string; message?: string } | null;
  return (
    e?.code === '0A000' && (e.message ?? '').includes('cached plan must not change result type')
  );
}
