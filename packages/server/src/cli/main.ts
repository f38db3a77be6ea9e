import { Command, Option } from 'commander';
import { ConfigError, loadConfig } from '../config/config.js';
import { createLogger } from '../observability/logger.js';
import { createApiKey, createProgram, listPrograms } from '../programs/index.js';
import { startService } from '../service.js';
import { migrateToLatest, openStore } from '../storage/index.js';
import { VERSION } from '../version.js';

/** Exit codes scripts can rely on. */
export const EXIT = { ok: 0, failure: 1, usage: 2, config: 78 } as const;

const program = new Command('hookline')
  .description('Hookline: signed, retried, logged outgoing webhooks for partner programs.')
  .version(VERSION)
  .showHelpAfterError();

program
  .command('serve')
  .description('Run the API, the dashboard and (unless --no-worker) the delivery dispatcher.')
  .option('--no-worker', 'serve the API only; run `hookline worker` processes to deliver')
  .action(async (options: { worker: boolean }) => {
    const config = loadConfig();
    const logger = createLogger(config.logLevel);
    const service = await startService(config, logger, { worker: options.worker });
    if (service.bootstrap.created) {
      const lines = [
        '',
        `  Hookline is running at ${service.url}`,
        `  Created program "${service.bootstrap.program.name}" (${service.bootstrap.program.id}).`,
        service.bootstrap.fromEnvironment
          ? '  Its API key is the one in HOOKLINE_BOOTSTRAP_API_KEY.'
          : `  API key (shown once, store it now): ${service.bootstrap.apiKey}`,
        '',
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    }
    const shutdown = (signal: string) => {
      logger.info({ signal }, 'shutting down');
      service.stop().then(
        () => process.exit(EXIT.ok),
        (error: unknown) => {
          logger.error({ err: error }, 'shutdown failed');
          process.exit(EXIT.failure);
        },
      );
    };
    process.once('SIGTERM', () => shutdown('SIGTERM'));
    process.once('SIGINT', () => shutdown('SIGINT'));
  });

program
  .command('migrate')
  .description('Apply pending database migrations, then exit.')
  .action(async () => {
    const config = loadConfig();
    const store = await openStore(config.database);
    try {
      const { applied } = await migrateToLatest(store);
      process.stdout.write(
        applied.length > 0 ? `Applied ${applied.join(', ')}\n` : 'Database is up to date.\n',
      );
    } finally {
      await store.close();
    }
  });

const programs = program.command('programs').description('Manage programs (tenants).');
programs
  .command('create')
  .description('Create a program and its first API key (printed once).')
  .requiredOption('--name <name>', 'program name')
  .addOption(new Option('--json', 'print JSON'))
  .action(async (options: { name: string; json?: boolean }) => {
    const config = loadConfig();
    const store = await openStore(config.database);
    try {
      await migrateToLatest(store);
      const created = await store.db.transaction().execute(async (trx) => {
        const p = await createProgram(trx, { name: options.name });
        const key = await createApiKey(trx, p.id, { name: 'default' });
        return { program: p, apiKey: key.apiKey };
      });
      process.stdout.write(
        options.json
          ? `${JSON.stringify({ id: created.program.id, name: created.program.name, api_key: created.apiKey })}\n`
          : `Program ${created.program.id} "${created.program.name}"\nAPI key (shown once): ${created.apiKey}\n`,
      );
    } finally {
      await store.close();
    }
  });
programs
  .command('list')
  .description('List programs.')
  .action(async () => {
    const config = loadConfig();
    const store = await openStore(config.database);
    try {
      await migrateToLatest(store);
      for (const p of await listPrograms(store.db)) process.stdout.write(`${p.id}\t${p.name}\n`);
    } finally {
      await store.close();
    }
  });

const keys = program.command('keys').description('Manage API keys.');
keys
  .command('create')
  .description('Create another API key for a program (printed once).')
  .requiredOption('--program <id>', 'program id (see `hookline programs list`)')
  .option('--name <name>', 'a label for the key', 'cli')
  .option('--json', 'print JSON')
  .action(async (options: { program: string; name: string; json?: boolean }) => {
    const config = loadConfig();
    const store = await openStore(config.database);
    try {
      await migrateToLatest(store);
      const exists = await store.db
        .selectFrom('programs')
        .select('id')
        .where('id', '=', options.program)
        .executeTakeFirst();
      if (!exists) {
        process.stderr.write(`error: no program ${options.program}\n`);
        process.exitCode = EXIT.usage;
        return;
      }
      const key = await createApiKey(store.db, options.program, { name: options.name });
      process.stdout.write(
        options.json ? `${JSON.stringify({ id: key.id, api_key: key.apiKey })}\n` : `${key.apiKey}\n`,
      );
    } finally {
      await store.close();
    }
  });

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof ConfigError) {
    process.stderr.write(`${error.message}\n`);
    process.exit(EXIT.config);
  }
  process.stderr.write(`error: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(EXIT.failure);
});
