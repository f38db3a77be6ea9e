export { engineOf, openStore } from './database.js';
export type { Store, OpenStoreOptions } from './database.js';
export { migrateToLatest } from './migrate.js';
export type { MigrationReport } from './migrate.js';
export type { Engine } from './migrations.js';
export type * from './schema.js';
export { isUniqueViolation } from './errors.js';
