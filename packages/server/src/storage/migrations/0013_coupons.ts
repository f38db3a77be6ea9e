import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';

/**
 * Migration `0013_coupons`: Partnero's
 * coupons and promotion codes, both per program.
 */
export function migration0013(engine: Engine): Migration {
  const big = bigint(engine);
  return {
    async up(db: Db) {
      await db.schema
        .createTable('coupons')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        // Partnero's numeric `id` (the Python SDK's `coupon_id`), counted per program so no
        // program learns how many coupons another has.
        .addColumn('number', 'integer', (c) => c.notNull())
        .addColumn('uuid_code', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('discount_type', 'text', (c) => c.notNull())
        .addColumn('discount_amount', 'double precision', (c) => c.notNull())
        .addColumn('duration_type', 'text', (c) => c.notNull())
        .addColumn('duration_value', 'integer')
        .addColumn('redemption_date_status', 'integer', (c) => c.notNull())
        .addColumn('redemption_date_value', 'text')
        .addColumn('redemption_times_status', 'integer', (c) => c.notNull())
        .addColumn('redemption_times_value', 'integer')
        .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('coupons_program_number')
        .on('coupons')
        .columns(['program_id', 'number'])
        .unique()
        .execute();
      await db.schema
        .createIndex('coupons_program_uuid_code')
        .on('coupons')
        .columns(['program_id', 'uuid_code'])
        .unique()
        .execute();

      await db.schema
        .createTable('promotion_codes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('program_id', 'text', (c) => c.notNull())
        .addColumn('coupon_id', 'text', (c) => c.notNull())
        // The code as given, and lower-cased: codes match case-insensitively (shoppers type
        // them by hand), so two codes differing only in case cannot coexist in a program.
        .addColumn('code', 'text', (c) => c.notNull())
        .addColumn('code_key', 'text', (c) => c.notNull())
        .addColumn('partner_id', 'text')
        .addColumn('customer_id', 'text')
        .addColumn('active', 'integer', (c) => c.notNull())
        .addColumn('first_time_order', 'integer', (c) => c.notNull())
        .addColumn('minimum_order_status', 'integer', (c) => c.notNull())
        .addColumn('minimum_order_value', 'double precision')
        .addColumn('expiration_date_status', 'integer', (c) => c.notNull())
        .addColumn('expiration_date_value', 'text')
        .addColumn('redemption_times_status', 'integer', (c) => c.notNull())
        .addColumn('redemption_times_value', 'integer')
        .addColumn('metadata', 'text', (c) => c.notNull().defaultTo('{}'))
        .addColumn('created_at', big, (c) => c.notNull())
        .addColumn('updated_at', big, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('promotion_codes_program_code')
        .on('promotion_codes')
        .columns(['program_id', 'code_key'])
        .unique()
        .execute();
      await db.schema
        .createIndex('promotion_codes_coupon')
        .on('promotion_codes')
        .columns(['coupon_id'])
        .execute();
    },
  };
}
