import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import { EVENT_TYPES, isEventType } from '../../webhooks/catalog.js';
import { produceEvent } from '../activity.js';
import { answer } from '../api-client.js';
import { addApiOptions, apiClientFor } from '../cli-context.js';
import type { ApiOptions, CliContext } from '../cli-context.js';
import { usageError } from '../cli-error.js';
import { colorStatus, lastResult } from '../delivery-summary.js';

interface TriggerOptions extends ApiOptions {
  resources: boolean;
  wait: string;
  json?: boolean;
}

/**
 * `hookline trigger <event>`: makes a realistic event of that type happen in the program
 * (through the partner-program API, else `POST /v1/events` with the catalog sample), then
 * prints the event id and its deliveries once their first attempt is done.
 */
export function registerTriggerCommand(program: Command, ctx: CliContext): void {
  addApiOptions(
    program
      .command('trigger')
      .argument('<event>', `event type, one of: ${EVENT_TYPES.join(', ')}`)
      .description(
        "Fire a realistic event to the program's subscribed webhooks and print the deliveries.",
      )
      .option(
        '--no-resources',
        'publish the catalog sample with POST /v1/events instead of using the partner-program API',
      )
      .option('--wait <seconds>', 'how long to wait for first attempts (0: do not wait)', '10')
      .option('--json', 'print {event_id, via, deliveries} as JSON'),
  )
    .addHelpText('after', '\nExample:\n  hookline trigger transaction.created')
    .action(async (event: string, options: TriggerOptions) => {
      if (!isEventType(event)) {
        const close = EVENT_TYPES.filter((t) => t.startsWith(event.split('.')[0] ?? '')).join(', ');
        throw usageError(
          `unknown event "${event}"${close ? ` (did you mean one of: ${close}?)` : ''}; see --help`,
        );
      }
      const waitSeconds = Number(options.wait);
      if (!Number.isFinite(waitSeconds) || waitSeconds < 0 || waitSeconds > 600) {
        throw usageError('--wait must be a number of seconds from 0 to 600');
      }
      const api = apiClientFor(options, ctx);
      const { term } = ctx;
      try {
        const progress = term.progress(`Triggering ${event}`);
        let produced: Awaited<ReturnType<typeof produceEvent>>;
        try {
          produced = await produceEvent(api, event, { resources: options.resources });
        } finally {
          progress.stop();
        }
        if (produced.fallbackReason) {
          term.note(
            `note: ${produced.fallbackReason}; published the catalog sample with POST /v1/events`,
          );
        }
        if (produced.eventId === undefined) {
          term.note(`The API calls succeeded but no new ${event} event was recorded.`);
          process.exitCode = 1;
          return;
        }
        const eventId = produced.eventId;
        const load = async () =>
          (await answer(api.client.GET('/v1/events/{id}', { params: { path: { id: eventId } } })))
            .data;
        let { deliveries } = await load();
        // Wait until each delivery had its first attempt (or the wait is over).
        const deadline = Date.now() + waitSeconds * 1000;
        const waiting = term.progress('Waiting for the first attempts');
        try {
          while (
            deliveries.some((d) => d.status === 'pending' && d.attempts === 0) &&
            Date.now() < deadline
          ) {
            await sleep(200);
            ({ deliveries } = await load());
          }
        } finally {
          waiting.stop();
        }
        if (options.json) {
          term.json({ event: event, event_id: eventId, via: produced.via, deliveries });
          return;
        }
        term.line(
          `Triggered ${event}: ${eventId} (via ${produced.via === 'resource' ? 'the partner-program API' : 'POST /v1/events'})`,
        );
        if (deliveries.length === 0) {
          term.line(`No active webhook of this program is subscribed to ${event}.`);
          return;
        }
        for (const d of deliveries) {
          term.line(
            `  ${d.webhook_key.padEnd(28)} ${colorStatus(term, d.status)} ${lastResult(d).padEnd(6)} ${d.attempts} attempt${d.attempts === 1 ? ' ' : 's'}  ${d.url}`,
          );
        }
      } finally {
        await api.close();
      }
    });
}
