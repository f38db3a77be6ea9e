import { sql } from 'kysely';
import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';
import { relaxSqliteNotNull } from './relax-sqlite-not-null.js';

/** Migration `0008_program_types`. */
export function migration0008(engine: Engine): Migration {
  const big = bigint(engine);
  return {
    async up(db: Db) {
      // Rewards without a transaction or customer: manual partner bonuses and converted leads.
      if (engine === 'postgres') {
        await sql`alter table rewards alter column transaction_id drop not null`.execute(db);
        await sql`alter table rewards alter column customer_id drop not null`.execute(db);
      } else {
        await relaxSqliteNotNull(db, 'rewards', ['transaction_id', 'customer_id']);
      }
      await db.schema.alterTable('rewards').addColumn('note', 'text').execute();
      await db.schema.alterTable('rewards').addColumn('payout_request_id', 'integer').execute();
      await db.schema
        .createIndex('rewards_payout_request')
        .on('rewards')
        .columns(['payout_request_id'])
        .execute();

      // Refer-a-friend: who referred a customer. The key is kept with the id so the customer
      // resource shows `referring_customer.key` without a join.
      await db.schema.alterTable('customers').addColumn('referring_customer_id', 'text').execute();
      await db.schema.alterTable('customers').addColumn('referring_customer_key', 'text').execute();
      await db.schema
        .createIndex('customers_referring')
        .on('customers')
        .columns(['referring_customer_id'])
        .execute();

      // Partnero addresses leads and payout requests by numeric id.
      const serial = (table: string) =>
        db.schema
          .createTable(table)
          .addColumn('id', 'integer', (c) =>
            engine === 'postgres'
              ? c.primaryKey().generatedByDefaultAsIdentity()
              : c.primaryKey().autoIncrement(),
          );
      await serial('leads')
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('amount_minor', big)
        .addColumn('amount_units', 'text')
        .addColumn('reward_id', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('converted_at', big)
        .addColumn('rejected_at', big)
        .execute();
      await db.schema
        .createIndex('leads_program')
        .on('leads')
        .columns(['program_id', 'id'])
        .execute();

      await serial('payout_requests')
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('amount_minor', big, (c) => c.notNull())
        .addColumn('amount_units', 'text', (c) => c.notNull())
        .addColumn('gateway', 'text')
        .addColumn('payout_settings', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addColumn('approved_at', big)
        .addColumn('paid_at', big)
        .addColumn('rejected_at', big)
        .execute();
      await db.schema
        .createIndex('payout_requests_program')
        .on('payout_requests')
        .columns(['program_id', 'id'])
        .execute();

      await db.schema
        .createTable('subscribers')
        .addColumn('id', 'text', (c) => c.notNull())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('email', 'text', (c) => c.notNull())
        .addColumn('name', 'text')
        .addColumn('tos', 'integer')
        .addColumn('marketing_consent', 'integer')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('approved', 'integer', (c) => c.notNull())
        .addColumn('referring_subscriber_id', 'text')
        .addColumn('rewards', 'text', (c) => c.notNull().defaultTo('[]'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .addPrimaryKeyConstraint('subscribers_pk', ['program_id', 'id'])
        .execute();
      await db.schema
        .createIndex('subscribers_program_email')
        .unique()
        .on('subscribers')
        .columns(['program_id', 'email'])
        .execute();
      await db.schema
        .createIndex('subscribers_program_key')
        .unique()
        .on('subscribers')
        .columns(['program_id', 'key'])
        .execute();
      await db.schema
        .createIndex('subscribers_referring')
        .on('subscribers')
        .columns(['program_id', 'referring_subscriber_id'])
        .execute();

      await db.schema
        .createTable('customer_balance_entries')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('customer_id', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('amount_minor', big, (c) => c.notNull())
        .addColumn('amount_units', 'text', (c) => c.notNull())
        .addColumn('is_currency', 'integer', (c) => c.notNull())
        .addColumn('note', 'text')
        .addColumn('referred_customer_id', 'text')
        .addColumn('created_at', big, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('customer_balance_customer')
        .on('customer_balance_entries')
        .columns(['customer_id', 'id'])
        .execute();
    },
  };
}
