import type { Kysely } from 'kysely';

// Frozen in time once landed: never import application code here.
// Replenishment: a plan per customer × appliance × consumable (interval set by the customer or predicted from
// their own orders), the reminders sent for it (with the price quoted, honoured for 7 days), the price locks a
// reminder's reorder link puts on a cart, and staff messages to a group (broadcasts).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('replenishment_plans')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    // '' when the consumable was bought without a known appliance: the unique key then still holds
    .addColumn('appliance_id', 'text', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('predicted_days', 'integer')
    .addColumn('chosen_days', 'integer')
    .addColumn('orders_seen', 'integer', (c) => c.notNull())
    .addColumn('last_ordered_on', 'text', (c) => c.notNull())
    .addColumn('next_run_out', 'text')
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('replenishment_plans_unique', ['customer_id', 'appliance_id', 'product_id'])
    .execute();
  await db.schema
    .createIndex('replenishment_plans_due_idx')
    .on('replenishment_plans')
    .columns(['status', 'next_run_out'])
    .execute();

  await db.schema
    .createTable('replenishment_reminders')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('plan_id', 'text', (c) => c.notNull().references('replenishment_plans.id').onDelete('cascade'))
    .addColumn('cycle', 'integer', (c) => c.notNull())
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('quantity', 'integer', (c) => c.notNull())
    .addColumn('quoted_cents', 'integer', (c) => c.notNull())
    .addColumn('price_valid_until', 'text', (c) => c.notNull())
    .addColumn('run_out_on', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('replenishment_reminders_cycle', ['plan_id', 'cycle'])
    .execute();

  await db.schema
    .createTable('price_locks')
    .addColumn('cart_id', 'text', (c) => c.notNull().references('carts.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull())
    .addColumn('price_cents', 'integer', (c) => c.notNull())
    .addColumn('valid_until', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('price_locks_pk', ['cart_id', 'product_id'])
    .execute();

  await db.schema
    .createTable('broadcasts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('appliance_id', 'text')
    .addColumn('topic', 'text', (c) => c.notNull())
    .addColumn('subject_nl', 'text', (c) => c.notNull())
    .addColumn('subject_en', 'text', (c) => c.notNull())
    .addColumn('body_nl', 'text', (c) => c.notNull())
    .addColumn('body_en', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('preview_json', 'text')
    .addColumn('result_json', 'text')
    .addColumn('staff_id', 'text', (c) => c.notNull())
    .addColumn('staff_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ['broadcasts', 'price_locks', 'replenishment_reminders', 'replenishment_plans'])
    await db.schema.dropTable(table).execute();
}
