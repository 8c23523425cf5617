import type { Kysely } from 'kysely';

// Frozen in time once landed: never import application code here.
// The message gateway: every message request with its latest state, every decision made about it (when queued
// and again at send time), and the one-click unsubscribe tokens (RFC 8058), stored hashed.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('gateway_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    // erasing an account erases its messages and their decisions
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('cascade'))
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('urgency', 'text', (c) => c.notNull())
    .addColumn('deadline', 'text')
    .addColumn('on_request', 'integer', (c) => c.notNull())
    // queued | held | sending | sent | digest | dropped | bounced
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('hold_until', 'text')
    .addColumn('decisions', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('gateway_messages_customer_idx')
    .on('gateway_messages')
    .columns(['customer_id', 'created_at'])
    .execute();
  // the frequency limit counts a customer's sent non-transactional messages
  await db.schema
    .createIndex('gateway_messages_sent_idx')
    .on('gateway_messages')
    .columns(['customer_id', 'sent_at'])
    .execute();

  await db.schema
    .createTable('message_decisions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('message_id', 'text', (c) => c.notNull().references('gateway_messages.id').onDelete('cascade'))
    .addColumn('customer_id', 'text')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('phase', 'text', (c) => c.notNull()) // queued | send-time | delivery
    .addColumn('action', 'text', (c) => c.notNull()) // send | hold | digest | drop | bounced
    .addColumn('channel', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('hold_until', 'text')
    .addColumn('decided_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('message_decisions_message_idx')
    .on('message_decisions')
    .columns(['message_id', 'decided_at'])
    .execute();

  await db.schema
    .createTable('unsubscribe_tokens')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();

  // the RFC 8058 header of an e-mail, kept with the outbox row so that a retry sends the same headers
  await db.schema.alterTable('outbox_messages').addColumn('list_unsubscribe', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('outbox_messages').dropColumn('list_unsubscribe').execute();
  await db.schema.dropTable('unsubscribe_tokens').execute();
  await db.schema.dropTable('message_decisions').execute();
  await db.schema.dropTable('gateway_messages').execute();
}
