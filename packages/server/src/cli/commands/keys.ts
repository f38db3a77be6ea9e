import type { Command } from 'commander';
import { CliError, EXIT } from '../cli-error.js';
import type { CliContext } from '../cli-context.js';
import { withStore } from './programs.js';

/** `hookline keys create`: another API key for a program. */
export function registerKeysCommand(program: Command, ctx: CliContext): void {
  const keys = program.command('keys').description('Manage API keys, directly in the database.');
  keys
    .command('create')
    .description('Create another API key for a program (printed once).')
    .requiredOption('--program <id>', 'program id (see `hookline programs list`)')
    .option('--name <name>', 'a label for the key', 'cli')
    .option('--json', 'print {"id", "api_key"} as JSON')
    .action(async (options: { program: string; name: string; json?: boolean }) => {
      const { createApiKey } = await import('../../programs/index.js');
      const key = await withStore(async (store) => {
        const exists = await store.db
          .selectFrom('programs')
          .select('id')
          .where('id', '=', options.program)
          .executeTakeFirst();
        if (!exists) {
          throw new CliError(
            `no program ${options.program} (see \`hookline programs list\`)`,
            EXIT.usage,
          );
        }
        return createApiKey(store.db, options.program, { name: options.name });
      });
      if (options.json) ctx.term.json({ id: key.id, api_key: key.apiKey });
      else ctx.term.line(key.apiKey);
    });
}
