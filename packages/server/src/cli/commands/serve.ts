import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';

/** `hookline serve [--no-worker]`: the API, the dashboard and (by default) the dispatcher. */
export function registerServeCommand(program: Command, ctx: CliContext): void {
  program
    .command('serve')
    .description('Run the API, the dashboard and (unless --no-worker) the delivery dispatcher.')
    .option('--no-worker', 'serve the API only; run `hookline worker` processes to deliver')
    .option(
      '--thread <mode>',
      'second thread for delivery: sender (default: HTTP attempts on their own thread), dispatcher (the whole dispatcher, own database connection) or none (one thread); see docs/operations.md',
    )
    .addHelpText(
      'after',
      '\nConfigured by environment (PORT, DATABASE_URL, HOOKLINE_*; see the README).\nRuns until SIGINT/SIGTERM, then drains in-flight attempts and exits 0.',
    )
    .action(async (options: { worker: boolean; thread?: string }) => {
      const config = loadConfig();
      // Loaded on demand: client commands start faster without the server's modules.
      const { createLogger } = await import('../../observability/logger.js');
      const { startService } = await import('../../service.js');
      const logger = createLogger(config.logLevel);
      // Default: startService's (DEFAULT_THREAD, chosen by measurement: docs/operations.md).
      const { thread } = options;
      if (
        thread !== undefined &&
        thread !== 'none' &&
        thread !== 'sender' &&
        thread !== 'dispatcher'
      ) {
        throw usageError(`--thread must be sender, dispatcher or none, not "${thread}"`);
      }
      const service = await startService(config, logger, {
        worker: options.worker,
        ...(thread !== undefined ? { thread } : {}),
      });
      if (service.bootstrap.created) {
        ctx.term.line();
        ctx.term.line(`  Hookline is running at ${service.url}`);
        ctx.term.line(
          `  Created program "${service.bootstrap.program.name}" (${service.bootstrap.program.id}).`,
        );
        ctx.term.line(
          service.bootstrap.fromEnvironment
            ? '  Its API key is the one in HOOKLINE_BOOTSTRAP_API_KEY.'
            : `  API key (shown once, store it now): ${service.bootstrap.apiKey}`,
        );
        ctx.term.line();
      }
      const { issueSignInUrl } = await import('../../dashboard/index.js');
      const signIn = await issueSignInUrl(service.store.db, config.publicUrl);
      if (signIn) {
        ctx.term.line(
          `  Dashboard: ${config.publicUrl}/  (sign in with your API key, or once with:)`,
        );
        ctx.term.line(`  ${signIn.url}  (one-time link, valid 15 minutes)`);
        ctx.term.line();
      }
      ctx.onShutdown(async () => {
        logger.info('shutting down');
        await service.stop();
      });
    });
}
