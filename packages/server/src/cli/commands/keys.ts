import type { Command } from 'commander';
import { CliError, EXIT } from '../cli-error.js';
import type { CliContext } from '../cli-context.js';
import { formatNullableTimestamp, formatTimestamp } from '../../util/time.js';
import { withStore } from './programs.js';

/** `hookline keys create|list|revoke`: a program's API keys, directly in the database. */
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

  keys
    .command('list')
    .description("List a program's keys: id, prefix, label, created, last used, revoked.")
    .requiredOption('--program <id>', 'program id (see `hookline programs list`)')
    .option('--json', 'one JSON object per line')
    .action(async (options: { program: string; json?: boolean }) => {
      const { listApiKeys } = await import('../../programs/index.js');
      const list = await withStore((store) => listApiKeys(store.db, options.program));
      for (const k of list) {
        const row = {
          id: k.id,
          prefix: k.prefix,
          name: k.name,
          created_at: formatTimestamp(k.createdAt),
          last_used_at: formatNullableTimestamp(k.lastUsedAt),
          revoked_at: formatNullableTimestamp(k.revokedAt),
        };
        if (options.json) ctx.term.json(row);
        else {
          ctx.term.line(
            [
              row.id,
              `${row.prefix}…`,
              row.name,
              row.created_at,
              row.last_used_at ?? 'never',
              row.revoked_at ? `revoked ${row.revoked_at}` : 'active',
            ].join('\t'),
          );
        }
      }
    });

  keys
    .command('revoke')
    .description('Revoke a key now; its dashboard sessions end with it.')
    .argument('<id>', 'key id (see `hookline keys list`)')
    .requiredOption('--program <id>', 'program id the key belongs to')
    .action(async (id: string, options: { program: string }) => {
      const { revokeApiKey } = await import('../../programs/index.js');
      const key = await withStore((store) => revokeApiKey(store.db, options.program, id));
      if (!key) throw new CliError(`no key ${id} in program ${options.program}`, EXIT.usage);
      ctx.term.line(`Revoked ${key.id} (${key.prefix}…, "${key.name}")`);
    });
}
