import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Frozen in time: never import application code here.
// The appliance registry: brands with their type-plate guide, appliances (model numbers), aliases, serial-range
// variants, compatibility with products, and the "we'll find it for you" requests.

export async function up(db: Kysely<any>): Promise<void> {
  const pg = db.getExecutor().adapter instanceof PostgresAdapter;
  const blob = pg ? sql`bytea` : sql`blob`;

  await db.schema
    .createTable('brands')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('words', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('model_field_nl', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('model_field_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plate_vacuum_nl', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plate_vacuum_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plate_coffee_nl', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('plate_coffee_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('appliances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('brand_id', 'text', (c) => c.notNull().references('brands.id'))
    .addColumn('model', 'text', (c) => c.notNull())
    .addColumn('model_norm', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('vacuum', 'coffee')`))
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('order_count', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('appliances_brand_model_uq', ['brand_id', 'model_norm'])
    .execute();
  await db.schema.createIndex('appliances_model_norm_idx').on('appliances').column('model_norm').execute();

  await db.schema
    .createTable('appliance_aliases')
    .addColumn('appliance_id', 'text', (c) => c.notNull().references('appliances.id').onDelete('cascade'))
    .addColumn('alias', 'text', (c) => c.notNull())
    .addColumn('alias_norm', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('appliance_aliases_pk', ['appliance_id', 'alias_norm'])
    .execute();
  await db.schema
    .createIndex('appliance_aliases_norm_idx')
    .on('appliance_aliases')
    .column('alias_norm')
    .execute();

  await db.schema
    .createTable('appliance_variants')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appliance_id', 'text', (c) => c.notNull().references('appliances.id').onDelete('cascade'))
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('serial_from', 'text')
    .addColumn('serial_to', 'text')
    .addColumn('notes', 'text', (c) => c.notNull().defaultTo(''))
    .addUniqueConstraint('appliance_variants_label_uq', ['appliance_id', 'label'])
    .execute();

  await db.schema
    .createTable('compatibility')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('appliance_id', 'text', (c) => c.notNull().references('appliances.id').onDelete('cascade'))
    .addColumn('variant_id', 'text', (c) => c.references('appliance_variants.id').onDelete('cascade'))
    .addColumn('product_id', 'text', (c) => c.notNull().references('products.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createIndex('compatibility_uq')
    .unique()
    .on('compatibility')
    .expression(sql`appliance_id, coalesce(variant_id, ''), product_id`)
    .execute();
  await db.schema.createIndex('compatibility_product_idx').on('compatibility').column('product_id').execute();
  await db.schema.createIndex('compatibility_variant_idx').on('compatibility').column('variant_id').execute();

  await db.schema
    .createTable('lookup_requests')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('query', 'text', (c) => c.notNull())
    .addColumn('serial', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('photo', blob)
    .addColumn('photo_type', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open', 'answered')`),
    )
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'text', (c) => c.references('staff.id').onDelete('set null'))
    .addColumn('appliance_id', 'text', (c) => c.references('appliances.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('answered_at', 'text')
    .execute();
  await db.schema
    .createIndex('lookup_requests_status_idx')
    .on('lookup_requests')
    .columns(['status', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'lookup_requests',
    'compatibility',
    'appliance_variants',
    'appliance_aliases',
    'appliances',
    'brands',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
