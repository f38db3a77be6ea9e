import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';

/**
 * Migration `0018_partner_postbacks` (docs/partner-portal.md, "Postbacks"). A postback is a
 * `webhooks` row of kind `postback` owned by a partner, so signing, secrets at rest, rotation,
 * retries, the attempt log and the endpoint lifecycle are the webhooks' own. It adds:
 *
 * - `webhooks.partner_id` (the owning partner's id; null for the owner's webhooks),
 *   `postback_format` (`webhook`: the signed envelope; `url`: a URL template with macros) and
 *   `method` (`GET` | `POST`, url format only);
 * - the owner's postback policy, as nullable columns of `portal_settings` (null: the default);
 * - `postback_notices`: what the partner is told in the portal (a postback Hookline disabled).
 */
export function migration0018(engine: Engine): Migration {
  const big = bigint(engine);
  return {
    async up(db: Db) {
      await db.schema.alterTable('webhooks').addColumn('partner_id', 'text').execute();
      await db.schema.alterTable('webhooks').addColumn('postback_format', 'text').execute();
      await db.schema.alterTable('webhooks').addColumn('method', 'text').execute();
      // A partner's postbacks, listed and counted (at most 5) by the portal and the owner API.
      await db.schema
        .createIndex('webhooks_partner')
        .on('webhooks')
        .columns(['program_id', 'partner_id'])
        .execute();

      await db.schema
        .alterTable('portal_settings')
        .addColumn('postbacks_enabled', 'integer')
        .execute();
      // JSON array of the event types partners may subscribe to; null: all of them.
      await db.schema.alterTable('portal_settings').addColumn('postback_events', 'text').execute();
      await db.schema
        .alterTable('portal_settings')
        .addColumn('postback_customer_pii', 'text')
        .execute();
      await db.schema
        .alterTable('portal_settings')
        .addColumn('max_postbacks_per_partner', 'integer')
        .execute();
      await db.schema
        .alterTable('portal_settings')
        .addColumn('postback_allow_http', 'integer')
        .execute();

      await db.schema
        .createTable('postback_notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        // The postback's id; kept when the postback is deleted (the notice stays readable).
        .addColumn('postback_id', 'text', (c) => c.notNull())
        .addColumn('postback_url', 'text', (c) => c.notNull())
        // `postback.disabled`
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('message', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('postback_notices_partner')
        .on('postback_notices')
        .columns(['program_id', 'partner_id', 'created_at'])
        .execute();
    },
  };
}
