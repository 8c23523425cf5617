import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { after, before, beforeEach, describe, it } from 'node:test';
import { Browser } from '../../test/helpers/forms.ts';
import {
  addAnne,
  orderConsumableAt,
  planOf,
  REPLENISHMENT_SKU,
  regularCustomer as regularCustomerOf,
  remindersOn,
  startReplenishmentShop,
} from '../../test/helpers/replenishment-fixtures.ts';
import { addCustomer, signedInCustomer } from '../../test/helpers/signed-in-customer.ts';
import type { TestApp } from '../../test/helpers/test-app.ts';
import { runJobsUntilIdle } from '../jobs/run-jobs.ts';
import { viewCart } from '../orders/view-cart.ts';
import { proposePlans } from './propose-plans.ts';
import { reminderLinkPath } from './reminder-links.ts';
import { replenishmentRemindersJob, sendReminders } from './send-reminders.ts';

const SKU = REPLENISHMENT_SKU;
const orderAt = (t: TestApp, customerId: string, when: string, quantity = 2) =>
  orderConsumableAt(t, customerId, when, quantity);

/** Places the browser's cart at the checkout page, as Anne, by bank transfer. */
function placeAsAnne(browser: Browser) {
  return browser.post('/checkout', {
    idempotency_key: randomUUID(),
    email: 'anne@example.nl',
    name: 'Anne de Vries',
    street: 'Oudegracht',
    houseNumber: '12',
    addition: '',
    postcode: '3511AB',
    city: 'Utrecht',
    country: 'NL',
    shippingMethod: 'parcel',
    paymentMethod: 'bank-transfer',
  });
}

function linkPath(
  t: TestApp,
  action: 'reorder' | 'skip' | 'snooze' | 'interval' | 'stop',
  planId: string,
  cycle: number,
) {
  return reminderLinkPath(t.config.sessionSecret, { action, planId, cycle });
}

