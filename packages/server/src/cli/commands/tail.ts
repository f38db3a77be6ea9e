import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { DeliverySummary } from '@hookline/client';
import { DELIVERY_STATUSES } from '../../model.js';
import { isEventType } from '../../webhooks/catalog.js';
import { ApiError, answer } from '../api-client.js';
import { addApiOptions, apiClientFor } from '../cli-context.js';
import type { ApiOptions, CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { colorStatus, lastResult } from '../delivery-summary.js';
import { clockTime } from '../terminal.js';

interface TailOptions extends ApiOptions {
  status?: string;
  webhook?: string;
  event?: string;
  json?: boolean;
  history: string;
  interval: string;
}

/** Rows fetched per poll: changes beyond the newest this many deliveries are not seen. */
const WINDOW = 100;

/**
 * `hookline tail`: a live log of deliveries. Polls `GET /v1/deliveries` (newest first) every
 * second and prints each delivery that is new or changed since the last poll: a new attempt,
 * a new status.
 */
export function registerTailCommand(program: Command, ctx: CliContext): void {
  addApiOptions(
    program
      .command('tail')
      .description('Show deliveries and their attempts live, as they happen.')
      .option(
        '--status <status>',
        `only deliveries with this status (${DELIVERY_STATUSES.join(', ')})`,
      )
      .option('--webhook <key>', 'only deliveries of this webhook')
      .option('--event <type>', 'only deliveries of this event type')
      .option('--history <n>', 'first print the last n deliveries', '10')
      .option('--interval <ms>', 'poll interval', '1000')
      .option('--json', 'one JSON object per change on stdout'),
  )
    .addHelpText('after', '\nExample:\n  hookline tail --status failed --webhook uLbBzVvN7ARX')
    .action(async (options: TailOptions) => {
      if (
        options.status !== undefined &&
        !(DELIVERY_STATUSES as readonly string[]).includes(options.status)
      ) {
        throw usageError(`--status must be one of ${DELIVERY_STATUSES.join(', ')}`);
      }
      if (options.event !== undefined && !isEventType(options.event)) {
        throw usageError(`--event: unknown event "${options.event}"`);
      }
      const history = Number(options.history);
      const interval = Number(options.interval);
      if (!Number.isInteger(history) || history < 0 || history > WINDOW) {
        throw usageError(`--history must be an integer from 0 to ${WINDOW}`);
      }
      if (!Number.isInteger(interval) || interval < 100 || interval > 60_000) {
        throw usageError('--interval must be an integer from 100 to 60000 (ms)');
      }
      const api = apiClientFor(options, ctx);
      const { term } = ctx;
      const stop = new AbortController();
      ctx.onShutdown(async () => {
        stop.abort();
        await api.close();
      });

      const seen = new Map<string, string>();
      const query = {
        limit: WINDOW,
        status: options.status as DeliverySummary['status'] | undefined,
        webhook: options.webhook,
        event: options.event,
      };
      const print = (d: DeliverySummary, isNew: boolean) => {
        if (options.json) {
          term.json({ type: isNew ? 'delivery.created' : 'delivery.updated', ...d });
          return;
        }
        const next =
          d.status === 'pending' && d.next_attempt_at !== null && d.attempts > 0
            ? term.color(` next attempt ${clockTime(Date.parse(d.next_attempt_at))}`, 'dim')
            : '';
        term.line(
          `${clockTime(Date.parse(d.updated_at))}  ${d.id}  ${d.event.padEnd(20)} ${d.webhook_key.padEnd(14)} ${colorStatus(term, d.status)} ${lastResult(d).padEnd(6)} attempt ${d.attempts}${next}`,
        );
      };

      let first = true;
      let failures = 0;
      term.note('Tailing deliveries (Ctrl-C to stop)...');
      while (!stop.signal.aborted) {
        try {
          const page = await answer(api.client.GET('/v1/deliveries', { params: { query } }));
          failures = 0;
          const changed = page.data.filter((d) => seen.get(d.id) !== d.updated_at);
          const toPrint = first ? changed.slice(0, history) : changed;
          // Oldest change first, like a log.
          toPrint.sort((a, b) =>
            a.updated_at < b.updated_at ? -1 : a.updated_at > b.updated_at ? 1 : 0,
          );
          for (const d of toPrint) print(d, !seen.has(d.id));
          // Only the current window is remembered, so a long tail does not grow without bound.
          seen.clear();
          for (const d of page.data) seen.set(d.id, d.updated_at);
          first = false;
        } catch (error) {
          if (stop.signal.aborted) break;
          // A server that never answered, or refuses the key: say so and exit.
          if (error instanceof ApiError || first) throw error;
          // A restarting server is not fatal for a live log: say so once, keep polling.
          if (failures++ === 0)
            term.note(`${error instanceof Error ? error.message : String(error)}; retrying`);
        }
        await sleep(interval, undefined, { signal: stop.signal }).catch(() => {});
      }
    });
}
