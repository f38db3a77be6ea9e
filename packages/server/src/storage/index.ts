export { engineOf, openStore, sqlTransaction } from './database.js';
export type { Store, OpenStoreOptions, SqlRunner } from './database.js';
export { migrateToLatest } from './migrate.js';
export type { MigrationReport } from './migrate.js';
export type { Engine } from './migrations.js';
export type * from './schema.js';
export { isUniqueViolation } from './errors.js';
export { createGroupCommit } from './group-commit.js';
export type { GroupCommit } from './group-commit.js';
