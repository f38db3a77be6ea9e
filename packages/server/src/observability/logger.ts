import pino from 'pino';
import type { Logger } from 'pino';
import type { LogLevel } from '../config/config.js';
import { redactUrl } from './redact-url.js';

/**
 * Paths that may hold a credential. Logs never contain a secret or an API key: request
 * headers are redacted, and no code logs a webhook row or a signing secret.
 */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["x-csrf-token"]',
  'res.headers["set-cookie"]',
  'secret',
  'signature',
  'apiKey',
  'api_key',
  'password',
  'connectionString',
  '*.secret',
  '*.signature',
  '*.apiKey',
  '*.api_key',
  '*.password',
  '*.connectionString',
];

/** Fastify's request log fields, with credential-like query values redacted. */
function serializeRequest(req: {
  method?: string;
  url?: string;
  host?: string;
  hostname?: string;
  ip?: string;
  socket?: { remoteAddress?: string };
}): Record<string, unknown> {
  return {
    method: req.method,
    url: typeof req.url === 'string' ? redactUrl(req.url) : req.url,
    host: req.host ?? req.hostname,
    remoteAddress: req.ip ?? req.socket?.remoteAddress,
  };
}

/** JSON logs on stdout (or the given stream), with credentials redacted. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'hookline' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      // Request URLs are logged, and some carry a credential in the query (a used sign-in
      // link's token); keep the path and the harmless parameters.
      serializers: { req: serializeRequest },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
