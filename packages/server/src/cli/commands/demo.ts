import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { loadConfig } from '../../config/config.js';
import { parseDuration } from '../../config/duration.js';
import type { RunningService } from '../../service.js';
import { answer, connectApi } from '../api-client.js';
import type { CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { DemoActivity } from '../demo-activity.js';
import { startDemoReceiver } from '../demo-receiver.js';
import type { DemoReceiver } from '../demo-receiver.js';
import { clockTime } from '../terminal.js';

interface DemoOptions {
  duration?: string;
  rate: string;
  port: string;
  dataDir?: string;
  failureRate: string;
  retrySchedule: string;
}

/** The demo's compressed retry schedule: retries within seconds instead of hours. */
export const DEMO_RETRY_SCHEDULE = '0s,2s,5s,10s,20s';

/**
 * `hookline demo`: everything at once on a laptop. Starts the service on SQLite with a short
 * retry schedule, a sample receiver on loopback that verifies signatures with
 * `@hookline/receiver` and fails some requests, a webhook to it, and a stream of realistic
 * program activity; prints the dashboard URL and a sign-in link. Ctrl-C stops it cleanly.
 */
export function registerDemoCommand(program: Command, ctx: CliContext): void {
  program
    .command('demo')
    .description(
      'Run a self-contained demo: service + sample receiver + a stream of partner-program activity, with retries.',
    )
    .option('--duration <time>', 'stop after this long, e.g. 30s or 5m (default: until Ctrl-C)')
    .option('--rate <n>', 'activity per second (0.1 to 50)', '1')
    .option('--port <port>', 'port of the API and dashboard (0: any free port)', '8080')
    .option(
      '--data-dir <dir>',
      'keep the data in this directory (default: a temp dir, deleted on exit)',
    )
    .option(
      '--failure-rate <ratio>',
      'share of requests the sample receiver answers with 500',
      '0.2',
    )
    .option('--retry-schedule <list>', 'delays before each attempt', DEMO_RETRY_SCHEDULE)
    .addHelpText('after', '\nExample:\n  hookline demo --duration 60s --rate 2')
    .action(async (options: DemoOptions) => {
      const rate = Number(options.rate);
      if (!Number.isFinite(rate) || rate < 0.1 || rate > 50)
        throw usageError('--rate must be from 0.1 to 50');
      const failureRate = Number(options.failureRate);
      if (!Number.isFinite(failureRate) || failureRate < 0 || failureRate > 1) {
        throw usageError('--failure-rate must be from 0 to 1');
      }
      const port = Number(options.port);
      if (!Number.isInteger(port) || port < 0 || port > 65_535)
        throw usageError('--port must be 0 to 65535');
      let durationMs: number | undefined;
      if (options.duration !== undefined) {
        durationMs = parseDuration(options.duration);
        if (durationMs === undefined || durationMs <= 0)
          throw usageError('--duration must be like 30s, 5m or 1h');
      }

      // Loaded on demand: client commands start faster without the server's modules.
      const { default: pino } = await import('pino');
      const { createSignInLink } = await import('../../dashboard/index.js');
      const { createApiKey, listPrograms } = await import('../../programs/index.js');
      const { startService } = await import('../../service.js');
      const { term } = ctx;
      const temporary = options.dataDir === undefined;
      const dataDir = temporary
        ? mkdtempSync(join(tmpdir(), 'hookline-demo-'))
        : resolve(options.dataDir as string);
      mkdirSync(dataDir, { recursive: true });
      const configFor = (p: number) =>
        // Built from explicit values, not the environment: the demo must not touch a
        // DATABASE_URL or other settings meant for a real deployment.
        loadConfig({
          PORT: String(p),
          HOST: '127.0.0.1',
          HOOKLINE_DATA_DIR: dataDir,
          DATABASE_URL: `sqlite:${join(dataDir, 'hookline.db')}`,
          HOOKLINE_ALLOW_PRIVATE_NETWORKS: 'true',
          HOOKLINE_RETRY_SCHEDULE: options.retrySchedule,
          HOOKLINE_POLL_INTERVAL: '250ms',
          LOG_LEVEL: 'error',
        });
      // Errors only, on stderr: the demo's own lines are the show.
      const logger = pino({ level: 'error' }, pino.destination(2));

      const progress = term.progress('Starting Hookline');
      let service: RunningService;
      let receiver: DemoReceiver | undefined;
      const cleanup = async () => {
        await receiver?.close();
        await service?.stop();
        if (temporary) rmSync(dataDir, { recursive: true, force: true });
      };
      try {
        try {
          service = await startService(configFor(port), logger);
        } catch (error) {
          if ((error as { code?: string }).code !== 'EADDRINUSE' || port === 0) throw error;
          term.note(`port ${port} is busy; using a free one`);
          service = await startService(configFor(0), logger);
        }
      } catch (error) {
        progress.stop();
        if (temporary) rmSync(dataDir, { recursive: true, force: true });
        throw error;
      }
      const url = service.url;
      const [firstProgram] = await listPrograms(service.store.db);
      if (!firstProgram) throw new Error('no program after bootstrap');
      const { apiKey } = await createApiKey(service.store.db, firstProgram.id, { name: 'demo' });
      const api = connectApi({ url, apiKey });

      let stopped = false;
      const stopSignal = new AbortController();
      const stop = async () => {
        if (stopped) return;
        stopped = true;
        stopSignal.abort();
        await summarize();
        await api.close();
        await cleanup();
      };
      ctx.onShutdown(stop);

      const summarize = async () => {
        const rows = await service.store.db
          .selectFrom('deliveries')
          .select(['status'])
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('program_id', '=', firstProgram.id)
          .groupBy('status')
          .execute();
        const counts = Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
        term.line();
        term.line(
          `Demo stopped. Deliveries: ${counts.succeeded ?? 0} succeeded, ${counts.pending ?? 0} pending (retrying), ${counts.failed ?? 0} failed.`,
        );
        if (receiver) {
          term.line(
            `The receiver got ${receiver.stats.received} requests: ${receiver.stats.ok} answered 200, ${receiver.stats.failed} simulated 500s, ${receiver.stats.badSignature} bad signatures.`,
          );
        }
        if (!temporary) term.line(`Data kept in ${dataDir}`);
      };

      try {
        receiver = await startDemoReceiver({
          failureRate,
          onRequest: (r) => {
            if (stopped) return;
            const status =
              r.status === 200
                ? term.color('200 OK ', 'green')
                : r.status === 500
                  ? term.color('500 ERR', 'red')
                  : term.color('400 BAD', 'red');
            const note =
              r.status === 500
                ? ' (simulated failure; Hookline will retry)'
                : r.status === 400
                  ? ' signature INVALID'
                  : ' signature verified';
            term.line(
              `${clockTime()}  receiver <- ${r.event.padEnd(20)} ${term.color(r.eventId, 'dim')} attempt ${r.attempt}  ${status}${term.color(note, 'dim')}`,
            );
          },
        });
        const { data: webhook } = await answer(
          api.client.POST('/v1/webhooks', {
            body: { name: 'Demo receiver', url: receiver.url, events: ['*'] },
          }),
        );
        receiver.secret = webhook.signature;
        const link = await createSignInLink(service.store.db, firstProgram.id, Date.now());
        progress.stop();

        term.line();
        term.line(term.color('  Hookline demo is running', 'bold'));
        term.line(`  Dashboard:     ${url}/`);
        term.line(`  Sign in:       ${url}/auth/link?token=${link.token}  (one-time, 15 min)`);
        term.line(`  API key:       ${apiKey}`);
        term.line(
          `  Receiver:      ${receiver.url} (verifies signatures; ${Math.round(failureRate * 100)}% of requests fail)`,
        );
        term.line(`  Retries after: ${options.retrySchedule}`);
        term.line(`  Data:          ${dataDir}${temporary ? ' (deleted on exit)' : ''}`);
        term.line();
        term.line(
          `  In another terminal: HOOKLINE_API_URL=${url} HOOKLINE_API_KEY=${apiKey} hookline tail`,
        );
        term.line(
          `  Press Ctrl-C to stop${durationMs !== undefined ? ` (stops by itself after ${options.duration})` : ''}.`,
        );
        term.line();
      } catch (error) {
        progress.stop();
        stopped = true;
        await api.close();
        await cleanup();
        throw error;
      }

      const activity = new DemoActivity(api);
      const deadline =
        durationMs === undefined ? Number.POSITIVE_INFINITY : Date.now() + durationMs;
      const interval = 1000 / rate;
      while (!stopSignal.signal.aborted && Date.now() < deadline) {
        const started = Date.now();
        try {
          const what = await activity.step();
          term.line(`${clockTime()}  program  -> ${what}`);
        } catch (error) {
          if (stopSignal.signal.aborted) break;
          term.note(
            `${clockTime()}  activity step failed: ${error instanceof Error ? error.message : String(error)}`,
          );
        }
        await sleep(Math.max(0, interval - (Date.now() - started)), undefined, {
          signal: stopSignal.signal,
        }).catch(() => {});
      }
      await stop();
    });
}
