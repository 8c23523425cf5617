import type { Kysely } from 'kysely';

// Frozen in time once landed: never import application code here.
// Customers without passwords (magic links, passkeys), households, saved appliances and addresses, the
// preference document, the append-only consent ledger and the suppression list of addresses never to mail.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('households')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('created_by', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('customers')
    .addColumn('id', 'text', (c) => c.primaryKey())
    // lower-cased and trimmed; unique: one account per address
    .addColumn('email', 'text', (c) => c.notNull().unique())
    .addColumn('email_verified_at', 'text')
    .addColumn('name', 'text')
    .addColumn('phone', 'text')
    .addColumn('locale', 'text', (c) => c.notNull())
    .addColumn('household_id', 'text', (c) => c.references('households.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customers_household_idx').on('customers').column('household_id').execute();

  await db.schema
    .createTable('customer_sessions')
    .addColumn('id_hash', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('method', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('last_seen_at', 'text', (c) => c.notNull())
    .addColumn('user_agent', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_sessions_customer_idx')
    .on('customer_sessions')
    .column('customer_id')
    .execute();

  // single-use links sent by e-mail: sign-in, household invitations, "keep my appliance"; only a hash is kept
  await db.schema
    .createTable('customer_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('cascade'))
    .addColumn('data_json', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('customer_links_email_idx').on('customer_links').column('email').execute();

  // WebAuthn ceremonies in flight: the challenge the browser must sign, bound to a random cookie
  await db.schema
    .createTable('auth_challenges')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('challenge', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('cascade'))
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('passkeys')
    .addColumn('id', 'text', (c) => c.primaryKey()) // the credential id, base64url
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('public_key', 'text', (c) => c.notNull()) // base64url COSE key
    .addColumn('counter', 'integer', (c) => c.notNull())
    .addColumn('transports', 'text', (c) => c.notNull()) // JSON array
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text')
    .execute();
  await db.schema.createIndex('passkeys_customer_idx').on('passkeys').column('customer_id').execute();

  // rate limits for sign-in links and other anonymous actions: one row per attempt, keyed by a hash
  await db.schema
    .createTable('rate_events')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('rate_events_key_idx')
    .on('rate_events')
    .columns(['kind', 'key_hash', 'at'])
    .execute();

  await db.schema
    .createTable('customer_appliances')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('appliance_id', 'text', (c) => c.notNull().references('appliances.id').onDelete('cascade'))
    .addColumn('variant_id', 'text')
    .addColumn('serial', 'text')
    .addColumn('label', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('customer_appliances_unique', ['customer_id', 'appliance_id'])
    .execute();

  await db.schema
    .createTable('customer_addresses')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('street', 'text', (c) => c.notNull())
    .addColumn('house_number', 'text', (c) => c.notNull())
    .addColumn('addition', 'text', (c) => c.notNull())
    .addColumn('postcode', 'text', (c) => c.notNull())
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('country', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_used_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('customer_addresses_customer_idx')
    .on('customer_addresses')
    .column('customer_id')
    .execute();

  // the preference centre: one typed, versioned document per customer (src/preferences/preferences.ts)
  await db.schema
    .createTable('customer_preferences')
    .addColumn('customer_id', 'text', (c) => c.primaryKey().references('customers.id').onDelete('cascade'))
    .addColumn('revision', 'integer', (c) => c.notNull())
    .addColumn('doc_json', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();

  // append-only: every change of a preference or consent, with its evidence
  await db.schema
    .createTable('consent_ledger')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('customer_id', 'text', (c) => c.notNull().references('customers.id').onDelete('cascade'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('old_value', 'text')
    .addColumn('new_value', 'text')
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('wording_version', 'text', (c) => c.notNull())
    .addColumn('channel', 'text')
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'text')
    .addColumn('staff_name', 'text')
    .addColumn('note', 'text')
    .execute();
  await db.schema
    .createIndex('consent_ledger_customer_idx')
    .on('consent_ledger')
    .columns(['customer_id', 'at'])
    .execute();

  // addresses never to mail again (erased accounts, hard bounces, complaints), as a keyed hash only
  await db.schema
    .createTable('suppressed_addresses')
    .addColumn('address_hash', 'text', (c) => c.primaryKey())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // orders belong to an account when placed signed in, or when a verified address claims them later;
  // sales records outlive an erased account until their purge date (fiscal retention)
  await db.schema
    .alterTable('orders')
    .addColumn('customer_id', 'text', (c) => c.references('customers.id').onDelete('set null'))
    .execute();
  await db.schema.alterTable('orders').addColumn('purge_after', 'text').execute();
  await db.schema.createIndex('orders_customer_idx').on('orders').column('customer_id').execute();
  await db.schema.createIndex('orders_email_idx').on('orders').column('email').execute();

  // the appliance a line was bought for (added from a lookup result or "my appliances"): "keep my appliance",
  // "what was bought for it" and one-tap reorder build on it
  await db.schema.alterTable('cart_lines').addColumn('appliance_id', 'text').execute();
  await db.schema.alterTable('order_lines').addColumn('appliance_id', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('order_lines').dropColumn('appliance_id').execute();
  await db.schema.alterTable('cart_lines').dropColumn('appliance_id').execute();
  await db.schema.dropIndex('orders_email_idx').execute();
  await db.schema.dropIndex('orders_customer_idx').execute();
  await db.schema.alterTable('orders').dropColumn('purge_after').execute();
  await db.schema.alterTable('orders').dropColumn('customer_id').execute();
  for (const table of [
    'suppressed_addresses',
    'consent_ledger',
    'customer_preferences',
    'customer_addresses',
    'customer_appliances',
    'rate_events',
    'passkeys',
    'auth_challenges',
    'customer_links',
    'customer_sessions',
    'customers',
    'households',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
