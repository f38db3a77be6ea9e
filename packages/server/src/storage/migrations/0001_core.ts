import { sql } from 'kysely';
import type { Migration } from 'kysely';
import { bigint } from './common.js';
import type { Db, Engine } from './common.js';

/** Migration `0001_core`. */
export function migration0001(engine: Engine): Migration {
  const big = bigint(engine);
  return {
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
  };
}
