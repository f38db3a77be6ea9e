import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import type { Store } from '../../storage/index.js';
import { formatTimestamp } from '../../util/time.js';
import type { CliContext } from '../cli-context.js';

/** Opens the configured database, migrated, for one command; closes it afterwards. */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const config = loadConfig();
  // Loaded on demand: client commands start faster without the server's modules.
  const { migrateToLatest, openStore } = await import('../../storage/index.js');
  const store = await openStore(config.database);
  try {
    await migrateToLatest(store);
    return await work(store);
  } finally {
    await store.close();
  }
}

/** `hookline programs create|list`: manage programs (tenants) directly in the database. */
export function registerProgramsCommand(program: Command, ctx: CliContext): void {
  const programs = program
    .command('programs')
    .description('Manage programs (tenants), directly in the database (DATABASE_URL).');

  programs
    .command('create')
    .description('Create a program and its first API key (printed once).')
    .requiredOption('--name <name>', 'program name')
    .option('--json', 'print {"id", "name", "api_key"} as JSON')
    .action(async (options: { name: string; json?: boolean }) => {
      const { createApiKey, createProgram } = await import('../../programs/index.js');
      const created = await withStore((store) =>
        store.db.transaction().execute(async (trx) => {
          const p = await createProgram(trx, { name: options.name });
          const key = await createApiKey(trx, p.id, { name: 'default' });
          return { program: p, apiKey: key.apiKey };
        }),
      );
      if (options.json) {
        ctx.term.json({
          id: created.program.id,
          name: created.program.name,
          api_key: created.apiKey,
        });
      } else {
        ctx.term.line(`Program ${created.program.id} "${created.program.name}"`);
        ctx.term.line(`API key (shown once): ${created.apiKey}`);
      }
    });

  programs
    .command('list')
    .description('List programs: id, name (tab-separated), or JSON lines with --json.')
    .option('--json', 'one JSON object per line')
    .action(async (options: { json?: boolean }) => {
      const { listPrograms } = await import('../../programs/index.js');
      const list = await withStore((store) => listPrograms(store.db));
      for (const p of list) {
        if (options.json) {
          ctx.term.json({ id: p.id, name: p.name, created_at: formatTimestamp(p.createdAt) });
        } else ctx.term.line(`${p.id}\t${p.name}`);
      }
    });
}
