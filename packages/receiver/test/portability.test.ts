// Static checks of promises that no runtime test on Node can catch: no runtime dependencies, and
// a Web Crypto entry point that never reaches for Node built-ins.

import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const src = join(dirname(fileURLToPath(import.meta.url)), '../src');

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  // `import type` and `export type` are erased at compile time, so only value imports count.
  const pattern = /^(?:import|export)\s+(?!type\s)[^;]*?from\s+'([^']+)'/gms;
  return [...text.matchAll(pattern)].map((m) => m[1] as string);
}

function graph(entry: string): string[] {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    for (const specifier of runtimeImports(file)) {
      if (specifier.startsWith('.')) visit(join(dirname(file), specifier.replace(/\.js$/, '.ts')));
    }
  };
  visit(join(src, entry));
  return [...seen];
}

function allSources(dir = src): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? allSources(join(dir, entry.name)) : [join(dir, entry.name)],
  );
}

describe('portability', () => {
  it('imports nothing at run time but relative modules and Node built-ins', () => {
    for (const file of allSources()) {
      for (const specifier of runtimeImports(file)) {
        expect(
          specifier.startsWith('.') || specifier.startsWith('node:'),
          `${relative(src, file)} imports ${specifier}`,
        ).toBe(true);
      }
    }
  });

  it.each(['web.ts', 'frameworks/hono.ts', 'frameworks/next.ts'])(
    '%s reaches no Node built-in and no Buffer',
    (entry) => {
      const files = graph(entry);
      expect(files.length).toBeGreaterThan(3);
      for (const file of files) {
        expect(
          runtimeImports(file).filter((s) => s.startsWith('node:')),
          relative(src, file),
        ).toEqual([]);
        // Comments are stripped first: the TSDoc examples may mention process.env.
        const code = readFileSync(file, 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/.*$/gm, '');
        expect(code, relative(src, file)).not.toMatch(/\bBuffer\s*[.(]|\bprocess\./);
      }
    },
  );
});
