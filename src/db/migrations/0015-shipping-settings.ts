import { type Kysely, sql } from 'kysely';

// Frozen in time once landed: never import application code here.
// Shipping settings the owner edits at /admin/shipping (until now code constants): one row per shipping method
// (the set is fixed: mailbox, parcel), one row of shop-wide settings, and the shop's own closing days. Seeded
// with the values the code had, so a shop's prices and delivery promises stay as they were.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('shipping_methods')
    .addColumn('method', 'text', (c) => c.primaryKey().check(sql`method in ('mailbox', 'parcel')`))
    .addColumn('enabled', 'integer', (c) => c.notNull().check(sql`enabled in (0, 1)`))
    // what the customer pays below the free-shipping threshold, cents incl. VAT
    .addColumn('price_cents', 'integer', (c) => c.notNull().check(sql`price_cents >= 0`))
    // the heaviest parcel the method takes; null: no limit
    .addColumn('max_weight_grams', 'integer', (c) => c.check(sql`max_weight_grams > 0`))
    // 'HH:MM' in the shop's time zone: orders before it on a dispatch day leave that day
    .addColumn('cutoff', 'text', (c) => c.notNull())
    // ISO weekdays as digits, ascending: '12345' is Monday to Friday
    .addColumn('dispatch_weekdays', 'text', (c) => c.notNull())
    .addColumn('delivery_weekdays', 'text', (c) => c.notNull())
    .addColumn('transit_days', 'integer', (c) => c.notNull().check(sql`transit_days between 1 and 10`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('shipping_settings')
    // one row, id 1
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    // goods total (cents incl. VAT) from which shipping is free; null: never free
    .addColumn('free_from_cents', 'integer', (c) => c.check(sql`free_from_cents >= 0`))
    // ISO 3166-1 alpha-2 country whose public holidays (date-holidays) stop dispatch and delivery
    .addColumn('holiday_country', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    // the staff member who saved last; null for the seeded values
    .addColumn('updated_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .execute();

  await db.schema
    .createTable('shop_closing_days')
    // 'YYYY-MM-DD': nothing is dispatched that day (the carriers still deliver)
    .addColumn('date', 'text', (c) => c.primaryKey())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();

  const now = new Date().toISOString();
  await db
    .insertInto('shipping_methods')
    .values([
      {
        method: 'mailbox',
        enabled: 1,
        price_cents: 395,
        max_weight_grams: 2000,
        cutoff: '23:59',
        // not on Saturday: with no delivery on Sunday or Monday it would arrive on Tuesday, like a Monday one
        dispatch_weekdays: '12345',
        delivery_weekdays: '23456',
        transit_days: 1,
        updated_at: now,
      },
      {
        method: 'parcel',
        enabled: 1,
        price_cents: 695,
        max_weight_grams: null,
        cutoff: '22:00',
        dispatch_weekdays: '12345',
        delivery_weekdays: '123456',
        transit_days: 1,
        updated_at: now,
      },
    ])
    .execute();
  await db
    .insertInto('shipping_settings')
    .values({ id: 1, free_from_cents: 5000, holiday_country: 'NL', updated_at: now, updated_by: null })
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('shop_closing_days').execute();
  await db.schema.dropTable('shipping_settings').execute();
  await db.schema.dropTable('shipping_methods').execute();
}
