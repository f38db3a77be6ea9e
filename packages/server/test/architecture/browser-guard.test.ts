import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { browserSuitePlan } from '../helpers/chromium.js';

const HERE = dirname(fileURLToPath(import.meta.url));
const PACKAGES = resolve(HERE, '../../..');

/** Every `*.browser.test.ts` of the workspace packages. */
function browserTests(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    if (entry.name === 'node_modules' || entry.name.startsWith('dist')) return [];
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return browserTests(path);
    return entry.name.endsWith('.browser.test.ts') ? [path] : [];
  });
}

/** Why a browser test's source does not use the one guard (empty: it does). */
function guardProblems(source: string): string[] {
  const problems: string[] = [];
  if (
    !/import \{[^}]*\bdescribeInBrowser\b[^}]*\} from '[./]*helpers\/chromium\.js'/.test(source)
  ) {
    problems.push('does not import describeInBrowser from test/helpers/chromium.ts');
  }
  if (!/^describeInBrowser\(/m.test(source)) problems.push('has no describeInBrowser(…) suite');
  if (/\b(describe|it|test)\.(runIf|skipIf|skip)\b|^describe\(/m.test(source)) {
    problems.push('guards or skips a suite on its own');
  }
  return problems;
}

describe('browser tests: one guard, failing under CI=true, loud elsewhere', () => {
  const files = browserTests(PACKAGES);

  it('finds the browser tests', () => {
    expect(files.length).toBeGreaterThanOrEqual(3);
  });

  it.each(files.map((f) => relative(PACKAGES, f)))('%s uses describeInBrowser', (file) => {
    expect(guardProblems(readFileSync(join(PACKAGES, file), 'utf8'))).toEqual([]);
  });

  it('fails on a planted fault (fixture): a test that skips in silence on its own', () => {
    const source = readFileSync(
      join(HERE, 'fixtures/browser-guard/silent-skip.browser.txt'),
      'utf8',
    );
    expect(guardProblems(source)).toEqual([
      'does not import describeInBrowser from test/helpers/chromium.ts',
      'has no describeInBrowser(…) suite',
      'guards or skips a suite on its own',
    ]);
  });

  it('plans run, fail under CI=true, skip elsewhere', () => {
    expect(browserSuitePlan([], 'true')).toBe('run');
    expect(browserSuitePlan([], undefined)).toBe('run');
    expect(browserSuitePlan(['/usr/bin/chromium'], 'true')).toBe('fail');
    expect(browserSuitePlan(['/usr/bin/chromium'], undefined)).toBe('skip');
    expect(browserSuitePlan(['/usr/bin/chromium'], 'false')).toBe('skip');
  });
});
