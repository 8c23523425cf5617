import type { Kysely } from 'kysely';

// Frozen in time once landed: never import application code here.
// Automatic reordering, chosen by the customer per replenishment plan, and the orders it placed (one per cycle).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('replenishment_plans').addColumn('auto_reorder_since', 'text').execute();
  await db.schema
    .createTable('replenishment_auto_orders')
    .addColumn('plan_id', 'text', (c) => c.notNull().references('replenishment_plans.id').onDelete('cascade'))
    .addColumn('cycle', 'integer', (c) => c.notNull())
    // the cart the order is placed from: a retried run checks out the same cart under the same key
    .addColumn('cart_id', 'text', (c) => c.notNull())
    .addColumn('order_number', 'text')
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('reason', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('replenishment_auto_orders_pk', ['plan_id', 'cycle'])
    .execute();
  await db.schema
    .createIndex('replenishment_auto_orders_order_idx')
    .on('replenishment_auto_orders')
    .column('order_number')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('replenishment_auto_orders').execute();
  await db.schema.alterTable('replenishment_plans').dropColumn('auto_reorder_since').execute();
}
