import { z } from 'zod';

/** An API key as the API shows it: its label and first characters, never the key. */
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  /** The key's first 8 characters (`hlk_` and 4 more), to tell keys apart. */
  prefix: z.string(),
  is_active: z.boolean(),
  created_at: z.string(),
  last_used_at: z.string().nullable(),
  revoked_at: z.string().nullable(),
});

/** `POST /v1/api-keys` answers the new key in clear, the only time it is shown. */
export const createdApiKeySchema = apiKeySchema.extend({ key: z.string() });

/** An API key (`GET /v1/api-keys`). */
export type ApiKey = z.infer<typeof apiKeySchema>;
/** A just-created API key with the key itself (`POST /v1/api-keys`). */
export type CreatedApiKey = z.infer<typeof createdApiKeySchema>;
