import type { Kysely } from 'kysely';
import { cancelForWebhook } from '../deliveries/index.js';
import type { Database } from '../storage/index.js';
import { cancelProgramPostbacks } from '../webhooks/index.js';

/**
 * Cancels every pending postback delivery of a program ("postbacks turned off"), in the
 * caller's transaction: the portal settings pass it to `updatePortalSettings`.
 */
export function cancelPostbacksOf(
  trx: Kysely<Database>,
  programId: string,
  now: number,
): Promise<number> {
  return cancelProgramPostbacks(trx, programId, now, cancelForWebhook);
}
