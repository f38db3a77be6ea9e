import { chmodSync, existsSync } from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import type { DatabaseTarget } from '../config/config.js';

/** Progress of {@link backupSqlite}: pages copied so far of the total. */
export interface BackupReport {
  readonly totalPages: number;
  readonly file: string;
}

/**
 * Copies a live SQLite database to `file` with SQLite's online backup API, page by page, while
 * the service keeps reading and writing it (WAL): the copy is a consistent snapshot of one
 * moment, unlike a `cp` of the file, which can catch a half-written page or miss the WAL.
 * The copy is made readable by its owner only (it holds signing secrets and API-key hashes).
 *
 * @throws when `target` is not SQLite (PostgreSQL is backed up with `pg_dump`, see
 *   docs/operations.md) or `file` already exists
 */
export async function backupSqlite(target: DatabaseTarget, file: string): Promise<BackupReport> {
  if (target.engine !== 'sqlite') {
    throw new BackupError(
      'hookline backup copies the embedded SQLite database; for PostgreSQL use pg_dump (see docs/operations.md, "Backup and restore")',
    );
  }
  if (target.filename === ':memory:')
    throw new BackupError('an in-memory database has no file to back up');
  if (!existsSync(target.filename)) throw new BackupError(`no database at ${target.filename}`);
  if (existsSync(file)) throw new BackupError(`${file} already exists; choose a new file name`);
  const source = new SqliteDatabase(target.filename, { fileMustExist: true });
  try {
    source.pragma('busy_timeout = 5000');
    const { totalPages } = await source.backup(file);
    chmodSync(file, 0o600);
    return { totalPages, file };
  } finally {
    source.close();
  }
}

/** A backup that cannot be made, in words for the operator. */
export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}