describe('replenishment', () => {
  let t: TestApp;
  let anne: string;
  let productId: string;

  before(async () => {
    ({ t, productId } = await startReplenishmentShop());
  });
  after(() => t.close());

  beforeEach(async () => {
    anne = await addAnne(t);
    await t.db.updateTable('products').set({ price_cents: 1000 }).where('id', '=', productId).execute();
  });

  /** Three orders 8 weeks apart: a plan predicted at 56 days, running out on 2026-07-23. */
  const regularCustomer = () => regularCustomerOf(t, anne);

  it('proposes a plan from the customer’s own orders, predicting the median gap', async () => {
    await regularCustomer();
    const plan = await planOf(t, anne);
    assert.equal(plan.predicted_days, 56);
    assert.equal(plan.chosen_days, null);
    assert.equal(plan.orders_seen, 3);
    assert.equal(plan.quantity, 3, 'the last order’s quantity');
    assert.equal(plan.last_ordered_on, '2026-04-27');
    assert.equal(plan.next_run_out, '2026-06-22');
    assert.equal(plan.status, 'active');
    // proposing again changes nothing; a new order starts a new cycle with a new run-out
    await proposePlans(t.ctx, anne);
    assert.equal((await planOf(t, anne)).cycle, 1);
    await orderAt(t, anne, '2026-06-20T10:00:00Z');
    await proposePlans(t.ctx, anne);
    const next = await planOf(t, anne);
    assert.equal(next.cycle, 2);
    assert.equal(next.next_run_out, '2026-08-15');
  });

  it('proposes no date from a single order: the customer sets the interval', async () => {
    await orderAt(t, anne, '2026-01-05T10:00:00Z');
    await proposePlans(t.ctx, anne);
    const plan = await planOf(t, anne);
    assert.equal(plan.predicted_days, null);
    assert.equal(plan.next_run_out, null);
  });

  it('reminds five days before the run-out, once per cycle, through the gateway with the price of that day', async () => {
    await regularCustomer();
    const plan = await planOf(t, anne);
    t.clock.set('2026-06-16T10:00:00Z'); // six days before
    await sendReminders(t.ctx);
    const mine = () =>
      t.db.selectFrom('gateway_messages').selectAll().where('customer_id', '=', anne).execute();
    assert.equal((await mine()).length, 0);
    t.clock.set('2026-06-17T10:00:00Z'); // five days before
    await sendReminders(t.ctx);
    const [message] = await mine();
    assert.ok(message);
    assert.equal(message.idempotency_key, `replenishment:${plan.id}:1`);
    assert.equal(message.topic, 'replenishment');
    assert.equal(message.urgency, 'normal');
    assert.equal(message.template, 'replenishment-reminder');
    assert.equal(message.deadline, '2026-06-21T22:00:00.000Z', 'the start of the run-out day in Amsterdam');
    assert.equal(message.status, 'queued');
    assert.equal(message.reason, 'consent');
    const data = JSON.parse(message.data_json) as {
      quotedCents: number;
      priceValidUntil: string;
      links: { reorder: string };
    };
    assert.equal(data.quotedCents, 3000, '3 × € 10.00');
    assert.equal(data.priceValidUntil, '2026-06-24');
    assert.ok(data.links.reorder.endsWith(linkPath(t, 'reorder', plan.id, 1)));
    const reminder = await t.db
      .selectFrom('replenishment_reminders')
      .selectAll()
      .where('plan_id', '=', plan.id)
      .executeTakeFirstOrThrow();
    assert.equal(reminder.quoted_cents, 1000);
    assert.equal(reminder.price_valid_until, '2026-06-24T22:00:00.000Z', 'through 24 June in Amsterdam');
    // the next days add nothing for this cycle
    t.clock.set('2026-06-18T10:00:00Z');
    await sendReminders(t.ctx);
    assert.equal((await mine()).length, 1);
  });

  it('asks the gateway even when reminders are off, and the gateway drops it for want of consent', async () => {
    await regularCustomer();
    await remindersOn(t, anne, false);
    t.clock.set('2026-06-17T10:00:00Z');
    await sendReminders(t.ctx);
    const message = await t.db
      .selectFrom('gateway_messages')
      .selectAll()
      .where('customer_id', '=', anne)
      .executeTakeFirstOrThrow();
    assert.equal(message.status, 'dropped');
    assert.equal(message.reason, 'no-consent');
  });

  it('moves a plan whose run-out passed without an order to its next cycle, and reminds again before that', async () => {
    await regularCustomer();
    t.clock.set('2026-06-17T10:00:00Z');
    await sendReminders(t.ctx);
    t.clock.set('2026-06-23T10:00:00Z');
    await sendReminders(t.ctx);
    const plan = await planOf(t, anne);
    assert.equal(plan.cycle, 2);
    assert.equal(plan.next_run_out, '2026-08-17');
    t.clock.set('2026-08-12T10:00:00Z');
    await sendReminders(t.ctx);
    const keys = await t.db
      .selectFrom('gateway_messages')
      .select('idempotency_key')
      .where('customer_id', '=', anne)
      .orderBy('created_at')
      .execute();
    assert.deepEqual(
      keys.map((k) => k.idempotency_key),
      [`replenishment:${plan.id}:1`, `replenishment:${plan.id}:2`],
    );
  });

  it('runs daily: the job schedules the next run at 09:00 shop time and sends what is due', async () => {
    await regularCustomer();
    t.clock.set('2026-06-17T07:00:00Z'); // 09:00 in Amsterdam (summer time)
    await replenishmentRemindersJob.run(t.ctx, {
      id: 'x',
      kind: 'replenishment-reminders',
      payload: {},
      attempt: 1,
    });
    const next = await t.db
      .selectFrom('jobs')
      .selectAll()
      .where('idempotency_key', '=', 'replenishment-reminders:2026-06-18')
      .executeTakeFirstOrThrow();
    assert.equal(next.run_at, '2026-06-18T07:00:00.000Z');
    assert.equal(
      (await t.db.selectFrom('gateway_messages').select('id').where('customer_id', '=', anne).execute())
        .length,
      1,
    );
  });

  it('a one-tap link shows a confirm page on GET and changes nothing; POST skips this time', async () => {
    await regularCustomer();
    t.clock.set('2026-06-17T10:00:00Z');
    await sendReminders(t.ctx);
    const plan = await planOf(t, anne);
    const browser = new Browser(t.app); // not signed in: the link alone is enough for its one action
    const path = linkPath(t, 'skip', plan.id, 1);
    const page = await browser.get(`${path}?lang=en`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Skip this time/);
    assert.match(page.body, /<form method="post"/);
    assert.deepEqual(await planOf(t, anne), plan, 'a GET (a link scanner) changes nothing');
    const done = await browser.post(path, {});
    assert.equal(done.statusCode, 200, done.body);
    assert.match(done.body, /Skipped/);
    const skipped = await planOf(t, anne);
    assert.equal(skipped.next_run_out, '2026-08-17');
    assert.equal(skipped.cycle, 2);
    // the same link again belongs to a reminder that is no longer current
    const again = await browser.post(path, {});
    assert.equal(again.statusCode, 409);
    assert.match(again.body, /out of date/);
    assert.equal((await planOf(t, anne)).next_run_out, '2026-08-17');
  });

  it('refuses a tampered link with a clear page in the visitor’s language, and acts on nothing', async () => {
    await regularCustomer();
    const plan = await planOf(t, anne);
    const browser = new Browser(t.app);
    const stop = linkPath(t, 'stop', plan.id, 1);
    const forged = stop.replace('/stop/', '/skip/');
    const page = await browser.get(`${forged}?lang=nl`);
    assert.equal(page.statusCode, 403);
    assert.match(page.body, /Deze link klopt niet/);
    await browser.get(`${stop}?lang=en`); // a real page, for the form token
    const post = await browser.post(stop.slice(0, -3), {});
    assert.equal(post.statusCode, 403);
    assert.match(post.body, /This link is not valid/);
    assert.equal((await planOf(t, anne)).status, 'active');
  });

  it('snooze reminds a week later; stop ends the reminders; a new interval from the link is the customer’s', async () => {
    await regularCustomer();
    t.clock.set('2026-06-17T10:00:00Z');
    await sendReminders(t.ctx);
    const plan = await planOf(t, anne);
    const browser = new Browser(t.app);
    await browser.get(linkPath(t, 'snooze', plan.id, 1));
    const snoozed = await browser.post(linkPath(t, 'snooze', plan.id, 1), {});
    assert.match(snoozed.body, /24 (June|juni)/);
    assert.equal((await planOf(t, anne)).next_run_out, '2026-06-29');
    t.clock.set('2026-06-23T10:00:00Z');
    await sendReminders(t.ctx);
    t.clock.set('2026-06-24T10:00:00Z');
    await sendReminders(t.ctx);
    const keys = await t.db
      .selectFrom('gateway_messages')
      .select(['idempotency_key', 'created_at'])
      .where('customer_id', '=', anne)
      .orderBy('created_at')
      .execute();
    assert.deepEqual(
      keys.map((k) => [k.idempotency_key, k.created_at.slice(0, 10)]),
      [
        [`replenishment:${plan.id}:1`, '2026-06-17'],
        [`replenishment:${plan.id}:2`, '2026-06-24'],
      ],
    );

    const interval = linkPath(t, 'interval', plan.id, 1); // works from any reminder: it is the customer's choice
    await browser.get(interval);
    const bad = await browser.post(`${interval}?lang=en`, { days: '3' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /between 7 and 730/);
    const good = await browser.post(interval, { days: '70' });
    assert.equal(good.statusCode, 200);
    const changed = await planOf(t, anne);
    assert.equal(changed.chosen_days, 70);
    assert.equal(changed.next_run_out, '2026-07-06', 'last order (27 April) + 70 days');

    const stop = linkPath(t, 'stop', plan.id, 1);
    await browser.get(stop);
    await browser.post(stop, {});
    assert.equal((await planOf(t, anne)).status, 'stopped');
    t.clock.set('2026-07-01T10:00:00Z');
    const run = await sendReminders(t.ctx);
    assert.equal(run.requested, 0, 'no reminder for a stopped plan');
  });

  it('reorder fills the cart and goes to the checkout; the quoted price holds 7 days, then today’s price', async () => {
    await regularCustomer();
    t.clock.set('2026-06-17T10:00:00Z');
    await sendReminders(t.ctx);
    const plan = await planOf(t, anne);
    await t.db.updateTable('products').set({ price_cents: 1200 }).where('id', '=', productId).execute();

    const browser = new Browser(t.app);
    const reorder = linkPath(t, 'reorder', plan.id, 1);
    const confirm = await browser.get(`${reorder}?lang=en`);
    assert.match(confirm.body, /€30\.00/);
    t.clock.set('2026-06-20T10:00:00Z');
    const go = await browser.post(reorder, {});
    assert.equal(go.statusCode, 303);
    assert.equal(go.headers.location, '/checkout');
    const cartId = [...browser.cookies].find(([k]) => k.endsWith('tb_cart'))?.[1];
    assert.ok(cartId);
    let cart = await viewCart(t.ctx, cartId);
    assert.deepEqual(
      cart?.lines.map((l) => [l.sku, l.quantity, l.unitPriceCents]),
      [[SKU, 3, 1000]],
      'the reminder’s price, not today’s € 12.00',
    );
    const cartPage = await browser.get('/cart?lang=en');
    assert.match(cartPage.body, /€30\.00/);

    // the checkout charges it
    const checkout = await browser.get('/checkout?lang=en');
    assert.equal(checkout.statusCode, 200);
    const placed = await placeAsAnne(browser);
    assert.equal(placed.statusCode, 303, placed.body);
    const line = await t.db
      .selectFrom('order_lines')
      .innerJoin('orders', 'orders.id', 'order_lines.order_id')
      .select(['order_lines.unit_price_cents', 'orders.items_cents'])
      .where('orders.cart_id', '=', cartId)
      .executeTakeFirstOrThrow();
    assert.deepEqual(line, { unit_price_cents: 1000, items_cents: 3000 });
    // used up by that order: the same cart pays today's price next time
    await browser.post('/cart/lines', { sku: SKU, quantity: '1' });
    cart = await viewCart(t.ctx, cartId);
    assert.equal(cart?.lines[0]?.unitPriceCents, 1200);

    // a second reminder's link, used after the 7 days: today's price
    const other = await addCustomer(t.ctx, `bram-${randomUUID()}@example.nl`, 'Bram');
    await remindersOn(t, other);
    await orderAt(t, other, '2026-03-01T10:00:00Z');
    await orderAt(t, other, '2026-04-26T10:00:00Z');
    await proposePlans(t.ctx, other);
    t.clock.set('2026-06-16T10:00:00Z');
    await sendReminders(t.ctx);
    const bramPlan = await planOf(t, other);
    const late = new Browser(t.app);
    t.clock.set('2026-06-23T22:00:00Z'); // the reminder of 16 June held its price through 23 June
    await late.get(linkPath(t, 'reorder', bramPlan.id, 1));
    await late.post(linkPath(t, 'reorder', bramPlan.id, 1), {});
    const lateCart = [...late.cookies].find(([k]) => k.endsWith('tb_cart'))?.[1];
    assert.equal((await viewCart(t.ctx, lateCart!))?.lines[0]?.unitPriceCents, 1200);
  });

  it('honours the reminder’s price for the reminder’s quantity only: extra units pay today’s price', async () => {
    await regularCustomer(); // the plan reorders 3
    t.clock.set('2026-06-17T10:00:00Z');
    await sendReminders(t.ctx);
    const plan = await planOf(t, anne);
    await t.db.updateTable('products').set({ price_cents: 1200 }).where('id', '=', productId).execute();
    const browser = new Browser(t.app);
    const reorder = linkPath(t, 'reorder', plan.id, 1);
    await browser.get(`${reorder}?lang=en`);
    assert.equal((await browser.post(reorder, {})).statusCode, 303);
    const cartId = [...browser.cookies].find(([k]) => k.endsWith('tb_cart'))![1];

    // the customer raises the line to 5 on the cart page: 3 at the reminder's price, 2 at today's
    await browser.get('/cart?lang=en');
    assert.equal((await browser.post(`/cart/lines/${SKU}`, { quantity: '5' })).statusCode, 303);
    let line = (await viewCart(t.ctx, cartId))!.lines[0]!;
    assert.deepEqual(line.prices, [
      { quantity: 3, unitPriceCents: 1000 },
      { quantity: 2, unitPriceCents: 1200 },
    ]);
    assert.equal(line.lineTotalCents, 3 * 1000 + 2 * 1200);
    const page = await browser.get('/cart?lang=en');
    assert.match(page.body, /3 × €10\.00 \(the price in your reminder\)/);
    assert.match(page.body, /2 × €12\.00 \(today’s price\)/);
    assert.match(page.body, /€54\.00/);

    // confirming the link again adds the plan's 3 once more, but does not stretch the promise
    await browser.get(reorder);
    assert.equal((await browser.post(reorder, {})).statusCode, 303);
    line = (await viewCart(t.ctx, cartId))!.lines[0]!;
    assert.equal(line.quantity, 8);
    assert.equal(line.lineTotalCents, 3 * 1000 + 5 * 1200);

    // the order charges the same: two lines, the promised units and the rest; stock goes down by all 8
    const stockBefore = (
      await t.db.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirstOrThrow()
    ).stock;
    await browser.get('/checkout?lang=en');
    const placed = await placeAsAnne(browser);
    assert.equal(placed.statusCode, 303, placed.body);
    const order = await t.db
      .selectFrom('orders')
      .select(['id', 'items_cents', 'vat_json'])
      .where('cart_id', '=', cartId)
      .executeTakeFirstOrThrow();
    assert.equal(order.items_cents, 9000);
    const lines = await t.db
      .selectFrom('order_lines')
      .select(['quantity', 'unit_price_cents'])
      .where('order_id', '=', order.id)
      .orderBy('id')
      .execute();
    assert.deepEqual(lines, [
      { quantity: 3, unit_price_cents: 1000 },
      { quantity: 5, unit_price_cents: 1200 },
    ]);
    // VAT per order line, as the cart showed it (shipping is free from € 50)
    assert.deepEqual(JSON.parse(order.vat_json), {
      21: Math.round((3000 * 21) / 121) + Math.round((6000 * 21) / 121),
    });
    const stockAfter = (
      await t.db.selectFrom('products').select('stock').where('id', '=', productId).executeTakeFirstOrThrow()
    ).stock;
    assert.equal(stockBefore - stockAfter, 8);

    // the plan learns the order's quantity, both lines together
    await t.db.updateTable('orders').set({ customer_id: anne }).where('id', '=', order.id).execute();
    await proposePlans(t.ctx, anne);
    assert.equal((await planOf(t, anne)).quantity, 8);
  });

  it('charges today’s price when it dropped below the quoted one', async () => {
    await regularCustomer();
    t.clock.set('2026-06-17T10:00:00Z');
    await sendReminders(t.ctx);
    const plan = await planOf(t, anne);
    await t.db.updateTable('products').set({ price_cents: 800 }).where('id', '=', productId).execute();
    const browser = new Browser(t.app);
    await browser.get(linkPath(t, 'reorder', plan.id, 1));
    await browser.post(linkPath(t, 'reorder', plan.id, 1), {});
    const cartId = [...browser.cookies].find(([k]) => k.endsWith('tb_cart'))![1];
    assert.equal((await viewCart(t.ctx, cartId))?.lines[0]?.unitPriceCents, 800);
  });

  it('a reorder of a product taken off sale is refused by name, and nothing lands in the cart', async () => {
    await regularCustomer();
    t.clock.set('2026-06-17T10:00:00Z');
    await sendReminders(t.ctx);
    const plan = await planOf(t, anne);
    await t.db.updateTable('products').set({ active: 0 }).where('id', '=', productId).execute();
    try {
      const browser = new Browser(t.app);
      await browser.get(`${linkPath(t, 'reorder', plan.id, 1)}?lang=en`);
      const refused = await browser.post(linkPath(t, 'reorder', plan.id, 1), {});
      assert.equal(refused.statusCode, 409);
      assert.match(refused.body, /not everything is in stock any more: Vacuum bags/);
      assert.equal(
        [...browser.cookies.keys()].some((k) => k.endsWith('tb_cart')),
        false,
      );
    } finally {
      await t.db.updateTable('products').set({ active: 1 }).where('id', '=', productId).execute();
    }
  });

  it('/account/reminders needs sign-in, shows the prediction, and lets the customer correct or stop it', async () => {
    const anonymous = await new Browser(t.app).get('/account/reminders');
    assert.equal(anonymous.statusCode, 303);
    assert.match(String(anonymous.headers.location), /^\/account\/sign-in/);

    await regularCustomer();
    const plan = await planOf(t, anne);
    const browser = await signedInCustomer(t.app, t.ctx, anne);
    const page = await browser.get('/account/reminders?lang=en');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Predicted: every 56 days \(from 3 orders\)/);
    assert.match(page.body, /We never order by ourselves/);

    const bad = await browser.post(`/account/reminders/${plan.id}?lang=en`, {
      action: 'interval',
      days: 'lots',
    });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /between 7 and 730/);
    const saved = await browser.post(`/account/reminders/${plan.id}`, { action: 'interval', days: '42' });
    assert.equal(saved.statusCode, 303);
    const after = await browser.get('/account/reminders?lang=en');
    assert.match(after.body, /Set by you: every 42 days/);
    await browser.post(`/account/reminders/${plan.id}`, { action: 'stop' });
    assert.equal((await planOf(t, anne)).status, 'stopped');

    // someone else's plan is not found
    const bram = await addCustomer(t.ctx, `bram-${randomUUID()}@example.nl`, 'Bram');
    const other = await signedInCustomer(t.app, t.ctx, bram);
    await other.get(linkPath(t, 'stop', plan.id, 1)); // any page with a form, for the form token
    const probe = await other.post(`/account/reminders/${plan.id}`, { action: 'resume' });
    assert.equal(probe.statusCode, 404);
    assert.equal((await planOf(t, anne)).status, 'stopped');
  });

  it('the reminder e-mail is delivered by the gateway’s job with its one-tap links', async () => {
    await regularCustomer();
    t.clock.set('2026-06-17T10:00:00Z');
    await sendReminders(t.ctx);
    const { defaultJobKinds } = await import('../jobs/default-kinds.ts');
    await runJobsUntilIdle(t.ctx, defaultJobKinds);
    const mail = await t.db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('template', '=', 'replenishment-reminder')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    assert.match(mail.subject, /Running out soon/);
    for (const action of ['reorder', 'skip', 'snooze', 'interval', 'stop'])
      assert.match(mail.text_body, new RegExp(`/reminders/${action}/[0-9a-f-]{36}\\.1\\.[\\w-]{43}`));
  });
});
