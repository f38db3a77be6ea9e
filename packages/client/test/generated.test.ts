import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  GENERATED_FILES,
  REGENERATE_COMMAND,
  renderGeneratedFiles,
} from '../scripts/openapi-document.js';
import type { GeneratedFiles } from '../scripts/openapi-document.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The first differing line, so a failure says where without printing 800 KB. */
function firstDifference(committed: string, fresh: string): string {
  const a = committed.split('\n');
  const b = fresh.split('\n');
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] !== b[i]) {
      return `line ${i + 1}: committed ${JSON.stringify(a[i])}, generated ${JSON.stringify(b[i])}`;
    }
  }
  return 'no line differs';
}

describe('generated files', () => {
  // One in-process build of the app serves both checks.
  let fresh: GeneratedFiles;
  beforeAll(async () => {
    fresh = await renderGeneratedFiles();
  });

  for (const which of ['document', 'types'] as const) {
    it(`${GENERATED_FILES[which]} matches the server's routes`, async () => {
      const generated = fresh[which];
      const committed = readFileSync(join(packageDir, GENERATED_FILES[which]), 'utf8');
      if (committed !== generated) {
        expect.fail(
          `packages/client/${GENERATED_FILES[which]} is stale (${firstDifference(committed, generated)}). ` +
            `Run \`${REGENERATE_COMMAND}\` and commit the result.`,
        );
      }
    });
  }
});
