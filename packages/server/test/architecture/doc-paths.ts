import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';

const SKIP = new Set(['node_modules', '.git', 'dist', 'data', 'results']);

/** Every file of the repository (its tracked kinds of place), relative to `repo`. */
export function repositoryFiles(repo: string, dir = repo): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (SKIP.has(entry.name) || entry.name.startsWith('dist-')) return [];
    const path = join(dir, entry.name);
    return entry.isDirectory() ? repositoryFiles(repo, path) : [relative(repo, path)];
  });
}

/** Where a path written in the docs may start: the docs name files from these folders. */
const ROOTS = [
  '',
  'packages/',
  'packages/server/',
  'packages/server/src/',
  'packages/server/src/api/',
  'packages/server/test/',
  'bench/',
  'docs/',
];

/**
 * The file paths a markdown text names in code spans (`deliveries/claim.ts`, `bench/src/x.ts`,
 * a bare `catalog.ts`) that match no file of `files`. A path with a folder must be a file (or
 * folder prefix) under one of the usual roots, or end a file's path; a bare name must be some
 * file's name. Routes (`/openapi.json`) and placeholders (`<name>.ts`) are not paths.
 */
export function missingPaths(markdown: string, files: readonly string[]): string[] {
  const names = new Set(files.map((f) => f.slice(f.lastIndexOf('/') + 1)));
  const exists = (path: string) =>
    path.includes('/')
      ? files.some(
          (f) =>
            f.endsWith(`/${path}`) ||
            ROOTS.some((r) => f === r + path || f.startsWith(`${r}${path}/`)),
        )
      : names.has(path);
  const found = [...markdown.matchAll(/`([A-Za-z0-9_.\-/]+\.(?:ts|tsx|js|md|json))`/g)].map(
    (m) => m[1] as string,
  );
  return [...new Set(found)].filter((p) => !p.startsWith('/') && !exists(p));
}
