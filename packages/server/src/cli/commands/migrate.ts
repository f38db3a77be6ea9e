import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import type { CliContext } from '../cli-context.js';

/** `hookline migrate`: apply pending migrations and exit. */
export function registerMigrateCommand(program: Command, ctx: CliContext): void {
  program
    .command('migrate')
    .description('Apply pending database migrations, then exit.')
    .option('--json', 'print {"applied": [...]} as JSON')
    .action(async (options: { json?: boolean }) => {
      const config = loadConfig();
      const { migrateToLatest, openStore } = await import('../../storage/index.js');
      const store = await openStore(config.database);
      try {
        const { applied } = await migrateToLatest(store);
        if (options.json) ctx.term.json({ applied });
        else
          ctx.term.line(
            applied.length > 0 ? `Applied ${applied.join(', ')}` : 'Database is up to date.',
          );
      } finally {
        await store.close();
      }
    });
}
