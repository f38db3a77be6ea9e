import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';

/** Migration `0007_partnero_parity`. */
export function migration0007(engine: Engine): Migration {
  const big = bigint(engine);
  return {
    async up(db: Db) {
      // Partnero's transaction keys are not unique (its n8n node documents that a second
      // create with a key records a second sale), so the unique index becomes a plain one;
      // lookups by key still use it.
      await db.schema.dropIndex('transactions_program_key').execute();
      await db.schema
        .createIndex('transactions_program_key')
        .on('transactions')
        .columns(['program_id', 'key'])
        .execute();
      // Fields Partnero's clients send with a sale, stored as given (minor units for money).
      await db.schema.alterTable('transactions').addColumn('gross_amount_minor', big).execute();
      await db.schema.alterTable('transactions').addColumn('discount_amount_minor', big).execute();
      await db.schema.alterTable('transactions').addColumn('discount_code', 'text').execute();
      // When a customer was archived (reversible; status `archived`).
      await db.schema.alterTable('customers').addColumn('archived_at', big).execute();
      // Archived transactions (reversible): their unpaid rewards are set aside as cancelled
      // and remember the status they return to.
      await db.schema.alterTable('transactions').addColumn('archived_at', big).execute();
      await db.schema.alterTable('rewards').addColumn('status_before_archive', 'text').execute();
      // A partner's additional referral links (its main link is its own `key`).
      await db.schema
        .createTable('referral_links')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('referral_links_program_key')
        .unique()
        .on('referral_links')
        .columns(['program_id', 'key'])
        .execute();
      await db.schema
        .createIndex('referral_links_program_partner')
        .on('referral_links')
        .columns(['program_id', 'partner_id'])
        .execute();
    },
  };
}
