import type { Kysely } from 'kysely';

// Frozen in time once landed: never import application code here.
// (1) The digest e-mail: a message kept for the digest points at the digest message that delivered it.
// (2) SMS at most once: an attempt is recorded (our message id is the provider's `reference`) before the provider
// is called, so a retry after an unknown outcome asks the provider first instead of sending again.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('gateway_messages').addColumn('digest_id', 'text').execute();
  await db.schema
    .createIndex('gateway_messages_digest_pending_idx')
    .on('gateway_messages')
    .columns(['customer_id', 'status'])
    .execute();
  await db.schema
    .createTable('sms_attempts')
    .addColumn('message_id', 'text', (c) =>
      c.primaryKey().references('gateway_messages.id').onDelete('cascade'),
    )
    .addColumn('to_number', 'text', (c) => c.notNull())
    // 'sending': the provider was (or is being) called, outcome not known yet; 'accepted'; 'unknown': not resent
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('provider_message_id', 'text')
    .addColumn('tries', 'integer', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('sms_attempts').execute();
  await db.schema.dropIndex('gateway_messages_digest_pending_idx').execute();
  await db.schema.alterTable('gateway_messages').dropColumn('digest_id').execute();
}
