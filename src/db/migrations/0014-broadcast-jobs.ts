import { type Kysely, sql } from 'kysely';

// Frozen in time once landed: never import application code here.
// Staff messages are sent by a job, in chunks, with their progress on the broadcast: an idempotency key from the
// form (a double submit finds the first draft), the moment every recipient is decided for, the counts so far and
// the last customer done (a retried job goes on from there; cleared when the send is done). Existing broadcasts
// keep their values: no key, no progress (they were sent whole).
//
// The frequency limit's index (customer, sent_at) now holds only messages that were sent: a message that waits,
// is dropped or went to the digest has no sent_at, and a staff message to a million customers then adds no entry
// for every one of them. The limit's query asks for sent_at > …, which implies that it is not null, so both
// databases use the partial index for it.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('broadcasts').addColumn('idempotency_key', 'text').execute();
  await db.schema.alterTable('broadcasts').addColumn('decided_at', 'text').execute();
  for (const column of ['total_count', 'decided_count', 'enqueued_count'])
    await db.schema
      .alterTable('broadcasts')
      .addColumn(column, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  await db.schema.alterTable('broadcasts').addColumn('progress_cursor', 'text').execute();
  await db.schema
    .createIndex('broadcasts_idempotency_key_idx')
    .on('broadcasts')
    .column('idempotency_key')
    .unique()
    .execute();

  await db.schema.dropIndex('gateway_messages_sent_idx').execute();
  await db.schema
    .createIndex('gateway_messages_sent_idx')
    .on('gateway_messages')
    .columns(['customer_id', 'sent_at'])
    .where(sql.ref('sent_at'), 'is not', null)
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('gateway_messages_sent_idx').execute();
  await db.schema
    .createIndex('gateway_messages_sent_idx')
    .on('gateway_messages')
    .columns(['customer_id', 'sent_at'])
    .execute();
  await db.schema.dropIndex('broadcasts_idempotency_key_idx').execute();
  for (const column of [
    'progress_cursor',
    'enqueued_count',
    'decided_count',
    'total_count',
    'decided_at',
    'idempotency_key',
  ])
    await db.schema.alterTable('broadcasts').dropColumn(column).execute();
}
