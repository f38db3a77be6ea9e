import type { ErrorClass } from '../model.js';

/** What happened during one attempt, ready to be written to the attempt log. */
export interface AttemptOutcome {
  readonly startedAt: number;
  readonly durationMs: number;
  /** The headers as sent: signatures, never the secret. */
  readonly requestHeaders: Readonly<Record<string, string>>;
  readonly responseStatus: number | null;
  readonly responseHeaders: Readonly<Record<string, string>> | null;
  /** The first 16 KiB of the response body. */
  readonly responseBody: string | null;
  readonly succeeded: boolean;
  readonly errorClass: ErrorClass | null;
  readonly errorMessage: string | null;
  /** True when shutdown cut the attempt short: release the delivery, don't log the attempt. */
  readonly aborted: boolean;
}
