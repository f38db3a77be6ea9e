// Builds the package twice from one source: ESM into dist/esm and CommonJS into dist/cjs.
// The source is ESM ("type": "module"), so the CommonJS half needs its own package.json
// marker, or Node would load dist/cjs/*.js as ES modules and `require` would see no exports.
//
// Usage: node scripts/build.mjs [--out-dir <dir>]   (default: dist; tests build elsewhere so
// they never delete a dist/ that another test process may be importing)
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');

const flag = process.argv.indexOf('--out-dir');
const outDir = flag > 0 ? resolve(process.argv[flag + 1] ?? 'dist') : join(root, 'dist');

rmSync(outDir, { recursive: true, force: true });
// The two compilations are independent, so they run side by side (about half the wall time).
const codes = await Promise.all(
  [
    ['tsconfig.build.json', 'esm'],
    ['tsconfig.build.cjs.json', 'cjs'],
  ].map(async ([project, format]) => {
    const args = [tsc, '-p', join(root, project), '--outDir', join(outDir, format)];
    const child = spawn(process.execPath, args, { stdio: 'inherit' });
    const [code] = await once(child, 'exit');
    return code;
  }),
);
if (codes.some((code) => code !== 0)) process.exit(1);
mkdirSync(join(outDir, 'cjs'), { recursive: true });
writeFileSync(join(outDir, 'cjs/package.json'), '{ "type": "commonjs" }\n');
writeFileSync(join(outDir, 'esm/package.json'), '{ "type": "module" }\n');
