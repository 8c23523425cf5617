import { isoNow } from '../../src/clock.ts';
import { createCustomerSession } from '../../src/customers/sessions.ts';
import { newId } from '../../src/db/ids.ts';
import { defaultJobKinds } from '../../src/jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../../src/jobs/run-jobs.ts';
import { defaultPreferences } from '../../src/preferences/preferences.ts';
import { addCategory, addProduct } from './catalog-fixtures.ts';
import { addAppliance } from './customer-fixtures.ts';
import { orderThroughApi } from './order-fixtures.ts';
import type { TestApp } from './test-app.ts';

export type Person = { email: string; name: string; phone: string; street: string };

export type SeededCustomer = {
  id: string;
  /** The session cookie value (createCustomerSession). */
  token: string;
  orderNumbers: string[];
};

const shopReady = new WeakSet<TestApp>();

/** One category, product, brand and appliance per shop, for orders and saved appliances. */
async function prepareShop(t: TestApp): Promise<void> {
  if (shopReady.has(t)) return;
  await addCategory(t.ctx, 'privacy-bags');
  await addProduct(t.ctx, { sku: 'PRIV-BAG', stock: 1000, categorySlug: 'privacy-bags' });
  await addAppliance(t.ctx, 'PV1000/01', {
    id: 'appl-priv',
    name: 'Privavac 1000',
    brandId: 'brand-priv',
    brandName: 'Privabrand',
    at: isoNow(t.clock),
  });
  shopReady.add(t);
}

/** Places an order through the checkout API as a guest, with `email` as typed; answers its number. */
export async function placeOrder(t: TestApp, person: Person, email = person.email): Promise<string> {
  await prepareShop(t);
  const receipt = await orderThroughApi(t, {
    sku: 'PRIV-BAG',
    body: {
      email,
      address: {
        name: person.name,
        street: person.street,
        houseNumber: '12',
        postcode: '1234ab',
        city: 'Utrecht',
        country: 'NL',
      },
    },
  });
  return receipt.orderNumber;
}

/**
 * A customer with personal data in every personal table this test knows how to fill (straight in the database:
 * sign-in, households and the preference centre are tested by their own domains), two orders (one placed with
 * the account, one as a guest with the address in capitals), and the order e-mails sent by the worker.
 */
