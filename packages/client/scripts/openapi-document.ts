import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import openapiTS, { astToString } from 'openapi-typescript';
import type { OpenAPI3 } from 'openapi-typescript';
import { createApp } from '../../server/src/api/app.js';
import { loadConfig } from '../../server/src/config/config.js';
import { withDashboard } from '../../server/src/dashboard/index.js';
import { withPortal } from '../../server/src/portal/index.js';
import { migrateToLatest, openStore } from '../../server/src/storage/index.js';

/** Where the generated files live, relative to `packages/client`. */
export const GENERATED_FILES = {
  document: 'openapi.json',
  types: 'src/schema.ts',
} as const;

/** The command that rewrites both files; quoted by the staleness test when they differ. */
export const REGENERATE_COMMAND = 'npm run generate --workspace @hookline/client';

/** The two generated files, as the text to write. */
export interface GeneratedFiles {
  readonly document: string;
  readonly types: string;
}

/**
 * Builds the server's app in-process, as `hookline serve` wires it (API plus the dashboard's
 * `/auth` and `/v1/stats` routes), on a throwaway SQLite file, and returns its OpenAPI
 * document. No port is bound and nothing outside a temp directory is touched.
 */
export async function buildOpenApiDocument(): Promise<OpenAPI3> {
  const dir = mkdtempSync(join(tmpdir(), 'hookline-openapi-'));
  const database = join(dir, 'openapi.db');
  // The default configuration (what users run), except the database; an empty environment
  // keeps the developer's own HOOKLINE_* variables out of the committed document.
  const config = loadConfig({ DATABASE_URL: `sqlite:${database}` });
  const store = await openStore(config.database);
  try {
    await migrateToLatest(store);
    const deps = withDashboard(
      withPortal({ config, store, logger: false, wakeup: { wake() {} } }),
      // A directory without a build: the static routes are then hidden placeholders, so the
      // document does not depend on whether the dashboard was built on this machine.
      { dir: join(dir, 'no-dashboard') },
    );
    const app = await createApp(deps);
    try {
      await app.ready();
      return app.swagger() as unknown as OpenAPI3;
    } finally {
      await app.close();
    }
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** JSON with object keys sorted at every level, so the committed diff shows only real changes. */
export function stableJson(value: unknown): string {
  return `${JSON.stringify(sortKeys(value), null, 2)}\n`;
}

function sortKeys(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value !== null && typeof value === 'object') {
    const sorted: Record<string, unknown> = Object.create(null);
    for (const key of Object.keys(value).sort()) {
      sorted[key] = sortKeys((value as Record<string, unknown>)[key]);
    }
    return sorted;
  }
  return value;
}

/** TypeScript declarations of the document's paths, operations and schemas. */
export async function renderTypes(document: OpenAPI3): Promise<string> {
  const ast = await openapiTS(document);
  const header = [
    '// Generated from openapi.json by scripts/generate.ts: do not edit.',
    `// Regenerate with: ${REGENERATE_COMMAND}`,
    '',
  ].join('\n');
  return `${header}${astToString(ast)}`;
}

/** Both generated files, rendered in memory from the current server sources. */
export async function renderGeneratedFiles(): Promise<GeneratedFiles> {
  const document = stableJson(await buildOpenApiDocument());
  // Types are made from the sorted text, exactly what is committed.
  const types = await renderTypes(JSON.parse(document) as OpenAPI3);
  return { document, types };
}
