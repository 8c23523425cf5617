import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time once landed: never import application code here.
// A staff message's dropped recipients (about 70 % of a big audience: no consent for the topic, a suppressed
// address, …) are recorded here, one narrow row each — the customer, the broadcast, the reason code — instead of
// a full message row, its decision row and their five index entries. The subject, topic and moment come from the
// broadcast. One key, customer first: it refuses a second row for the same recipient (a retried chunk), and it is
// how every reader finds them (the customer's message list, staff's view of it, export, erasure). No foreign keys:
// erasure deletes a customer's rows through the personal-data registry, like every other personal table, and
// PostgreSQL would otherwise check two foreign keys per dropped recipient. On SQLite the table is its key
// (WITHOUT ROWID): one b-tree per row written.
// A big audience's preview is counted partly in the staff member's request and the rest by a job: the instant
// it is decided for, and while the job counts, the last customer counted (null once the counts are complete).

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  let table = db.schema
    .createTable('broadcast_drops')
    .addColumn('customer_id', 'text', (c) => c.notNull())
    .addColumn('broadcast_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('broadcast_drops_pk', ['customer_id', 'broadcast_id']);
  if (!pg) table = table.modifyEnd(sql`without rowid`);
  await table.execute();
  await db.schema.alterTable('broadcasts').addColumn('preview_at', 'text').execute();
  await db.schema.alterTable('broadcasts').addColumn('preview_cursor', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('broadcasts').dropColumn('preview_cursor').execute();
  await db.schema.alterTable('broadcasts').dropColumn('preview_at').execute();
  await db.schema.dropTable('broadcast_drops').execute();
}
