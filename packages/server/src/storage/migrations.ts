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
