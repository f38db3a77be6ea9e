// Builds the package (ESM + CommonJS + declarations) and uses it as an installed package would be
// used: through its `exports` map, from .mjs and .cjs files, type-checked by tsc against the
// emitted declarations. The only test here that needs a build; it runs it itself, into a temp
// folder laid out like node_modules, so the real dist/ is never touched.

import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const tsc = require.resolve('typescript/bin/tsc');
const typeRoots = join(dirname(require.resolve('@types/node/package.json')), '..');

const SUBPATHS = ['', '/web', '/node', '/express', '/fastify', '/hono', '/next'];

// The same checks, compiled once as ESM and once as CommonJS.
const consumer = (kind: 'esm' | 'cjs') => `
${SUBPATHS.map((p, i) => `import * as m${i} from '@hookline/receiver${p}';`).join('\n')}
import { constructEvent, EVENT_TYPES, signPayload, verify, WebhookVerificationError, type HooklineEvent } from '@hookline/receiver';
import * as web from '@hookline/receiver/web';

async function main(): Promise<void> {
  const secret = 'qK7nR2vT9xW4yZ1aB3cD5eF6gH8jL0mN';
  const body = JSON.stringify({ id: 'evt_1', event: 'reward.paid', url: 'u', webhook_key: 'k', created_at: 't', data: {} });
  const headers = signPayload(body, secret, { id: 'evt_1' });
  const event: HooklineEvent = constructEvent(body, headers, secret);
  const webEvent = await web.constructEvent(body, headers, secret);
  let reason = '';
  try {
    verify(body + ' ', headers, secret);
  } catch (error) {
    if (error instanceof WebhookVerificationError) reason = error.reason;
  }
  const exported = [${SUBPATHS.map((_, i) => `Object.keys(m${i}).length`).join(', ')}];
  console.log(JSON.stringify({ kind: '${kind}', event: event.event, web: webEvent.id, reason, types: EVENT_TYPES.length, exported,
    helpers: [typeof m2.createNodeHandler, typeof m3.hooklineExpress, typeof m4.hooklineFastify, typeof m5.hooklineHono, typeof m6.createNextRouteHandler] }));
}
void main();
`;

describe('the built package', () => {
  let work: string;
  let installed: string;

  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'hookline-receiver-consumer-'));
    installed = join(work, 'node_modules/@hookline/receiver');
    mkdirSync(installed, { recursive: true });
    copyFileSync(join(packageDir, 'package.json'), join(installed, 'package.json'));
    execFileSync(
      process.execPath,
      [join(packageDir, 'scripts/build.mjs'), '--out-dir', join(installed, 'dist')],
      { stdio: 'pipe' },
    );
    writeFileSync(join(work, 'consumer.mts'), consumer('esm'));
    writeFileSync(join(work, 'consumer.cts'), consumer('cjs'));
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          // Our declarations were checked when emitted; this checks how a consumer resolves them.
          skipLibCheck: true,
          typeRoots: [typeRoots],
          types: ['node'],
          outDir: 'out',
        },
        files: ['consumer.mts', 'consumer.cts'],
      }),
    );
  }, 60_000);

  afterAll(() => {
    if (work) rmSync(work, { recursive: true, force: true });
  });

  it('marks the CommonJS half as CommonJS', () => {
    const marker = JSON.parse(readFileSync(join(installed, 'dist/cjs/package.json'), 'utf8'));
    expect(marker).toEqual({ type: 'commonjs' });
  });

  it('type-checks against the emitted declarations from ESM and CommonJS', () => {
    // Throws (with tsc's output) when a declaration or an exports entry is wrong.
    try {
      execFileSync(process.execPath, [tsc, '-p', join(work, 'tsconfig.json')], {
        encoding: 'utf8',
      });
    } catch (error) {
      throw new Error(`tsc failed:\n${(error as { stdout?: string }).stdout ?? error}`);
    }
  }, 30_000);

  it.each(['esm', 'cjs'] as const)('loads and works through the exports map (%s)', (kind) => {
    const file = join(work, 'out', kind === 'esm' ? 'consumer.mjs' : 'consumer.cjs');
    const out = JSON.parse(execFileSync(process.execPath, [file], { encoding: 'utf8' }));
    expect(out).toMatchObject({
      kind,
      event: 'reward.paid',
      web: 'evt_1',
      reason: 'invalid_signature',
      types: 24,
      helpers: ['function', 'function', 'function', 'function', 'function'],
    });
    expect(out.exported.every((n: number) => n > 0)).toBe(true);
  });

  it('resolves require() and import of every subpath to the matching build', () => {
    const names = JSON.stringify(SUBPATHS.map((p) => `@hookline/receiver${p}`));
    const run = (args: string[]) =>
      JSON.parse(execFileSync(process.execPath, args, { cwd: work, encoding: 'utf8' })) as string[];
    const required = run([
      '-e',
      `console.log(JSON.stringify(${names}.map((n) => require.resolve(n))))`,
    ]);
    const imported = run([
      '--input-type=module',
      '-e',
      `console.log(JSON.stringify(${names}.map((n) => import.meta.resolve(n))))`,
    ]);
    expect(required.every((path) => path.includes('/dist/cjs/'))).toBe(true);
    expect(imported.every((url) => url.includes('/dist/esm/'))).toBe(true);
  });
});
