import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';

/**
 * Migration `0015_customer_referrals`:
 * refer-a-friend customers' additional referral links, and the invitations
 * `POST /v1/customers:invite` records.
 */
export function migration0015(engine: Engine): Migration {
  const big = bigint(engine);
  return {
    async up(db: Db) {
      await db.schema
        .createTable('customer_referral_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      // A link key names one customer in its program; another program may use the same key.
      await db.schema
        .createIndex('customer_referral_links_program_key')
        .on('customer_referral_links')
        .columns(['program_id', 'key'])
        .unique()
        .execute();
      await db.schema
        .createIndex('customer_referral_links_customer')
        .on('customer_referral_links')
        .columns(['customer_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('customer_invitations')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        // The inviting customer, when the request names one (its referral link goes out).
        .addColumn('customer_id', 'text')
        .addColumn('personalization', 'text', (c) => c.notNull().defaultTo('{}'))
        // recorded (no SMTP configured) | sent | failed
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('error', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('sent_at', big)
        .execute();
      await db.schema
        .createIndex('customer_invitations_customer')
        .on('customer_invitations')
        .columns(['customer_id', 'created_at'])
        .execute();
      await db.schema
        .createIndex('customer_invitations_program')
        .on('customer_invitations')
        .columns(['program_id', 'created_at'])
        .execute();
    },
    async down(db: Db) {
      await db.schema.dropTable('customer_invitations').execute();
      await db.schema.dropTable('customer_referral_links').execute();
    },
  };
}
