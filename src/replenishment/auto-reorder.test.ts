import assert from 'node:assert/strict';
import { after, before, beforeEach, describe, it } from 'node:test';
import {
  addAnne,
  planOf,
  REPLENISHMENT_SKU,
  regularCustomer,
  startReplenishmentShop,
} from '../../test/helpers/replenishment-fixtures.ts';
import { signedInCustomer } from '../../test/helpers/signed-in-customer.ts';
import type { TestApp } from '../../test/helpers/test-app.ts';
import { newId } from '../db/ids.ts';
import { defaultJobKinds } from '../jobs/default-kinds.ts';
import { runJobsUntilIdle } from '../jobs/run-jobs.ts';
import { sendReminders } from './send-reminders.ts';

describe('automatic reordering, the customer’s own choice per plan', () => {
  let t: TestApp;
  let anne: string;
  let productId: string;

  before(async () => {
    ({ t, productId } = await startReplenishmentShop());
  });
  after(() => t.close());

  beforeEach(async () => {
    anne = await addAnne(t);
    await t.db.updateTable('products').set({ stock: 500 }).where('id', '=', productId).execute();
    await regularCustomer(t, anne); // a plan for 3 bags, running out on 2026-07-23, reminded from 2026-06-17
  });

  async function saveAddress(customerId: string): Promise<void> {
    const at = new Date(t.clock.now().epochMilliseconds).toISOString();
    await t.db
      .insertInto('customer_addresses')
      .values({
        id: newId(),
        customer_id: customerId,
        name: 'Anne de Vries',
        street: 'Oudegracht',
        house_number: '12',
        addition: '',
        postcode: '3511AB',
        city: 'Utrecht',
        country: 'NL',
        created_at: at,
        last_used_at: at,
      })
      .execute();
  }

  const emailOf = async (customerId: string) =>
    (
      await t.db
        .selectFrom('customers')
        .select('email')
        .where('id', '=', customerId)
        .executeTakeFirstOrThrow()
    ).email;
  const ordersOf = (customerId: string) =>
    t.db
      .selectFrom('orders')
      .selectAll()
      .where('customer_id', '=', customerId)
      .orderBy('created_at')
      .execute();
  const remindersTo = (customerId: string) =>
    t.db
      .selectFrom('gateway_messages')
      .selectAll()
      .where('customer_id', '=', customerId)
      .where('template', '=', 'replenishment-reminder')
      .execute();

  it('is off until the customer turns it on, which needs an address they had something delivered to', async () => {
    const plan = await planOf(t, anne);
    assert.equal(plan.auto_reorder_since, null, 'off by default');
    const browser = await signedInCustomer(t.app, t.ctx, anne);
    const page = await browser.get('/account/reminders?lang=en');
    assert.match(page.body, /Turn on automatic reordering/);
    assert.match(page.body, /Nothing is charged: you pay by bank transfer/);

    const refused = await browser.post(`/account/reminders/${plan.id}?lang=en`, { action: 'auto-on' });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /Automatic reordering needs an address/);
    assert.equal((await planOf(t, anne)).auto_reorder_since, null, 'nothing changed');

    await saveAddress(anne);
    t.clock.set('2026-05-01T08:00:00Z');
    const on = await browser.post(`/account/reminders/${plan.id}`, { action: 'auto-on' });
    assert.equal(on.statusCode, 303);
    assert.equal((await planOf(t, anne)).auto_reorder_since, '2026-05-01T08:00:00.000Z');
    const nl = await browser.get('/account/reminders?lang=nl');
    assert.match(nl.body, /Staat aan, sinds vrijdag 1 mei\./);
    assert.match(nl.body, /Automatisch bijbestellen uitzetten/);

    await browser.post(`/account/reminders/${plan.id}`, { action: 'auto-off' });
    assert.equal((await planOf(t, anne)).auto_reorder_since, null);
  });

  it('places one bank-transfer order instead of the reminder, and its confirmation says it was automatic', async () => {
    await saveAddress(anne);
    const plan = await planOf(t, anne);
    const browser = await signedInCustomer(t.app, t.ctx, anne);
    await browser.get('/account/reminders');
    assert.equal(
      (await browser.post(`/account/reminders/${plan.id}`, { action: 'auto-on' })).statusCode,
      303,
    );
    const before = (await ordersOf(anne)).length;

    t.clock.set('2026-06-16T10:00:00Z'); // six days before the run-out: nothing yet
    assert.equal((await sendReminders(t.ctx)).ordered, 0);
    t.clock.set('2026-06-17T10:00:00Z');
    assert.equal((await sendReminders(t.ctx)).ordered, 1);
    const orders = await ordersOf(anne);
    assert.equal(orders.length, before + 1);
    const order = orders.at(-1)!;
    assert.equal(order.payment_method, 'bank-transfer', 'nothing is charged');
    assert.equal(order.status, 'awaiting_payment');
    assert.equal(order.email, await emailOf(anne));
    const lines = await t.db.selectFrom('order_lines').selectAll().where('order_id', '=', order.id).execute();
    assert.deepEqual(
      lines.map((l) => [l.sku, l.quantity]),
      [[REPLENISHMENT_SKU, 3]],
      'the plan’s quantity',
    );
    assert.equal((await remindersTo(anne)).length, 0, 'no reminder when the order was placed');

    // later runs (and a rerun the same day) place nothing more for this cycle
    assert.equal((await sendReminders(t.ctx)).ordered, 0);
    t.clock.set('2026-06-18T10:00:00Z');
    assert.equal((await sendReminders(t.ctx)).ordered, 0);
    assert.equal((await ordersOf(anne)).length, before + 1);

    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const mail = await t.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('template', '=', 'order-confirmation')
      .where('text_body', 'like', `%${order.number}%`)
      .executeTakeFirstOrThrow();
    assert.match(mail.text_body, /We placed this order automatically, as you chose for this item yourself/);
    assert.match(
      mail.text_body,
      /Change or turn off automatic reordering: http:\/\/[^\s]+\/account\/reminders/,
    );
    const later = await signedInCustomer(t.app, t.ctx, anne); // a new session: months went by
    const page = await later.get('/account/reminders?lang=en');
    assert.match(page.body, new RegExp(`Last ordered automatically: order ${order.number}\\.`));
  });

  it('sends the reminder, saying why, when the order cannot be placed (out of stock)', async () => {
    await saveAddress(anne);
    const plan = await planOf(t, anne);
    await t.db
      .updateTable('replenishment_plans')
      .set({ auto_reorder_since: '2026-05-01T08:00:00.000Z' })
      .where('id', '=', plan.id)
      .execute();
    await t.db.updateTable('products').set({ stock: 0 }).where('id', '=', productId).execute();
    const before = (await ordersOf(anne)).length;

    t.clock.set('2026-06-17T10:00:00Z');
    assert.equal((await sendReminders(t.ctx)).ordered, 0);
    assert.equal((await ordersOf(anne)).length, before, 'no order');
    const [reminder, ...more] = await remindersTo(anne);
    assert.equal(more.length, 0);
    assert.equal(JSON.parse(reminder!.data_json).autoFailed, 'out-of-stock');
    await sendReminders(t.ctx);
    assert.equal((await remindersTo(anne)).length, 1, 'once per cycle');

    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const mail = await t.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('template', '=', 'replenishment-reminder')
      .where('to_address', '=', await emailOf(anne))
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(
      mail.text_body,
      /You chose automatic reordering, but this time it did not work: the item was out of stock\./,
    );
    const browser = await signedInCustomer(t.app, t.ctx, anne);
    const page = await browser.get('/account/reminders?lang=en');
    assert.match(page.body, /Last time we could not order automatically: the item was out of stock\./);
  });
});
