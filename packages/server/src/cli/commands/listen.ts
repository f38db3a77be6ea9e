import { hostname, userInfo } from 'node:os';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Command } from 'commander';
import type { ListenerDeliveryEvent } from '../../listen/listener-hub.js';
import { ALL_EVENTS, isEventType } from '../../webhooks/catalog.js';
import { ApiError, answer, parseHttpUrl } from '../api-client.js';
import type { CliApi } from '../api-client.js';
import { addApiOptions, apiClientFor } from '../cli-context.js';
import type { ApiOptions, CliContext } from '../cli-context.js';
import { CliError, usageError } from '../cli-error.js';
import { forwardRequest } from '../forward-request.js';
import { readServerSentEvents } from '../sse-reader.js';
import { clockTime } from '../terminal.js';

interface ListenOptions extends ApiOptions {
  forwardTo?: string;
  events?: string;
  device?: string;
  json?: boolean;
  printSecret?: boolean;
}

/**
 * The server ended the session because the API key it was opened with was revoked: reconnecting
 * cannot help, so `listen` exits (status 1) with this message.
 */
export class ApiKeyRevokedError extends CliError {
  constructor() {
    super(
      'the API key was revoked: the server closed this listener and cancelled its queued deliveries. Run hookline listen again with a valid key (HOOKLINE_API_KEY or --api-key).',
    );
    this.name = 'ApiKeyRevokedError';
  }
}

/** The reason of the stream's last `closed` event (see `GET /v1/listeners/{id}/stream`). */
export function closedReasonOf(data: string): string {
  try {
    const parsed = JSON.parse(data) as { reason?: unknown };
    return typeof parsed.reason === 'string' ? parsed.reason : 'unknown';
  } catch {
    return 'unknown';
  }
}

/** Reconnect delays: 1 s doubling to 30 s; reset after a session that got `ready`. */
export function reconnectDelay(failures: number): number {
  return Math.min(30_000, 1_000 * 2 ** Math.max(0, failures - 1));
}

/** Parses `--events a,b` (default `*`), refusing names that are not in the catalog. */
export function parseEventsFlag(raw: string | undefined): string[] {
  if (raw === undefined || raw.trim() === '') return [ALL_EVENTS];
  const events = raw
    .split(',')
    .map((e) => e.trim())
    .filter((e) => e !== '');
  for (const event of events) {
    if (event !== ALL_EVENTS && !isEventType(event)) {
      throw usageError(`--events: unknown event "${event}" (see GET /v1/event-types, or use *)`);
    }
  }
  return events.length > 0 ? events : [ALL_EVENTS];
}

/**
 * `hookline listen --forward-to <url>`: registers a listener for the program, receives every
 * matching delivery over one outbound event stream, forwards it with its real body and
 * signature headers to a local URL, and reports the local answer back to the delivery log.
 */
