import { defaultServerConditions } from 'vite';
import { defineConfig } from 'vitest/config';

// One runner for every package. Files run in parallel (forks), each with its own database
// (a temp SQLite file, or a PostgreSQL schema in a database made for this run and dropped when
// it ends), so they cannot see each other's rows.
export default defineConfig({
  // Workspace packages resolve to their TypeScript sources in tests (no build needed first).
  ssr: { resolve: { conditions: ['@hookline/source', ...defaultServerConditions] } },
  test: {
    include: ['packages/*/test/**/*.test.ts', 'bench/test/**/*.test.ts'],
    globalSetup: ['packages/server/test/helpers/postgres-run-database.ts'],
    pool: 'forks',
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    reporters: ['default'],
  },
});
