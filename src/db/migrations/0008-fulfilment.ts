import type { Kysely } from 'kysely';

// Frozen in time: never import application code here.
// Fulfilment: how and when an order left the shop (carrier and tracking code for the shipped e-mail).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('orders').addColumn('carrier', 'text').execute();
  await db.schema.alterTable('orders').addColumn('tracking_code', 'text').execute();
  await db.schema.alterTable('orders').addColumn('shipped_at', 'text').execute();
  await db.schema
    .createIndex('orders_status_created_idx')
    .on('orders')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('orders_status_created_idx').execute();
  await db.schema.alterTable('orders').dropColumn('shipped_at').execute();
  await db.schema.alterTable('orders').dropColumn('tracking_code').execute();
  await db.schema.alterTable('orders').dropColumn('carrier').execute();
}
