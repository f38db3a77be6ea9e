import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT, cleanEnv, startCli } from '../cli/run-cli.js';
import type { RunningCli } from '../cli/run-cli.js';

const run = promisify(execFile);

/**
 * The documents whose shell examples must work when copied, in groups: each group runs, in
 * order, against a service of its own (a walkthrough builds on its own earlier commands).
 */
const DOCUMENT_GROUPS = [
  ['README.md', 'docs/wire-format.md'],
  ['docs/partner-program.md'],
  ['docs/partner-portal.md'],
] as const;
const API_KEY = 'readme_test_key_0123456789';

/** One shell command of a document, with the array set-ups (`H=(...)`) made before it. */
interface Example {
  readonly where: string;
  readonly setup: readonly string[];
  readonly command: string;
}

/**
 * The `curl` commands of the `sh` blocks of a Markdown document, continuation lines joined,
 * each with the `NAME=(...)` arrays defined before it in the document.
 */
function shellExamples(document: string, markdown: string): Example[] {
  const examples: Example[] = [];
  // A reader runs the blocks in one shell session: arrays defined earlier stay defined.
  const setup: string[] = [];
  for (const block of markdown.matchAll(/```(?:sh|bash|shell)\n([\s\S]*?)```/g)) {
    for (const line of commandsOf(block[1] ?? '')) {
      const trimmed = line.trim();
      // Arrays (`auth=(...)`) and exported variables (`export HL=... KEY=...`) set up the
      // commands after them.
      if (/^(export )?[A-Za-z_][A-Za-z0-9_]*=/.test(trimmed)) setup.push(trimmed);
      else if (trimmed.startsWith('curl ')) {
        examples.push({
          where: `${document}: ${trimmed.slice(0, 80)}`,
          setup: [...setup],
          command: trimmed,
        });
      }
    }
  }
  return examples;
}

/**
 * The commands of a shell block: continuation lines (`\`) joined, and a line whose single
 * quotes are unbalanced (a multi-line `-d '{...}'`) joined with the next ones.
 */
function commandsOf(block: string): string[] {
  const commands: string[] = [];
  let pending = '';
  for (const line of block.replace(/\\\n\s*/g, ' ').split('\n')) {
    pending = pending === '' ? line : `${pending}\n${line}`;
    if ((pending.match(/'/g)?.length ?? 0) % 2 === 0) {
      commands.push(pending);
      pending = '';
    }
  }
  if (pending !== '') commands.push(pending);
  return commands;
}

// Every curl command of the README (and the docs listed above) runs as written, with bash,
// against a real `hookline serve` child process on loopback: only `localhost:8080` (the port)
// and the placeholders the documents mark as such are substituted: `<your API key>` and
// `hlk_...` (the key printed at start) in set-up lines, and
// `<id>`/`<key>` after a collection (`$HL/rewards/<id>`) or `<lead id>` in a body, by the
// newest resource's. Each must answer 2xx.
describe.each(DOCUMENT_GROUPS.map((documents) => ({ documents })))(
  'commands of $documents work when copied',
  ({ documents }) => {
    let server: RunningCli;
    let base = '';
    let home = '';
    let dataDir = '';

    beforeAll(async () => {
      dataDir = mkdtempSync(join(tmpdir(), 'hookline-readme-'));
      home = mkdtempSync(join(tmpdir(), 'hookline-readme-home-'));
      // curl reads ~/.curlrc: it appends the status to each answer, so the commands stay as written.
      writeFileSync(join(home, '.curlrc'), 'write-out = "\\n@@status %{http_code}\\n"\n');
      server = startCli(
        ['serve', '--no-worker'],
        cleanEnv({
          PORT: '0',
          HOST: '127.0.0.1',
          HOOKLINE_DATA_DIR: dataDir,
          HOOKLINE_BOOTSTRAP_API_KEY: API_KEY,
          LOG_LEVEL: 'info',
        }),
      );
      const line = await server.waitForLine((l) => l.includes('hookline listening'));
      base = (JSON.parse(line) as { url: string }).url.replace('http://', '').replace(/\/$/, '');
    }, 90_000);

    afterAll(async () => {
      await server?.interrupt();
      rmSync(dataDir, { recursive: true, force: true });
      rmSync(home, { recursive: true, force: true });
    });

    /** A field of the newest resource of a collection, for a `<id>` or `<key>` placeholder. */
    async function newest(collection: string, field: string): Promise<string> {
      const res = await fetch(`http://${base}/v1/${collection}?limit=1&sort=desc`, {
        headers: { authorization: `Bearer ${API_KEY}` },
      });
      const body = (await res.json()) as { data: Record<string, string | number>[] };
      const value = body.data[0]?.[field];
      if (value === undefined || value === '') throw new Error(`no ${collection} for <${field}>`);
      return String(value);
    }

    it('runs every curl command with a 2xx answer', async () => {
      const examples = documents.flatMap((document) =>
        shellExamples(document, readFileSync(join(ROOT, document), 'utf8')),
      );
      // A listed document without examples would make this test pass on nothing.
      for (const document of documents) {
        expect(examples.filter((e) => e.where.startsWith(`${document}:`)).length).toBeGreaterThan(
          0,
        );
      }
      for (const example of examples) {
        let command = example.command.replaceAll('localhost:8080', base);
        const path = /(?:\/v1|\$HL)\/([a-z_-]+)\/<(id|key)>/g;
        for (const [, collection, field] of command.matchAll(path)) {
          command = command.replace(`<${field}>`, await newest(collection ?? '', field ?? ''));
        }
        // `<lead id>` in a body: the newest lead's (collections are the plural, `_` for spaces).
        for (const [placeholder, noun, field] of command.matchAll(/<([a-z ]+) (id|key)>/g)) {
          const collection = `${(noun ?? '').replaceAll(' ', '_')}s`;
          command = command.replace(placeholder, await newest(collection, field ?? ''));
        }
        expect(command, example.where).not.toMatch(/<[a-z_ ]+>/);
        // The documents' stand-ins for the key printed at start.
        const setup = example.setup.map((line) =>
          line.replaceAll('<your API key>', API_KEY).replaceAll('hlk_...', API_KEY),
        );
        const script = [...setup, command].join('\n').replaceAll('localhost:8080', base);
        const { stdout } = await run('bash', ['-c', script], {
          env: { PATH: process.env.PATH ?? '', HOME: home, HOOKLINE_API_KEY: API_KEY },
        });
        const statuses = [...stdout.matchAll(/@@status (\d+)/g)].map((m) => Number(m[1]));
        expect(statuses.length, `${example.where}\n${stdout}`).toBe(1);
        expect(statuses[0], `${example.where}\n${command}\n${stdout}`).toBeGreaterThanOrEqual(200);
        expect(statuses[0], `${example.where}\n${command}\n${stdout}`).toBeLessThan(300);
      }
    }, 120_000);
  },
);
