import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.
// A lease on jobs (so a job whose worker died is claimed again) and the message outbox.

export async function up(db: Kysely<any>): Promise<void> {
  // the moment a claim runs out, and who holds it (a random token per claim, so a late worker cannot
  // finish a job that has since been claimed again)
  await db.schema.alterTable('jobs').addColumn('locked_until', 'text').execute();
  await db.schema.alterTable('jobs').addColumn('locked_by', 'text').execute();

  await db.schema
    .createTable('outbox_messages')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
    .addColumn('to_address', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('template', 'text', (c) => c.notNull())
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('error', 'text')
    .addColumn('provider_message_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('outbox_messages_created_idx')
    .on('outbox_messages')
    .column('created_at')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox_messages').execute();
  await db.schema.alterTable('jobs').dropColumn('locked_by').execute();
  await db.schema.alterTable('jobs').dropColumn('locked_until').execute();
}
