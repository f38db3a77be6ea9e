import { z } from 'zod';

/** What an API user can rely on from this installation: versions, windows, limits. */
export const serviceInfoSchema = z
  .object({
    version: z.string(),
    retention_days: z
      .number()
      .nullable()
      .describe('Days events and delivery logs are kept (HOOKLINE_RETENTION); null: forever.'),
    retry_schedule_seconds: z
      .array(z.number())
      .describe('Delay before each attempt; its length is the number of attempts.'),
    delivery_timeout_seconds: z.number(),
    rate_limit: z
      .object({ requests: z.number().int(), per_seconds: z.number() })
      .nullable()
      .describe('Requests per API key (HOOKLINE_RATE_LIMIT); null: unlimited.'),
  })
  .describe("This installation's settings that API users see the effects of.");

/** `GET /v1/service`. */
export type ServiceInfo = z.infer<typeof serviceInfoSchema>;
