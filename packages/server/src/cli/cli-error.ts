/**
 * Exit codes scripts can rely on (documented in docs/cli.md):
 * `0` ok, `1` the operation failed (server unreachable, refused key, API error), `2` usage
 * (unknown command or option, malformed flag value), `78` configuration (invalid environment,
 * no API key; `EX_CONFIG` from sysexits.h).
 */
export const EXIT = { ok: 0, failure: 1, usage: 2, config: 78 } as const;

/** One of the {@link EXIT} codes. */
export type ExitCode = (typeof EXIT)[keyof typeof EXIT];

/**
 * An error the CLI reports as one line on stderr (no stack trace) and exits with `exitCode`.
 *
 * @example throw new CliError('--forward-to must be an http(s) URL', EXIT.usage);
 */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode: ExitCode = EXIT.failure,
    options?: { cause?: unknown },
  ) {
    super(message, options);
    this.name = 'CliError';
  }
}

/** A usage error (exit 2): a flag value that cannot be right. */
export function usageError(message: string): CliError {
  return new CliError(message, EXIT.usage);
}
