import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';

/**
 * `hookline worker`: the delivery dispatcher alone, no HTTP. Run any number of them against one
 * PostgreSQL database (`FOR UPDATE SKIP LOCKED` claims, `LISTEN/NOTIFY` wake-ups), next to
 * `hookline serve --no-worker` processes that serve the API.
 */
export function registerWorkerCommand(program: Command, ctx: CliContext): void {
  program
    .command('worker')
    .description('Run only the delivery dispatcher (scale-out on PostgreSQL).')
    .addHelpText(
      'after',
      '\nConfigured by environment (DATABASE_URL, HOOKLINE_*; see the README).\nOn SIGINT/SIGTERM it stops claiming, lets in-flight attempts finish within\nHOOKLINE_SHUTDOWN_TIMEOUT, gives the rest back, and exits 0.',
    )
    .option(
      '--thread <mode>',
      'second thread: none (default) or sender (HTTP attempts on their own thread; measured slower in docs/benchmarks.md)',
    )
    .action(async (options: { thread?: string }) => {
      const config = loadConfig();
      const thread = options.thread ?? 'none';
      if (thread !== 'none' && thread !== 'sender') {
        throw usageError(`--thread must be sender or none, not "${thread}"`);
      }
      // Loaded on demand: client commands start faster without the server's modules.
      const { createLogger } = await import('../../observability/logger.js');
      const { startService } = await import('../../service.js');
      const logger = createLogger(config.logLevel);
      const service = await startService(config, logger, { api: false, worker: true, thread });
      ctx.onShutdown(async () => {
        logger.info('worker shutting down');
        await service.stop();
      });
    });
}
