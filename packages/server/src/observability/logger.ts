import pino from 'pino';
import type { Logger } from 'pino';
import type { LogLevel } from '../config/config.js';

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

/** JSON logs on stdout (or the given stream), with credentials redacted. */
export function createLogger(level: LogLevel, destination?: pino.DestinationStream): Logger {
  return pino(
    {
      level,
      base: { service: 'hookline' },
      redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
      timestamp: pino.stdTimeFunctions.isoTime,
    },
    destination,
  );
}
