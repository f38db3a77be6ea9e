import { Command, CommanderError } from 'commander';
import { ConfigError, loadCliEnv } from '../config/config.js';
import { VERSION } from '../version.js';
import type { CliContext } from './cli-context.js';
import { CliError, EXIT } from './cli-error.js';
import { registerBackupCommand } from './commands/backup.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerKeysCommand } from './commands/keys.js';
import { registerListenCommand } from './commands/listen.js';
import { registerMigrateCommand } from './commands/migrate.js';
import { registerProgramsCommand } from './commands/programs.js';
import { registerSecretsCommand } from './commands/secrets.js';
import { registerServeCommand } from './commands/serve.js';
import { registerTailCommand } from './commands/tail.js';
import { registerTriggerCommand } from './commands/trigger.js';
import { registerWorkerCommand } from './commands/worker.js';
import { Terminal } from './terminal.js';

/** Exit codes scripts can rely on (re-exported; defined in cli-error.ts). */
export { EXIT } from './cli-error.js';

// The entry point: builds the context once (environment via config.ts), registers one module
// per command, maps every failure to a documented exit code.
const env = loadCliEnv();
const term = new Terminal(process.stdout, process.stderr, env.noColor);

const cleanups: (() => Promise<void> | void)[] = [];
let stopping = false;
const ctx: CliContext = {
  env,
  term,
  onShutdown(cleanup) {
    cleanups.push(cleanup);
    return () => {
      const i = cleanups.indexOf(cleanup);
      if (i !== -1) cleanups.splice(i, 1);
    };
  },
};

function onSignal(): void {
  // A second Ctrl-C while cleaning up means "now".
  if (stopping || cleanups.length === 0) process.exit(130);
  stopping = true;
  void (async () => {
    for (const cleanup of [...cleanups].reverse()) {
      try {
        await cleanup();
      } catch (error) {
        term.note(
          `error while stopping: ${error instanceof Error ? error.message : String(error)}`,
        );
        process.exitCode = EXIT.failure;
      }
    }
    process.exit(process.exitCode ?? EXIT.ok);
  })();
}
process.on('SIGINT', onSignal);
process.on('SIGTERM', onSignal);

const program = new Command('hookline')
  .description('Hookline: signed, retried, logged outgoing webhooks for partner programs.')
  .version(VERSION)
  .showHelpAfterError('(add --help for usage)')
  .exitOverride()
  .addHelpText(
    'after',
    '\nExit codes: 0 ok, 1 failure, 2 usage, 78 configuration. Docs: docs/cli.md',
  );

registerServeCommand(program, ctx);
registerWorkerCommand(program, ctx);
registerMigrateCommand(program, ctx);
registerProgramsCommand(program, ctx);
registerKeysCommand(program, ctx);
registerBackupCommand(program, ctx);
registerSecretsCommand(program, ctx);
registerListenCommand(program, ctx);
registerTriggerCommand(program, ctx);
registerTailCommand(program, ctx);
registerDemoCommand(program, ctx);

program.parseAsync(process.argv).catch((error: unknown) => {
  if (error instanceof CommanderError) {
    // Commander printed the message (or the help) already.
    process.exit(error.exitCode === 0 ? EXIT.ok : EXIT.usage);
  }
  if (error instanceof ConfigError) {
    term.note(error.message);
    process.exit(EXIT.config);
  }
  if (error instanceof CliError) {
    term.note(`error: ${error.message}`);
    process.exit(error.exitCode);
  }
  term.note(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(EXIT.failure);
});
