import type { Kysely } from 'kysely';

// Frozen in time once landed: never import application code here.
// Web push subscriptions: one row per browser a customer subscribed; the endpoint is the push service's
// address for that browser, and the keys encrypt what is sent to it (RFC 8291).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('push_subscriptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    // one row per browser: a browser subscribed again (or by another account) replaces its row
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_sent_at', 'text')
    .execute();
  await db.schema
    .createIndex('push_subscriptions_customer_idx')
    .on('push_subscriptions')
    .column('customer_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('push_subscriptions').execute();
}
