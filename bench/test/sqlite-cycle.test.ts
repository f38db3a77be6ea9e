import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');

describe('bench/src/sqlite-cycle.ts', () => {
  it('runs as bench/README.md writes it and delivers every published event to all ten webhooks', async () => {
    const readme = readFileSync(join(ROOT, 'bench/README.md'), 'utf8');
    const written = /`(node --import tsx bench\/src\/sqlite-cycle\.ts[^`]*)`/.exec(readme)?.[1];
    expect(written).toBeDefined();
    const [command, ...args] = (written as string).replace(/\s+/g, ' ').split(' ');
    const { stdout } = await run(command as string, args, { cwd: ROOT, timeout: 120_000 });
    const result = JSON.parse(stdout) as {
      events: number;
      group: number;
      overlap: boolean;
      delivered: number;
      cpuUsPerDelivery: number;
    };
    expect(result).toMatchObject({ events: 6000, group: 4, overlap: true, delivered: 60_000 });
    expect(result.cpuUsPerDelivery).toBeGreaterThan(0);
  }, 150_000);
});
