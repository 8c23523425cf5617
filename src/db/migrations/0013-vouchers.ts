import type { Kysely } from 'kysely';

// Frozen in time once landed: never import application code here.
// Vouchers (discount codes) and gift cards (a code with a balance), and their redemptions: one row per code
// used by an order, written in the order's transaction.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('vouchers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // normalised: upper case, no dashes or spaces ('TBABCD2345'); shown grouped as TB-ABCD-2345
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer')
    .addColumn('percent', 'integer')
    .addColumn('min_order_cents', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_from', 'text')
    .addColumn('valid_until', 'text')
    .addColumn('max_uses', 'integer')
    .addColumn('uses', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('once_per_email', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('initial_balance_cents', 'integer')
    .addColumn('balance_cents', 'integer')
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('vouchers_kind_created_idx')
    .on('vouchers')
    .columns(['kind', 'created_at'])
    .execute();

  await db.schema
    .createTable('voucher_redemptions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('voucher_id', 'text', (c) => c.notNull().references('vouchers.id'))
    .addColumn('order_id', 'text', (c) => c.notNull().references('orders.id'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('amount_cents', 'integer', (c) => c.notNull())
    // set only for a once-per-address voucher: the unique key then refuses a second use by that address
    .addColumn('email_key', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    // set when a cancel or withdrawal gave the amount (or the use) back to the code
    .addColumn('returned_at', 'text')
    .addUniqueConstraint('voucher_redemptions_email_unique', ['voucher_id', 'email_key'])
    .addUniqueConstraint('voucher_redemptions_order_unique', ['order_id', 'voucher_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('voucher_redemptions').execute();
  await db.schema.dropTable('vouchers').execute();
}
