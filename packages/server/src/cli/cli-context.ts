import type { Command } from 'commander';
import type { CliEnv } from '../config/config.js';
import { connectApi, parseHttpUrl } from './api-client.js';
import type { CliApi } from './api-client.js';
import { CliError, EXIT } from './cli-error.js';
import type { Terminal } from './terminal.js';

/** What every command receives from the entry point. */
export interface CliContext {
  /** `HOOKLINE_API_URL`, `HOOKLINE_API_KEY`, `NO_COLOR` (read once by config.ts). */
  readonly env: CliEnv;
  readonly term: Terminal;
  /**
   * Registers a cleanup to run on SIGINT/SIGTERM; the entry point runs them in reverse order
   * and exits. Returns a function that unregisters it.
   */
  onShutdown(cleanup: () => Promise<void> | void): () => void;
}

/** Options of the commands that talk to a server. */
export interface ApiOptions {
  apiUrl?: string;
  apiKey?: string;
}

/** The default server of the client commands. */
export const DEFAULT_API_URL = 'http://localhost:8080';

/** Adds `--api-url` and `--api-key` to a client command. */
export function addApiOptions(command: Command): Command {
  return command
    .option('--api-url <url>', `Hookline server (env HOOKLINE_API_URL, default ${DEFAULT_API_URL})`)
    .option('--api-key <key>', "the program's API key (env HOOKLINE_API_KEY)");
}

/**
 * Resolves the server and key from flags, then the environment, then the default URL.
 *
 * @throws CliError (config, 78) without a key; (usage, 2) for a malformed URL
 */
export function apiClientFor(options: ApiOptions, ctx: CliContext): CliApi {
  const rawUrl = options.apiUrl ?? ctx.env.apiUrl ?? DEFAULT_API_URL;
  const url = parseHttpUrl(rawUrl, options.apiUrl !== undefined ? '--api-url' : 'HOOKLINE_API_URL');
  const apiKey = options.apiKey ?? ctx.env.apiKey;
  if (apiKey === undefined || apiKey === '') {
    throw new CliError(
      'no API key: pass --api-key or set HOOKLINE_API_KEY (create one with `hookline keys create`)',
      EXIT.config,
    );
  }
  return connectApi({ url: url.toString().replace(/\/+$/, ''), apiKey });
}
