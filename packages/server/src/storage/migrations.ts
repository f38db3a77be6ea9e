import type { Kysely, Migration } from 'kysely';
import { sql } from 'kysely';

/** The SQL engine a migration runs on; DDL branches on it only where the engines differ. */
export type Engine = 'sqlite' | 'postgres';

// biome-ignore lint/suspicious/noExplicitAny: migrations are written against an unknown schema
type Db = Kysely<any>;

/**
 * Every migration, in order, as a static map (no file loading at run time, so it works from
 * `dist/` and under tsx alike). Names sort lexically. Never edit a released migration; add one.
 */
export function migrations(engine: Engine): Record<string, Migration> {
  // Epoch-ms times exceed 32 bits, so they need bigint on PostgreSQL; SQLite integers are 64-bit.
  const big = engine === 'postgres' ? 'bigint' : 'integer';
  return {
    '0001_core': {
      async up(db: Db) {
        await db.schema
          .createTable('programs')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('updated_at', big, (c) => c.notNull())
          .execute();

        await db.schema
          .createTable('api_keys')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('prefix', 'text', (c) => c.notNull())
          .addColumn('key_hash', 'text', (c) => c.notNull().unique())
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('last_used_at', big)
          .addColumn('revoked_at', big)
          .execute();

        await db.schema
          .createTable('webhooks')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('program_id', 'text', (c) => c.notNull().references('programs.id'))
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('name', 'text', (c) => c.notNull())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('is_active', 'integer', (c) => c.notNull().defaultTo(1))
          .addColumn('secret', 'text', (c) => c.notNull())
          .addColumn('previous_secrets', 'text', (c) => c.notNull().defaultTo('[]'))
          .addColumn('events', 'text', (c) => c.notNull())
          .addColumn('kind', 'text', (c) => c.notNull().defaultTo('endpoint'))
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('updated_at', big, (c) => c.notNull())
          .addUniqueConstraint('webhooks_program_key', ['program_id', 'key'])
          .execute();

        await db.schema
          .createTable('events')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('program_id', 'text', (c) => c.notNull())
          .addColumn('type', 'text', (c) => c.notNull())
          .addColumn('data', 'text', (c) => c.notNull())
          .addColumn('source', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .execute();
        await db.schema
          .createIndex('events_program_id')
          .on('events')
          .columns(['program_id', 'id'])
          .execute();

        await db.schema
          .createTable('idempotency_keys')
          .addColumn('program_id', 'text', (c) => c.notNull())
          .addColumn('key', 'text', (c) => c.notNull())
          .addColumn('request_hash', 'text', (c) => c.notNull())
          .addColumn('status_code', 'integer', (c) => c.notNull())
          .addColumn('response', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .addPrimaryKeyConstraint('idempotency_keys_pk', ['program_id', 'key'])
          .execute();

        await db.schema
          .createTable('deliveries')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('program_id', 'text', (c) => c.notNull())
          .addColumn('event_id', 'text', (c) => c.notNull())
          .addColumn('event_type', 'text', (c) => c.notNull())
          .addColumn('webhook_id', 'text', (c) => c.notNull())
          .addColumn('webhook_key', 'text', (c) => c.notNull())
          .addColumn('url', 'text', (c) => c.notNull())
          .addColumn('body', 'text', (c) => c.notNull())
          .addColumn('status', 'text', (c) => c.notNull())
          .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .addColumn('next_attempt_at', big)
          .addColumn('locked_until', big)
          .addColumn('locked_by', 'text')
          .addColumn('last_status_code', 'integer')
          .addColumn('last_error', 'text')
          .addColumn('last_attempt_at', big)
          .addColumn('cancel_reason', 'text')
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('updated_at', big, (c) => c.notNull())
          .addColumn('completed_at', big)
          .execute();
        // The dispatcher's claim scans only pending rows in due order; a partial index keeps
        // that scan proportional to the backlog, not to the whole history.
        await sql`create index deliveries_due on deliveries (next_attempt_at) where status = 'pending'`.execute(
          db,
        );
        await db.schema
          .createIndex('deliveries_program_id')
          .on('deliveries')
          .columns(['program_id', 'id'])
          .execute();
        await db.schema
          .createIndex('deliveries_webhook_id')
          .on('deliveries')
          .columns(['webhook_id', 'id'])
          .execute();
        await db.schema
          .createIndex('deliveries_event_id')
          .on('deliveries')
          .columns(['event_id'])
          .execute();

        await db.schema
          .createTable('attempts')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('delivery_id', 'text', (c) => c.notNull())
          .addColumn('program_id', 'text', (c) => c.notNull())
          .addColumn('webhook_id', 'text', (c) => c.notNull())
          .addColumn('number', 'integer', (c) => c.notNull())
          .addColumn('trigger', 'text', (c) => c.notNull())
          .addColumn('started_at', big, (c) => c.notNull())
          .addColumn('duration_ms', 'integer', (c) => c.notNull())
          .addColumn('request_headers', 'text', (c) => c.notNull())
          .addColumn('response_status', 'integer')
          .addColumn('response_headers', 'text')
          .addColumn('response_body', 'text')
          .addColumn('succeeded', 'integer', (c) => c.notNull())
          .addColumn('error_class', 'text')
          .addColumn('error_message', 'text')
          .execute();
        await db.schema
          .createIndex('attempts_delivery_id')
          .on('attempts')
          .columns(['delivery_id', 'id'])
          .execute();
        await db.schema
          .createIndex('attempts_webhook_started')
          .on('attempts')
          .columns(['webhook_id', 'started_at'])
          .execute();

        await db.schema
          .createTable('sessions')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('program_id', 'text', (c) => c.notNull())
          .addColumn('api_key_id', 'text')
          .addColumn('csrf_token', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('expires_at', big, (c) => c.notNull())
          .execute();
      },
    },
    '0002_partner_program': {
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
    },
    '0003_dashboard': {
      async up(db: Db) {
        // One-time sign-in links printed by `serve`; only the token's SHA-256 is stored.
        await db.schema
          .createTable('sign_in_links')
          .addColumn('id', 'text', (c) => c.primaryKey())
          .addColumn('program_id', 'text', (c) => c.notNull())
          .addColumn('created_at', big, (c) => c.notNull())
          .addColumn('expires_at', big, (c) => c.notNull())
          .addColumn('used_at', big)
          .execute();
        await db.schema
          .createIndex('sessions_expires_at')
          .on('sessions')
          .column('expires_at')
          .execute();
        // The dashboard's log filters and hourly charts read deliveries by creation time.
        await db.schema
          .createIndex('deliveries_program_created')
          .on('deliveries')
          .columns(['program_id', 'created_at'])
          .execute();
      },
    },
    '0004_delivery_engine': {
      async up(db: Db) {
        // The dispatcher's per-webhook claim: when the head of the due queue belongs to
        // webhooks at their in-flight cap, other webhooks' due rows are found through this
        // index instead of scanning past the slow webhook's backlog (delivery/claim-deliveries.ts).
        await sql`create index deliveries_webhook_due on deliveries (webhook_id, next_attempt_at) where status = 'pending'`.execute(
          db,
        );
      },
    },
    '0005_event_deliveries_index': {
      async up(db: Db) {
        // An event's deliveries are read by (program_id, event_id) ordered by id. With an index
        // on event_id alone, SQLite's planner (which has no statistics) preferred
        // (program_id, id) because it also gives the order, and scanned every delivery of the
        // program on each publish: O(deliveries) per POST /v1/events. (event_id, id) gives
        // both the equality and the order, and wins (test/foundation/query-plans.test.ts).
        await db.schema.dropIndex('deliveries_event_id').execute();
        await db.schema
          .createIndex('deliveries_event_id')
          .on('deliveries')
          .columns(['event_id', 'id'])
          .execute();
      },
    },
    '0006_delivery_core': {
      async up(db: Db) {
        // Each event's payload is written once (events.data): a delivery's body is rebuilt
        // from it and from the URL, webhook key and created_at fixed on the delivery row
        // (webhooks/envelope.ts), byte for byte what was stored here. With ten webhooks per
        // event this column held ten copies of every payload.
        await db.schema.alterTable('deliveries').dropColumn('body').execute();
      },
    },
    '0007_partnero_parity': {
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
        await db.schema
          .alterTable('transactions')
          .addColumn('discount_amount_minor', big)
          .execute();
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
    },
    '0008_program_types': {
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
        await db.schema
          .alterTable('customers')
          .addColumn('referring_customer_id', 'text')
          .execute();
        await db.schema
          .alterTable('customers')
          .addColumn('referring_customer_key', 'text')
          .execute();
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
    },
    '0009_retention': {
      async up(db: Db) {
        // The retention job deletes expired idempotency keys oldest first, in batches; without
        // this it would scan the whole table (a row per keyed publish in the last 24 h).
        await db.schema
          .createIndex('idempotency_keys_created')
          .on('idempotency_keys')
          .column('created_at')
          .execute();
      },
    },
    '0010_endpoint_lifecycle': {
      async up(db: Db) {
        // Endpoint lifecycle (delivery/endpoint-lifecycle.ts): since when a webhook has failed
        // without a success, how many deliveries in a row failed for good, why and when it was
        // disabled, until when a receiver asked it to slow down (429/503 Retry-After), and
        // whether it receives the program's operational events.
        await db.schema.alterTable('webhooks').addColumn('failing_since', big).execute();
        await db.schema
          .alterTable('webhooks')
          .addColumn('consecutive_failures', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        await db.schema.alterTable('webhooks').addColumn('disabled_reason', 'text').execute();
        await db.schema.alterTable('webhooks').addColumn('disabled_at', big).execute();
        await db.schema.alterTable('webhooks').addColumn('paused_until', big).execute();
        await db.schema
          .alterTable('webhooks')
          .addColumn('operational', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
        // Attempts answered 429/503 with Retry-After that did not use the retry budget.
        await db.schema
          .alterTable('deliveries')
          .addColumn('throttled_attempts', 'integer', (c) => c.notNull().defaultTo(0))
          .execute();
      },
    },
  };
}

/**
 * SQLite cannot drop a NOT NULL constraint, so the table is rebuilt from its own stored DDL
 * with the constraint removed from the named columns (the documented 12-step procedure, without
 * foreign keys, which these tables do not have). Working from the stored DDL keeps columns and
 * indexes that other migrations added.
 */
async function relaxSqliteNotNull(db: Db, table: string, columns: readonly string[]) {
  const rows = await sql<{ type: string; name: string; sql: string | null }>`
    select type, name, sql from sqlite_master where tbl_name = ${table}`.execute(db);
  const create = rows.rows.find((r) => r.type === 'table')?.sql;
  if (!create) throw new Error(`table ${table} not found`);
  let ddl = create.replace(/^create table "?\w+"?/i, `create table "${table}_rebuilt"`);
  for (const column of columns) {
    ddl = ddl.replace(new RegExp(`("?${column}"? \\w+) not null`, 'i'), '$1');
  }
  await sql.raw(ddl).execute(db);
  await sql.raw(`insert into "${table}_rebuilt" select * from "${table}"`).execute(db);
  await sql.raw(`drop table "${table}"`).execute(db);
  await sql.raw(`alter table "${table}_rebuilt" rename to "${table}"`).execute(db);
  for (const index of rows.rows) {
    if (index.type === 'index' && index.sql !== null) await sql.raw(index.sql).execute(db);
  }
}
