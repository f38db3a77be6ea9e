import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';

/**
 * Migration `0016_partner_portal`: the
 * partner portal's own tables, owned by `src/portal/`. Sessions and sign-in links store only
 * the SHA-256 of their tokens; passwords only their scrypt hash.
 */
export function migration0016(engine: Engine): Migration {
  const big = bigint(engine);
  return {
    async up(db: Db) {
      await db.schema
        .createTable('portal_settings')
        .addColumn('program_id', 'text', (c) => c.primaryKey())
        .addColumn('enabled', 'integer', (c) => c.notNull())
        // `masked` | `visible`: whether partners see their referrals' names and e-mails.
        .addColumn('customer_pii', 'text', (c) => c.notNull())
        .addColumn('password_sign_in', 'integer', (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('portal_sign_in_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .addColumn('used_at', big)
        .execute();
      await db.schema
        .createIndex('portal_sign_in_links_partner')
        .on('portal_sign_in_links')
        .columns(['program_id', 'partner_id'])
        .execute();

      await db.schema
        .createTable('portal_sessions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('expires_at', big, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('portal_sessions_partner')
        .on('portal_sessions')
        .columns(['program_id', 'partner_id'])
        .execute();

      // What a partner keeps between payout requests (Partnero's payout method and details).
      await db.schema
        .createTable('portal_payout_details')
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('gateway', 'text')
        .addColumn('payout_settings', 'text', (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('portal_payout_details_pk', ['program_id', 'partner_id'])
        .execute();

      await db.schema
        .createTable('portal_passwords')
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('portal_passwords_pk', ['program_id', 'partner_id'])
        .execute();
    },
  };
}
