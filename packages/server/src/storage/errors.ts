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
