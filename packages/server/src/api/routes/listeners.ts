import { createHash } from 'node:crypto';
import { z } from 'zod';
import { cancelForWebhook } from '../../deliveries/index.js';
import { deliveryServicesOf } from '../../dispatch/delivery-services.js';
import { ListenerHub } from '../../listen/listener-hub.js';
import { SESSION_END_MESSAGES, createSessionCheck } from '../../listen/session-check.js';
import { ALL_EVENTS, isEventType } from '../../webhooks/catalog.js';
import { adoptListener, registerListener, stopListener } from '../../webhooks/index.js';
import type { WebhookRow } from '../../webhooks/index.js';
import type { Api, ResolvedDeps } from '../app.js';
import { openSecret } from '../../webhooks/secrets-at-rest.js';
import { principalOf } from '../auth.js';
import { HttpError, notFound, validationFailed } from '../errors.js';
import { ok } from '../responses.js';
import { statusOnly } from './common-schemas.js';
import { listenerData, listenerList, listenerStream, reportAccepted } from './listener-schemas.js';

/** How often an idle event stream carries a comment, so proxies and the CLI see it alive. */
export const HEARTBEAT_MS = 15_000;

const registerBody = z.object({
  /**
   * Stable name of the developer's machine. The same device gets the same listener back, so
   * its secret survives restarts of `hookline listen`.
   */
  device: z.string().trim().min(1).max(100),
  events: z.array(z.string().max(100)).min(1).max(100).default([ALL_EVENTS]),
});

const idParams = z.object({ id: z.string().max(100) });

const reportBody = z.union([
  z.object({
    attempt: z.string().min(1).max(100),
    status: z.number().int().min(100).max(599),
    headers: z.record(z.string(), z.string()).default({}),
    body: z.string().max(65_536).default(''),
  }),
  z.object({
    attempt: z.string().min(1).max(100),
    error: z.object({
      class: z.enum(['connection', 'timeout', 'dns']),
      message: z.string().max(1_000),
    }),
  }),
]);

/** The listener resource. */
function presentListener(row: WebhookRow, hub: ListenerHub) {
  return {
    id: row.id,
    key: row.key,
    name: row.name,
    url: row.url,
    events: JSON.parse(row.events) as string[],
    is_active: row.is_active === 1,
    // Why it stopped, when Hookline stopped it (its API key was revoked); null otherwise.
    disabled_reason: row.is_active !== 1 && row.disabled_at !== null ? row.disabled_reason : null,
    signature: openSecret(row.secret),
    connected: hub.isConnected(row.id),
  };
}

/** The webhook key of a device's listener: stable per device, never guessable from outside. */
function listenerKey(device: string): string {
  return `listen-${createHash('sha256').update(device).digest('hex').slice(0, 20)}`;
}

/**
 * `hookline listen`'s server side, under `/v1`:
 * - `POST /v1/listeners` `{device, events}` registers (or reactivates) the device's listener: a
 *   webhook of kind `listener` with URL `listener:<id>` and its own signing secret.
 * - `GET /v1/listeners` lists them, with `connected`.
 * - `GET /v1/listeners/{id}/stream` is the session: a `text/event-stream` of `ready`, then one
 *   `delivery` event per attempt, with `: ping` comments every 15 s. When the server ends the
 *   session (the key that opened it was revoked, the listener was stopped), a last `closed`
 *   event `{reason, message}` precedes the end of the stream.
 * - `POST /v1/listeners/{id}/responses` reports the local endpoint's answer to one attempt.
 * - `DELETE /v1/listeners/{id}` deactivates it (pending deliveries are cancelled); the row and
 *   its secret stay for the next session of the same device.
 *
 * Sessions are held in this process (see {@link ListenerHub}): in a deployment with several
 * processes, `hookline listen` must connect to one that also runs the dispatcher. Each session
 * is re-checked against the database every 2 s (`SESSION_RECHECK_MS`) and before each relay,
 * so a key revoked or a listener stopped through any process ends it there too.
 */
