/**
 * Response schemas of `hookline listen`'s routes (`/v1/listeners`). Imports nothing but zod, so
 * the dashboard and the CLI read the inferred types through `api/contract.ts`.
 */
import { z } from 'zod';
import { dataOf } from './common-schemas.js';

/** A device's listener: a webhook of kind `listener` with its own signing secret. */
export const listenerSchema = z
  .object({
    id: z.string(),
    key: z.string(),
    name: z.string(),
    url: z.string().describe('`listener:<id>`: deliveries go to the connected session.'),
    events: z.array(z.string()),
    is_active: z.boolean(),
    disabled_reason: z
      .string()
      .nullable()
      .describe(
        'Why Hookline stopped it (e.g. "API key revoked"), while it stays stopped; else null.',
      ),
    signature: z.string().describe("The listener's signing secret."),
    connected: z.boolean().describe('Whether a session is connected to this server process.'),
  })
  .describe('A listener of `hookline listen`.');

/** A listener of `hookline listen`. */
export type Listener = z.infer<typeof listenerSchema>;

/** `POST /v1/listeners` (201 new, 200 reactivated). */
export const listenerData = dataOf(listenerSchema);

/** `GET /v1/listeners`. */
export const listenerList = dataOf(z.array(listenerSchema));

/** `POST /v1/listeners/{id}/responses`. */
export const reportAccepted = dataOf(z.object({ accepted: z.literal(true) }));

/** `GET /v1/listeners/{id}/stream`: a `text/event-stream`, documented as text. */
export const listenerStream = z
  .string()
  .describe(
    '`event: ready`, then one `event: delivery` per attempt; `: ping` every 15 s. When the server ends the session, a last `event: closed` with `{reason, message}`: `reason` is `api_key_revoked` (the key that opened it was revoked) or `listener_stopped`.',
  );
