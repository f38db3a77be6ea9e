import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(packageDir, 'README.md'), 'utf8');
const examples = readdirSync(join(packageDir, 'examples')).filter((f) => f.endsWith('.ts'));

// The README's TypeScript is the examples' text, so what readers copy is what tsc checked.
describe('README code', () => {
  it.each(examples)('shows examples/%s verbatim', (file) => {
    const code = readFileSync(join(packageDir, 'examples', file), 'utf8');
    expect(readme.includes(`\`\`\`ts\n${code}\`\`\``), `README.md lacks examples/${file}`).toBe(
      true,
    );
  });

  it('has no TypeScript block that is not an example file', () => {
    const blocks = [...readme.matchAll(/```ts\n([\s\S]*?)```/g)].map((m) => m[1]);
    const codes = examples.map((f) => readFileSync(join(packageDir, 'examples', f), 'utf8'));
    expect(blocks.filter((b) => !codes.includes(b ?? ''))).toEqual([]);
  });
});