export function registerListenerRoutes(app: Api, deps: ResolvedDeps): void {
  const { db } = deps.store;
  // The hub becomes the listener transport of this process's sender (deps.delivery), which
  // the dispatcher and test sends use, so sessions connected here get their attempts.
  const hub = new ListenerHub({
    deliveryTimeoutMs: deps.config.deliveryTimeoutMs,
    check: createSessionCheck(db),
    onCheckError: (error) => app.log.warn({ err: error }, 'listener session re-check failed'),
  });
  deliveryServicesOf(deps, (created) => {
    app.addHook('onClose', async () => created.close());
  }).setListenerTransport(hub);
  const tags = ['listeners'];

  app.addHook('preClose', (done) => {
    // Open event streams would keep the HTTP server from closing.
    hub.close();
    done();
  });

  const findListener = async (programId: string, id: string) => {
    const row = await db
      .selectFrom('webhooks')
      .selectAll()
      .where('program_id', '=', programId)
      .where('id', '=', id)
      .where('kind', '=', 'listener')
      .executeTakeFirst();
    if (!row) throw notFound('Listener');
    return row;
  };

  app.post(
    '/listeners',
    {
      schema: {
        tags,
        summary: 'Register (or reactivate) the listener of a device',
        body: registerBody,
        response: { 200: listenerData, 201: listenerData },
      },
    },
    async (request, reply) => {
      const { programId, apiKeyId } = principalOf(request);
      const { device, events } = request.body;
      const errors: Record<string, string[]> = {};
      events.forEach((event, i) => {
        if (event !== ALL_EVENTS && !isEventType(event)) {
          errors[`events.${i}`] = [
            `Unknown event "${event}". See GET /v1/event-types for the list, or use "*" for all.`,
          ];
        }
      });
      if (Object.keys(errors).length > 0) throw validationFailed(errors);

      const key = listenerKey(device);
      const name = `hookline listen (${device})`;
      const result = await registerListener(
        db,
        { programId, apiKeyId, key, name, events, urlOf: ListenerHub.urlOf },
        deps.clock(),
      );
      if (result.outcome === 'key_taken') {
        throw new HttpError(
          409,
          `Webhook key ${key} is taken by a webhook that is not a listener.`,
        );
      }
      const { row } = result;
      const created = result.outcome === 'created';
      return reply.code(created ? 201 : 200).send(ok(presentListener(row, hub)));
    },
  );

  app.get(
    '/listeners',
    {
      schema: {
        tags,
        summary: 'List listeners',
        response: { 200: listenerList },
      },
    },
    async (request) => {
      const rows = await db
        .selectFrom('webhooks')
        .selectAll()
        .where('program_id', '=', principalOf(request).programId)
        .where('kind', '=', 'listener')
        .orderBy('id')
        .limit(100)
        .execute();
      return ok(rows.map((r) => presentListener(r, hub)));
    },
  );

  app.get(
    '/listeners/:id/stream',
    {
      schema: {
        tags,
        summary: 'The event stream of a listener session (text/event-stream)',
        params: idParams,
        produces: ['text/event-stream'],
        response: {
          200: {
            description: 'The event stream',
            content: { 'text/event-stream': { schema: listenerStream } },
          },
        },
      },
    },
    async (request, reply) => {
      const { programId, apiKeyId } = principalOf(request);
      const row = await findListener(programId, request.params.id);
      if (row.is_active !== 1) {
        throw new HttpError(
          409,
          'This listener was stopped; register it again with POST /v1/listeners.',
        );
      }
      if (row.api_key_id !== apiKeyId) {
        // The newest session's key owns the listener: revoking it stops the listener and
        // cancels what is queued for it (programs/api-keys.ts).
        await adoptListener(db, row.id, apiKeyId);
      }
      reply.hijack();
      const raw = reply.raw;
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store, no-transform',
        connection: 'keep-alive',
        // nginx: don't buffer the stream.
        'x-accel-buffering': 'no',
      });
      raw.socket?.setNoDelay(true);
      let closed = false;
      const write = (chunk: string) => {
        if (!closed) raw.write(chunk);
      };
      const send = (event: string, data: unknown) =>
        write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      const detach = hub.connect(
        row.id,
        {
          send,
          close: (reason) => {
            if (closed) return;
            if (reason !== undefined)
              send('closed', { reason, message: SESSION_END_MESSAGES[reason] });
            raw.end();
          },
        },
        apiKeyId,
      );
      const heartbeat = setInterval(() => write(': ping\n\n'), HEARTBEAT_MS);
      heartbeat.unref();
      raw.on('close', () => {
        closed = true;
        clearInterval(heartbeat);
        detach();
      });
      write(
        `event: ready\ndata: ${JSON.stringify({ id: row.id, events: JSON.parse(row.events) as unknown })}\n\n`,
      );
    },
  );

  app.post(
    '/listeners/:id/responses',
    {
      schema: {
        tags,
        summary: "Report the local endpoint's answer to one attempt",
        params: idParams,
        body: reportBody,
        response: { 200: reportAccepted },
      },
    },
    async (request) => {
      const row = await findListener(principalOf(request).programId, request.params.id);
      const { attempt, ...report } = request.body;
      if (!hub.report(row.id, attempt, report)) {
        throw new HttpError(
          409,
          'This attempt is no longer waiting for an answer (it timed out, or the session reconnected to another server process).',
        );
      }
      return ok({ accepted: true });
    },
  );

  app.delete(
    '/listeners/:id',
    {
      schema: {
        tags,
        summary: 'Stop a listener (deactivate; pending deliveries are cancelled)',
        params: idParams,
        response: { 200: statusOnly },
      },
    },
    async (request) => {
      const row = await findListener(principalOf(request).programId, request.params.id);
      await stopListener(db, row.id, deps.clock(), cancelForWebhook);
      hub.disconnectAll(row.id, 'listener_stopped');
      return { status: 1 as const };
    },
  );
}