export function registerListenCommand(program: Command, ctx: CliContext): void {
  addApiOptions(
    program
      .command('listen')
      .description(
        'Receive webhooks on this machine: forward every matching event to a local URL (no inbound connection needed).',
      )
      .option(
        '-f, --forward-to <url>',
        'local URL to POST each event to, e.g. http://localhost:3000/webhooks',
      )
      .option('-e, --events <list>', 'comma-separated event types to receive (default: all)')
      .option(
        '--device <name>',
        'name of this machine; the same name gets the same listener and signing secret back (default: user@host)',
      )
      .option('--print-secret', "register, print the listener's signing secret, and exit")
      .option('--json', 'one JSON object per event on stdout'),
  )
    .addHelpText(
      'after',
      '\nExample:\n  hookline listen --forward-to http://localhost:3000/webhooks --events partner.created,transaction.created',
    )
    .action(async (options: ListenOptions) => {
      const events = parseEventsFlag(options.events);
      const forwardTo =
        options.forwardTo === undefined
          ? undefined
          : parseHttpUrl(options.forwardTo, '--forward-to').toString();
      if (forwardTo === undefined && !options.printSecret) {
        throw usageError('--forward-to <url> is required (the local endpoint to send events to)');
      }
      const device = options.device ?? defaultDevice();
      const api = apiClientFor(options, ctx);
      const { term } = ctx;
      try {
        const register = async () =>
          (await answer(api.client.POST('/v1/listeners', { body: { device, events } }))).data;
        let listener = await register();
        if (options.printSecret || forwardTo === undefined) {
          term.line(listener.signature);
          return;
        }
        if (options.json) {
          term.json({
            type: 'ready',
            listener: listener.id,
            secret: listener.signature,
            events,
            forward_to: forwardTo,
          });
        }
        term.note(`Ready! Forwarding ${events.join(', ')} events to ${forwardTo}`);
        term.note(
          `Your listener's signing secret is ${listener.signature} (listener ${listener.id})`,
        );
        term.note('Press Ctrl-C to stop.');

        const stop = new AbortController();
        let listenerId = listener.id;
        ctx.onShutdown(async () => {
          stop.abort();
          // Deactivate: no more deliveries queue up for a session that is gone.
          await api.client
            .DELETE('/v1/listeners/{id}', { params: { path: { id: listenerId } } })
            .catch((error: unknown) => {
              term.note(
                `could not stop the listener on the server: ${error instanceof Error ? error.message : String(error)}`,
              );
            });
          await api.close();
          term.note('Stopped listening.');
        });

        let failures = 0;
        while (!stop.signal.aborted) {
          try {
            const stream = await answer(
              api.client.GET('/v1/listeners/{id}/stream', {
                params: { path: { id: listenerId } },
                headers: { accept: 'text/event-stream' },
                parseAs: 'stream',
                signal: stop.signal,
              }),
            );
            if (stream === null) throw new CliError('the server sent no event stream');
            for await (const message of readServerSentEvents(stream)) {
              if (message.event === 'ready') {
                // After any "connection lost" line, say that it is back, even when the stream
                // was lost before its first `ready`.
                if (failures > 0) term.note(`${clockTime()}  reconnected`);
                failures = 0;
              } else if (message.event === 'delivery') {
                const event = JSON.parse(message.data) as ListenerDeliveryEvent;
                void handleDelivery(api, listenerId, forwardTo, event, ctx, options.json === true);
              } else if (message.event === 'closed') {
                const reason = closedReasonOf(message.data);
                if (options.json) term.json({ type: 'closed', reason });
                if (reason === 'api_key_revoked') throw new ApiKeyRevokedError();
              }
            }
            if (stop.signal.aborted) break;
            throw new CliError('the server closed the stream');
          } catch (error) {
            if (stop.signal.aborted) break;
            if (error instanceof ApiKeyRevokedError) throw error;
            if (error instanceof ApiError && error.status === 401) throw error;
            if (error instanceof ApiError && (error.status === 404 || error.status === 409)) {
              // Stopped or deleted meanwhile (another session of this device ended): register again.
              listener = await register().catch(() => listener);
              listenerId = listener.id;
            }
            failures++;
            const delay = reconnectDelay(failures);
            term.note(
              `${clockTime()}  connection lost (${error instanceof Error ? error.message : String(error)}); reconnecting in ${Math.round(delay / 1000)} s`,
            );
            await sleep(delay, undefined, { signal: stop.signal }).catch(() => {});
          }
        }
      } finally {
        // On Ctrl-C the shutdown cleanup closes the client; here only the early exits.
        if (options.printSecret || forwardTo === undefined) await api.close();
      }
    });
}

async function handleDelivery(
  api: CliApi,
  listenerId: string,
  forwardTo: string,
  event: ListenerDeliveryEvent,
  ctx: CliContext,
  json: boolean,
): Promise<void> {
  const { term } = ctx;
  const result = await forwardRequest(forwardTo, event.body, event.headers, event.timeout_ms);
  const report = result.ok
    ? { attempt: event.attempt, status: result.status, headers: result.headers, body: result.body }
    : { attempt: event.attempt, error: { class: result.errorClass, message: result.message } };
  let late = false;
  try {
    await api.client.POST('/v1/listeners/{id}/responses', {
      params: { path: { id: listenerId } },
      body: report,
    });
  } catch (error) {
    late = error instanceof ApiError && error.status === 409;
    if (!late)
      term.note(
        `could not report the result of ${event.event_id}: ${error instanceof Error ? error.message : String(error)}`,
      );
  }
  if (json) {
    term.json({
      type: 'delivery',
      time: new Date().toISOString(),
      event: event.event,
      event_id: event.event_id,
      delivery_id: event.delivery_id,
      status: result.ok ? result.status : null,
      error: result.ok ? null : result.message,
      duration_ms: result.durationMs,
      reported: !late,
    });
    return;
  }
  const outcome = result.ok
    ? term.color(
        `[${result.status}]`,
        result.status >= 200 && result.status < 300 ? 'green' : 'red',
      )
    : term.color(`[ERR] ${result.message}`, 'red');
  term.line(
    `${clockTime()}  ${event.event.padEnd(20)} ${term.color(event.event_id, 'dim')}  --> ${outcome} POST ${forwardTo} (${result.durationMs} ms)${late ? ' (too late: the attempt had timed out)' : ''}`,
  );
}

function defaultDevice(): string {
  let user = 'user';
  try {
    user = userInfo().username;
  } catch {}
  return `${user}@${hostname()}`;
}