export async function seedCustomer(
  t: TestApp,
  person: Person,
  options: { householdWith?: string } = {},
): Promise<SeededCustomer> {
  await prepareShop(t);
  const db = t.db;
  const now = isoNow(t.clock);
  const id = newId();
  let householdId: string | null = null;
  if (options.householdWith) {
    const other = await db
      .selectFrom('customers')
      .select(['id', 'household_id'])
      .where('id', '=', options.householdWith)
      .executeTakeFirstOrThrow();
    householdId = other.household_id;
    if (!householdId) {
      householdId = newId();
      await db
        .insertInto('households')
        .values({ id: householdId, created_by: other.id, created_at: now })
        .execute();
      await db
        .updateTable('customers')
        .set({ household_id: householdId })
        .where('id', '=', other.id)
        .execute();
    }
  }
  await db
    .insertInto('customers')
    .values({
      id,
      email: person.email,
      email_verified_at: now,
      name: person.name,
      phone: person.phone,
      locale: 'nl',
      household_id: householdId,
      created_at: now,
      updated_at: now,
    })
    .execute();
  const token = await createCustomerSession(t.ctx, id, 'magic-link', `Browser of ${person.name}`);
  await db
    .insertInto('passkeys')
    .values({
      id: `pk-${id}`,
      customer_id: id,
      public_key: 'cHVibGljLWtleS1ieXRlcw',
      counter: 0,
      transports: '["internal"]',
      label: `Phone of ${person.name}`,
      created_at: now,
      last_used_at: null,
    })
    .execute();
  await db
    .insertInto('customer_links')
    .values({
      token_hash: `hash-${id}`,
      purpose: 'sign-in',
      email: person.email,
      customer_id: id,
      data_json: '{}',
      expires_at: now,
      used_at: now,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('auth_challenges')
    .values({
      id: `ch-${id}`,
      challenge: 'c2VjcmV0LWNoYWxsZW5nZQ',
      purpose: 'register',
      customer_id: id,
      expires_at: now,
      created_at: now,
    })
    .execute();
  await db
    .insertInto('customer_appliances')
    .values({
      id: newId(),
      customer_id: id,
      appliance_id: 'appl-priv',
      variant_id: null,
      serial: 'SN-4711',
      label: `Vacuum of ${person.name}`,
      source: 'manual',
      created_at: now,
    })
    .execute();
  await db
    .insertInto('customer_addresses')
    .values({
      id: newId(),
      customer_id: id,
      name: person.name,
      street: person.street,
      house_number: '12',
      addition: '',
      postcode: '1234 AB',
      city: 'Utrecht',
      country: 'NL',
      created_at: now,
      last_used_at: now,
    })
    .execute();
  const prefs = defaultPreferences('nl', 'Europe/Amsterdam');
  prefs.topics.replenishment = 'on';
  prefs.frequency = { max: 2, per: 'month' };
  prefs.quiet.hours = { from: '21:00', to: '08:00' };
  await db
    .insertInto('customer_preferences')
    .values({ customer_id: id, revision: 2, doc_json: JSON.stringify(prefs), updated_at: now })
    .execute();
  await db
    .insertInto('consent_ledger')
    .values({
      id: newId(),
      customer_id: id,
      at: now,
      subject: 'topics.replenishment',
      old_value: '"off"',
      new_value: '"on"',
      source: 'preference-centre',
      wording_version: 'prefs-2026-11',
      channel: 'email',
      actor: 'customer',
      staff_id: null,
      staff_name: null,
      note: null,
    })
    .execute();
  await db
    .insertInto('lookup_requests')
    .values({
      id: newId(),
      query: 'PV 1000 old model',
      serial: '',
      email: person.email.toUpperCase(),
      locale: 'nl',
      photo: Buffer.from('a photo of the type plate'),
      photo_type: 'image/webp',
      status: 'open',
      answer: null,
      answered_by: null,
      appliance_id: null,
      created_at: now,
      answered_at: null,
    })
    .execute();
  await db
    .insertInto('push_subscriptions')
    .values({
      id: newId(),
      customer_id: id,
      endpoint: `https://push.example/${id}`,
      p256dh: 'BPublicKey',
      auth: 'authsecret',
      user_agent: 'Firefox on Android',
      created_at: now,
      last_sent_at: null,
    })
    .execute();
  const planId = newId();
  const product = await db
    .selectFrom('products')
    .select('id')
    .where('sku', '=', 'PRIV-BAG')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('replenishment_plans')
    .values({
      id: planId,
      customer_id: id,
      appliance_id: 'appl-priv',
      product_id: product.id,
      quantity: 2,
      predicted_days: null,
      chosen_days: 60,
      orders_seen: 1,
      last_ordered_on: '2026-11-30',
      next_run_out: '2027-01-29',
      cycle: 1,
      status: 'active',
      created_at: now,
      updated_at: now,
    })
    .execute();
  await db
    .insertInto('replenishment_reminders')
    .values({
      id: newId(),
      plan_id: planId,
      cycle: 1,
      product_id: product.id,
      quantity: 2,
      quoted_cents: 1295,
      price_valid_until: now,
      run_out_on: '2027-01-29',
      created_at: now,
    })
    .execute();
  const messageId = newId();
  await db
    .insertInto('gateway_messages')
    .values({
      id: messageId,
      idempotency_key: `priv:${id}`,
      customer_id: id,
      to_address: person.email,
      topic: 'replenishment',
      template: 'replenishment-reminder',
      data_json: JSON.stringify({ name: person.name }),
      locale: 'nl',
      subject: 'Bijna op?',
      urgency: 'low',
      deadline: null,
      on_request: 0,
      status: 'held',
      channel: 'email',
      reason: 'quiet-hours',
      hold_until: now,
      decisions: 1,
      created_at: now,
      updated_at: now,
      sent_at: null,
    })
    .execute();
  await db
    .insertInto('message_decisions')
    .values({
      id: newId(),
      message_id: messageId,
      customer_id: id,
      topic: 'replenishment',
      phase: 'queued',
      action: 'hold',
      channel: 'email',
      reason: 'quiet-hours',
      hold_until: now,
      decided_at: now,
    })
    .execute();
  await db
    .insertInto('unsubscribe_tokens')
    .values({
      token_hash: `unsub-${id}`,
      customer_id: id,
      topic: 'replenishment',
      message_id: messageId,
      created_at: now,
      used_at: null,
    })
    .execute();

  // two orders: one with the account, one as a guest with the address typed in capitals
  const withAccount = await placeOrder(t, person);
  await db.updateTable('orders').set({ customer_id: id }).where('number', '=', withAccount).execute();
  const asGuest = await placeOrder(t, person, person.email.toUpperCase());
  await runJobsUntilIdle(t.ctx, defaultJobKinds);
  return { id, token, orderNumbers: [withAccount, asGuest] };
}
