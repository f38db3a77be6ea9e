import { resolve } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { CliError, EXIT } from '../cli-error.js';
import type { CliContext } from '../cli-context.js';

/** `hookline backup FILE`: an online, consistent copy of the SQLite database. */
export function registerBackupCommand(program: Command, ctx: CliContext): void {
  program
    .command('backup')
    .description(
      'Copy the SQLite database to FILE while the service runs (SQLite online backup). PostgreSQL: use pg_dump.',
    )
    .argument('<file>', 'where to write the copy (must not exist)')
    .option('--json', 'print {"file", "pages"} as JSON')
    .action(async (file: string, options: { json?: boolean }) => {
      const config = loadConfig();
      const { backupSqlite, BackupError } = await import('../../storage/backup.js');
      try {
        const report = await backupSqlite(config.database, resolve(file));
        if (options.json) ctx.term.json({ file: report.file, pages: report.totalPages });
        else ctx.term.line(`Backed up ${report.totalPages} pages to ${report.file}`);
      } catch (error) {
        if (error instanceof BackupError) throw new CliError(error.message, EXIT.usage);
        throw error;
      }
    });
}
