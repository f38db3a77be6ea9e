import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { missingPaths, repositoryFiles } from './doc-paths.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const REPO = resolve(HERE, '../../../..');
const files = repositoryFiles(REPO);
const docs = [
  'README.md',
  ...readdirSync(join(REPO, 'docs'))
    .filter((f) => f.endsWith('.md'))
    .map((f) => `docs/${f}`),
];

describe('the docs name only files that exist', () => {
  it.each(docs)('%s', (doc) => {
    expect(missingPaths(readFileSync(join(REPO, doc), 'utf8'), files)).toEqual([]);
  });

  it('reads the real tree (not empty)', () => {
    expect(files).toContain('packages/server/src/deliveries/claim.ts');
    expect(docs).toContain('docs/architecture.md');
  });

  it('fails on a planted fault (fixture): a doc naming deleted files', () => {
    const stale = readFileSync(join(HERE, 'fixtures/doc-paths/stale.md'), 'utf8');
    expect(missingPaths(stale, files)).toEqual([
      'dispatch/claim-deliveries.ts',
      'attempt-recorder.ts',
    ]);
  });
});
