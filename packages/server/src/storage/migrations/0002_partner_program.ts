import { sql } from 'kysely';
import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';

/** Migration `0002_partner_program`. */
export function migration0002(engine: Engine): Migration {
  const big = bigint(engine);
  return {
    async up(db: Db) {
      await db.schema
        .createTable('partners')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('surname', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('approved', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('status_before_archive', 'text')
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('deleted_at', big)
        .addPrimaryKeyConstraint('partners_pk', ['program_id', 'id'])
        .execute();
      // A deleted partner keeps its row (rewards and customers still name its id), but its
      // email and referral key are free again, so uniqueness covers live partners only.
      await sql`create unique index partners_program_key on partners (program_id, key) where deleted_at is null`.execute(
        db,
      );
      await sql`create unique index partners_program_email on partners (program_id, email) where deleted_at is null`.execute(
        db,
      );

      await db.schema
        .createTable('customers')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text')
        .addColumn('email', 'text')
        .addColumn('name', 'text')
        .addColumn('surname', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('tags', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('deleted_at', big)
        .execute();
      // A deleted customer's key is free again (Partnero deletes customers for good).
      await sql`create unique index customers_program_key on customers (program_id, key) where deleted_at is null`.execute(
        db,
      );
      await db.schema
        .createIndex('customers_program_partner')
        .on('customers')
        .columns(['program_id', 'partner_id'])
        .execute();

      await db.schema
        .createTable('transactions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('amount_minor', big, (c) => c.notNull())
        .addColumn('amount_units', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text')
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('credit', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('is_currency', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('product_id', 'text')
        .addColumn('product_type', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('deleted_at', big)
        .execute();
      // Keys are unique per program, refunded transactions included: they are addressed by
      // key, and a refunded one stays readable (and refusing a second refund needs it).
      await db.schema
        .createIndex('transactions_program_key')
        .unique()
        .on('transactions')
        .columns(['program_id', 'key'])
        .execute();

      await db.schema
        .createTable('rewards')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('transaction_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('amount_minor', big, (c) => c.notNull())
        .addColumn('amount_units', 'text', (c) => c.notNull())
        .addColumn('is_currency', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('credit', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('product_id', 'text')
        .addColumn('product_type', 'text')
        .addColumn('review_ends_at', big)
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('approved_at', big)
        .addColumn('paid_at', big)
        .addColumn('deleted_at', big)
        .execute();
      await db.schema
        .createIndex('rewards_transaction')
        .on('rewards')
        .columns(['transaction_id'])
        .execute();
      await db.schema
        .createIndex('rewards_program_id')
        .on('rewards')
        .columns(['program_id', 'id'])
        .execute();
      await db.schema
        .createIndex('rewards_program_partner')
        .on('rewards')
        .columns(['program_id', 'partner_id'])
        .execute();
      await sql`create index rewards_review_due on rewards (review_ends_at) where status = 'review_period'`.execute(
        db,
      );
    },
  };
}
